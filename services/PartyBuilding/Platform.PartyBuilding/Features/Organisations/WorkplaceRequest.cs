using System.ComponentModel.DataAnnotations;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>A workplace party organisation, as registered or replaced.</summary>
/// <param name="Name">Name, e.g. 区人民医院党委.</param>
/// <param name="Kind">government_organ, public_institution, state_enterprise, non_public_enterprise or social_organisation.</param>
/// <param name="StreetNodeId">The street of the district where it sits, inside the caller's scope; omitted when it sits elsewhere.</param>
/// <param name="DeclaredMembers">The in-service party members it declares (default 0).</param>
/// <param name="Records">Where its own records live.</param>
public sealed record WorkplaceRequest(string? Name, WorkplaceKind? Kind, Guid? StreetNodeId, int? DeclaredMembers, WorkplaceRecordsDto? Records)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), WorkplaceOrganisation.NameProblem(Name)),
        (nameof(Kind), Kind is null ? "Required." : null),
        (nameof(DeclaredMembers), WorkplaceOrganisation.DeclaredMembersProblem(DeclaredMembers)),
        (nameof(Records), WorkplaceRecordsDto.Problem(Records)));

    /// <summary>
    /// The street, inside the caller's scope, and the records, whose other district must be one the platform knows
    /// (the tenant catalogue) and not this one. Nothing of the other district is read beyond its existence.
    /// </summary>
    /// <exception cref="DomainException">The street is not in the caller's area, or the other district is unknown or this one.</exception>
    internal async Task<(TerritoryReplicaNode? Street, WorkplaceRecords Records)> ResolveAsync(
        OfficialScope scope, PartyBuildingDbContext db, ITenantStore tenants, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var street = StreetNodeId is { } streetId
            ? await scope.NodeAsync(streetId, db, PartyBuildingErrors.InvalidStreet, "streetNodeId", cancellationToken)
            : null;
        var records = Records!.ToRecords();
        if (records.DistrictId is { } districtId
            && (districtId == tenant.TenantId || await tenants.FindByIdAsync(districtId, cancellationToken) is not { IsActive: true }))
        {
            throw new DomainException(PartyBuildingErrors.UnknownDistrict, $"District {districtId} is not another active district on the platform.", "records.districtId");
        }

        return (street, records);
    }
}
