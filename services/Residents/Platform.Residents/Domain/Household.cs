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

    /// <summary>Moves the household to another building or unit, behind <paramref name="number"/>.</summary>
    public void MoveTo(Guid nodeId, string nodePath, string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodePath);
        if (NumberProblem(number) is { } problem)
        {
            throw new ArgumentException(problem, nameof(number));
        }

        NodeId = nodeId;
        NodePath = nodePath;
        Number = number.Trim();
    }

    /// <summary>Where members of this household live.</summary>
    public ResidentPlace Place => new(NodeId, NodePath, Id);
}
