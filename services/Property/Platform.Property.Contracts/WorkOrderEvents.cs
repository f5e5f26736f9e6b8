using Platform.Contracts;

namespace Platform.Property.Contracts;

/// <summary>
/// A property company's work order for a demand changed status (<c>accepted</c>, <c>started</c>, <c>completed</c>
/// or <c>rejected</c>). The Property service publishes it; the residents service moves the demand on.
/// </summary>
/// <remarks>
/// The work order was opened from Residents' <c>DemandAssignedToPropertyCompanyIntegrationEvent</c>, whose demand id
/// it carries back. Its wire name is <c>urn:message:Platform.Property.Contracts:PropertyWorkOrderStatusChangedIntegrationEvent</c>
/// (MassTransit names messages and exchanges after namespace and type), so the namespace and name must not change.
/// </remarks>
public sealed record PropertyWorkOrderStatusChangedIntegrationEvent : IntegrationEvent
{
    /// <summary>The demand the work order is for.</summary>
    public required Guid DemandId { get; init; }

    /// <summary>The company reporting.</summary>
    public required string CompanyId { get; init; }

    /// <summary><c>accepted</c>, <c>started</c>, <c>completed</c> or <c>rejected</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The company's note, if any.</summary>
    public string? Note { get; init; }
}
