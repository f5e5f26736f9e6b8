namespace Platform.Residents.Domain.Deliberation;

/// <summary>The district's deliberation rules (section <c>Deliberation</c>).</summary>
public sealed class DeliberationRules
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation";

    /// <summary>The age from which a resident votes on topics.</summary>
    public const int VotingAge = 18;

    /// <summary>How many residents' supports put a shared matter on the agenda; a topic keeps the value it was raised under.</summary>
    public int SupportThreshold { get; set; } = 10;
}
