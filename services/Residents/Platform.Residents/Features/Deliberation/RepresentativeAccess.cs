using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Notices;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>Who sees which representatives, and each one's nomination notice with its objections.</summary>
internal static class RepresentativeAccess
{
    /// <summary>The representatives of areas inside a worker's scope (residents read the public notices instead).</summary>
    public static async Task<IQueryable<Representative>> InScopeAsync(ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken) =>
        db.Representatives.InSubtree((await CallerScope.OfAsync(caller, db, cancellationToken)).Path);

    /// <summary>The nomination notice of each representative, with the objections filed to it.</summary>
    public static async Task<IReadOnlyDictionary<Guid, (Guid NoticeId, int Objections)>> NoticesAsync(
        ResidentsDbContext db, IReadOnlyCollection<Guid> representativeIds, CancellationToken cancellationToken) =>
        await db.Notices.AsNoTracking()
            .Where(n => n.Kind == NoticeKind.RepresentativeNomination && n.SubjectId != null && representativeIds.Contains(n.SubjectId.Value))
            .Select(n => new { RepresentativeId = n.SubjectId!.Value, NoticeId = n.Id, Objections = db.NoticeObjections.Count(o => o.NoticeId == n.Id) })
            .ToDictionaryAsync(n => n.RepresentativeId, n => (n.NoticeId, n.Objections), cancellationToken);

    /// <summary>
    /// Makes the nominations and confirmations of one area take turns until the caller's transaction ends, so that two at
    /// once cannot both pass a check of the other (the same person twice, the last seat twice).
    /// </summary>
    public static async Task TakeAreaTurnAsync(ResidentsDbContext db, Guid areaId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"representatives:" + areaId}, 0))", cancellationToken);

    /// <summary>The seats of an area: its own plan, or the district's default.</summary>
    public static async Task<SeatCounts> SeatsAsync(ResidentsDbContext db, Guid areaId, SeatCounts defaults, CancellationToken cancellationToken) =>
        await db.RepresentativeSeatPlans.AsNoTracking().Where(p => p.NodeId == areaId).Select(p => p.Seats).SingleOrDefaultAsync(cancellationToken) ?? defaults;

    /// <summary>The area's confirmed representatives whose term includes <paramref name="day"/>: the electorate of a representatives' vote.</summary>
    public static IQueryable<Representative> ServingOn(ResidentsDbContext db, Guid areaId, DateOnly day) =>
        db.Representatives.AsNoTracking().Where(r => r.NodeId == areaId && r.Status == RepresentativeStatus.Confirmed && r.TermStart <= day && day <= r.TermEnd);

    public static async Task<RepresentativeResponse> ResponseAsync(Representative representative, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var (noticeId, objections) = (await NoticesAsync(db, [representative.Id], cancellationToken))[representative.Id];
        return RepresentativeResponse.From(representative, noticeId, objections);
    }

    public static ProblemHttpResult NotFound(Guid id) =>
        new DomainException(RepresentativeErrors.NotFound, $"No representative {id} in your area.").ToProblem();

    public static ProblemHttpResult Forbidden(string message) => new DomainException(RepresentativeErrors.ActionForbidden, message).ToProblem();
}
