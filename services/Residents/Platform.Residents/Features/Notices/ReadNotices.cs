using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Notices;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Notices;

/// <summary>The filters of the public notice list; a kind is read by its wire name (<c>budget_result</c>).</summary>
/// <param name="NodeId">The notices about this node and the nodes inside it.</param>
/// <param name="Running">true: only those whose period runs now; false: only those expired.</param>
/// <param name="Kind">One kind of notice.</param>
/// <param name="SubjectId">The notices about one topic, budget or representative.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">Page size, at most 100.</param>
public sealed record NoticeQuery(
    Guid? NodeId, bool? Running, [property: WireName(typeof(NoticeKind))] string? Kind, Guid? SubjectId, int? Page, int? PageSize);

/// <summary>The district's public notices, for anyone, signed in or not.</summary>
internal static class ReadNotices
{
    public static void Map(IEndpointRouteBuilder notices)
    {
        notices.MapGet("", ListAsync).AllowAnonymous().WithSummary(
            "The district's notices, newest first, without signing in; nodeId keeps those about that node and inside it, running=true those whose period runs, "
            + "kind one kind, subjectId those about one topic, budget or representative.");
        notices.MapGet("{id:guid}", GetAsync).AllowAnonymous().WithSummary("One notice, without signing in.");
    }

    private static async Task<Results<Ok<PagedResult<NoticeResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] NoticeQuery query, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paging = new PageRequest(query.Page, query.PageSize);
        var notices = db.Notices.AsNoTracking();
        if (query.NodeId is { } nodeId)
        {
            if (await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, cancellationToken) is not { } node)
            {
                return ProblemResults.Validation("nodeId", "No territory node with this id in the district.");
            }

            notices = notices.InSubtree(node.Path);
        }

        if (query.Running is { } running)
        {
            notices = notices.Where(n => (n.PublishedAt <= now && now < n.ExpiresAt) == running);
        }

        if (query.Kind is not null)
        {
            var kind = WireNames.Parse<NoticeKind>(query.Kind);
            notices = notices.Where(n => n.Kind == kind);
        }

        notices = query.SubjectId is { } subjectId ? notices.Where(n => n.SubjectId == subjectId) : notices;
        var page = await notices.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .ToPageAsync(paging, n => new { Notice = n, Objections = db.NoticeObjections.Count(o => o.NoticeId == n.Id) }, cancellationToken);
        return TypedResults.Ok(page.Map(r => NoticeResponse.From(r.Notice, r.Objections, now)));
    }

    private static async Task<Results<Ok<NoticeResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await db.Notices.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new { Notice = n, Objections = db.NoticeObjections.Count(o => o.NoticeId == n.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? NotFound(id) : TypedResults.Ok(NoticeResponse.From(found.Notice, found.Objections, clock.GetUtcNow()));
    }

    public static ProblemHttpResult NotFound(Guid id) => new DomainException(NoticeErrors.NotFound, $"No notice {id} in this district.").ToProblem();
}
