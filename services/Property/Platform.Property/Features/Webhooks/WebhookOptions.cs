using Platform.Property.Domain.Webhooks;

namespace Platform.Property.Features.Webhooks;

/// <summary>How webhooks are delivered (section <c>Property:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Property:Webhooks";

    /// <summary>Whether only https URLs are accepted (true but in development and tests).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c>) a webhook may reach although they are private: a district's own
    /// integration network. Empty by default, so loopback, private and link-local addresses (the cloud metadata service
    /// among them) are refused, when subscribing and again when connecting.
    /// </summary>
    public string[] AllowedPrivateNetworks { get; set; } = [];

    /// <summary>The waits after each failed attempt; empty for <see cref="WebhookRetrySchedule.Default"/>.</summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    /// <summary>How often due deliveries are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a receiver has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many deliveries one round claims at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed delivery is left alone by other instances; an instance that dies mid-attempt frees it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The retry schedule in force.</summary>
    public WebhookRetrySchedule Schedule => RetryDelays.Length > 0 ? new WebhookRetrySchedule(RetryDelays) : WebhookRetrySchedule.Default;
}
