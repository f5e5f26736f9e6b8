using Platform.MultiTenancy.EntityFramework;

namespace Platform.PartyBuilding.Domain.Reporting;

/// <summary>
/// One version of the district's commitment (承诺书) that members sign when they report. Versions are numbered from 1
/// and never change once published; a member signs the current one, whose text their report keeps.
/// </summary>
public sealed class CommitmentText : ITenantOwned
{
    /// <summary>The longest text.</summary>
    public const int TextMaxLength = 4000;

    private CommitmentText()
    {
    }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The version, from 1.</summary>
    public int Version { get; private set; }

    /// <summary>The text.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Who published it.</summary>
    public string PublishedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Why a text is unacceptable, or null.</summary>
    public static string? TextProblem(string? text) => TextRules.Problem(text, TextMaxLength);

    /// <summary>The version after <paramref name="current"/> (the first when there is none).</summary>
    /// <exception cref="ArgumentException">The text is unacceptable (the request checks it first).</exception>
    public static CommitmentText Publish(CommitmentText? current, string text, string publishedBy, DateTimeOffset now)
    {
        if (TextProblem(text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        return new CommitmentText { Version = (current?.Version ?? 0) + 1, Text = text.Trim(), PublishedBy = publishedBy, PublishedAt = now };
    }
}
