using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.WorkOrders;

/// <summary>Where a work order stands; the wire names are the statuses the residents service understands.</summary>
public enum WorkOrderStatus
{
    /// <summary>Received from the residents service, not yet accepted.</summary>
    Open,

    /// <summary>接单: the company has taken it on.</summary>
    Accepted,

    /// <summary>The work has started.</summary>
    Started,

    /// <summary>完成: done.</summary>
    Completed,

    /// <summary>退单: the company turned it down, with a reason; the street reassigns the demand.</summary>
    Rejected,
}

/// <summary>
/// A property company's work order for a demand the residents service assigned to it (by the active contract of the
/// area that contains the demand's place). The company's system moves it on; each step goes back to the residents service.
/// </summary>
public sealed class WorkOrder : ITenantOwned
{
    /// <summary>The longest note or reason.</summary>
    public const int NoteMaxLength = 1000;

    private WorkOrder()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The demand (one work order per demand).</summary>
    public Guid DemandId { get; private set; }

    /// <summary>The demand's public tracking number.</summary>
    public string TrackingNumber { get; private set; } = "";

    /// <summary>The company.</summary>
    public Guid CompanyId { get; private set; }

    /// <summary>The area that contains the place, if one does.</summary>
    public Guid? AreaId { get; private set; }

    /// <summary>Where the work is.</summary>
    public Guid NodeId { get; private set; }

    /// <summary>Category.</summary>
    public string Category { get; private set; } = "";

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Description.</summary>
    public string Description { get; private set; } = "";

    /// <summary>When the demand must be resolved.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Status.</summary>
    public WorkOrderStatus Status { get; private set; }

    /// <summary>The company's last note, or its reason for rejecting.</summary>
    public string? Note { get; private set; }

    /// <summary>When it was received.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Counts the changes, so that two updates at once cannot both apply.</summary>
    public int Version { get; private set; }

    /// <summary>Opens a work order for <paramref name="companyId"/>.</summary>
    public static WorkOrder Open(
        Guid demandId, string trackingNumber, Guid companyId, Guid? areaId, Guid nodeId, string category, string title, string description, DateTimeOffset dueAt,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now), DemandId = demandId, TrackingNumber = trackingNumber, CompanyId = companyId, AreaId = areaId, NodeId = nodeId,
            Category = category, Title = title, Description = description, DueAt = dueAt, Status = WorkOrderStatus.Open, ReceivedAt = now, UpdatedAt = now,
        };

    /// <summary>The statuses <paramref name="to"/> may follow.</summary>
    public static IReadOnlyList<WorkOrderStatus> From(WorkOrderStatus to) => to switch
    {
        WorkOrderStatus.Accepted => [WorkOrderStatus.Open],
        WorkOrderStatus.Started => [WorkOrderStatus.Open, WorkOrderStatus.Accepted],
        WorkOrderStatus.Completed => [WorkOrderStatus.Started],
        WorkOrderStatus.Rejected => [WorkOrderStatus.Open, WorkOrderStatus.Accepted],
        _ => [],
    };

    /// <summary>Moves the work order to <paramref name="to"/>; rejecting needs a reason.</summary>
    public void MoveTo(WorkOrderStatus to, string? note, DateTimeOffset now)
    {
        if (!From(to).Contains(Status))
        {
            throw new DomainException(PropertyErrors.WorkOrderTransition, $"A work order that is {Status.ToWire()} cannot become {to.ToWire()}.");
        }

        if (to == WorkOrderStatus.Rejected && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException(PropertyErrors.RejectionReason, "Rejecting a work order needs a reason.", "reason");
        }

        Status = to;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        UpdatedAt = now;
        Version++;
    }
}
