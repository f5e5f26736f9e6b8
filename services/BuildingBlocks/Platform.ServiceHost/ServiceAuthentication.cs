namespace Platform.ServiceHost;

/// <summary>How a service authenticates its callers.</summary>
public enum ServiceAuthentication
{
    /// <summary>Bearer access tokens issued by the Identity service, validated against its published keys.</summary>
    PlatformTokens,

    /// <summary>
    /// The service sets up authentication and the default and fallback policies itself: the token server, which
    /// validates the tokens it issues in-process and also signs users in with a cookie.
    /// </summary>
    OwnTokenServer,
}
