namespace Platform.Residents.Domain.Demands;

/// <summary>
/// Response and resolution deadlines (section <c>Demands:Sla</c>). Both count from receipt: the response by
/// priority, the resolution by category, so re-classifying moves the resolution deadline but never restarts it.
/// </summary>
public sealed class DemandSlaPolicy
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Demands:Sla";

    /// <summary>Time to first response for an urgent demand.</summary>
    public TimeSpan UrgentResponse { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Time to first response for a normal demand.</summary>
    public TimeSpan NormalResponse { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Time to conclusion for a category without its own entry.</summary>
    public TimeSpan DefaultResolution { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Time to conclusion by category name (exact, case-sensitive), e.g. 供暖: 2 days.</summary>
    public Dictionary<string, TimeSpan> ResolutionByCategory { get; set; } = [];

    /// <summary>When the first response is due.</summary>
    public DateTimeOffset ResponseDue(DemandPriority priority, DateTimeOffset receivedAt) =>
        receivedAt + (priority == DemandPriority.Urgent ? UrgentResponse : NormalResponse);

    /// <summary>When the conclusion is due.</summary>
    public DateTimeOffset ResolutionDue(string category, DateTimeOffset receivedAt) =>
        receivedAt + (ResolutionByCategory.TryGetValue(category, out var resolution) ? resolution : DefaultResolution);

    /// <summary>
    /// What is wrong with the policy, one message per problem; empty when it is usable. Returns rather than throws so
    /// the host can report every problem at once (e.g. from <c>OptionsBuilder.Validate</c> with <c>ValidateOnStart</c>).
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var durations = new[]
        {
            (Name: nameof(UrgentResponse), Value: UrgentResponse),
            (Name: nameof(NormalResponse), Value: NormalResponse),
            (Name: nameof(DefaultResolution), Value: DefaultResolution),
        }.Concat(ResolutionByCategory.Select(entry => (Name: $"{nameof(ResolutionByCategory)}:{entry.Key}", entry.Value)));
        return
        [
            .. durations.Where(d => d.Value <= TimeSpan.Zero).Select(d => $"{SectionName}:{d.Name} must be positive."),
            .. ResolutionByCategory.Keys.Where(string.IsNullOrWhiteSpace).Select(_ => $"{SectionName}:{nameof(ResolutionByCategory)} has a blank category."),
        ];
    }
}
