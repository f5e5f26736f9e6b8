using System.Text.Json.Serialization;
using Platform.Districts.Contracts;
using Platform.Districts.Domain;

namespace Platform.Districts.Features.Territory;

/// <summary>Kind-specific attributes of a node, as the API carries them.</summary>
/// <param name="CommunityKind">社区类型, communities and villages: old_estate, commercial, affordable, relocation, work_unit, urban_village, mixed.</param>
/// <param name="GovernanceMode">治理模式, compounds: quasi_property (准物业), five_party (五方共治), three_social (三社联动).</param>
/// <param name="Households">户数, from community level down.</param>
/// <param name="FloorArea">建筑面积 in m², compounds, buildings and units.</param>
/// <param name="Latitude">WGS-84 latitude; give both or neither.</param>
/// <param name="Longitude">WGS-84 longitude; give both or neither.</param>
/// <remarks>Attributes a node does not have are left out of answers: most nodes have one or two, and a
/// street's tree is thousands of nodes.</remarks>
public sealed record NodeAttributes(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CommunityKind? CommunityKind = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GovernanceMode? GovernanceMode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Households = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? FloorArea = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Latitude = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Longitude = null)
{
    internal TerritoryAttributes ToDomain() => new(
        CommunityKind, GovernanceMode, Households, FloorArea, Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null);

    /// <summary>Why <paramref name="attributes"/> cannot be a node's attributes as sent, or null when they can.</summary>
    internal static string? LocationProblem(NodeAttributes? attributes) =>
        attributes is not null && attributes.Latitude.HasValue != attributes.Longitude.HasValue ? "Give both latitude and longitude, or neither." : null;

    internal static NodeAttributes From(TerritoryNode node) =>
        new(node.CommunityKind, node.GovernanceMode, node.Households, node.FloorArea, node.Latitude, node.Longitude);
}

/// <summary>
/// A territory node. <c>Path</c> is the materialised path of ids from the top of the tree
/// (<c>/{streetId}/{communityId}/</c>); <c>Depth</c> is 1 for a street, 2 for a community and so on;
/// <c>Status</c> is active or retired.
/// </summary>
public sealed record NodeResponse(
    Guid Id,
    TerritoryNodeKind Kind,
    string Code,
    string Name,
    Guid? ParentId,
    string Path,
    int Depth,
    string Status,
    DateTimeOffset? RetiredAt,
    NodeAttributes Attributes)
{
    internal static NodeResponse From(TerritoryNode node) => new(
        node.Id, node.Kind, node.Code, node.Name, node.ParentId, node.Path, node.Depth, node.IsActive ? "active" : "retired", node.RetiredAt, NodeAttributes.From(node));
}
