using Platform.Domain;

namespace Platform.Residents.Domain.Demands;

/// <summary>The URL segments of <see cref="DemandAction"/>: <c>classify</c>, <c>assign</c> … <c>close</c>, which are their wire names.</summary>
public static class DemandActions
{
    /// <summary>The URL segment, which is also the action's name in the history.</summary>
    public static string Segment(this DemandAction action) => action.ToWire();

    /// <summary>Reads a URL segment, ignoring case; numbers and anything else that is not an action's name are refused.</summary>
    public static bool TryParse(string? segment, out DemandAction action) => WireNames.TryParse(segment, out action);
}
