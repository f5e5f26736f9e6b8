namespace Platform.Reliability.Tests;

/// <summary>
/// The suites that each run the whole platform as processes take turns: two platforms under load at once on two
/// cores would measure each other, not the faults and the soak.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlatformProcessesCollection
{
    public const string Name = "platform processes";
}
