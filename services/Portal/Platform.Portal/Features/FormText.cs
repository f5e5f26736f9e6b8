namespace Platform.Portal.Features;

/// <summary>What a form's text box means to an API: trimmed, and nothing when left blank.</summary>
internal static class FormText
{
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
