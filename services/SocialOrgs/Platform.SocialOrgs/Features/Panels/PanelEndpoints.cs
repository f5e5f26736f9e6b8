using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Features.Funding;

namespace Platform.SocialOrgs.Features.Panels;

/// <summary>
/// The review panel of a call (评审): the funder assigns reviewers and publishes the awards; a reviewer, whatever their
/// role, reads the submitted proposals, declares conflicts and scores. Someone not on a call's panel finds nothing there.
/// </summary>
internal static class PanelEndpoints
{
    public static IEndpointRouteBuilder MapPanelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Reviewers are independent experts with any role (or none of this service's): being on the panel is what admits them.
        var reviewing = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization().WithTags("Panel");
        ReviewQueue.Map(reviewing);
        DeclareConflict.Map(reviewing);
        ScoreProposal.Map(reviewing);
        GetReviews.Map(reviewing);

        var funders = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization(FundingEndpoints.FundersPolicy).WithTags("Panel");
        AssignReviewer.Map(funders);
        GetPanel.Map(funders);
        PublishAwards.Map(funders);

        // The published ranking is a public notice to everyone using the service.
        GetRanking.Map(endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization().WithTags("Panel"));
        return endpoints;
    }

    /// <summary>The call's panel with its call and rubric, tracked; null while no reviewer is assigned.</summary>
    public static Task<Panel?> FindAsync(Guid callId, SocialOrgsDbContext db, CancellationToken cancellationToken) =>
        db.Panels.Include(p => p.Call).Include(p => p.Rubric).SingleOrDefaultAsync(p => p.CallId == callId, cancellationToken);

    /// <summary>The call's panel, or a new empty one added to the context for the call (which must exist).</summary>
    /// <exception cref="DomainException">The district has no such call.</exception>
    public static async Task<Panel> FindOrStartAsync(Guid callId, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(callId, db, cancellationToken) is { } panel)
        {
            return panel;
        }

        var call = await db.FundingCalls.SingleOrDefaultAsync(c => c.Id == callId, cancellationToken)
            ?? throw new DomainException(FundingErrors.CallNotFound, $"No funding call {callId} in the district.");
        var rubric = await db.Rubrics.SingleAsync(r => r.Id == call.RubricId, cancellationToken);
        var started = new Panel(call, rubric);
        db.Panels.Add(started);
        return started;
    }

    /// <summary>The panel of the call the caller reviews for.</summary>
    /// <exception cref="DomainException">No panel, or the caller is not on it.</exception>
    public static async Task<Panel> OfReviewerAsync(Guid callId, string reviewerId, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var panel = await FindAsync(callId, db, cancellationToken);
        return panel is not null && panel.Reviewers.Contains(reviewerId)
            ? panel
            : throw new DomainException(PanelErrors.NotAReviewer, "You are not a reviewer of this call.");
    }

    /// <summary>A submitted or draft proposal of the call and the panel of its call, for a reviewer.</summary>
    /// <exception cref="DomainException">No such proposal, or the caller is not on its call's panel.</exception>
    public static async Task<(Proposal Proposal, Panel Panel)> ProposalForReviewerAsync(
        Guid proposalId, string reviewerId, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        // A proposal of a call the caller does not review answers like one that does not exist.
        var panel = proposal is null ? null : await FindAsync(proposal.CallId, db, cancellationToken);
        return proposal is not null && panel is not null && panel.Reviewers.Contains(reviewerId) && proposal.Status == ProposalStatus.Submitted
            ? (proposal, panel)
            : throw new DomainException(FundingErrors.ProposalNotFound, $"No proposal {proposalId} that you review.");
    }

    /// <summary>Saves the panel, refusing a change that raced another one on the same panel.</summary>
    /// <exception cref="DomainException">Someone changed the panel meanwhile.</exception>
    public static async Task SaveAsync(SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(PanelErrors.ChangedConcurrently, "Someone else changed the panel at the same time; try again.");
        }
    }
}
