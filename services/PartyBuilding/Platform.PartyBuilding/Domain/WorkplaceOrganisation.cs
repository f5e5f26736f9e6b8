using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain;

/// <summary>
/// Where a workplace party organisation's own records live: in this district, in another district on the platform
/// (that district's tenant and the organisation's id there, which feedback is addressed to), or outside the platform.
/// </summary>
/// <param name="Location">Where.</param>
/// <param name="DistrictId">The other district's tenant id, with <see cref="WorkplaceRecordsLocation.OtherDistrict"/> only.</param>
/// <param name="OrganisationId">The organisation's id in the other district, with <see cref="WorkplaceRecordsLocation.OtherDistrict"/> only.</param>
public sealed record WorkplaceRecords(WorkplaceRecordsLocation Location, Guid? DistrictId, Guid? OrganisationId)
{
    /// <summary>Why the combination is unacceptable, or null: another district needs both ids, the other locations neither.</summary>
    public string? Problem() =>
        Location == WorkplaceRecordsLocation.OtherDistrict
            ? DistrictId is null || OrganisationId is null ? "Records in another district name that district and the organisation's id there." : null
            : DistrictId is not null || OrganisationId is not null ? "Only records in another district name a district and an organisation there." : null;
}

/// <summary>
/// A workplace party organisation (机关, 企事业单位, 两新组织) that in-service party members of the district belong to:
/// its name and kind, the street of the district where it sits (if it sits in the district), how many in-service members
/// it declares, and where its own records live (<see cref="WorkplaceRecords"/>), which decides how feedback reaches it.
/// One whose records live in this district sits in one of its streets.
/// </summary>
public sealed class WorkplaceOrganisation : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The most in-service members a workplace declares.</summary>
    public const int MaxDeclaredMembers = 100_000;

    /// <summary>The kinds of node a workplace sits in: a street, township or town.</summary>
    public static readonly IReadOnlySet<TerritoryNodeKind> StreetKinds = new HashSet<TerritoryNodeKind>
    {
        TerritoryNodeKind.Street, TerritoryNodeKind.Township, TerritoryNodeKind.Town,
    };

    private WorkplaceOrganisation()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Name, e.g. 区人民医院党委.</summary>
    public string Name { get; private set; } = "";

    /// <summary>What kind of workplace it belongs to.</summary>
    public WorkplaceKind Kind { get; private set; }

    /// <summary>The street of this district where it sits; null when it sits elsewhere.</summary>
    public Guid? StreetNodeId { get; private set; }

    /// <summary>
    /// The street's materialised path, or the district's root when it sits elsewhere: a street's officials see the
    /// workplaces in their street, only the district's see the others.
    /// </summary>
    public string NodePath { get; private set; } = TerritoryPath.Root;

    /// <summary>How many in-service party members it declares (the denominator of its reporting coverage).</summary>
    public int DeclaredMembers { get; private set; }

    /// <summary>Where its own records live.</summary>
    public WorkplaceRecordsLocation RecordsLocation { get; private set; }

    /// <summary>The other district's tenant id, when the records live there.</summary>
    public Guid? RecordsDistrictId { get; private set; }

    /// <summary>The organisation's id in the other district, when the records live there.</summary>
    public Guid? RecordsOrganisationId { get; private set; }

    /// <summary>When it was registered in the service.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Where its records live, as one value.</summary>
    public WorkplaceRecords Records => new(RecordsLocation, RecordsDistrictId, RecordsOrganisationId);

    /// <summary>Why a name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) => TextRules.Problem(name, NameMaxLength);

    /// <summary>Why a declared member count is unacceptable, or null.</summary>
    public static string? DeclaredMembersProblem(int? declared) =>
        declared is < 0 or > MaxDeclaredMembers ? $"Between 0 and {MaxDeclaredMembers}." : null;

    /// <summary>Registers a workplace party organisation sitting in <paramref name="street"/> (or outside the district), its records at <paramref name="records"/>.</summary>
    /// <exception cref="DomainException">The street is not a street or is retired, or the records' location does not fit.</exception>
    /// <exception cref="ArgumentException">The name or the count is unacceptable (the request checks them first).</exception>
    public static WorkplaceOrganisation Register(
        string name, WorkplaceKind kind, TerritoryReplicaNode? street, int declaredMembers, WorkplaceRecords records, DateTimeOffset now)
    {
        var workplace = new WorkplaceOrganisation { Id = Guid.CreateVersion7(now), Kind = kind, CreatedAt = now };
        workplace.Describe(name, kind, declaredMembers, now);
        workplace.Place(street, records, now);
        return workplace;
    }

    /// <summary>Changes the name, the kind and the declared in-service members.</summary>
    /// <exception cref="ArgumentException">The name or the count is unacceptable (the request checks them first).</exception>
    public void Describe(string name, WorkplaceKind kind, int declaredMembers, DateTimeOffset now)
    {
        if (NameProblem(name) is { } nameProblem)
        {
            throw new ArgumentException(nameProblem, nameof(name));
        }

        if (DeclaredMembersProblem(declaredMembers) is { } countProblem)
        {
            throw new ArgumentException(countProblem, nameof(declaredMembers));
        }

        Name = name.Trim();
        Kind = kind;
        DeclaredMembers = declaredMembers;
        UpdatedAt = now;
    }

    /// <summary>
    /// Places the workplace in <paramref name="street"/> (null: it sits outside the district) with its records at
    /// <paramref name="records"/>; a workplace that moves keeps its id, and so everything recorded about it.
    /// </summary>
    /// <exception cref="DomainException">The street is not a street or is retired; records in this district without a street; an incomplete other district.</exception>
    public void Place(TerritoryReplicaNode? street, WorkplaceRecords records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (street is not null && (street.Retired || !StreetKinds.Contains(street.Kind)))
        {
            throw new DomainException(PartyBuildingErrors.InvalidStreet, "A workplace sits in a street, township or town that is not retired.", "streetNodeId");
        }

        if (records.Problem() is { } problem)
        {
            throw new DomainException(PartyBuildingErrors.InvalidRecordsLocation, problem, "records");
        }

        if (records.Location == WorkplaceRecordsLocation.ThisDistrict && street is null)
        {
            throw new DomainException(
                PartyBuildingErrors.InvalidRecordsLocation, "A workplace whose records live in this district sits in one of its streets.", "streetNodeId");
        }

        StreetNodeId = street?.Id;
        NodePath = street?.Path ?? TerritoryPath.Root;
        RecordsLocation = records.Location;
        RecordsDistrictId = records.DistrictId;
        RecordsOrganisationId = records.OrganisationId;
        UpdatedAt = now;
    }
}
