using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.Property.Domain.Roll;

namespace Platform.Property.Domain;

/// <summary>
/// A property management area (物业管理区域): the compounds and buildings of the territory that one owners' assembly
/// (业主大会) governs. A compound or building belongs to at most one area.
/// </summary>
public sealed class PropertyArea : ITenantOwned
{
    /// <summary>The longest name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The longest code.</summary>
    public const int CodeMaxLength = 40;

    /// <summary>The most nodes one area names.</summary>
    public const int MaxNodes = 200;

    private readonly List<AreaNode> _nodes = [];

    private PropertyArea()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Display name, e.g. 幸福小区物业管理区域.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Code, unique in the district.</summary>
    public string Code { get; private set; } = "";

    /// <summary>The compounds and buildings the area covers.</summary>
    public IReadOnlyList<AreaNode> Nodes => _nodes;

    /// <summary>The area's developer (建设单位) once a unit names it: its credit code.</summary>
    public string? DeveloperCreditCode { get; private set; }

    /// <summary>The developer's name.</summary>
    public string? DeveloperName { get; private set; }

    /// <summary>When the area was set up.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Why a name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A name is required."
        : name.Trim().Length > NameMaxLength ? $"At most {NameMaxLength} characters."
        : null;

    /// <summary>Why a code is unacceptable, or null.</summary>
    public static string? CodeProblem(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "A code is required."
        : code.Trim().Length > CodeMaxLength ? $"At most {CodeMaxLength} characters."
        : null;

    /// <summary>Why a list of node ids is unacceptable, or null.</summary>
    public static string? NodeIdsProblem(IReadOnlyCollection<Guid>? nodeIds) =>
        nodeIds is null || nodeIds.Count == 0 ? "An area covers at least one compound or building."
        : nodeIds.Count > MaxNodes ? $"At most {MaxNodes} nodes."
        : nodeIds.Distinct().Count() != nodeIds.Count ? "A node is named twice."
        : null;

    /// <summary>
    /// Sets up an area over <paramref name="nodes"/>, refusing any that overlaps a node of another area
    /// (<paramref name="claimed"/>: every node other areas cover). Overlap is by the tree: a compound claims its buildings.
    /// </summary>
    public static PropertyArea Create(string name, string code, IReadOnlyCollection<AreaNode> nodes, IReadOnlyCollection<AreaNode> claimed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(claimed);
        if ((NameProblem(name) ?? CodeProblem(code) ?? NodeIdsProblem([.. nodes.Select(n => n.NodeId)])) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        foreach (var node in nodes)
        {
            if (claimed.FirstOrDefault(other => other.Overlaps(node)) is { } other)
            {
                throw new DomainException(PropertyErrors.NodeInAnotherArea, $"Node {node.NodeId} overlaps node {other.NodeId}, which another area covers.", "nodeIds");
            }
        }

        var area = new PropertyArea { Id = Guid.CreateVersion7(now), Name = name.Trim(), Code = code.Trim(), CreatedAt = now };
        area._nodes.AddRange(nodes);
        return area;
    }

    /// <summary>Whether the area covers the building at <paramref name="buildingPath"/> (through one of its compounds or itself).</summary>
    public bool Covers(string buildingPath) => _nodes.Any(n => buildingPath.StartsWith(n.NodePath, StringComparison.Ordinal));

    /// <summary>
    /// Names the area's developer when a unit first names it; every later unit must name the same one (by credit code):
    /// an area has one developer.
    /// </summary>
    public void AcceptDeveloper(UnitHolder developer)
    {
        ArgumentNullException.ThrowIfNull(developer);
        if (developer.Kind != HolderKind.Developer)
        {
            throw new ArgumentException("Only a developer holder names the area's developer.", nameof(developer));
        }

        if (DeveloperCreditCode is null)
        {
            DeveloperCreditCode = developer.CreditCode;
            DeveloperName = developer.Name;
        }
        else if (DeveloperCreditCode != developer.CreditCode)
        {
            throw new DomainException(PropertyErrors.DeveloperMismatch, $"The area's developer is {DeveloperName} ({DeveloperCreditCode}).", "holders");
        }
    }
}

/// <summary>A compound or building an area covers, with its materialised path in the territory tree.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="NodePath">Its path, <c>/{id}/…/{id}/</c>.</param>
public sealed record AreaNode(Guid NodeId, string NodePath)
{
    /// <summary>Whether one of the two lies inside the other (or they are the same node).</summary>
    public bool Overlaps(AreaNode other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NodePath.StartsWith(other.NodePath, StringComparison.Ordinal) || other.NodePath.StartsWith(NodePath, StringComparison.Ordinal);
    }
}
