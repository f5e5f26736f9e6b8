using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Property.Data;
using Platform.Property.Domain.Webhooks;
using Platform.Property.Domain.WorkOrders;
using Platform.Property.Features.Webhooks;
using Platform.Residents.Contracts;

namespace Platform.Property.Features.WorkOrders;

/// <summary>
/// Opens a work order when the residents service assigns a demand to a property company: for the company holding the
/// active contract of the area that contains the demand's place, or, where no area contains it, for the company the
/// demand names. Runs inside the event's district; the inbox applies each event once. The company's webhooks are told (work_order_opened).
/// </summary>
public sealed partial class DemandAssignedConsumer(PropertyDbContext db, WebhookOutbox webhooks, TimeProvider clock, ILogger<DemandAssignedConsumer> logger)
    : IConsumer<DemandAssignedToPropertyCompanyIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<DemandAssignedToPropertyCompanyIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assigned = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await db.WorkOrders.AnyAsync(o => o.DemandId == assigned.DemandId, cancellationToken))
        {
            return;
        }

        var path = await db.TerritoryNodes.Where(n => n.Id == assigned.NodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
        var areaId = path is null
            ? null
            : await db.Areas.Where(a => a.Nodes.Any(n => path.StartsWith(n.NodePath))).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var company = areaId is { } area
            ? await db.Contracts.Where(c => c.AreaId == area && c.EndedAt == null)
                .Join(db.Companies, c => c.CompanyId, c => c.Id, (_, company) => company).SingleOrDefaultAsync(cancellationToken)
            : null;
        company ??= await db.Companies.SingleOrDefaultAsync(c => c.Code == assigned.CompanyId, cancellationToken);
        if (company is null)
        {
            // Nothing to open it for: the street must register the company or its contract and assign again.
            Log.NoCompany(logger, assigned.DemandId, assigned.CompanyId, assigned.NodeId);
            return;
        }

        if (company.Code != assigned.CompanyId)
        {
            Log.ContractDiffers(logger, assigned.DemandId, assigned.CompanyId, company.Code);
        }

        var now = clock.GetUtcNow();
        var order = WorkOrder.Open(
            assigned.DemandId, assigned.TrackingNumber, company.Id, areaId, assigned.NodeId, assigned.Category, assigned.Title, assigned.Description,
            assigned.ResolutionDueAt, now);
        db.WorkOrders.Add(order);
        // The company's webhooks hear of it in the same transaction, so a restart loses no delivery.
        await webhooks.QueueAsync(order, WebhookEventType.WorkOrderOpened, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Demand {DemandId} assigned to company {CompanyId} at node {NodeId}: no registered company or contract, no work order")]
        public static partial void NoCompany(ILogger logger, Guid demandId, string companyId, Guid nodeId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Demand {DemandId} was assigned to company {Assigned}; the area's contract holder {Contracted} gets the work order")]
        public static partial void ContractDiffers(ILogger logger, Guid demandId, string assigned, string contracted);
    }
}
