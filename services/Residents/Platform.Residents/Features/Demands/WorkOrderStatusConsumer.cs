using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.Property.Contracts;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Features.Demands;

/// <summary>
/// Moves a demand on when the property company reports on its work order (accepted → responded, started → in
/// progress, completed → resolved, rejected → back to the street for reassignment). Runs inside the event's district.
/// </summary>
public sealed partial class WorkOrderStatusConsumer(ResidentsDbContext db, TimeProvider clock, ILogger<WorkOrderStatusConsumer> logger)
    : IConsumer<PropertyWorkOrderStatusChangedIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<PropertyWorkOrderStatusChangedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var update = context.Message;
        var demand = await db.Demands.AsSingleQuery().SingleOrDefaultAsync(d => d.Id == update.DemandId, context.CancellationToken);
        if (demand is null || !WireNames.TryParse(update.Status, out WorkOrderStatus status))
        {
            // Nothing to apply it to: a company's system must not be able to wedge the queue with a bad message.
            Log.Ignored(logger, update.DemandId, update.Status);
            return;
        }

        var now = clock.GetUtcNow();
        try
        {
            if (demand.ApplyWorkOrderUpdate(status, update.CompanyId, new DemandActor($"property-company:{update.CompanyId}", null), now, update.Note)
                && demand.Status == DemandStatus.Resolved)
            {
                db.AddIntegrationEvent(DemandEvents.Concluded(demand, demand.TenantId, now));
            }
        }
        catch (DemandRuleException rule)
        {
            Log.Refused(logger, update.DemandId, update.CompanyId, rule.Code);
            return;
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Work order update for demand {DemandId} ignored: unknown demand or status '{Status}'")]
        public static partial void Ignored(ILogger logger, Guid demandId, string status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Work order update for demand {DemandId} from company {CompanyId} refused: {Code}")]
        public static partial void Refused(ILogger logger, Guid demandId, string companyId, string code);
    }
}
