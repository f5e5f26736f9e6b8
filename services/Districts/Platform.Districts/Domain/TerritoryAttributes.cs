using Platform.Districts.Contracts;
using Platform.Domain;

namespace Platform.Districts.Domain;

/// <summary>社区类型: what kind of housing a community is made of; it decides how its compounds are governed.</summary>
public enum CommunityKind
{
    /// <summary>老旧小区.</summary>
    OldEstate,

    /// <summary>商品房.</summary>
    Commercial,

    /// <summary>保障房.</summary>
    Affordable,

    /// <summary>回迁 / 拆迁安置.</summary>
    Relocation,

    /// <summary>单位大院.</summary>
    WorkUnit,

    /// <summary>城中村.</summary>
    UrbanVillage,

    /// <summary>混合.</summary>
    Mixed,
}

/// <summary>How a compound is governed; follows the community kind (DOMAIN.md §1).</summary>
public enum GovernanceMode
{
    /// <summary>准物业: residents' self-managed services in old estates.</summary>
    QuasiProperty,

    /// <summary>五方共治: party organisation, residents' committee, owners' committee, property company, authority.</summary>
    FiveParty,

    /// <summary>三社联动: community, social organisations and social workers.</summary>
    ThreeSocial,
}

/// <summary>
/// The kind-specific facts about a node. Each attribute belongs to certain kinds only: a community kind to
/// communities and villages, a governance mode to compounds, a floor area to compounds, buildings and units.
/// </summary>
/// <param name="CommunityKind">社区类型, communities and villages only.</param>
/// <param name="GovernanceMode">治理模式, compounds only.</param>
/// <param name="Households">户数, from community level down.</param>
/// <param name="FloorArea">建筑面积 in square metres, compounds, buildings and units.</param>
/// <param name="Location">Optional WGS-84 point.</param>
public sealed record TerritoryAttributes(
    CommunityKind? CommunityKind = null,
    GovernanceMode? GovernanceMode = null,
    int? Households = null,
    decimal? FloorArea = null,
    GeoPoint? Location = null)
{
    /// <summary>No attributes.</summary>
    public static TerritoryAttributes None { get; } = new();

    /// <summary>Throws unless every attribute given is meaningful for <paramref name="kind"/> and in range.</summary>
    /// <exception cref="TerritoryRuleException">An attribute does not apply to the kind or is out of range.</exception>
    public void EnsureValidFor(TerritoryNodeKind kind)
    {
        var isCommunity = kind is TerritoryNodeKind.Community or TerritoryNodeKind.Village;
        var isStreet = kind is TerritoryNodeKind.Street or TerritoryNodeKind.Township or TerritoryNodeKind.Town;
        var hasArea = kind is TerritoryNodeKind.Compound or TerritoryNodeKind.Building or TerritoryNodeKind.Unit;
        NotApplicable(CommunityKind is not null && !isCommunity, "community_kind", kind);
        NotApplicable(GovernanceMode is not null && kind != TerritoryNodeKind.Compound, "governance_mode", kind);
        NotApplicable(Households is not null && isStreet, "households", kind);
        NotApplicable(FloorArea is not null && !hasArea, "floor_area", kind);
        if (Households is < 0)
        {
            throw new TerritoryRuleException(TerritoryErrors.InvalidAttribute, "households cannot be negative.");
        }

        if (FloorArea is <= 0)
        {
            throw new TerritoryRuleException(TerritoryErrors.InvalidAttribute, "floor_area must be greater than zero.");
        }

        if (Location is { IsValid: false })
        {
            throw new TerritoryRuleException(TerritoryErrors.InvalidAttribute, "The location must have a latitude of -90 to 90 and a longitude of -180 to 180.");
        }
    }

    private static void NotApplicable(bool condition, string attribute, TerritoryNodeKind kind)
    {
        if (condition)
        {
            throw new TerritoryRuleException(TerritoryErrors.AttributeNotApplicable, $"{attribute} does not apply to a {kind.ToWire()}.");
        }
    }
}

/// <summary>A WGS-84 point.</summary>
/// <param name="Latitude">Degrees north, -90 to 90.</param>
/// <param name="Longitude">Degrees east, -180 to 180.</param>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Whether both coordinates are in range.</summary>
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
