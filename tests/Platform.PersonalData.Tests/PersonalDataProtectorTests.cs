using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Platform.PersonalData.Tests;

public sealed class PersonalDataProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Lookup = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static PersonalDataProtector Protector(string current, string? lookup = null, params (string Id, string Key)[] keys) =>
        new(Options.Create(new PersonalDataOptions
        {
            Keys = keys.ToDictionary(k => k.Id, k => k.Key),
            CurrentKeyId = current,
            LookupKey = lookup ?? Lookup,
        }));

    [Fact]
    public void Protect_RoundTrips_AndStoresNoClearText()
    {
        var protector = Protector("a", null, ("a", KeyA));

        var stored = protector.Protect("11010519491231002X");

        Assert.DoesNotContain("11010519491231002X", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1949", stored, StringComparison.Ordinal);
        Assert.StartsWith("v1.a.", stored, StringComparison.Ordinal);
        Assert.Equal("11010519491231002X", protector.Unprotect(stored));
        Assert.NotEqual(stored, protector.Protect("11010519491231002X"));
    }

    [Fact]
    public void RotatedKeys_ReadOldValues_AndWriteWithTheNewKey()
    {
        var before = Protector("a", null, ("a", KeyA)).Protect("13800138000");
        var rotated = Protector("b", null, ("a", KeyA), ("b", KeyB));

        var after = rotated.Protect("13800138000");

        Assert.Equal("13800138000", rotated.Unprotect(before));
        Assert.Equal("a", PersonalDataProtector.KeyIdOf(before));
        Assert.Equal("b", PersonalDataProtector.KeyIdOf(after));
        Assert.Throws<CryptographicException>(() => Protector("b", null, ("b", KeyB)).Unprotect(before));
    }

    [Fact]
    public void AlteredValue_IsRefused()
    {
        var protector = Protector("a", null, ("a", KeyA), ("b", KeyB));
        var stored = protector.Protect("13800138000");
        var bytes = Convert.FromBase64String(stored.Split('.')[2]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect($"v1.a.{Convert.ToBase64String(bytes)}"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored.Replace("v1.a.", "v1.b.", StringComparison.Ordinal)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("v1.a.not-base64!"));
    }

    [Fact]
    public void LookupHash_IsEqualForEqualValues_AndDependsOnTheKey()
    {
        var protector = Protector("a", null, ("a", KeyA));
        var otherLookup = Protector("a", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ("a", KeyA));

        Assert.Equal(protector.LookupHash("11010519491231002X"), protector.LookupHash("11010519491231002X"));
        Assert.NotEqual(protector.LookupHash("11010519491231002X"), protector.LookupHash("440304199001011233"));
        Assert.NotEqual(protector.LookupHash("11010519491231002X"), otherLookup.LookupHash("11010519491231002X"));
    }

    [Fact]
    public void MisconfiguredKeys_StopTheServiceFromStarting()
    {
        Assert.Throws<InvalidOperationException>(() => Protector("missing", null, ("a", KeyA)));
        Assert.Throws<InvalidOperationException>(() => Protector("a", null, ("a", Convert.ToBase64String(new byte[16]))));
        Assert.Throws<InvalidOperationException>(() => Protector("a", "short", ("a", KeyA)));
    }
}
