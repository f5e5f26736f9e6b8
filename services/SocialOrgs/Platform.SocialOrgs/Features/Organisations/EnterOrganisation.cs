using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.PersonalData;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>A new organisation for the registry.</summary>
/// <param name="Name">Name, e.g. 幸福邻里互助会.</param>
/// <param name="Kind">interest, mutual_aid, public_welfare or professional_service.</param>
/// <param name="HomeNodeId">Its home street (township, town), community or village, inside the caller's scope.</param>
/// <param name="ServiceAreaIds">The territory nodes it serves.</param>
/// <param name="Categories">The fields it serves.</param>
/// <param name="MemberCount">Members (default 0).</param>
/// <param name="PartyMemberCount">Party members among them (default 0).</param>
/// <param name="Contacts">Whom to reach, at most five.</param>
public sealed record EnterOrganisationRequest(
    string? Name, OrganisationKind? Kind, Guid? HomeNodeId, IReadOnlyList<Guid>? ServiceAreaIds, IReadOnlyList<ServiceCategory>? Categories,
    int? MemberCount, int? PartyMemberCount, IReadOnlyList<ContactRequest>? Contacts) : IValidatableObject, IOrganisationPlacement
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), Organisation.NameProblem(Name)),
        (nameof(Kind), Kind is null ? "Required." : null),
        (nameof(HomeNodeId), HomeNodeId is null ? "Required." : null),
        (nameof(ServiceAreaIds), OrganisationInput.ServiceAreasProblem(ServiceAreaIds)),
        (nameof(PartyMemberCount), Organisation.MemberCountsProblem(MemberCount ?? 0, PartyMemberCount ?? 0)),
        (nameof(Contacts), OrganisationInput.ContactsProblem(Contacts)));
}

/// <summary>Enters an organisation in the registry, unregistered, at home inside the caller's scope.</summary>
internal static class EnterOrganisation
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPost("organisations", HandleAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .ValidateWithStoredData<EnterOrganisationRequest, OrganisationPlacementCheck>()
            .WithSummary("Enter an organisation in the registry (unregistered), at home in a street or community of the caller's scope.");

    private static async Task<Created<OrganisationResponse>> HandleAsync(
        EnterOrganisationRequest request,
        ClaimsPrincipal caller,
        SocialOrgsDbContext db,
        ITenantContext tenant,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var home = await OrganisationInput.HomeNodeAsync(request.HomeNodeId!.Value, access.Scope, db, cancellationToken);
        var serviceAreas = await OrganisationInput.ServiceAreasAsync(request.ServiceAreaIds ?? [], db, cancellationToken);
        var organisation = Organisation.Enter(
            request.Name!, request.Kind!.Value, home, serviceAreas, request.Categories ?? [], request.MemberCount ?? 0, request.PartyMemberCount ?? 0,
            [.. (request.Contacts ?? []).Select(contact => contact.ToContact(protector))], now);
        db.Organisations.Add(organisation);
        db.AddIntegrationEvent(OrganisationEvents.StatusChanged(tenant.TenantId!.Value, organisation, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/socialorgs/organisations/{organisation.Id}", OrganisationResponse.From(organisation));
    }
}
