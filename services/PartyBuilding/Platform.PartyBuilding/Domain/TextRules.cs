namespace Platform.PartyBuilding.Domain;

/// <summary>The one rule for the service's required free texts (names, reasons): present, and not too long once trimmed.</summary>
public static class TextRules
{
    /// <summary>Why <paramref name="text"/> is unacceptable, or null.</summary>
    public static string? Problem(string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? "Required."
        : text.Trim().Length > maxLength ? $"At most {maxLength} characters."
        : null;
}
