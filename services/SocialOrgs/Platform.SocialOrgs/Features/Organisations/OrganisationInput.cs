using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PersonalData;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>A contact of an organisation.</summary>
/// <param name="Name">Name, e.g. 李梅.</param>
/// <param name="Role">Role in the organisation, e.g. 负责人.</param>
/// <param name="Phone">Mainland mobile number; stored encrypted and shown masked.</param>
public sealed record ContactRequest(string? Name, string? Role, string? Phone)
{
    /// <summary>What is wrong with the contact, or null; the list that holds it reports it (see <see cref="OrganisationInput.ContactsProblem"/>).</summary>
    public string? Problem() =>
        OrganisationContact.NameProblem(Name) is { } name ? $"name: {name}"
        : OrganisationContact.RoleProblem(Role) is { } role ? $"role: {role}"
        : MobilePhone.TryParse(Phone, out _, out var phone) ? null
        : $"phone: {phone}";

    /// <summary>The contact, its phone protected; the request's validation has accepted it.</summary>
    public OrganisationContact ToContact(PersonalDataProtector protector) =>
        MobilePhone.TryParse(Phone, out var phone, out var problem)
            ? OrganisationContact.Of(Name!, Role!, phone, protector)
            : throw new InvalidOperationException($"The request's validation let a malformed phone through: {problem}");
}

/// <summary>The shape checks and territory lookups the registry's requests share.</summary>
internal static class OrganisationInput
{
    /// <summary>
    /// Why a list of contacts is unacceptable, or null: too many, or the first contact that is wrong, by its position
    /// (reported under the list's own field, as clients name it).
    /// </summary>
    public static string? ContactsProblem(IReadOnlyList<ContactRequest>? contacts) =>
        contacts is null ? null
        : contacts.Count > Organisation.MaxContacts ? $"At most {Organisation.MaxContacts} contacts."
        : contacts.Select((contact, index) => contact.Problem() is { } problem ? $"Contact {index + 1}, {problem}" : null).FirstOrDefault(p => p is not null);

    /// <summary>Why a list of service areas is unacceptable as a whole, or null.</summary>
    public static string? ServiceAreasProblem(IReadOnlyList<Guid>? serviceAreaIds) =>
        serviceAreaIds?.Count > Organisation.MaxServiceAreas ? $"At most {Organisation.MaxServiceAreas} service areas." : null;

    /// <summary>The refusal of a home node outside the caller's area.</summary>
    public static string NotInCallersArea(Guid id) => $"No street or community {id} in your area.";

    /// <summary>The refusal of a service area the district does not have.</summary>
    public static string UnknownServiceArea(Guid id) => $"No node {id} in the district.";

    /// <summary>
    /// The home node, which must lie in the caller's scope. <see cref="OrganisationPlacementCheck"/> has refused it with
    /// the request's other problems already; this refuses a node that changed in between.
    /// </summary>
    /// <exception cref="DomainException">No such node in the caller's area.</exception>
    public static async Task<TerritoryReplicaNode> HomeNodeAsync(Guid id, CallerScope scope, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return node is not null && scope.Sees(node.Path)
            ? node
            : throw new DomainException(SocialOrgErrors.InvalidHomeNode, NotInCallersArea(id), "homeNodeId");
    }

    /// <summary>The service areas, each a node of the district (checked with the request first, as the home node is).</summary>
    /// <exception cref="DomainException">One of them is not a node of the district.</exception>
    public static async Task<IReadOnlyList<TerritoryReplicaNode>> ServiceAreasAsync(
        IReadOnlyList<Guid> ids, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var nodes = await db.TerritoryNodes.AsNoTracking().Where(n => distinct.Contains(n.Id)).ToListAsync(cancellationToken);
        if (nodes.Count < distinct.Count)
        {
            var missing = distinct.First(id => nodes.All(n => n.Id != id));
            throw new DomainException(SocialOrgErrors.InvalidServiceArea, UnknownServiceArea(missing), "serviceAreaIds");
        }

        return [.. distinct.Select(id => nodes.Single(n => n.Id == id))];
    }
}
