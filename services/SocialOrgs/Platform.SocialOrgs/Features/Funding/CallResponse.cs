using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Projects;

namespace Platform.SocialOrgs.Features.Funding;

/// <summary>A funding call.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">Title.</param>
/// <param name="FunderKind">district_unit, street_unit or foundation.</param>
/// <param name="FunderName">The funder.</param>
/// <param name="FunderCreditCode">The funder's credit code, when recorded.</param>
/// <param name="Budget">Yuan.</param>
/// <param name="Categories">The fields it funds.</param>
/// <param name="OpensAt">When the window opens.</param>
/// <param name="ClosesAt">The deadline for submissions.</param>
/// <param name="Phase">upcoming, open or closed, now.</param>
/// <param name="RubricId">The rubric the panel scores against.</param>
/// <param name="MinimumStatus">The least registry status of a proposing organisation.</param>
/// <param name="ExitBarDays">Days after an exit from incubation in which an organisation may not propose (0: no bar).</param>
/// <param name="CreatedAt">When it was opened.</param>
public sealed record CallResponse(
    Guid Id, string Title, FunderKind FunderKind, string FunderName, string? FunderCreditCode, decimal Budget, IReadOnlyList<ServiceCategory> Categories,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, CallPhase Phase, Guid RubricId, OrganisationStatus MinimumStatus, int ExitBarDays, DateTimeOffset CreatedAt)
{
    public static CallResponse From(FundingCall call, DateTimeOffset now) => new(
        call.Id, call.Title, call.FunderKind, call.FunderName, call.FunderCreditCode, call.Budget, call.Categories, call.OpensAt, call.ClosesAt,
        call.PhaseAt(now), call.RubricId, call.MinimumStatus, call.ExitBarDays, call.CreatedAt);
}

/// <summary>A proposal.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="CallId">The call.</param>
/// <param name="OrganisationId">The proposing organisation.</param>
/// <param name="Status">draft or submitted.</param>
/// <param name="Title">The project's title.</param>
/// <param name="Category">Its category.</param>
/// <param name="Needs">The needs it addresses.</param>
/// <param name="DemandIds">Residents' demands it answers.</param>
/// <param name="TopicIds">Deliberation topics it answers.</param>
/// <param name="HotSpots">Hot spots it answers.</param>
/// <param name="Beneficiaries">People it means to serve.</param>
/// <param name="BeneficiaryGroup">Who they are.</param>
/// <param name="Amount">Yuan asked.</param>
/// <param name="BudgetLines">The budget.</param>
/// <param name="Milestones">By due date.</param>
/// <param name="CreatedAt">When drafted.</param>
/// <param name="UpdatedAt">When last changed.</param>
/// <param name="SubmittedAt">When submitted.</param>
public sealed record ProposalResponse(
    Guid Id, Guid CallId, Guid OrganisationId, ProposalStatus Status, string Title, ServiceCategory Category, string Needs, IReadOnlyList<Guid> DemandIds,
    IReadOnlyList<Guid> TopicIds, IReadOnlyList<HotSpotLink> HotSpots, int Beneficiaries, string BeneficiaryGroup, decimal Amount, IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<Milestone> Milestones, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt)
{
    public static ProposalResponse From(Proposal proposal) => new(
        proposal.Id, proposal.CallId, proposal.OrganisationId, proposal.Status, proposal.Title, proposal.Category, proposal.Needs, proposal.DemandIds,
        proposal.TopicIds, proposal.HotSpots, proposal.Beneficiaries, proposal.BeneficiaryGroup, proposal.Amount, proposal.BudgetLines, proposal.Milestones,
        proposal.CreatedAt, proposal.UpdatedAt, proposal.SubmittedAt);
}
