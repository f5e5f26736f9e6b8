using System.Diagnostics.CodeAnalysis;

namespace Platform.PersonalData;

/// <summary>
/// The decoded keys of <see cref="PersonalDataOptions"/>. One reading serves both the start-up check and the
/// protector, so a configuration the check accepts is one the protector can work with.
/// </summary>
internal sealed class PersonalDataKeys
{
    private const int EncryptionKeySize = 32;
    private const int MinimumLookupKeySize = 32;

    private PersonalDataKeys(Dictionary<string, byte[]> encryption, string currentKeyId, byte[] lookup)
    {
        Encryption = encryption;
        CurrentKeyId = currentKeyId;
        Lookup = lookup;
    }

    public IReadOnlyDictionary<string, byte[]> Encryption { get; }

    public string CurrentKeyId { get; }

    public byte[] Lookup { get; }

    /// <summary>Decodes and checks the keys, or names the first setting that is wrong.</summary>
    public static bool TryRead(PersonalDataOptions settings, [NotNullWhen(true)] out PersonalDataKeys? keys, [NotNullWhen(false)] out string? problem)
    {
        keys = null;
        var encryption = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in settings.Keys)
        {
            if (!TryDecode(value, $"PersonalData:Keys:{id}", EncryptionKeySize, exact: true, out var key, out problem))
            {
                return false;
            }

            encryption.Add(id, key);
        }

        if (!encryption.ContainsKey(settings.CurrentKeyId))
        {
            problem = $"PersonalData:CurrentKeyId '{settings.CurrentKeyId}' names no key in PersonalData:Keys.";
            return false;
        }

        // The key id is a segment of the stored value (v1.{keyId}.{…}), so it must not contain the separator.
        if (encryption.Keys.Any(id => id.Length == 0 || id.Contains('.', StringComparison.Ordinal)))
        {
            problem = "PersonalData key ids must be non-empty and contain no '.'.";
            return false;
        }

        if (!TryDecode(settings.LookupKey, "PersonalData:LookupKey", MinimumLookupKeySize, exact: false, out var lookup, out problem))
        {
            return false;
        }

        keys = new PersonalDataKeys(encryption, settings.CurrentKeyId, lookup);
        return true;
    }

    private static bool TryDecode(string base64, string setting, int size, bool exact, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            (bytes, problem) = (null, $"{setting} is not base64.");
            return false;
        }

        problem = exact && bytes.Length != size ? $"{setting} must be {size} bytes."
            : bytes.Length < size ? $"{setting} must be at least {size} bytes."
            : null;
        if (problem is not null)
        {
            bytes = null;
            return false;
        }

        return true;
    }
}
