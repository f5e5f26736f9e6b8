using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.PersonalData;

/// <summary>
/// Encrypts personal data (ID numbers, phones) for storage with AES-256-GCM, naming the key in the stored value
/// (<c>v1.{keyId}.{base64 nonce|tag|ciphertext}</c>) so keys can rotate, and computes a keyed hash
/// (HMAC-SHA256) of the normalised value to find a record by exact value without decrypting anything.
/// Thread-safe: the keys are only read after construction and each thread encrypts and hashes with a cipher and an
/// HMAC of its own, so bulk imports protect rows on all cores with the one singleton.
/// </summary>
public sealed class PersonalDataProtector : IDisposable
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly byte[] _lookupKey;

    // Setting a cipher up costs more than sealing an ID number with it, and imports seal millions of values.
    private readonly ThreadLocal<AesGcm> _currentCipher;

    // Likewise an HMAC: keying one costs as much as hashing a short value with it, and a reset keeps the key.
    private readonly ThreadLocal<IncrementalHash> _lookupHmac;

    /// <summary>Reads and checks the keys.</summary>
    /// <exception cref="InvalidOperationException">A key is missing, not base64 or too short.</exception>
    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!PersonalDataKeys.TryRead(options.Value, out var keys, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        _keys = keys.Encryption;
        _currentKeyId = keys.CurrentKeyId;
        _lookupKey = keys.Lookup;
        _currentCipher = new ThreadLocal<AesGcm>(() => new AesGcm(_keys[_currentKeyId], TagSize), trackAllValues: true);
        _lookupHmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _lookupKey), trackAllValues: true);
    }

    /// <summary>Encrypts <paramref name="plaintext"/> with the current key.</summary>
    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceSize + TagSize + clear.Length];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _currentCipher.Value!.Encrypt(nonce, clear, sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), AssociatedData(_currentKeyId));

        return $"{Version}.{_currentKeyId}.{Convert.ToBase64String(sealedValue)}";
    }

    /// <summary>Releases the threads' ciphers and HMACs.</summary>
    public void Dispose()
    {
        foreach (var cipher in _currentCipher.Values)
        {
            cipher.Dispose();
        }

        foreach (var hmac in _lookupHmac.Values)
        {
            hmac.Dispose();
        }

        _currentCipher.Dispose();
        _lookupHmac.Dispose();
    }

    /// <summary>Decrypts a value written by <see cref="Protect"/> with any key still configured.</summary>
    /// <exception cref="CryptographicException">The value was altered, or its key is no longer configured.</exception>
    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        var parts = protectedValue.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException("Not a protected value, or its key is no longer configured.");
        }

        var sealedValue = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], sealedValue, out var length) || length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected value is damaged.");
        }

        sealedValue = sealedValue[..length];
        var clear = new byte[sealedValue.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), clear, AssociatedData(parts[1]));
        }

        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>The id of the key a stored value was encrypted with (to find values that still need re-encrypting).</summary>
    public static string KeyIdOf(string protectedValue) =>
        protectedValue?.Split('.') is [Version, var keyId, _] ? keyId : throw new ArgumentException("Not a protected value.", nameof(protectedValue));

    /// <summary>The lookup hash of an already normalised value (base64), equal for equal values.</summary>
    public string LookupHash(string normalisedValue)
    {
        ArgumentNullException.ThrowIfNull(normalisedValue);
        var hmac = _lookupHmac.Value!;
        hmac.AppendData(Encoding.UTF8.GetBytes(normalisedValue));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.GetHashAndReset(hash);
        return Convert.ToBase64String(hash);
    }

    // Binding the key id into the authentication tag stops a value from being relabelled with another key's id.
    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes(keyId);
}
