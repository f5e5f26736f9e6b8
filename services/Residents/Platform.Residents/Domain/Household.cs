using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.Residents.Domain;

/// <summary>
/// A household (户): the people living behind one door of a building or unit, identified there by its door
/// number (室号, e.g. 301). The tree ends at the unit; households live in this service.
/// </summary>
public sealed class Household : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest door number.</summary>
    public const int NumberMaxLength = 20;

    private Household()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The building or unit.</summary>
    public Guid NodeId { get; private set; }

    /// <summary>The node's materialised path.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>Door number, unique at its node.</summary>
    public string Number { get; private set; } = "";

    /// <summary>When the household was first recorded.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Why a door number is unacceptable, or null.</summary>
    public static string? NumberProblem(string? number) =>
        string.IsNullOrWhiteSpace(number) ? "A door number is required."
        : number.Trim().Length > NumberMaxLength ? $"At most {NumberMaxLength} characters."
        : null;

    /// <summary>Records a household at a building or unit.</summary>
    public static Household At(Guid nodeId, string nodePath, string number, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodePath);
        if (NumberProblem(number) is { } problem)
        {
            throw new ArgumentException(problem, nameof(number));
        }

        return new Household { Id = Guid.CreateVersion7(now), NodeId = nodeId, NodePath = nodePath, Number = number.Trim(), CreatedAt = now };
    }

    /// <summary>
    /// Moves the household whole to another building or unit, behind <paramref name="number"/>: it keeps its identity,
    /// and every one of its <paramref name="members"/> moves with it.
    /// </summary>
    /// <param name="nodeId">The building or unit moved to.</param>
    /// <param name="nodePath">Its materialised path.</param>
    /// <param name="number">The door number there.</param>
    /// <param name="members">All the residents of this household.</param>
    /// <param name="now">When.</param>
    /// <returns>Each member with the node they lived at before, for the move events.</returns>
    /// <exception cref="ArgumentException">The door number is unacceptable, or one of the residents lives in another household.</exception>
    public IReadOnlyList<ResidentMove> Move(Guid nodeId, string nodePath, string number, IReadOnlyCollection<Resident> members, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodePath);
        ArgumentNullException.ThrowIfNull(members);
        if (NumberProblem(number) is { } problem)
        {
            throw new ArgumentException(problem, nameof(number));
        }

        if (members.Any(member => member.HouseholdId != Id))
        {
            throw new ArgumentException("Only the household's own members move with it.", nameof(members));
        }

        NodeId = nodeId;
        NodePath = nodePath;
        Number = number.Trim();
        return [.. members.Select(member =>
        {
            var from = member.NodeId;
            member.MoveTo(Place);
            member.Touch(now);
            return new ResidentMove(member, from);
        })];
    }

    /// <summary>Where members of this household live.</summary>
    public ResidentPlace Place => new(NodeId, NodePath, Id);
}

/// <summary>A resident who moved, and the building or unit they lived at before.</summary>
/// <param name="Resident">The resident, at their new place.</param>
/// <param name="FromNodeId">The node they left.</param>
public sealed record ResidentMove(Resident Resident, Guid FromNodeId);
