using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Projects;
using Platform.SocialOrgs.Features.Organisations;
using Platform.SocialOrgs.Features.Panels;

namespace Platform.SocialOrgs.Features.Contracts;

/// <summary>The contract of an awarded proposal.</summary>
/// <param name="ProposalId">The awarded proposal.</param>
/// <param name="EvaluatorName">The evaluating party (a third-party assessment body).</param>
/// <param name="EvaluatorCreditCode">Its unified social credit code, when it has one.</param>
/// <param name="EvaluatorUserId">The user who records its evaluations.</param>
/// <param name="SignedOn">The date of signature: the first tranche is due then.</param>
/// <param name="Percentages">The three tranches' shares, e.g. [30, 40, 30].</param>
/// <param name="MidTermDueOn">When the second tranche is due.</param>
/// <param name="FinalDueOn">When the last tranche is due.</param>
public sealed record SignContractRequest(
    [property: Required] Guid? ProposalId, [property: Required, MaxLength(100)] string? EvaluatorName, string? EvaluatorCreditCode,
    [property: Required, MaxLength(OrganisationMember.UserIdMaxLength)] string? EvaluatorUserId, [property: Required] DateOnly? SignedOn,
    IReadOnlyList<int>? Percentages, [property: Required] DateOnly? MidTermDueOn, [property: Required] DateOnly? FinalDueOn) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
    [
        (nameof(Percentages), SignedOn is null || MidTermDueOn is null || FinalDueOn is null ? null
            : ContractTerms.Problem(Percentages, SignedOn.Value, MidTermDueOn.Value, FinalDueOn.Value)),
        (nameof(EvaluatorCreditCode), EvaluatorCreditCode is null || UnifiedSocialCreditCode.TryParse(EvaluatorCreditCode, out _, out var problem) ? null : problem),
    ]);

    /// <summary>The terms as the domain takes them; the request's validation has accepted them.</summary>
    public ContractTerms Terms() => new(
        new ContractParty(EvaluatorName!, EvaluatorCreditCode?.Trim().ToUpperInvariant()), EvaluatorUserId!.Trim(), SignedOn!.Value, Percentages!,
        MidTermDueOn!.Value, FinalDueOn!.Value);
}

/// <summary>
/// The funder signs the contract of a proposal awarded in the call's published ranking; the funded project, carrying the
/// proposal's milestones and links, starts with it in the same transaction.
/// </summary>
internal static class SignContract
{
    public static void Map(RouteGroupBuilder funders) =>
        funders.MapPost("calls/{callId:guid}/contracts", HandleAsync)
            .WithSummary("Sign the contract of an awarded proposal: the evaluator (a third party) and three tranches gated by signing, mid-term and final evaluation; its funded project starts.");

    private static async Task<Created<ContractResponse>> HandleAsync(
        Guid callId, SignContractRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var panel = await PanelEndpoints.FindOrStartAsync(callId, db, cancellationToken);
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProposalId && p.CallId == callId, cancellationToken)
            ?? throw new DomainException(FundingErrors.ProposalNotFound, $"No proposal {request.ProposalId} to this call.", "proposalId");
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == proposal.OrganisationId, cancellationToken);
        var contract = GrantContract.Sign(panel, proposal, organisation, request.Terms(), caller.UserId()!, now);
        db.GrantContracts.Add(contract);
        db.Projects.Add(Project.Funded(contract, proposal, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new DomainException(ContractErrors.AlreadyContracted, "The proposal has its contract already.");
        }

        return TypedResults.Created($"/api/socialorgs/contracts/{contract.Id}", ContractResponse.From(contract, now));
    }
}

/// <summary>One contract the caller funds, evaluates or acts for.</summary>
internal static class GetContract
{
    public static void Map(RouteGroupBuilder parties) =>
        parties.MapGet("contracts/{id:guid}", HandleAsync).WithSummary("A contract with its tranches (gate, due and paid dates, days late), evaluations and remedial plan.");

    private static async Task<Ok<ContractResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(ContractResponse.From(await ContractEndpoints.FindAsync(id, caller, db, cancellationToken), clock.GetUtcNow()));
}

/// <summary>A payment made.</summary>
/// <param name="PaidOn">The date the money was paid.</param>
public sealed record PaymentRequest([property: Required] DateOnly? PaidOn);

/// <summary>The funder records a tranche's payment; a tranche whose gate has not passed is refused.</summary>
internal static class PayTranche
{
    public static void Map(RouteGroupBuilder funders) =>
        funders.MapPost("contracts/{id:guid}/tranches/{number:int}/payment", HandleAsync)
            .WithSummary("Record a tranche's payment: in order, once, and only after its gate (409 socialorgs.tranche_gate_not_passed).");

    private static async Task<Ok<ContractResponse>> HandleAsync(
        Guid id, int number, PaymentRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var contract = await ContractEndpoints.FindAsync(id, caller, db, cancellationToken);
        contract.Pay(number, request.PaidOn!.Value, now);
        await ContractEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(ContractResponse.From(contract, now));
    }
}

/// <summary>An evaluation.</summary>
/// <param name="Kind">mid_term or final.</param>
/// <param name="Grade">a, b or c.</param>
/// <param name="Findings">What the evaluator found.</param>
/// <param name="BeneficiaryRatings">The beneficiaries' ratings, 1–5 each.</param>
public sealed record EvaluationRequest(
    [property: Required] EvaluationKind? Kind, [property: Required] EvaluationGrade? Grade,
    [property: Required, MaxLength(ContractTerms.TextMaxLength)] string? Findings, IReadOnlyList<int>? BeneficiaryRatings);

/// <summary>The contract's evaluator records the mid-term or the final evaluation.</summary>
internal static class EvaluateContract
{
    public static void Map(RouteGroupBuilder parties) =>
        parties.MapPost("contracts/{id:guid}/evaluations", HandleAsync)
            .WithSummary("For the contract's evaluator: the mid-term, then the final evaluation, graded A, B or C with findings and beneficiary ratings.");

    private static async Task<Ok<ContractResponse>> HandleAsync(
        Guid id, EvaluationRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var contract = await ContractEndpoints.FindAsync(id, caller, db, cancellationToken);
        contract.Evaluate(caller.UserId()!, request.Kind!.Value, request.Grade!.Value, request.Findings!, request.BeneficiaryRatings ?? [], now);
        await ContractEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(ContractResponse.From(contract, now));
    }
}

/// <summary>A remedial plan.</summary>
/// <param name="Plan">What the organisation will put right, and how.</param>
public sealed record RemedialPlanRequest([property: Required, MaxLength(ContractTerms.TextMaxLength)] string? Plan);

/// <summary>The organisation submits (or replaces, until accepted) its remedial plan after a C at mid-term.</summary>
internal static class SubmitRemedialPlan
{
    public static void Map(RouteGroupBuilder parties) =>
        parties.MapPut("contracts/{id:guid}/remedial-plan", HandleAsync)
            .WithSummary("For the organisation's users and officials over it: the remedial plan after a C at mid-term, replaceable until accepted.");

    private static async Task<Ok<ContractResponse>> HandleAsync(
        Guid id, RemedialPlanRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var contract = await ContractEndpoints.FindAsync(id, caller, db, cancellationToken);
        // The plan is the organisation's word: its own users, or officials keeping it, write it; not the evaluator.
        await (await OrganisationAccess.OfAsync(caller, db, cancellationToken)).FindAsync(contract.OrganisationId, db, cancellationToken);
        contract.SubmitRemedialPlan(request.Plan!, now);
        await ContractEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(ContractResponse.From(contract, now));
    }
}

/// <summary>The funder accepts the remedial plan, which lets the second tranche be paid.</summary>
internal static class AcceptRemedialPlan
{
    public static void Map(RouteGroupBuilder funders) =>
        funders.MapPost("contracts/{id:guid}/remedial-plan/acceptance", HandleAsync)
            .WithSummary("Accept the organisation's remedial plan: the mid-term gate passes and the second tranche may be paid.");

    private static async Task<Ok<ContractResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var contract = await ContractEndpoints.FindAsync(id, caller, db, cancellationToken);
        contract.AcceptRemedialPlan(now);
        await ContractEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(ContractResponse.From(contract, now));
    }
}

/// <summary>A late payment to an organisation.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="OrganisationId">The organisation waiting (or that waited) for the money.</param>
/// <param name="Tranche">The tranche, with its days late.</param>
public sealed record LatePaymentResponse(Guid ContractId, Guid OrganisationId, TrancheResponse Tranche);

/// <summary>Every tranche paid late or overdue now, longest wait first: the field's named pain point, in figures.</summary>
internal static class ListLatePayments
{
    public static void Map(RouteGroupBuilder funders) =>
        funders.MapGet("late-payments", HandleAsync)
            .WithSummary("Tranches overdue now (unpaid=true: only those) or paid late, with days late, longest first.");

    private static async Task<Ok<IReadOnlyList<LatePaymentResponse>>> HandleAsync(bool? unpaid, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A district signs tens of contracts a year: the tranches are judged in memory, where the gates are computed.
        var contracts = await db.GrantContracts.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LatePaymentResponse>>([.. contracts
            .SelectMany(c => c.Tranches.Select(t => new LatePaymentResponse(c.Id, c.OrganisationId, ContractResponse.TrancheOf(c, t, now))))
            .Where(late => late.Tranche.DaysLate > 0 && (unpaid != true || late.Tranche.PaidOn is null))
            .OrderByDescending(late => late.Tranche.DaysLate).ThenBy(late => late.ContractId).ThenBy(late => late.Tranche.Number)]);
    }
}
