namespace Platform.Gateway;

/// <summary>Reading the gateway's own settings, all under the <c>Gateway</c> configuration section.</summary>
internal static class GatewayConfiguration
{
    public const string Section = "Gateway";

    /// <summary>
    /// A list setting, or <paramref name="defaults"/> when it is not configured. Defaults cannot live in a bound
    /// array property: the binder appends configured items to it instead of replacing it.
    /// </summary>
    public static string[] GetList(this IConfiguration configuration, string key, string[] defaults) =>
        configuration.GetSection($"{Section}:{key}").Get<string[]>() is { Length: > 0 } configured ? configured : defaults;
}
