using System.Globalization;

namespace Platform.Portal.Features.Dashboard;

// The residents service's demand metrics as the dashboard reads them.

public sealed record NodeMetricsView(
    Guid NodeId,
    string Name,
    string Kind,
    int Volume,
    double? ResponseRate,
    double? ResolutionRate,
    double? SatisfactionRate,
    int Overdue,
    IReadOnlyDictionary<string, int> ByCategory);

public sealed record MetricsView(Guid? NodeId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<NodeMetricsView> Items);

public sealed record RankingView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<NodeMetricsView> Items);

public sealed record HotSpotView(Guid GridId, string? GridName, string Category, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);

public sealed record HotSpotsView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<HotSpotView> Items);

/// <summary>Rates as Chinese reports write them (85.3%), and a dash where there was nothing to count.</summary>
internal static class Rates
{
    public static string Format(double? rate) => rate is { } value ? value.ToString("P1", Percent) : "—";

    private static readonly NumberFormatInfo Percent = new() { PercentPositivePattern = 1, PercentDecimalDigits = 1 };
}

/// <summary>
/// What a chart shows, handed to the page's chart script as JSON in a data attribute (the content security policy
/// allows no inline script): one category axis and one or more named series of numbers.
/// </summary>
public sealed record ChartSpec(string Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, bool Percent)
{
    /// <summary>Response, resolution and satisfaction rates per node, in percent; a rate with nothing to count is left out.</summary>
    public static ChartSpec RatesOf(IReadOnlyList<NodeMetricsView> nodes) => new(
        "bar",
        [.. nodes.Select(n => n.Name)],
        [
            new ChartSeries("响应率", [.. nodes.Select(n => AsPercent(n.ResponseRate))]),
            new ChartSeries("解决率", [.. nodes.Select(n => AsPercent(n.ResolutionRate))]),
            new ChartSeries("满意率", [.. nodes.Select(n => AsPercent(n.SatisfactionRate))]),
        ],
        Percent: true);

    /// <summary>Hot spots as bars, the largest first: one bar per grid and category.</summary>
    public static ChartSpec HotSpotsOf(IReadOnlyList<HotSpotView> spots)
    {
        var ordered = spots.OrderByDescending(s => s.Count).ToList();
        return new ChartSpec(
            "bar", [.. ordered.Select(s => $"{s.GridName ?? "未命名网格"} · {s.Category}")], [new ChartSeries("诉求件数", [.. ordered.Select(s => (double?)s.Count)])], Percent: false);
    }

    private static double? AsPercent(double? rate) => rate is { } value ? Math.Round(value * 100, 1) : null;
}

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);
