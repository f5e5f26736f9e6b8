using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>The year and area of a year-end review.</summary>
/// <param name="Year">The calendar year in the districts (UTC+8) in which the votes closed.</param>
/// <param name="Node">An area: only its subtree's decisions.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">Page size, at most 100.</param>
public sealed record DecisionReviewQuery(int? Year, Guid? Node, int? Page, int? PageSize);

/// <summary>One decision of the year: its vote, what became of it and how residents rated it.</summary>
/// <param name="TopicId">The topic decided.</param>
/// <param name="Title">Its title.</param>
/// <param name="NodeId">Its node.</param>
/// <param name="Level">Its level.</param>
/// <param name="DecidedAt">When the vote closed.</param>
/// <param name="Adopted">Whether the vote passed.</param>
/// <param name="Vote">The electorate, rule and exact tally.</param>
/// <param name="Status">Where it stands now: rejected, adopted (no task yet), in_execution or completed.</param>
/// <param name="Task">The task it became, if any.</param>
/// <param name="Overdue">Whether the task is still in execution past its deadline.</param>
/// <param name="Inspections">The site inspections recorded on the task.</param>
/// <param name="Rating">The residents' ratings of the result.</param>
public sealed record ReviewedDecision(
    Guid TopicId, string Title, Guid NodeId, TopicLevel Level, DateTimeOffset DecidedAt, bool Adopted, TopicVoteResponse Vote, TopicStatus Status,
    TopicTaskResponse? Task, bool Overdue, int Inspections, TopicRatingResponse Rating);

/// <summary>The totals of a year-end review, over every decision it covers (not only the page).</summary>
/// <param name="Decisions">Votes closed in the year.</param>
/// <param name="Adopted">Of them, passed.</param>
/// <param name="Completed">Of the adopted, with the task completed.</param>
/// <param name="Overdue">Of the adopted, in execution past the deadline.</param>
/// <param name="Ratings">Ratings given to their results.</param>
/// <param name="AverageRating">The mean of every rating, null without any.</param>
public sealed record DecisionReviewSummary(int Decisions, int Adopted, int Completed, int Overdue, int Ratings, decimal? AverageRating);

/// <summary>A year-end review: the totals and one page of the decisions, oldest first.</summary>
public sealed record DecisionReviewResponse(int Year, DecisionReviewSummary Summary, PagedResult<ReviewedDecision> Decisions);

/// <summary>
/// The year-end review (年终评议) of the 集 → 议 → 决 → 督 → 评 loop: every decision whose vote closed in the year, with its
/// tally, its task's progress and inspections, and the residents' rating, for the review meeting.
/// </summary>
internal static class ReviewDecisions
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapGet("review", HandleAsync).WithSummary(
            "The year-end review: every decision whose vote closed in the year (district time), oldest first, with its tally, task, overdue flag, "
            + "inspections and rating, and totals over all of them. The whole district for a resident, a worker's scope; node keeps a subtree.");

    private static async Task<Results<Ok<DecisionReviewResponse>, ValidationProblem>> HandleAsync(
        [AsParameters] DecisionReviewQuery query, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (query.Year is not (>= 2000 and <= 9998))
        {
            return ProblemResults.Validation("year", "The calendar year reviewed, 2000 to 9998.");
        }

        var paging = new PageRequest(query.Page, query.PageSize);
        var (from, to) = Topic.ReviewYear(query.Year!.Value);
        var topics = (await TopicAccess.VisibleAsync(caller, db, cancellationToken)).Where(t => t.DecidedAt >= from && t.DecidedAt < to);
        if (query.Node is { } nodeId)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            topics = topics.InSubtree(path ?? "//");
        }

        var today = DistrictClock.Today(clock.GetUtcNow());
        var adopted = Topic.AdoptedStatuses;
        var overdue = Topic.OverdueOn(today);
        var ratings = await topics.SumAsync(t => t.RatingCount, cancellationToken);
        var ratingSum = await topics.SumAsync(t => t.RatingSum, cancellationToken);
        var summary = new DecisionReviewSummary(
            await topics.CountAsync(cancellationToken),
            await topics.CountAsync(t => adopted.Contains(t.Status), cancellationToken),
            await topics.CountAsync(t => t.Status == TopicStatus.Completed, cancellationToken),
            await topics.CountAsync(overdue, cancellationToken),
            ratings,
            ratings == 0 ? null : Math.Round((decimal)ratingSum / ratings, 2, MidpointRounding.AwayFromZero));

        var rows = await topics.OrderBy(t => t.DecidedAt).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.Size).AsNoTracking().AsSingleQuery().ToListAsync(cancellationToken);
        var isOverdue = overdue.Compile();
        var decisions = rows.Select(topic =>
        {
            var response = TopicResponse.From(topic, withHistory: false);
            return new ReviewedDecision(
                topic.Id, topic.Title, topic.NodeId, topic.Level, topic.DecidedAt!.Value, adopted.Contains(topic.Status), response.Vote!, topic.Status, response.Task,
                isOverdue(topic), topic.History.Count(h => h.Action == TopicAction.Inspect.ToWire()), response.Rating);
        });
        return TypedResults.Ok(new DecisionReviewResponse(query.Year.Value, summary, new PagedResult<ReviewedDecision>([.. decisions], paging.Page, paging.Size, summary.Decisions)));
    }
}
