namespace Platform.SocialOrgs.Domain;

/// <summary>The one check of a required text of bounded length, as every entity of the service words it.</summary>
public static class RequiredText
{
    /// <summary>Why <paramref name="text"/> is unacceptable, or null: present, and at most <paramref name="maxLength"/> characters once trimmed.</summary>
    public static string? Problem(string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? "Required."
        : text.Trim().Length > maxLength ? $"At most {maxLength} characters."
        : null;
}
