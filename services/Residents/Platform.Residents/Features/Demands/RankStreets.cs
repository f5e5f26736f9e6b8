using Platform.Domain;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Districts.Contracts;
using Platform.Residents.Data;
using Platform.ServiceDefaults;
using static Platform.Residents.Features.Demands.DemandMeasurement;

namespace Platform.Residents.Features.Demands;

/// <summary>Streets ranked by volume.</summary>
public sealed record RankingResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<NodeMetrics> Items);

/// <summary>The district's streets (and townships, towns) ranked by the demands received on a day or in a month, Beijing time.</summary>
internal static class RankStreets
{
    private const int TopStreets = 10;

    public static void Map(IEndpointRouteBuilder metrics)
    {
        metrics.MapGet("rankings/daily", DailyAsync).WithSummary("The (at most) ten streets with the most demands received on a day (default: today, Beijing time).");
        metrics.MapGet("rankings/monthly", MonthlyAsync).WithSummary("Every street ranked by the demands received in a month (yyyy-MM, default: this month), with its rates.");
    }

    private static async Task<Results<Ok<RankingResponse>, ValidationProblem>> DailyAsync(
        DateOnly? date, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = date ?? DistrictClock.Today(now);
        var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var items = await MeasureAsync(db, Root.District, since, since.AddDays(1), now, cancellationToken);
        return TypedResults.Ok(new RankingResponse(since, since.AddDays(1), [.. Ranked(items).Where(s => s.Volume > 0).Take(TopStreets)]));
    }

    private static async Task<Results<Ok<RankingResponse>, ValidationProblem>> MonthlyAsync(
        string? month, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateOnly first;
        if (month is null)
        {
            var today = DistrictClock.Today(now);
            first = new DateOnly(today.Year, today.Month, 1);
        }
        else if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            return ProblemResults.Validation("month", "A month as yyyy-MM, e.g. 2026-11.");
        }

        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var (since, until) = (start.ToUniversalTime(), start.AddMonths(1).ToUniversalTime());
        var items = await MeasureAsync(db, Root.District, since, until, now, cancellationToken);
        return TypedResults.Ok(new RankingResponse(since, until, [.. Ranked(items)]));
    }

    private static IEnumerable<NodeMetrics> Ranked(IEnumerable<NodeMetrics> streets) =>
        streets.Where(s => s.Kind is TerritoryNodeKind.Street or TerritoryNodeKind.Township or TerritoryNodeKind.Town)
            .OrderByDescending(s => s.Volume).ThenBy(s => s.Name, StringComparer.Ordinal);
}
