using MassTransit;
using Platform.Districts.Contracts;
using Platform.MultiTenancy.Storage;

namespace Platform.MultiTenancy.Messaging;

/// <summary>Adds a newly onboarded district to this service's tenant catalogue.</summary>
public sealed class DistrictOnboardedConsumer(ITenantCatalogWriter catalog) : IConsumer<DistrictOnboardedIntegrationEvent>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<DistrictOnboardedIntegrationEvent> context)
    {
        var district = context.Message;
        var tenant = new TenantInfo(district.TenantId, district.Identifier, district.Name, district.Status.ToTenantStatus(), district.Settings);
        return catalog.UpsertAsync(tenant, district.OccurredAt, context.CancellationToken);
    }
}

/// <summary>Applies a district's new status and settings to this service's tenant catalogue.</summary>
public sealed class DistrictStatusChangedConsumer(ITenantCatalogWriter catalog) : IConsumer<DistrictStatusChangedIntegrationEvent>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<DistrictStatusChangedIntegrationEvent> context)
    {
        var district = context.Message;
        var tenant = new TenantInfo(
            district.TenantId,
            district.Identifier,
            district.Name,
            district.Status.ToTenantStatus(),
            district.Settings);
        return catalog.UpsertAsync(tenant, district.OccurredAt, context.CancellationToken);
    }
}

/// <summary>How a district's lifecycle status reads in a tenant catalogue.</summary>
public static class DistrictStatusExtensions
{
    /// <summary>The catalogue status of a district in <paramref name="status"/>.</summary>
    public static TenantStatus ToTenantStatus(this DistrictStatus status) => status switch
    {
        DistrictStatus.Active => TenantStatus.Active,
        DistrictStatus.Suspended => TenantStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown district status."),
    };
}
