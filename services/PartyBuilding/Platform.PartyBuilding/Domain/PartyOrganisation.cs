using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain;

/// <summary>
/// A community-side party organisation (DOMAIN.md §6): a street working committee, a community party committee, a grid
/// branch or a building group, attached to one territory node of the kind its level calls for, and sitting under the
/// organisation of the level above, which is attached to an ancestor of that node. A node has one party organisation.
/// </summary>
public sealed class PartyOrganisation : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest name.</summary>
    public const int NameMaxLength = 100;

    private static readonly IReadOnlyDictionary<PartyOrganisationLevel, IReadOnlySet<TerritoryNodeKind>> NodeKinds =
        new Dictionary<PartyOrganisationLevel, IReadOnlySet<TerritoryNodeKind>>
        {
            [PartyOrganisationLevel.StreetWorkingCommittee] = new HashSet<TerritoryNodeKind> { TerritoryNodeKind.Street, TerritoryNodeKind.Township, TerritoryNodeKind.Town },
            [PartyOrganisationLevel.CommunityCommittee] = new HashSet<TerritoryNodeKind> { TerritoryNodeKind.Community, TerritoryNodeKind.Village },
            [PartyOrganisationLevel.GridBranch] = new HashSet<TerritoryNodeKind> { TerritoryNodeKind.Grid },
            [PartyOrganisationLevel.BuildingGroup] = new HashSet<TerritoryNodeKind> { TerritoryNodeKind.Building },
        };

    private PartyOrganisation()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Name, e.g. 中共东一社区委员会.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Its level.</summary>
    public PartyOrganisationLevel Level { get; private set; }

    /// <summary>The territory node it is attached to.</summary>
    public Guid NodeId { get; private set; }

    /// <summary>The node's materialised path: an official's scope sees the organisations attached inside it.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The organisation of the level above; null for a street working committee.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>When it was established in the service.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The level directly above <paramref name="level"/>, or null for the top.</summary>
    public static PartyOrganisationLevel? LevelAbove(PartyOrganisationLevel level) =>
        level == PartyOrganisationLevel.StreetWorkingCommittee ? null : level - 1;

    /// <summary>The kinds of territory node an organisation of <paramref name="level"/> is attached to.</summary>
    public static IReadOnlySet<TerritoryNodeKind> NodeKindsOf(PartyOrganisationLevel level) => NodeKinds[level];

    /// <summary>Why a name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) => TextRules.Problem(name, NameMaxLength);

    /// <summary>
    /// Establishes an organisation of <paramref name="level"/> on <paramref name="node"/>, under <paramref name="parent"/>
    /// (the organisation of the level above on an ancestor of the node; none for a street working committee).
    /// </summary>
    /// <exception cref="DomainException">The node is retired or of the wrong kind, or the parent is missing or is not the level above on an ancestor.</exception>
    /// <exception cref="ArgumentException">The name is unacceptable (the request checks it first).</exception>
    public static PartyOrganisation Establish(string name, PartyOrganisationLevel level, TerritoryReplicaNode node, PartyOrganisation? parent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        if (node.Retired || !NodeKindsOf(level).Contains(node.Kind))
        {
            throw new DomainException(
                PartyBuildingErrors.InvalidNode,
                $"A {level.ToWire()} is attached to a node that is not retired, of kind {string.Join(" or ", NodeKindsOf(level).Select(k => k.ToString().ToLowerInvariant()))}.",
                "nodeId");
        }

        var above = LevelAbove(level);
        if (above is null && parent is not null)
        {
            throw new ArgumentException("A street working committee sits under no other community-side organisation.", nameof(parent));
        }

        if (above is not null && (parent is null || parent.Level != above || !IsStrictlyBelow(node.Path, parent.NodePath)))
        {
            throw new DomainException(
                PartyBuildingErrors.ParentOrganisationMissing,
                $"A {level.ToWire()} sits under the {above.Value.ToWire()} of an ancestor node; establish that first.")
            {
                Facts = { ["requiredParentLevel"] = above.Value.ToWire() },
            };
        }

        return new PartyOrganisation
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Level = level,
            NodeId = node.Id,
            NodePath = node.Path,
            ParentId = parent?.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Renames the organisation.</summary>
    /// <exception cref="ArgumentException">The name is unacceptable (the request checks it first).</exception>
    public void Rename(string name, DateTimeOffset now)
    {
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        Name = name.Trim();
        UpdatedAt = now;
    }

    private static bool IsStrictlyBelow(string path, string ancestorPath) =>
        path != ancestorPath && TerritoryPath.IsWithin(path, ancestorPath);
}
