using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Votes;

/// <summary>
/// One unit of a vote's roll as it stood when the vote opened: whose it was, where and how large. The tally counts
/// these, so that units added or changed later do not move the vote's totals.
/// </summary>
public sealed class VoteRollEntry : ITenantOwned
{
    private VoteRollEntry()
    {
    }

    /// <summary>The vote.</summary>
    public Guid VoteId { get; private set; }

    /// <summary>The unit.</summary>
    public Guid UnitId { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The unit's code.</summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>The owner it counted for.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>Its building.</summary>
    public Guid BuildingNodeId { get; private set; }

    /// <summary>Its floor area.</summary>
    public decimal FloorArea { get; private set; }

    /// <summary>A unit as the vote's roll freezes it.</summary>
    public static VoteRollEntry Freeze(Guid voteId, Guid unitId, string unitCode, Guid ownerId, Guid buildingNodeId, decimal floorArea) =>
        new() { VoteId = voteId, UnitId = unitId, UnitCode = unitCode, OwnerId = ownerId, BuildingNodeId = buildingNodeId, FloorArea = floorArea };

    /// <summary>What the tally needs of the entry.</summary>
    public RollUnit ToRollUnit() => new(OwnerId, BuildingNodeId, FloorArea);
}
