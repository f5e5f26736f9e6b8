using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>An organisation as the registry shows it; contacts' phones masked.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Status">unregistered, filed or registered.</param>
/// <param name="LegalForm">social_group (社会团体) or social_service_agency (社会服务机构), once registered.</param>
/// <param name="CreditCode">Its unified social credit code, once registered.</param>
/// <param name="FiledAt">When it was filed (备案).</param>
/// <param name="RegisteredAt">When it was registered (登记).</param>
/// <param name="HomeNodeId">Its home street or community.</param>
/// <param name="ServiceAreaIds">The territory nodes it serves.</param>
/// <param name="Categories">The fields it serves.</param>
/// <param name="MemberCount">Members.</param>
/// <param name="PartyMemberCount">Party members among them.</param>
/// <param name="PartyCoverage">What party coverage it needs and has.</param>
/// <param name="Contacts">Whom to reach, phones masked.</param>
/// <param name="Members">The user ids of those who act for it.</param>
/// <param name="CreatedAt">When it entered the registry.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record OrganisationResponse(
    Guid Id, string Name, OrganisationKind Kind, OrganisationStatus Status, LegalForm? LegalForm, string? CreditCode,
    DateTimeOffset? FiledAt, DateTimeOffset? RegisteredAt, Guid HomeNodeId, IReadOnlyList<Guid> ServiceAreaIds,
    IReadOnlyList<ServiceCategory> Categories, int MemberCount, int PartyMemberCount, PartyCoverageResponse PartyCoverage,
    IReadOnlyList<ContactResponse> Contacts, IReadOnlyList<string> Members, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrganisationResponse From(Organisation organisation) => new(
        organisation.Id, organisation.Name, organisation.Kind, organisation.Status, organisation.LegalForm, organisation.CreditCode,
        organisation.FiledAt, organisation.RegisteredAt, organisation.HomeNodeId, organisation.ServiceAreaIds, organisation.Categories,
        organisation.MemberCount, organisation.PartyMemberCount, PartyCoverageResponse.From(organisation),
        [.. organisation.Contacts.Select(c => new ContactResponse(c.Name, c.Role, c.PhoneMasked))],
        [.. organisation.Members.Select(m => m.UserId)], organisation.CreatedAt, organisation.UpdatedAt);
}

/// <summary>An organisation's party coverage (党建覆盖).</summary>
/// <param name="Required">own_branch for three or more party members, otherwise joint_branch_or_instructor.</param>
/// <param name="Arrangement">What is recorded, if anything.</param>
/// <param name="Contact">The joint branch's or instructor's name.</param>
/// <param name="Covered">Whether what is recorded fulfils what is required.</param>
public sealed record PartyCoverageResponse(PartyRequirement Required, PartyArrangement? Arrangement, string? Contact, bool Covered)
{
    public static PartyCoverageResponse From(Organisation organisation) =>
        new(organisation.PartyRequirement, organisation.PartyArrangement, organisation.PartyContact, organisation.IsPartyCovered);
}

/// <summary>A contact as answers show it.</summary>
/// <param name="Name">Name.</param>
/// <param name="Role">Role in the organisation.</param>
/// <param name="Phone">Masked, 138****8000.</param>
public sealed record ContactResponse(string Name, string Role, string Phone);
