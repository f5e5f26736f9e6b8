using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Demands;

/// <summary>
/// What anyone holding a tracking number may see: the progress, nothing about the person or the problem's
/// wording (which may name people).
/// </summary>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="Status">Current status.</param>
/// <param name="Category">Category.</param>
/// <param name="ReceivedAt">When received.</param>
/// <param name="Steps">Each status change and when.</param>
public sealed record PublicDemandStatus(string TrackingNumber, DemandStatus Status, string Category, DateTimeOffset ReceivedAt, IReadOnlyList<PublicStep> Steps);

/// <summary>One public step.</summary>
/// <param name="Status">Status reached.</param>
/// <param name="At">When.</param>
public sealed record PublicStep(DemandStatus Status, DateTimeOffset At);

/// <summary>The public status of a demand by its tracking number, for anyone (the district comes from the host or path).</summary>
internal static class TrackDemand
{
    public static void Map(IEndpointRouteBuilder demands) =>
        demands.MapGet("track/{trackingNumber}", HandleAsync).AllowAnonymous().WithSummary(
            "Public status by tracking number, without personal data (the district comes from the host name or a /t/{district} prefix).");

    private static async Task<Results<Ok<PublicDemandStatus>, ProblemHttpResult>> HandleAsync(
        string trackingNumber, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var number = trackingNumber.Trim();
        var demand = number.Length > Demand.MaxTrackingNumberLength
            ? null
            : await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.TrackingNumber == number, cancellationToken);
        return demand is null
            ? new DomainException(DemandErrors.NotFound, "No demand with this tracking number.").ToProblem()
            : TypedResults.Ok(new PublicDemandStatus(
                demand.TrackingNumber, demand.Status, demand.Category, demand.ReceivedAt,
                [.. demand.History.OrderBy(h => h.Sequence).Where(h => h.FromStatus != h.ToStatus).Select(h => new PublicStep(h.ToStatus, h.At))]));
    }
}
