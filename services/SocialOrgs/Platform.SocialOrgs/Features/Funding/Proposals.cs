using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Contracts;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Features.Organisations;
using Platform.SocialOrgs.Features.Projects;

namespace Platform.SocialOrgs.Features.Funding;

/// <summary>A line of a proposal's budget.</summary>
/// <param name="Item">What the money is for.</param>
/// <param name="Amount">Yuan.</param>
public sealed record BudgetLineRequest(string? Item, decimal Amount);

/// <summary>A milestone of a proposal.</summary>
/// <param name="Title">What is done by then.</param>
/// <param name="DueOn">By when.</param>
public sealed record MilestoneRequest(string? Title, DateOnly? DueOn);

/// <summary>What a proposal says; writing it again replaces all of it.</summary>
/// <param name="Title">The project's title.</param>
/// <param name="Category">One of the call's categories.</param>
/// <param name="Needs">The needs it addresses.</param>
/// <param name="DemandIds">Residents' demands it answers.</param>
/// <param name="TopicIds">Deliberation topics it answers.</param>
/// <param name="Beneficiaries">How many people it means to serve.</param>
/// <param name="BeneficiaryGroup">Who they are.</param>
/// <param name="Amount">Yuan asked, to the fen.</param>
/// <param name="BudgetLines">The budget, adding up to the amount asked.</param>
/// <param name="Milestones">What is delivered when.</param>
/// <param name="HotSpots">Hot spots (a grid and a category of demands) it answers.</param>
public sealed record ProposalRequest(
    string? Title, ServiceCategory? Category, string? Needs, IReadOnlyList<Guid>? DemandIds, IReadOnlyList<Guid>? TopicIds, int Beneficiaries,
    string? BeneficiaryGroup, decimal Amount, IReadOnlyList<BudgetLineRequest>? BudgetLines, IReadOnlyList<MilestoneRequest>? Milestones,
    IReadOnlyList<HotSpotRequest>? HotSpots) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        ProposalContent.Checks(
                Title, Needs, NeedLinksInput.Checks(DemandIds, TopicIds, HotSpots), Beneficiaries, BeneficiaryGroup, Amount,
                [.. (BudgetLines ?? []).Select(l => (l.Item, l.Amount))], [.. (Milestones ?? []).Select(m => (m.Title, m.DueOn))])
            .Append((nameof(Category), Category is null ? "Required." : null)));

    /// <summary>The content as the domain takes it; the request's validation has accepted it.</summary>
    public ProposalContent Content()
    {
        var links = NeedLinksInput.From(DemandIds, TopicIds, HotSpots);
        return new(
            Title!, Category!.Value, Needs!, links.DemandIds, links.TopicIds, links.HotSpots, Beneficiaries, BeneficiaryGroup!, Amount,
            [.. BudgetLines!.Select(l => new BudgetLine(l.Item!, l.Amount))], [.. Milestones!.Select(m => new Milestone(m.Title!, m.DueOn!.Value))]);
    }
}

/// <summary>
/// An organisation writes its proposal to a call: the first write drafts it (the organisation must be eligible), later
/// ones replace the draft, all while the call's window is open. One proposal per organisation and call.
/// </summary>
internal static class WriteProposal
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapPut("calls/{callId:guid}/proposals/{organisationId:guid}", HandleAsync)
            .WithSummary("Draft or rewrite the proposal of an organisation the caller keeps or acts for, while the call's window is open.");

    private static async Task<Results<Created<ProposalResponse>, Ok<ProposalResponse>>> HandleAsync(
        Guid callId, Guid organisationId, ProposalRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(organisationId, db, cancellationToken);
        var call = await GetCall.FindAsync(callId, db, cancellationToken);
        var content = request.Content();
        await NeedLinksInput.EnsureGridsAsync(content.Links, db, cancellationToken);
        var existing = await db.Proposals.SingleOrDefaultAsync(p => p.CallId == callId && p.OrganisationId == organisationId, cancellationToken);
        if (existing is not null)
        {
            existing.Revise(call, content, access.UserId, now);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(ProposalResponse.From(existing));
        }

        var incubations = await db.Incubations.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var proposal = Proposal.Draft(call, organisation, incubations, content, access.UserId, now);
        db.Proposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two first writes at once: the other one drafted it.
            throw new DomainException(FundingErrors.AlreadyProposed, "The organisation's proposal to this call was drafted meanwhile; write it again.");
        }

        return TypedResults.Created($"/api/socialorgs/proposals/{proposal.Id}", ProposalResponse.From(proposal));
    }
}

/// <summary>Submits a draft for the panel while the call's window is open.</summary>
internal static class SubmitProposal
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapPost("proposals/{id:guid}/submit", HandleAsync)
            .WithSummary("Submit a draft proposal for the panel (the organisation must still be eligible); after that it no longer changes.");

    private static async Task<Ok<ProposalResponse>> HandleAsync(
        Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var proposal = await access.FindProposalAsync(id, db, cancellationToken);
        var call = await GetCall.FindAsync(proposal.CallId, db, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == proposal.OrganisationId, cancellationToken);
        var incubations = await db.Incubations.AsNoTracking().Where(i => i.OrganisationId == organisation.Id).ToListAsync(cancellationToken);
        proposal.Submit(call, organisation, incubations, access.UserId, now);
        db.AddIntegrationEvent(new ProposalSubmittedIntegrationEvent
        {
            TenantId = tenant.TenantId!.Value,
            OccurredAt = now,
            ProposalId = proposal.Id,
            CallId = proposal.CallId,
            OrganisationId = proposal.OrganisationId,
            Amount = proposal.Amount,
            DemandIds = proposal.DemandIds,
            TopicIds = proposal.TopicIds,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProposalResponse.From(proposal));
    }
}

/// <summary>One proposal the caller keeps or acts for.</summary>
internal static class GetProposal
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapGet("proposals/{id:guid}", HandleAsync).WithSummary("One proposal of an organisation the caller keeps or acts for.");

    private static async Task<Ok<ProposalResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(ProposalResponse.From(await access.FindProposalAsync(id, db, cancellationToken)));
    }
}

/// <summary>The proposals to a call the caller sees: those of the organisations they keep or act for.</summary>
internal static class ListProposals
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapGet("calls/{callId:guid}/proposals", HandleAsync)
            .WithSummary("The proposals to a call from the organisations the caller keeps or acts for, submitted first in order of submission, then drafts.");

    private static async Task<Ok<PagedResult<ProposalResponse>>> HandleAsync(
        Guid callId, int? page, int? pageSize, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        await GetCall.FindAsync(callId, db, cancellationToken);
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var proposals = access.VisibleProposals(db).AsNoTracking().Where(p => p.CallId == callId);
        var rows = await proposals.OrderBy(p => p.SubmittedAt == null).ThenBy(p => p.SubmittedAt).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(rows.Map(ProposalResponse.From));
    }
}
