using Platform.Domain;

namespace Platform.SocialOrgs.Domain.Incubations;

/// <summary>Every refusal of incubation and its rubrics, each code with its kind, declared once.</summary>
public static class IncubationErrors
{
    /// <summary>404: no incubation with that id that the caller may see.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("socialorgs.incubation_not_found");

    /// <summary>404: no rubric with that id in the district.</summary>
    public static readonly DomainError RubricNotFound = DomainError.NotFound("socialorgs.rubric_not_found");

    /// <summary>400: a rubric whose criteria or thresholds are unacceptable.</summary>
    public static readonly DomainError InvalidRubric = DomainError.Invalid("socialorgs.invalid_rubric");

    /// <summary>400: scores that do not match the rubric's criteria.</summary>
    public static readonly DomainError InvalidScores = DomainError.Invalid("socialorgs.invalid_scores");

    /// <summary>400: a score outside the 0–5 scale.</summary>
    public static readonly DomainError ScoreOutsideScale = DomainError.Invalid("socialorgs.score_outside_scale");

    /// <summary>400: a negative seed fund.</summary>
    public static readonly DomainError NegativeSeedFund = DomainError.Invalid("socialorgs.negative_seed_fund");

    /// <summary>409: the incubation's status does not allow the step.</summary>
    public static readonly DomainError InvalidTransition = DomainError.Conflict("socialorgs.incubation_invalid_transition");

    /// <summary>409: the organisation has an open application or incubation already.</summary>
    public static readonly DomainError AlreadyIncubating = DomainError.Conflict("socialorgs.already_incubating");

    /// <summary>400: a rejection or exit without a reason.</summary>
    public static readonly DomainError ReasonRequired = DomainError.Invalid("socialorgs.reason_required");

    /// <summary>409: graduating an organisation that is not registered or whose latest assessment misses the threshold.</summary>
    public static readonly DomainError GraduationRequirementsNotMet = DomainError.Conflict("socialorgs.graduation_requirements_not_met");
}
