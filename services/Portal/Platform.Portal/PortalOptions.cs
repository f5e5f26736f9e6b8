namespace Platform.Portal;

/// <summary>Configuration of the portal (section <c>Portal</c>).</summary>
internal sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The options as configured, for registrations that need them before the service provider exists.</summary>
    public static PortalOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<PortalOptions>() ?? new PortalOptions();

    /// <summary>
    /// The gateway's public origin, which is also the token issuer: the browser is sent there to sign in, and the
    /// portal calls the APIs and the token endpoint through it. The AppHost sets it.
    /// </summary>
    public Uri? Gateway { get; set; }

    /// <summary>The portal's client at the token server (authorization code + PKCE, public).</summary>
    public string ClientId { get; set; } = "portal";

    /// <summary>How long before its expiry an access token is exchanged for a new one.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one call to an API may take. A read is tried again within twice this; a write is tried once and gets the
    /// whole of it, since cutting a write short does not undo it, it only hides its outcome from the user.
    /// </summary>
    public TimeSpan ApiAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a session lasts without a request (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
