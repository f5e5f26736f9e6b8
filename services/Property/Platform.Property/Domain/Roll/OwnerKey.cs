using System.Security.Cryptography;
using System.Text;

namespace Platform.Property.Domain.Roll;

/// <summary>
/// Who counts as one owner (the judicial interpretation on building co-ownership, Art. 9): the units held by the same
/// person, or by exactly the same set of co-holders, count as one owner together ({A} and {A, B} are two owners); the
/// developer's unsold units and every unit not yet delivered, whoever bought it, count together as one owner, the
/// developer. The key is the same for exactly the units that count together.
/// </summary>
public static class OwnerKey
{
    /// <summary>The key of the developer's owner, which every undelivered or unsold unit has.</summary>
    public const string Developer = "developer";

    /// <summary>The key's length: <see cref="Developer"/> or a SHA-256 in hex.</summary>
    public const int MaxLength = 64;

    /// <summary>The owner key of a unit with these holders.</summary>
    public static string Of(bool delivered, IReadOnlyCollection<UnitHolder> holders)
    {
        ArgumentNullException.ThrowIfNull(holders);
        if (holders.Count == 0)
        {
            throw new ArgumentException("A unit has at least one holder.", nameof(holders));
        }

        if (!delivered || holders.Any(h => h.Kind == HolderKind.Developer))
        {
            return Developer;
        }

        // A set: the order the holders were listed in, and a holder listed twice, change nothing.
        var identities = string.Join('\n', holders.Select(h => h.Identity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identities)));
    }
}
