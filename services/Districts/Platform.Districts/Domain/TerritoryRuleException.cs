namespace Platform.Districts.Domain;

/// <summary>A change that would break a rule of the territory tree; <see cref="Code"/> is the stable problem code.</summary>
public sealed class TerritoryRuleException(string code, string message) : Exception(message)
{
    /// <summary>Stable, machine-readable reason, e.g. <c>territory.kind_not_allowed_here</c>.</summary>
    public string Code { get; } = code;
}
