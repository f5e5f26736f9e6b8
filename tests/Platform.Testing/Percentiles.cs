namespace Platform.Testing;

/// <summary>Percentiles of measured latencies, by the nearest-rank rule.</summary>
public static class Percentiles
{
    /// <summary>The value below which <paramref name="fraction"/> of <paramref name="sorted"/> (ascending) lies.</summary>
    public static double Of(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        return sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}
