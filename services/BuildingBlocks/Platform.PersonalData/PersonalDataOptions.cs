namespace Platform.PersonalData;

/// <summary>
/// Keys that protect personal data at rest (section <c>PersonalData</c>). Encryption keys rotate: a new key is
/// added and made current, old ones stay to read what they encrypted until it has been re-encrypted. The
/// lookup key is fixed for the life of the data, because changing it means recomputing every stored hash.
/// </summary>
public sealed class PersonalDataOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PersonalData";

    /// <summary>Encryption keys by id: 32 random bytes each, base64.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The id of the key new values are encrypted with.</summary>
    public string CurrentKeyId { get; set; } = "";

    /// <summary>The HMAC key for exact-match lookup hashes: at least 32 random bytes, base64.</summary>
    public string LookupKey { get; set; } = "";
}
