using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Platform.Property.Domain.Webhooks;

namespace Platform.Property.Features.Webhooks;

/// <summary>
/// Keeps webhooks off the platform's own network (server-side request forgery): a URL must resolve only to public
/// addresses, or to a network the operator allowed. Checked when subscribing, for a clear 400, and again on every
/// connection, because a name can resolve elsewhere later (DNS rebinding); deliveries follow no redirects and use no proxy.
/// </summary>
internal sealed class WebhookNetworkPolicy
{
    // Addresses that are not the public internet (RFC 6890 special-purpose registries), or embed one that may not be.
    private static readonly IPNetwork[] NotPublic = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
        "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(IPNetwork.Parse)];

    private readonly IPNetwork[] _allowed;
    private readonly bool _requireHttps;

    public WebhookNetworkPolicy(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = [.. options.Value.AllowedPrivateNetworks.Select(IPNetwork.Parse)];
        _requireHttps = options.Value.RequireHttps;
    }

    /// <summary>Whether <paramref name="address"/> is on the public internet (IPv4-mapped IPv6 addresses as their IPv4 address).</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return !NotPublic.Any(network => network.Contains(plain));
    }

    /// <summary>Whether a webhook may connect to <paramref name="address"/>.</summary>
    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IsPublic(plain) || _allowed.Any(network => network.Contains(plain));
    }

    /// <summary>Why events may not be sent to <paramref name="url"/>, or null: its shape, then every address its host resolves to.</summary>
    public async Task<string?> UrlProblemAsync(string? url, CancellationToken cancellationToken)
    {
        if (WebhookSubscription.UrlProblem(url, _requireHttps) is { } problem)
        {
            return problem;
        }

        var host = new Uri(url!).IdnHost.Trim('[', ']');
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{host}' does not resolve.";
        }
        catch (ArgumentException)
        {
            return $"The host '{host}' is not a name DNS can look up (a label or the whole name is too long).";
        }

        return addresses.Length == 0 ? $"The host '{host}' does not resolve."
            : addresses.FirstOrDefault(a => !Allows(a)) is { } refused ? $"The host '{host}' reaches {refused}, a private, loopback or link-local address; webhooks go to public addresses only."
            : null;
    }

    /// <summary>Connects a delivery to an allowed address of the host only (the <see cref="SocketsHttpHandler.ConnectCallback"/>).</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (addresses.Length == 0 || addresses.FirstOrDefault(a => !Allows(a)) is { } refused)
        {
            throw new WebhookAddressRefusedException($"The host '{endpoint.Host}' reaches a private, loopback or link-local address; the delivery was not sent.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A delivery's host resolved to an address webhooks may not reach.</summary>
internal sealed class WebhookAddressRefusedException(string message) : IOException(message);
