namespace Platform.Identity;

/// <summary>Configuration of the token server (section <c>Identity</c>).</summary>
public sealed class IdentityServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Identity";

    /// <summary>
    /// The public issuer, i.e. the gateway's origin such as <c>http://localhost:8080/</c>. Tokens name it and
    /// the discovery document lists endpoints under it, so that clients and services use the one public origin.
    /// Without it the issuer is taken from each request.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Folder holding the RSA signing and encryption keys (PEM). Created on first start; the same keys are used
    /// after every restart so that issued tokens stay valid. Protect it like a password.
    /// </summary>
    public string KeyDirectory { get; set; } = ".keys";

    /// <summary>Lifetime of access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Lifetime of refresh tokens.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long an invitation to join a district can be accepted.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Whether the password grant is offered (to the first-party <c>platform-cli</c> client only).</summary>
    public bool PasswordGrantEnabled { get; set; } = true;

    /// <summary>Whether plain HTTP is accepted (development and tests; production terminates TLS in front).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Redirect URIs of the web portal (authorization code + PKCE).</summary>
    public IList<Uri> PortalRedirectUris { get; } = [];

    /// <summary>Where the web portal may send a user back to after signing out at the end-session endpoint.</summary>
    public IList<Uri> PortalPostLogoutRedirectUris { get; } = [];
}
