using Platform.SocialOrgs.Domain.Incubations;

namespace Platform.SocialOrgs.Features.Incubations;

/// <summary>An organisation's incubation.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Status">applied, rejected, in_incubation, graduated or exited.</param>
/// <param name="Stage">seed, sprout, sapling or tree.</param>
/// <param name="StageEnteredAt">When it entered the stage.</param>
/// <param name="Stuck">Whether it has been in the stage longer than the district allows.</param>
/// <param name="Reason">Why it was rejected or exited.</param>
/// <param name="Space">The space provided.</param>
/// <param name="Mentor">The mentor.</param>
/// <param name="SeedFund">The seed fund, yuan.</param>
/// <param name="TrainingSessionsAttended">Capacity-training sessions attended.</param>
/// <param name="Assessments">The assessments, oldest first.</param>
/// <param name="AppliedAt">When it applied.</param>
/// <param name="EndedAt">When it was rejected, graduated or exited.</param>
public sealed record IncubationResponse(
    Guid Id, Guid OrganisationId, IncubationStatus Status, GrowthStage Stage, DateTimeOffset? StageEnteredAt, bool Stuck, string? Reason,
    string? Space, string? Mentor, decimal SeedFund, int TrainingSessionsAttended, IReadOnlyList<AssessmentResponse> Assessments,
    DateTimeOffset AppliedAt, DateTimeOffset? EndedAt)
{
    public static IncubationResponse From(Incubation incubation, DateTimeOffset now, TimeSpan stuckAfter) => new(
        incubation.Id, incubation.OrganisationId, incubation.Status, incubation.Stage, incubation.StageEnteredAt, incubation.IsStuck(now, stuckAfter),
        incubation.Reason, incubation.Space, incubation.Mentor, incubation.SeedFund, incubation.TrainingSessionsAttended,
        [.. incubation.Assessments.Select(AssessmentResponse.From)], incubation.AppliedAt, incubation.EndedAt);
}

/// <summary>One assessment.</summary>
/// <param name="Sequence">1, 2, 3 … in order.</param>
/// <param name="RubricId">The rubric scored against.</param>
/// <param name="Scores">Each criterion's score.</param>
/// <param name="WeightedTotal">The weighted total, 0–5.</param>
/// <param name="StageAfter">The stage after it.</param>
/// <param name="At">When.</param>
public sealed record AssessmentResponse(int Sequence, Guid RubricId, IReadOnlyDictionary<string, int> Scores, decimal WeightedTotal, GrowthStage StageAfter, DateTimeOffset At)
{
    public static AssessmentResponse From(IncubationAssessment assessment) =>
        new(assessment.Sequence, assessment.RubricId, assessment.Scores, assessment.WeightedTotal, assessment.StageAfter, assessment.At);
}
