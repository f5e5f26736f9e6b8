using System.Text.RegularExpressions;

namespace Platform.Districts.Features.Districts;

/// <summary>Checks the free-form settings a district may carry.</summary>
internal static partial class DistrictSettings
{
    private const int MaxSettings = 200;
    private const int MaxValueLength = 200;

    /// <summary>The problem of each setting that is not acceptable, by field (<c>settings</c> or <c>settings.{key}</c>).</summary>
    public static IEnumerable<(string Field, string? Problem)> Problems<TValue>(IReadOnlyDictionary<string, TValue>? settings)
    {
        if (settings is null)
        {
            yield break;
        }

        if (settings.Count > MaxSettings)
        {
            yield return ("settings", $"At most {MaxSettings} settings.");
            yield break;
        }

        foreach (var (key, value) in settings)
        {
            var text = value as string;
            yield return ($"settings.{key}",
                !KeyPattern().IsMatch(key) ? "Keys are letters, digits, '.', '_' or '-', starting with a letter, at most 64 characters."
                : text is { Length: > MaxValueLength } ? $"At most {MaxValueLength} characters."
                : key == Domain.District.TimeZoneSetting && text is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(text, out _) ? $"'{text}' is not a known time zone (IANA id such as Asia/Shanghai)."
                : null);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
