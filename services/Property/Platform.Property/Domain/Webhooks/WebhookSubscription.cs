using System.Security.Cryptography;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Webhooks;

/// <summary>
/// A property company's webhook: the URL its own system receives events at, the event types it wants, and the secret
/// each delivery is signed with (shown once, when subscribing; stored encrypted). Removing it stops new deliveries
/// and keeps its delivery log.
/// </summary>
public sealed class WebhookSubscription : ITenantOwned
{
    /// <summary>The longest URL.</summary>
    public const int UrlMaxLength = 500;

    /// <summary>What every secret starts with, so that one pasted in the wrong place is recognised.</summary>
    public const string SecretPrefix = "whsec_";

    private WebhookSubscription()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The company whose events it receives.</summary>
    public Guid CompanyId { get; private set; }

    /// <summary>The absolute URL events are posted to.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The event types delivered.</summary>
    public IReadOnlyList<WebhookEventType> EventTypes { get; private set; } = [];

    /// <summary>The signing secret, encrypted.</summary>
    public string SecretProtected { get; private set; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The machine client that created it.</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>When it was removed; null while it receives events.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>Why a URL is unacceptable in shape (absolute http or https, no user name or password, no fragment), or null.</summary>
    /// <param name="url">The URL sent.</param>
    /// <param name="requireHttps">Whether plain http is refused (it is, outside development and tests).</param>
    public static string? UrlProblem(string? url, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "A URL is required.";
        }

        if (url.Length > UrlMaxLength)
        {
            return $"At most {UrlMaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "An absolute https URL is required.";
        }

        return requireHttps && uri.Scheme != Uri.UriSchemeHttps ? "Only https URLs receive events."
            : uri.UserInfo.Length > 0 ? "A URL with a user name or password is refused; the signature authenticates the deliveries."
            : uri.Fragment.Length > 0 ? "A URL with a fragment is refused."
            : null;
    }

    /// <summary>A new random secret (256 bits).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Subscribes <paramref name="companyId"/>'s system at <paramref name="url"/> (its shape checked by <see cref="UrlProblem"/>).</summary>
    public static WebhookSubscription Subscribe(
        Guid companyId, string url, IReadOnlyCollection<WebhookEventType> eventTypes, string secretProtected, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        if (UrlProblem(url, requireHttps: false) is { } problem)
        {
            throw new ArgumentException(problem, nameof(url));
        }

        if (eventTypes.Count == 0)
        {
            throw new DomainException(PropertyErrors.WebhookEventTypes, "Name at least one event type.", "eventTypes");
        }

        return new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), CompanyId = companyId, Url = url, EventTypes = [.. eventTypes.Distinct().Order()], SecretProtected = secretProtected,
            CreatedBy = createdBy, CreatedAt = now,
        };
    }

    /// <summary>Whether an event of <paramref name="type"/> goes to this webhook.</summary>
    public bool Wants(WebhookEventType type) => RemovedAt is null && EventTypes.Contains(type);

    /// <summary>Queues the delivery of one event: <paramref name="body"/> is the CloudEvent exactly as it will be sent every time.</summary>
    public WebhookDelivery Deliver(Guid eventId, WebhookEventType type, string body, DateTimeOffset now)
    {
        if (!Wants(type))
        {
            throw new InvalidOperationException($"Webhook {Id} does not take {type.ToWire()} events.");
        }

        return WebhookDelivery.Queue(this, eventId, type, body, now);
    }

    /// <summary>Stops new deliveries; pending ones are not attempted again.</summary>
    public void Remove(DateTimeOffset now) => RemovedAt ??= now;
}
