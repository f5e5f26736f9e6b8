using Platform.Property.Domain;

namespace Platform.Property.Features.Areas;

/// <summary>A property management area.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Code">Code, unique in the district.</param>
/// <param name="NodeIds">The compounds and buildings it covers.</param>
/// <param name="Developer">The developer (建设单位), once a unit names it.</param>
/// <param name="CreatedAt">When it was set up.</param>
public sealed record AreaResponse(Guid Id, string Name, string Code, IReadOnlyList<Guid> NodeIds, DeveloperResponse? Developer, DateTimeOffset CreatedAt)
{
    public static AreaResponse From(PropertyArea area) => new(
        area.Id, area.Name, area.Code, [.. area.Nodes.Select(n => n.NodeId)],
        area.DeveloperCreditCode is { } code ? new DeveloperResponse(area.DeveloperName!, code) : null, area.CreatedAt);
}

/// <summary>An area's developer.</summary>
/// <param name="Name">Name.</param>
/// <param name="CreditCode">Unified social credit code.</param>
public sealed record DeveloperResponse(string Name, string CreditCode);
