using System.Globalization;
using Platform.PersonalData;

namespace Platform.Residents.Tests;

/// <summary>Valid, distinct ID numbers and phones for tests (each call a new person).</summary>
internal static class TestPeople
{
    private static int _sequence = Random.Shared.Next(0, 500);

    /// <summary>A valid ID number of someone born on <paramref name="birthDate"/> (default: a 40-year-old).</summary>
    public static string IdNumber(DateOnly? birthDate = null)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var born = birthDate ?? new DateOnly(1986, 1, 1).AddDays(sequence % 3000);
        // Region 110105 (朝阳区) and a three-digit sequence; the sequence also walks the birth date so numbers never repeat.
        var body = string.Create(CultureInfo.InvariantCulture, $"110105{born:yyyyMMdd}{sequence % 1000:D3}");
        return body + ChineseIdNumber.CheckCharacter(body);
    }

    /// <summary>A mainland mobile number ending in <paramref name="tail"/> (default: random).</summary>
    public static string Phone(string? tail = null) =>
        string.Create(CultureInfo.InvariantCulture, $"139{Random.Shared.Next(0, 10_000):D4}{tail ?? Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture)}");
}
