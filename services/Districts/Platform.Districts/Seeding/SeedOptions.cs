namespace Platform.Districts.Seeding;

/// <summary>What the districts service seeds on start.</summary>
public sealed class SeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Seed";

    /// <summary>Whether to onboard the demo district with the sample territory (development only).</summary>
    public bool DemoDistrict { get; set; }
}
