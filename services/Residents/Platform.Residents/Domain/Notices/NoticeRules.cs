namespace Platform.Residents.Domain.Notices;

/// <summary>How long the notices the platform publishes by itself run (configuration section <c>Notices</c>).</summary>
public sealed class NoticeRules
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Notices";

    /// <summary>How long a decision, a budget result or a completed task stays published.</summary>
    public TimeSpan ResultPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The objection period (公示期) of a nominee for representative.</summary>
    public TimeSpan RepresentativeObjectionPeriod { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Whether both periods are positive.</summary>
    public bool IsValid => ResultPeriod > TimeSpan.Zero && RepresentativeObjectionPeriod > TimeSpan.Zero;
}
