using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Messaging.Inbox;
using Platform.MultiTenancy.Messaging;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to the bus and marks them published. While the broker is unreachable the
/// rows stay put and the relay retries with growing pauses, so an outage delays events but never loses them.
/// </summary>
/// <remarks>
/// One relay at a time works on a database (a transaction-scoped advisory lock, <see cref="AdvisoryLockKey"/>), so
/// replicas of a service take turns and never publish a row twice at once; the relay publishes rows in
/// insertion order and stops at the first failure, so the events of one aggregate leave in the order they
/// were written. A row is marked only after the broker confirmed it; a crash in between publishes it again,
/// which consumers absorb through their inbox.
/// </remarks>
/// <typeparam name="TContext">The service's DbContext holding the outbox table.</typeparam>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    /// <summary>
    /// The PostgreSQL advisory lock every instance of the service takes around a batch: the relay whose session holds
    /// it (<c>pg_locks</c>, <c>locktype = 'advisory'</c>) is the active one, the others wait on it and the first of them
    /// takes over as soon as the holder's session ends.
    /// </summary>
    public static long AdvisoryLockKey { get; } = StableHash(typeof(TContext).FullName!);

    private readonly MessagingOptions _options = options.Value;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (published < _options.OutboxBatchSize)
                {
                    await PurgeIfDueAsync(stoppingToken);
                    if (await signal.WaitAsync(_options.OutboxPollInterval, stoppingToken))
                    {
                        // Real time, not the service's clock: this paces the work, it does not schedule anything.
                        await Task.Delay(_options.OutboxGatherDelay, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                backoff = TimeSpan.FromTicks(Math.Min(_options.OutboxMaxBackoff.Ticks, Math.Max(backoff.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks)));
                LogRelayFailed(logger, exception, backoff);
                await Task.Delay(backoff, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Publishes one batch of pending events; returns how many rows it handled.</summary>
    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);

        var pending = await db.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null && m.FailedAt == null)
            .OrderBy(m => m.Sequence)
            .Take(_options.OutboxBatchSize)
            .ToListAsync(cancellationToken);

        try
        {
            foreach (var message in pending)
            {
                await PublishAsync(message, cancellationToken);
            }
        }
        finally
        {
            // Whatever the broker confirmed is recorded even when a later publish failed.
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return pending.Count;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = Type.GetType(message.EventType, throwOnError: false);
        if (eventType is null)
        {
            message.FailedAt = clock.GetUtcNow();
            message.LastError = $"Event type '{message.EventType}' cannot be loaded.";
            LogUnpublishable(logger, message.EventId, message.EventType);
            return;
        }

        var integrationEvent = JsonSerializer.Deserialize(message.Payload, eventType, OutboxExtensions.SerializerOptions)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(
            integrationEvent,
            eventType,
            Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = message.EventId;
                context.Headers.Set(TenantMessageHeaders.TenantId, message.TenantId.ToString());
            }),
            timeout.Token);
        message.PublishedAt = clock.GetUtcNow();
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now.AddHours(1);
        var cutoff = now - _options.Retention;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Set<OutboxMessage>().Where(m => m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    // string.GetHashCode differs per process; the lock key must be the same in every instance of the service.
    private static long StableHash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var character in value)
        {
            hash = (hash ^ character) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not publish; retrying in {Backoff}")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox event {EventId} of unknown type {EventType} was set aside")]
    private static partial void LogUnpublishable(ILogger logger, Guid eventId, string eventType);
}
