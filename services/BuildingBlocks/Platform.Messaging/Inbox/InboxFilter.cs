using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts;

namespace Platform.Messaging.Inbox;

/// <summary>The service DbContext that holds the inbox, as seen from the bus pipeline.</summary>
/// <param name="Context">The scoped DbContext the consumer also receives.</param>
public sealed record MessagingDbContext(DbContext Context);

/// <summary>
/// Makes consumers idempotent. Each message is handled in one database transaction that also records its
/// event id for the receiving endpoint; a message whose id is already recorded is acknowledged and skipped.
/// The consumer must write through the scoped DbContext so its changes join that transaction.
/// </summary>
/// <typeparam name="T">Message type.</typeparam>
public sealed partial class InboxFilter<T>(MessagingDbContext messagingDb, TimeProvider clock, ILogger<InboxFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    /// <inheritdoc />
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var eventId = (context.Message as IIntegrationEvent)?.EventId
            ?? context.MessageId
            ?? throw new InvalidOperationException($"Message {typeof(T).Name} has no id; it cannot be de-duplicated.");
        var consumer = InboxExtensions.ConsumerOf(context);
        var db = messagingDb.Context;
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var seen = await db.Set<InboxMessage>().AnyAsync(m => m.EventId == eventId && m.Consumer == consumer, cancellationToken);
            if (seen)
            {
                LogDuplicate(logger, eventId, consumer);
                return;
            }

            await next.Send(context);

            db.Add(new InboxMessage
            {
                EventId = eventId,
                Consumer = consumer,
                MessageType = typeof(T).Name,
                ProcessedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The retry runs with a clean slate: nothing of the failed attempt may be saved later.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} was already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid eventId, string consumer);
}
