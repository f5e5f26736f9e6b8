using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>How party work reaches an organisation.</summary>
/// <param name="Arrangement">own_branch (three or more party members), joint_branch or instructor (fewer).</param>
/// <param name="Contact">The branch's name (own or joint) or the instructor's name.</param>
public sealed record ArrangePartyWorkRequest(PartyArrangement? Arrangement, string? Contact) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Arrangement), Arrangement is null ? "Required." : null),
        (nameof(Contact), string.IsNullOrWhiteSpace(Contact) ? "Required."
            : Contact.Trim().Length > Organisation.PartyContactMaxLength ? $"At most {Organisation.PartyContactMaxLength} characters." : null));
}

/// <summary>Records the party coverage of an organisation the caller keeps or acts for.</summary>
internal static class ArrangePartyWork
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPut("organisations/{id:guid}/party-coverage", HandleAsync)
            .WithSummary("Record how party work reaches the organisation: its own branch with three or more party members, otherwise a joint branch or an instructor.");

    private static async Task<Ok<OrganisationResponse>> HandleAsync(
        Guid id, ArrangePartyWorkRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(id, db, cancellationToken);
        organisation.ArrangePartyWork(request.Arrangement!.Value, request.Contact!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}
