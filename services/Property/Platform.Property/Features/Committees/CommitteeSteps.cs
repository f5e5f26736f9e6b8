using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Committees;
using Platform.Property.Domain.Votes;
using Platform.Property.Features.Votes;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Committees;

/// <summary>A candidate put forward.</summary>
/// <param name="OwnerId">The owner of the area the candidate is.</param>
/// <param name="Name">The candidate's name.</param>
/// <param name="PartyRecommended">Recommended by the party organisation.</param>
public sealed record CandidateRequest(Guid OwnerId, [property: Required, StringLength(CommitteeMember.NameMaxLength, MinimumLength = 1)] string? Name, bool PartyRecommended = false)
{
    /// <summary>The candidate of a request its validation has accepted.</summary>
    public CommitteeCandidate ToCandidate() => new() { OwnerId = OwnerId, Name = Name!, PartyRecommended = PartyRecommended };
}

/// <summary>The candidates for the owners' committee and its seats.</summary>
/// <param name="Seats">An odd number from 5 to 11.</param>
/// <param name="Candidates">At least as many as the seats, each an owner once.</param>
public sealed record NominateCandidatesRequest(int? Seats, IReadOnlyList<CandidateRequest>? Candidates) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Seats), Seats is { } seats ? Committee.SeatsProblem(seats) : "How many seats is required."),
        (nameof(Candidates), Candidates is null || Candidates.Any(c => c?.Name is null) ? "The candidates, each with a name."
            : Seats is { } n ? Committee.CandidatesProblem([.. Candidates.Select(c => c.ToCandidate())], n) : null));
}

/// <summary>The election vote's schedule.</summary>
/// <param name="Title">Title, e.g. 第一届业主委员会选举.</param>
/// <param name="OpensAt">When it is to open.</param>
/// <param name="ClosesAt">When it closes.</param>
public sealed record DrawUpElectionRequest(string? Title, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Title), Vote.TitleProblem(Title)),
        (nameof(OpensAt), OpensAt is null ? "When the vote opens is required." : null),
        (nameof(ClosesAt), ClosesAt is null ? "When the vote closes is required." : ClosesAt <= OpensAt ? "A vote closes after it opens." : null));
}

/// <summary>The term the street files the committee for.</summary>
/// <param name="TermYears">1 to 5 years.</param>
public sealed record FileCommitteeRequest([property: Required] int? TermYears);

/// <summary>
/// The steps of a committee's lifecycle, each allowed only from the stage before it (409 <c>property.committee_step</c>)
/// and published as <c>PropertyCommitteeChangedIntegrationEvent</c> through the outbox.
/// </summary>
internal static class CommitteeSteps
{
    public static void Map(IEndpointRouteBuilder committees)
    {
        committees.MapGet("{committeeId:guid}", GetAsync).WithSummary("A committee with its preparatory group, candidates and members.");
        Step(committees, "verify-roll", "The preparatory group has verified the owners' roll.", (c, by, now) => c.VerifyRoll(by, now));
        Step(committees, "draft-rules", "The rules of procedure and the management covenant are drafted.", (c, by, now) => c.DraftRules(by, now));
        committees.MapPost("{committeeId:guid}/candidates", NominateAsync).WithSummary(
            "Nominate the candidates (owners of the area, party recommendations flagged) for an odd number of 5 to 11 seats.");
        committees.MapPost("{committeeId:guid}/election", DrawUpElectionAsync).WithSummary(
            "Draw up the election vote: one elect_committee matter per candidate (keyed c1, c2, …), each ballot approving at most as many as there are seats.");
        committees.MapPost("{committeeId:guid}/election/result", RecordElectionAsync).WithSummary(
            "Record the closed election: passing candidates take the seats by approving area, then owners; unless an odd 5 to 11 are elected the election failed (the committee ends).");
        committees.MapPost("{committeeId:guid}/file", FileAsync).RequireAuthorization(PropertyEndpoints.StreetPolicy).WithSummary(
            "The street files (备案) the elected committee, which becomes active for 1 to 5 years; 409 property.committee_under_way while an interim committee is active.");
        Step(committees, "end-term", "The active committee's term has ended.", (c, by, now) => c.EndTerm(by, now));
        Step(committees, "recall", "The owners recalled their committee.", (c, by, now) => c.Recall(by, now));
        Step(committees, "dissolve", "The street dissolves its interim committee.", (c, by, now) => c.Dissolve(by, now))
            .RequireAuthorization(PropertyEndpoints.StreetPolicy);
    }

    private static RouteHandlerBuilder Step(IEndpointRouteBuilder committees, string route, string summary, Action<Committee, string, DateTimeOffset> step) =>
        committees.MapPost(
                $"{{committeeId:guid}}/{route}",
                async Task<Ok<CommitteeResponse>> (Guid committeeId, ClaimsPrincipal caller, PropertyDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken) =>
                {
                    var now = clock.GetUtcNow();
                    var committee = await CommitteeAccess.FindAsync(committeeId, caller, db, cancellationToken);
                    step(committee, caller.UserId()!, now);
                    await CommitteeAccess.SaveAsync(committee, tenant.TenantId!.Value, db, now, cancellationToken);
                    return TypedResults.Ok(CommitteeResponse.From(committee));
                })
            .WithSummary(summary);

    private static async Task<Ok<CommitteeResponse>> GetAsync(Guid committeeId, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(CommitteeResponse.From(await CommitteeAccess.FindAsync(committeeId, caller, db, cancellationToken)));

    private static async Task<Results<Ok<CommitteeResponse>, ValidationProblem>> NominateAsync(
        Guid committeeId, NominateCandidatesRequest request, ClaimsPrincipal caller, PropertyDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var committee = await CommitteeAccess.FindAsync(committeeId, caller, db, cancellationToken);
        var candidates = request.Candidates!.Select(c => c.ToCandidate()).ToList();
        await CommitteeAccess.EnsureOwnersOfAsync(committee.AreaId, candidates.Select(c => (Guid?)c.OwnerId), "candidates", db, cancellationToken);
        committee.NominateCandidates(candidates, request.Seats!.Value, caller.UserId()!, now);
        await CommitteeAccess.SaveAsync(committee, tenant.TenantId!.Value, db, now, cancellationToken);
        return TypedResults.Ok(CommitteeResponse.From(committee));
    }

    private static async Task<Results<Created<VoteResponse>, ValidationProblem>> DrawUpElectionAsync(
        Guid committeeId, DrawUpElectionRequest request, ClaimsPrincipal caller, PropertyDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var committee = await CommitteeAccess.FindAsync(committeeId, caller, db, cancellationToken);
        var rules = (await db.DecisionRules.SingleOrDefaultAsync(cancellationToken))?.Rules ?? DecisionRules.CivilCode;
        var matters = committee.Candidates
            .Select(c => new VoteMatterDraft(c.Key, Matter.ElectCommittee, c.PartyRecommended ? $"{c.Name}（党组织推荐）" : c.Name, null)).ToList();
        var vote = Vote.DraftElection(
            committee.AreaId, request.Title!, request.OpensAt!.Value, request.ClosesAt!.Value, matters, committee.Seats ?? 0, rules, caller.UserId()!, now);
        committee.StartElection(vote.Id, caller.UserId()!, now);
        db.Votes.Add(vote);
        await CommitteeAccess.SaveAsync(committee, tenant.TenantId!.Value, db, now, cancellationToken);
        return TypedResults.Created($"/api/property/votes/{vote.Id}", VoteResponse.From(vote, now));
    }

    private static async Task<Ok<CommitteeResponse>> RecordElectionAsync(
        Guid committeeId, ClaimsPrincipal caller, PropertyDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var committee = await CommitteeAccess.FindAsync(committeeId, caller, db, cancellationToken);
        var vote = committee.ElectionVoteId is { } voteId ? await db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId, cancellationToken)
            : throw new DomainException(PropertyErrors.CommitteeStep, "No election has been drawn up.");
        vote.EnsureClosed(now);
        committee.RecordElection(await VoteCount.OfAsync(vote, db, cancellationToken), caller.UserId()!, now);
        await CommitteeAccess.SaveAsync(committee, tenant.TenantId!.Value, db, now, cancellationToken);
        return TypedResults.Ok(CommitteeResponse.From(committee));
    }

    private static async Task<Results<Ok<CommitteeResponse>, ValidationProblem>> FileAsync(
        Guid committeeId, FileCommitteeRequest request, ClaimsPrincipal caller, PropertyDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var committee = await CommitteeAccess.FindAsync(committeeId, caller, db, cancellationToken);
        if (await db.Committees.AnyAsync(c => c.AreaId == committee.AreaId && c.Stage == CommitteeStage.Active, cancellationToken))
        {
            throw CommitteeAccess.UnderWay();
        }

        committee.File(request.TermYears!.Value, caller.UserId()!, now);
        await CommitteeAccess.SaveAsync(committee, tenant.TenantId!.Value, db, now, cancellationToken);
        return TypedResults.Ok(CommitteeResponse.From(committee));
    }
}
