using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.PersonalData;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>Changes to an organisation's profile; what is left out stays as it is.</summary>
/// <param name="Name">New name.</param>
/// <param name="Kind">New kind.</param>
/// <param name="ServiceAreaIds">The service areas, replacing the list.</param>
/// <param name="Categories">The categories, replacing the list.</param>
/// <param name="MemberCount">Members.</param>
/// <param name="PartyMemberCount">Party members among them.</param>
/// <param name="Contacts">The contacts, replacing the list.</param>
public sealed record UpdateOrganisationRequest(
    string? Name, OrganisationKind? Kind, IReadOnlyList<Guid>? ServiceAreaIds, IReadOnlyList<ServiceCategory>? Categories,
    int? MemberCount, int? PartyMemberCount, IReadOnlyList<ContactRequest>? Contacts) : IValidatableObject, IOrganisationPlacement
{
    /// <inheritdoc />
    Guid? IOrganisationPlacement.HomeNodeId => null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), Name is null ? null : Organisation.NameProblem(Name)),
        (nameof(ServiceAreaIds), OrganisationInput.ServiceAreasProblem(ServiceAreaIds)),
        (nameof(Contacts), OrganisationInput.ContactsProblem(Contacts)));
}

/// <summary>Changes the profile of an organisation the caller keeps or acts for.</summary>
internal static class UpdateOrganisation
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPatch("organisations/{id:guid}", HandleAsync).ValidateWithStoredData<UpdateOrganisationRequest, OrganisationPlacementCheck>()
            .WithSummary("Change the profile (name, kind, service areas, categories, member counts, contacts) of an organisation the caller keeps or acts for.");

    private static async Task<Ok<OrganisationResponse>> HandleAsync(
        Guid id,
        UpdateOrganisationRequest request,
        ClaimsPrincipal caller,
        SocialOrgsDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(id, db, cancellationToken);
        var serviceAreas = await OrganisationInput.ServiceAreasAsync(request.ServiceAreaIds ?? organisation.ServiceAreaIds, db, cancellationToken);
        organisation.Describe(
            request.Name ?? organisation.Name, request.Kind ?? organisation.Kind, serviceAreas, request.Categories ?? organisation.Categories, now);
        if (request.MemberCount is not null || request.PartyMemberCount is not null)
        {
            organisation.Count(request.MemberCount ?? organisation.MemberCount, request.PartyMemberCount ?? organisation.PartyMemberCount, now);
        }

        if (request.Contacts is { } contacts)
        {
            organisation.ReplaceContacts([.. contacts.Select(contact => contact.ToContact(protector))], now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}
