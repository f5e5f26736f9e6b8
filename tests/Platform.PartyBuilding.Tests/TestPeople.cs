using System.Security.Cryptography;
using Platform.PersonalData;

namespace Platform.PartyBuilding.Tests;

/// <summary>Made-up people's identifiers with valid check characters, a new one per call.</summary>
internal static class TestPeople
{
    /// <summary>An ID number issued in 朝阳区 for someone born on <paramref name="birthDate"/>.</summary>
    public static string IdNumber(DateOnly birthDate)
    {
        var body = $"110105{birthDate:yyyyMMdd}{RandomNumberGenerator.GetInt32(1000):D3}";
        return body + ChineseIdNumber.CheckCharacter(body);
    }

    /// <summary>A mobile number.</summary>
    public static string Phone() => $"139{RandomNumberGenerator.GetInt32(100_000_000):D8}";
}
