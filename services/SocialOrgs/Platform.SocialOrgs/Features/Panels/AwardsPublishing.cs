using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.SocialOrgs.Contracts;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Funding;

namespace Platform.SocialOrgs.Features.Panels;

/// <summary>The funder publishes a call's awards once its window has closed: the ranking is fixed and announced.</summary>
internal static class PublishAwards
{
    public static void Map(RouteGroupBuilder funders) =>
        funders.MapPost("calls/{callId:guid}/awards", HandleAsync)
            .WithSummary("Publish the call's awards: by score, highest first, each awarded while its amount fits in the budget left, otherwise skipped.");

    private static async Task<Ok<RankingResponse>> HandleAsync(
        Guid callId, SocialOrgsDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var panel = await PanelEndpoints.FindOrStartAsync(callId, db, cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.CallId == callId).ToListAsync(cancellationToken);
        var ranking = panel.PublishAwards(proposals, now);
        var organisations = proposals.ToDictionary(p => p.Id, p => p.OrganisationId);
        db.AddIntegrationEvent(new AwardsPublishedIntegrationEvent
        {
            TenantId = tenant.TenantId!.Value,
            OccurredAt = now,
            CallId = callId,
            Budget = panel.Call.Budget,
            Lines = [.. ranking.Select(line => new AwardLine(
                line.ProposalId, organisations[line.ProposalId], line.Rank, line.Score, line.Amount, line.Outcome.ToWire(), line.Reason))],
        });
        await PanelEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(new RankingResponse(callId, panel.Call.Budget, Published: true, panel.AwardsPublishedAt, ranking));
    }
}

/// <summary>A call's ranking: the published notice for everyone, or the provisional one for funders before that.</summary>
internal static class GetRanking
{
    public static void Map(RouteGroupBuilder everyone) =>
        everyone.MapGet("calls/{callId:guid}/ranking", HandleAsync)
            .WithSummary("The call's ranking with each proposal's outcome and reason: published, or provisional (funders only) before the awards.");

    private static async Task<Ok<RankingResponse>> HandleAsync(
        Guid callId, HttpContext http, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var panel = await PanelEndpoints.FindOrStartAsync(callId, db, cancellationToken);
        if (panel.AwardsPublishedAt is null && !Funding.FundingEndpoints.FunderRoles.Any(http.User.IsInRole))
        {
            throw new DomainException(PanelErrors.RankingNotPublished, "The call's awards are not published yet.");
        }

        var proposals = await db.Proposals.AsNoTracking().Where(p => p.CallId == callId).ToListAsync(cancellationToken);
        return TypedResults.Ok(new RankingResponse(callId, panel.Call.Budget, panel.AwardsPublishedAt is not null, panel.AwardsPublishedAt, panel.RankingOf(proposals)));
    }
}
