using Platform.Domain;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>Tags to add and to remove.</summary>
/// <param name="Add">Tags to add.</param>
/// <param name="Remove">Tags to remove.</param>
public sealed record ChangeTagsRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Add), ResidentProblems.TagsProblem(Add)),
        (nameof(Remove), ResidentProblems.TagsProblem(Remove)));
}

/// <summary>Adds and removes a resident's tags, and tells the other services when they changed.</summary>
internal static class ChangeResidentTags
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapPost("{id:guid}/tags", HandleAsync).WithSummary("Add and remove tags.");

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        ChangeTagsRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (resident, _) = await ResidentsInScope.FindAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return ResidentProblems.NotFound(id);
        }

        var now = clock.GetUtcNow();
        var changed = resident.Untag(request.Remove ?? []);
        changed |= resident.Tag(request.Add ?? []);
        if (changed)
        {
            resident.Touch(now);
            db.AddIntegrationEvent(ResidentEvents.TagsChanged(tenant.TenantId!.Value, resident, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ResidentResponse.Masked(resident, DistrictClock.Today(now)));
    }
}
