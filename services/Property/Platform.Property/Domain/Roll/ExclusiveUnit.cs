using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Roll;

/// <summary>
/// An exclusive unit (专有部分) of an area: code unique in the area, the building it is in, its registered floor area,
/// whether it has been delivered, and its holders. One unit counts as one owner however many hold it; its owner is the
/// <see cref="AreaOwner"/> of its <see cref="OwnerKey"/>.
/// </summary>
public sealed class ExclusiveUnit : ITenantOwned
{
    /// <summary>The longest unit code.</summary>
    public const int CodeMaxLength = 40;

    /// <summary>The most holders of one unit.</summary>
    public const int MaxHolders = 20;

    private readonly List<UnitHolder> _holders = [];

    private ExclusiveUnit()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>Code, unique in the area (e.g. 1-1-101).</summary>
    public string Code { get; private set; } = "";

    /// <summary>The building the unit is in.</summary>
    public Guid BuildingNodeId { get; private set; }

    /// <summary>Registered floor area in m², two decimal places.</summary>
    public decimal FloorArea { get; private set; }

    /// <summary>Whether the unit has been delivered (交付) to its buyer.</summary>
    public bool Delivered { get; private set; }

    /// <summary>The owner the unit counts for.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The holders, in the order registered.</summary>
    public IReadOnlyList<UnitHolder> Holders => _holders;

    /// <summary>When the unit was registered.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Why a unit code is unacceptable, or null.</summary>
    public static string? CodeProblem(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "A unit code is required."
        : code.Trim().Length > CodeMaxLength ? $"At most {CodeMaxLength} characters."
        : null;

    /// <summary>
    /// Registers a unit of <paramref name="area"/> in a building the area covers, counted for <paramref name="owner"/>,
    /// which must be the owner of the holders' <see cref="OwnerKey"/>. A developer holder names the area's developer and
    /// holds the unit alone (an unsold unit).
    /// </summary>
    public static ExclusiveUnit Register(
        PropertyArea area, string code, Guid buildingNodeId, string buildingPath, decimal floorArea, bool delivered,
        IReadOnlyList<UnitHolder> holders, AreaOwner owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (CodeProblem(code) is { } codeProblem)
        {
            throw new ArgumentException(codeProblem, nameof(code));
        }

        var unit = new ExclusiveUnit { Id = Guid.CreateVersion7(now), AreaId = area.Id, Code = code.Trim(), CreatedAt = now };
        unit.Record(area, buildingNodeId, buildingPath, floorArea, delivered, holders, owner);
        return unit;
    }

    /// <summary>
    /// Replaces what the register says of the unit (a roll imported again), under the same rules as
    /// <see cref="Register"/>; false, changing nothing, when it says the same already. Votes already open keep the
    /// roll they froze.
    /// </summary>
    public bool Revise(
        PropertyArea area, Guid buildingNodeId, string buildingPath, decimal floorArea, bool delivered, IReadOnlyList<UnitHolder> holders, AreaOwner owner)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(holders);
        ArgumentNullException.ThrowIfNull(owner);
        static (HolderKind, string, string, Guid?) Fact(UnitHolder h) => (h.Kind, h.Name, h.Identity, h.ResidentId);
        if (area.Id == AreaId && BuildingNodeId == buildingNodeId && FloorArea == floorArea && Delivered == delivered && OwnerId == owner.Id
            && _holders.Select(Fact).SequenceEqual(holders.Select(Fact)))
        {
            return false;
        }

        Record(area, buildingNodeId, buildingPath, floorArea, delivered, holders, owner);
        return true;
    }

    private void Record(
        PropertyArea area, Guid buildingNodeId, string buildingPath, decimal floorArea, bool delivered, IReadOnlyList<UnitHolder> holders, AreaOwner owner)
    {
        ArgumentNullException.ThrowIfNull(holders);
        ArgumentNullException.ThrowIfNull(owner);
        if (area.Id != AreaId)
        {
            throw new ArgumentException("A unit stays in its area.", nameof(area));
        }

        if (floorArea <= 0 || floorArea > Roll.FloorArea.Max || decimal.Round(floorArea, 2) != floorArea)
        {
            throw new ArgumentException("A floor area is positive with at most two decimal places.", nameof(floorArea));
        }

        if (HoldersProblem(holders.Count, holders.Count(h => h.Kind == HolderKind.Developer)) is { } holdersProblem)
        {
            throw new ArgumentException(holdersProblem, nameof(holders));
        }

        if (owner.AreaId != area.Id || owner.Key != OwnerKey.Of(delivered, holders))
        {
            throw new ArgumentException("The unit counts for the owner of its holders' key in its own area.", nameof(owner));
        }

        if (!area.Covers(buildingPath))
        {
            throw new DomainException(PropertyErrors.BuildingOutsideArea, $"Building {buildingNodeId} is not in area {area.Code}.", "buildingNodeId");
        }

        foreach (var developer in holders.Where(h => h.Kind == HolderKind.Developer))
        {
            area.AcceptDeveloper(developer);
        }

        BuildingNodeId = buildingNodeId;
        FloorArea = floorArea;
        Delivered = delivered;
        OwnerId = owner.Id;
        _holders.Clear();
        _holders.AddRange(holders.Select(h => h.Of(Id)));
    }

    /// <summary>Why a unit's holders are unacceptable, or null: one to <see cref="MaxHolders"/>, a developer alone.</summary>
    public static string? HoldersProblem(int holders, int developers) =>
        holders == 0 ? "A unit has at least one holder."
        : holders > MaxHolders ? $"At most {MaxHolders} holders."
        : developers > 0 && holders > 1 ? "The developer holds an unsold unit alone."
        : null;
}
