using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.PersonalData;
using Platform.Property.Domain.Roll;

namespace Platform.Property.Tests;

/// <summary>Valid, distinct ID numbers and credit codes, and holders made from them, for tests.</summary>
internal static class TestHolders
{
    private static int _sequence = Random.Shared.Next(0, 5000);

    /// <summary>A protector with throwaway keys, for domain tests.</summary>
    public static PersonalDataProtector Protector { get; } = new(Options.Create(new PersonalDataOptions
    {
        Keys = { ["test"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) },
        CurrentKeyId = "test",
        LookupKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    }));

    /// <summary>A new person's valid ID number (or person number <paramref name="n"/>'s, the same every time).</summary>
    public static string IdNumber(int? n = null)
    {
        var sequence = n ?? Interlocked.Increment(ref _sequence);
        var born = new DateOnly(1960, 1, 1).AddDays(sequence / 1000 % 15000);
        var body = string.Create(CultureInfo.InvariantCulture, $"110105{born:yyyyMMdd}{sequence % 1000:D3}");
        return body + ChineseIdNumber.CheckCharacter(body);
    }

    /// <summary>A new company's valid credit code (or company number <paramref name="n"/>'s).</summary>
    public static string CreditCode(int? n = null)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"91110105{n ?? Interlocked.Increment(ref _sequence):D9}");
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    /// <summary><paramref name="valid"/> (an ID number or credit code) with another check character: the same length, but wrong.</summary>
    public static string WithWrongCheck(string valid) => valid[..^1] + (valid[^1] == '1' ? '2' : '1');

    /// <summary>Person number <paramref name="n"/> as a holder.</summary>
    public static UnitHolder Person(int n) =>
        UnitHolder.Person($"业主{n}", ChineseIdNumber.TryParse(IdNumber(n), new DateOnly(2026, 1, 1), out var id, out var problem) ? id : throw new InvalidOperationException(problem), Protector);

    /// <summary>Company number <paramref name="n"/> as a holder.</summary>
    public static UnitHolder Company(int n) => UnitHolder.Company($"公司{n}", Code(n));

    /// <summary>The developer, company number <paramref name="n"/>.</summary>
    public static UnitHolder Developer(int n = 1) => UnitHolder.Developer($"开发商{n}", Code(n));

    private static UnifiedSocialCreditCode Code(int n) =>
        UnifiedSocialCreditCode.TryParse(CreditCode(n), out var code, out var problem) ? code : throw new InvalidOperationException(problem);
}
