using System.Collections.Frozen;

namespace Platform.Residents.Domain.Demands;

/// <summary>The URL segments of <see cref="DemandAction"/>: <c>classify</c>, <c>assign</c> … <c>close</c>.</summary>
public static class DemandActions
{
    // A lookup rather than Enum.TryParse, which would also take "3", "Classify, Assign" and padded names.
    private static readonly FrozenDictionary<string, DemandAction> BySegment =
        Enum.GetValues<DemandAction>().ToFrozenDictionary(Segment, StringComparer.OrdinalIgnoreCase);

    /// <summary>The URL segment, which is also the action's name in the history.</summary>
    public static string Segment(this DemandAction action) => WireName.Of(action);

    /// <summary>Reads a URL segment, ignoring case; numbers and anything else that is not an action's name are refused.</summary>
    public static bool TryParse(string? segment, out DemandAction action) => BySegment.TryGetValue(segment ?? "", out action);
}
