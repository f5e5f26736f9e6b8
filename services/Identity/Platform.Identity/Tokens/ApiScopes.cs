using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>
/// The OAuth scopes the platform issues. <see cref="Api"/> is the whole API as the caller's roles allow;
/// the narrower scopes are for machine clients, which a district limits to what an integration needs.
/// </summary>
public static class ApiScopes
{
    /// <summary>The whole platform API, within the caller's roles and territory.</summary>
    public const string Api = "api";

    /// <summary>Property management integrations: estates, work orders, fees.</summary>
    public const string Property = "property";

    /// <summary>Reading demands (诉求) and their status.</summary>
    public const string DemandsRead = "demands.read";

    /// <summary>Updating demands assigned to the caller.</summary>
    public const string DemandsWrite = "demands.write";

    /// <summary>Scopes a district may give a machine client.</summary>
    public static IReadOnlyList<string> ForMachineClients { get; } = [Api, Property, DemandsRead, DemandsWrite];

    /// <summary>Every scope the server accepts, OpenID Connect's own included.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile, Scopes.Roles, .. ForMachineClients];
}
