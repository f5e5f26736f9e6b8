namespace Platform.Identity.Seeding;

/// <summary>What identity creates on start-up (section <c>Seed</c>). Secrets come from configuration, never code.</summary>
public sealed class SeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Seed";

    /// <summary>Login of the platform operator (member of the <c>system</c> tenant).</summary>
    public string OperatorLogin { get; set; } = "operator";

    /// <summary>The operator's password; the operator is created only when it is set.</summary>
    public string? OperatorPassword { get; set; }

    /// <summary>Whether to seed the demo district with one user per role (development).</summary>
    public bool DemoDistrict { get; set; }

    /// <summary>Password of every demo user.</summary>
    public string? DemoPassword { get; set; }
}
