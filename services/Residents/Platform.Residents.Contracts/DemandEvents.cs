using Platform.Contracts;

namespace Platform.Residents.Contracts;

/// <summary>
/// A demand (诉求) was filed. Demand events carry no personal data of the resident concerned. Enumerated
/// values are the API's snake-case names (<c>hotline</c>, <c>property_company</c>).
/// </summary>
public sealed record DemandReceivedIntegrationEvent : IntegrationEvent
{
    /// <summary>The demand.</summary>
    public required Guid DemandId { get; init; }

    /// <summary>The public tracking number.</summary>
    public required string TrackingNumber { get; init; }

    /// <summary>Category, e.g. 环境卫生.</summary>
    public required string Category { get; init; }

    /// <summary>Channel: <c>app</c>, <c>hotline</c>, <c>patrol</c>, <c>visit</c> or <c>deliberation</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The territory node the demand is about.</summary>
    public required Guid NodeId { get; init; }
}

/// <summary>A demand was assigned (or reassigned) to a community, a department or a property company.</summary>
public sealed record DemandAssignedIntegrationEvent : IntegrationEvent
{
    /// <summary>The demand.</summary>
    public required Guid DemandId { get; init; }

    /// <summary><c>community</c>, <c>department</c> or <c>property_company</c>.</summary>
    public required string AssigneeType { get; init; }

    /// <summary>The assignee's id (a node id, a department name or a company id).</summary>
    public required string AssigneeId { get; init; }
}

/// <summary>
/// A demand was assigned to the property company that manages the compound: the company's work order. The
/// Property service opens a work order and reports its progress with <c>Platform.Property.Contracts.PropertyWorkOrderStatusChangedIntegrationEvent</c>.
/// </summary>
public sealed record DemandAssignedToPropertyCompanyIntegrationEvent : IntegrationEvent
{
    /// <summary>The demand, which is also the work order's reference.</summary>
    public required Guid DemandId { get; init; }

    /// <summary>The public tracking number.</summary>
    public required string TrackingNumber { get; init; }

    /// <summary>The property company.</summary>
    public required string CompanyId { get; init; }

    /// <summary>The territory node (compound, building or unit) where the work is.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>Category.</summary>
    public required string Category { get; init; }

    /// <summary>Short title of the problem.</summary>
    public required string Title { get; init; }

    /// <summary>The problem as described when filed.</summary>
    public required string Description { get; init; }

    /// <summary>When the demand must be resolved.</summary>
    public required DateTimeOffset ResolutionDueAt { get; init; }
}

/// <summary>The street summoned departments to a demand (吹哨); each must check in (报到).</summary>
public sealed record DemandWhistleBlownIntegrationEvent : IntegrationEvent
{
    /// <summary>The demand.</summary>
    public required Guid DemandId { get; init; }

    /// <summary>The departments summoned by this whistle.</summary>
    public required IReadOnlyList<string> Departments { get; init; }
}

/// <summary>A demand was concluded: resolved, or found unresolvable with a reason.</summary>
public sealed record DemandResolvedIntegrationEvent : IntegrationEvent
{
    /// <summary>The demand.</summary>
    public required Guid DemandId { get; init; }

    /// <summary><c>resolved</c> or <c>unresolvable</c>.</summary>
    public required string Outcome { get; init; }
}

/// <summary>A demand was closed after the callback to the resident.</summary>
public sealed record DemandClosedIntegrationEvent : IntegrationEvent
{
    /// <summary>The demand.</summary>
    public required Guid DemandId { get; init; }

    /// <summary><c>satisfied</c>, <c>basically_satisfied</c> or <c>dissatisfied</c>.</summary>
    public string? Satisfaction { get; init; }

    /// <summary>The resident's 1–5 score.</summary>
    public int? Score { get; init; }
}
