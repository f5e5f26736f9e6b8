using System.Net;

namespace Platform.Property.Features.Webhooks;

/// <summary>Registers the webhooks: their options, the network policy, the sender, the outbox and the dispatcher.</summary>
internal static class WebhookRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => o.AllowedPrivateNetworks.All(n => IPNetwork.TryParse(n, out _)), "Property:Webhooks:AllowedPrivateNetworks takes CIDR networks such as 10.20.0.0/16.")
            .Validate(o => o.Lease > o.Timeout, "Property:Webhooks:Lease must be longer than Timeout, or a slow attempt is claimed twice.")
            .Validate(o => o.BatchSize > 0 && o.PollInterval > TimeSpan.Zero && o.RetryDelays.All(d => d > TimeSpan.Zero), "Property:Webhooks: positive batch size, poll interval and delays.")
            .ValidateOnStart();
        services.AddSingleton<WebhookNetworkPolicy>();
        services.AddSingleton<WebhookSender>();
        services.AddScoped<WebhookOutbox>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
