using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Property.Domain.Webhooks;

/// <summary>
/// The signature every delivery carries in <see cref="HeaderName"/>: <c>t={unix seconds},v1={hex HMAC-SHA256}</c>, the HMAC
/// keyed with the subscription's secret over <c>{t}.{body}</c> (the timestamp, a full stop, the exact bytes of the body).
/// The receiver recomputes it, compares in constant time and refuses a timestamp older than a few minutes, so a captured
/// delivery cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The request header with the signature.</summary>
    public const string HeaderName = "Gongzhi-Signature";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>Whether <paramref name="header"/> is a valid signature of <paramref name="body"/> made with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string header, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(header);
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var timestamp) || !parts.TryGetValue("v1", out var hex) || hex.Length != 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, timestamp, body));
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
