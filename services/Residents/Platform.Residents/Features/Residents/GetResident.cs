using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.PersonalData;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>One resident, masked; or, for the roles allowed and with a reason, in clear as an audited read.</summary>
internal static class GetResident
{
    /// <summary>Roles that may see a resident's ID number and phone in clear (grid workers may not).</summary>
    public static readonly string[] RevealerRoles =
        [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapGet("{id:guid}", HandleAsync).WithSummary(
            "One resident, masked; reveal=true with a reason returns the ID number and phone in clear and is recorded in the access log.");

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        bool? reveal,
        string? reason,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (resident, _) = await ResidentsInScope.FindAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return ResidentProblems.NotFound(id);
        }

        var masked = ResidentResponse.Masked(resident, DistrictClock.Today(now));
        if (reveal != true)
        {
            return TypedResults.Ok(masked);
        }

        if (!RevealerRoles.Any(caller.IsInRole))
        {
            return new DomainException(ResidentErrors.RevealForbidden, "Your role sees personal data masked only.").ToProblem();
        }

        if (PersonalDataAccess.ReasonProblem(reason) is { } reasonProblem)
        {
            return ProblemResults.Validation("reason", reasonProblem);
        }

        // The entry is written before the data leaves: a read that cannot be recorded does not happen.
        // The keepers policy admits authenticated callers only, so a subject is there.
        var userId = caller.UserId()!;
        db.PersonalDataAccesses.Add(PersonalDataAccess.Record(resident.Id, userId, caller.Identity?.Name, ["idNumber", "phone"], reason!, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(masked with { IdNumber = resident.RevealIdNumber(protector), Phone = resident.RevealPhone(protector), Revealed = true });
    }
}
