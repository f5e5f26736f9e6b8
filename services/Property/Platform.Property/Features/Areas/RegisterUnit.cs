using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.PersonalData;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Roll;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Areas;

/// <summary>A new exclusive unit of an area's roll.</summary>
/// <param name="Code">Code, unique in the area, e.g. 1-1-101.</param>
/// <param name="BuildingNodeId">The building, one the area covers.</param>
/// <param name="Area">Registered floor area in m² as a decimal string with at most two places, e.g. "89.50".</param>
/// <param name="Delivered">Whether it has been delivered to its buyer.</param>
/// <param name="Holders">Its holders: one or more people or companies, or the developer alone.</param>
public sealed record RegisterUnitRequest(string? Code, Guid? BuildingNodeId, string? Area, bool? Delivered, IReadOnlyList<UnitHolderRequest>? Holders)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var today = DistrictClock.Today(validationContext.GetRequiredService<TimeProvider>().GetUtcNow());
        var holders = Holders ?? [];
        var developers = holders.Count(h => WireNames.TryParse<HolderKind>(h?.Kind, out var kind) && kind == HolderKind.Developer);
        var holderProblems = holders.SelectMany((holder, i) => holder.Problems(today).Select(p => ($"{nameof(Holders)}[{i}].{p.Field}", (string?)p.Problem)));
        return FieldChecks.Problems([
            (nameof(Code), ExclusiveUnit.CodeProblem(Code)),
            (nameof(BuildingNodeId), BuildingNodeId is null ? "The unit's building is required." : null),
            (nameof(Area), FloorArea.Problem(Area)),
            (nameof(Delivered), Delivered is null ? "Say whether the unit has been delivered." : null),
            (nameof(Holders), ExclusiveUnit.HoldersProblem(holders.Count, developers)),
            .. holderProblems,
        ]);
    }
}

/// <summary>
/// Registers a unit of an area the caller keeps, counted for the owner of its holders (found or first recorded here).
/// Allowed while a vote is open: the vote's roll was frozen when it opened.
/// </summary>
internal static class RegisterUnit
{
    public static void Map(IEndpointRouteBuilder areas) =>
        areas.MapPost("{areaId:guid}/units", HandleAsync).WithSummary("Register an exclusive unit with its holders on the area's roll.");

    private static async Task<Results<Created<UnitResponse>, ValidationProblem>> HandleAsync(
        Guid areaId, RegisterUnitRequest request, ClaimsPrincipal caller, PropertyDbContext db, PersonalDataProtector protector, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var building = await db.TerritoryNodes.AsNoTracking()
            .SingleOrDefaultAsync(n => n.Id == request.BuildingNodeId && n.Kind == TerritoryNodeKind.Building && !n.Retired, cancellationToken);
        if (building is null || !area.Covers(building.Path))
        {
            throw new DomainException(PropertyErrors.BuildingOutsideArea, $"No building {request.BuildingNodeId} in area {area.Code}.", "buildingNodeId");
        }

        var code = request.Code!.Trim();
        if (await db.Units.AnyAsync(u => u.AreaId == area.Id && u.Code == code, cancellationToken))
        {
            throw CodeTaken(code);
        }

        var today = DistrictClock.Today(now);
        var holders = request.Holders!.Select(h => h.ToHolder(today, protector)).ToList();
        var delivered = request.Delivered!.Value;
        var key = OwnerKey.Of(delivered, holders);
        var owner = await db.Owners.SingleOrDefaultAsync(o => o.AreaId == area.Id && o.Key == key, cancellationToken);
        if (owner is null)
        {
            owner = AreaOwner.For(area.Id, key, now);
            db.Owners.Add(owner);
        }

        FloorArea.TryParse(request.Area, out var floorArea, out _);
        var unit = ExclusiveUnit.Register(area, code, building.Id, building.Path, floorArea, delivered, holders, owner, now);
        db.Units.Add(unit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation(out var constraint))
        {
            // A unit with this code, or the same new owner, was registered at the same moment; the indexes decided.
            throw constraint?.Contains("Code", StringComparison.Ordinal) == true
                ? CodeTaken(code)
                : new DomainException(PropertyErrors.RollChanged, "The same owner's units were registered at the same moment; send the unit again.");
        }

        return TypedResults.Created($"/api/property/areas/{area.Id}/units/{unit.Id}", UnitResponse.From(unit));
    }

    private static DomainException CodeTaken(string code) => new(PropertyErrors.UnitCodeTaken, $"The area has a unit {code} already.", "code");
}
