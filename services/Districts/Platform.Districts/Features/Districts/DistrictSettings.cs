using System.Text.RegularExpressions;

namespace Platform.Districts.Features.Districts;

/// <summary>Checks the free-form settings a district may carry.</summary>
internal static partial class DistrictSettings
{
    private const int MaxSettings = 200;
    private const int MaxValueLength = 200;

    /// <summary>Adds an error for each setting that is not acceptable.</summary>
    public static void Validate<TValue>(IReadOnlyDictionary<string, TValue>? settings, Dictionary<string, string[]> errors)
    {
        if (settings is null)
        {
            return;
        }

        if (settings.Count > MaxSettings)
        {
            errors["settings"] = [$"At most {MaxSettings} settings."];
            return;
        }

        foreach (var (key, value) in settings)
        {
            var text = value as string;
            if (!KeyPattern().IsMatch(key))
            {
                errors[$"settings.{key}"] = ["Keys are letters, digits, '.', '_' or '-', starting with a letter, at most 64 characters."];
            }
            else if (text is { Length: > MaxValueLength })
            {
                errors[$"settings.{key}"] = [$"At most {MaxValueLength} characters."];
            }
            else if (key == Domain.District.TimeZoneSetting && text is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(text, out _))
            {
                errors[$"settings.{key}"] = [$"'{text}' is not a known time zone (IANA id such as Asia/Shanghai)."];
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
