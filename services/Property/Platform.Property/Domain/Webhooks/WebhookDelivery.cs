using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt of the schedule failed (or the webhook was removed); in the dead list until redelivered.</summary>
    Dead,
}

/// <summary>One attempt to post a delivery: when, how it was answered (the HTTP status, or why there was none), how long it took.</summary>
/// <param name="At">When it started.</param>
/// <param name="StatusCode">The receiver's HTTP status, or null when none came (refused address, timeout, connection failure).</param>
/// <param name="Error">Why it failed, or null when it succeeded.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
public sealed record WebhookAttempt(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

/// <summary>
/// One event on its way to one webhook. It is written in the transaction of the change it reports (a webhook outbox),
/// so a restart loses none; the dispatcher posts it until the receiver answers 2xx, waiting longer after each failure
/// (<see cref="WebhookRetrySchedule"/>), and gives up into the dead list after the last. A redelivery on request starts
/// the schedule again. The body is fixed when queued, so every attempt sends the same CloudEvent with the same id.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    /// <summary>The attempts kept in the log of a delivery (the latest ones).</summary>
    public const int AttemptsKept = 20;

    /// <summary>The longest error text kept.</summary>
    public const int ErrorMaxLength = 500;

    private WebhookDelivery()
    {
    }

    /// <summary>Stable id; sent as the <c>Gongzhi-Delivery</c> header.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The webhook.</summary>
    public Guid SubscriptionId { get; private set; }

    /// <summary>The CloudEvent's id: the same for every attempt and every redelivery, for the receiver to de-duplicate on.</summary>
    public Guid EventId { get; private set; }

    /// <summary>The event type.</summary>
    public WebhookEventType EventType { get; private set; }

    /// <summary>The CloudEvent as sent (structured mode, JSON).</summary>
    public string Body { get; private set; } = "";

    /// <summary>Pending, delivered or dead.</summary>
    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the next attempt is due (pending only).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Every attempt made, redeliveries included.</summary>
    public int AttemptCount { get; private set; }

    /// <summary>Failures since it was queued or last redelivered; the schedule counts these.</summary>
    public int FailuresInARow { get; private set; }

    /// <summary>When the receiver accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Who last asked for a redelivery, if anyone.</summary>
    public string? RedeliveredBy { get; private set; }

    /// <summary>The latest attempts, oldest first (at most <see cref="AttemptsKept"/>).</summary>
    public IReadOnlyList<WebhookAttempt> Attempts { get; private set; } = [];

    internal static WebhookDelivery Queue(WebhookSubscription subscription, Guid eventId, WebhookEventType type, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), SubscriptionId = subscription.Id, EventId = eventId, EventType = type, Body = body,
        Status = WebhookDeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now,
    };

    /// <summary>Records an attempt the receiver answered 2xx.</summary>
    public void Succeeded(DateTimeOffset at, int statusCode, TimeSpan took)
    {
        Record(new WebhookAttempt(at, statusCode, null, Milliseconds(took)));
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = at + took;
        NextAttemptAt = null;
        FailuresInARow = 0;
    }

    /// <summary>Records a failed attempt and schedules the next, or gives the delivery up when the schedule is spent.</summary>
    public void Failed(DateTimeOffset at, int? statusCode, string error, TimeSpan took, WebhookRetrySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(schedule);
        Record(new WebhookAttempt(at, statusCode, error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error, Milliseconds(took)));
        FailuresInARow++;
        if (schedule.DelayAfter(FailuresInARow) is { } delay)
        {
            NextAttemptAt = at + took + delay;
        }
        else
        {
            Status = WebhookDeliveryStatus.Dead;
            NextAttemptAt = null;
        }
    }

    /// <summary>Gives up a pending delivery whose webhook was removed.</summary>
    public void Abandon()
    {
        if (Status == WebhookDeliveryStatus.Pending)
        {
            Status = WebhookDeliveryStatus.Dead;
            NextAttemptAt = null;
        }
    }

    /// <summary>Sends it again now, with a fresh schedule: a dead delivery after the receiver was fixed, or a delivered one the receiver lost.</summary>
    public void Redeliver(WebhookSubscription subscription, string requestedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.RemovedAt is not null)
        {
            throw new DomainException(PropertyErrors.WebhookRemoved, "The webhook was removed; subscribe again to receive events.");
        }

        if (Status == WebhookDeliveryStatus.Pending)
        {
            throw new DomainException(PropertyErrors.WebhookDeliveryPending, "The delivery is still being attempted; its next attempt is due at " + NextAttemptAt?.ToString("O") + ".");
        }

        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        FailuresInARow = 0;
        RedeliveredBy = requestedBy;
    }

    private void Record(WebhookAttempt attempt)
    {
        AttemptCount++;
        Attempts = [.. Attempts.Skip(Math.Max(0, Attempts.Count + 1 - AttemptsKept)), attempt];
    }

    private static int Milliseconds(TimeSpan took) => (int)Math.Min(int.MaxValue, Math.Max(0, took.TotalMilliseconds));
}
