using System.Linq.Expressions;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Domain.Incubations;

/// <summary>Where an organisation stands in the incubation centre.</summary>
public enum IncubationStatus
{
    /// <summary>Applied; awaiting the intake review.</summary>
    Applied,

    /// <summary>Turned down at intake, with a reason.</summary>
    Rejected,

    /// <summary>In incubation: space, mentor, seed fund, training, periodic assessments.</summary>
    InIncubation,

    /// <summary>出壳: graduated, registered and meeting the rubric's threshold.</summary>
    Graduated,

    /// <summary>Left without graduating, with a reason.</summary>
    Exited,
}

/// <summary>One periodic assessment against a rubric: each criterion's score, the weighted total and the stage it earned.</summary>
public sealed class IncubationAssessment
{
    private readonly Dictionary<string, int> _scores = [];

    private IncubationAssessment()
    {
    }

    internal IncubationAssessment(int sequence, Guid rubricId, IReadOnlyDictionary<string, int> scores, decimal weightedTotal, GrowthStage stage, string assessedBy, DateTimeOffset at)
    {
        Sequence = sequence;
        RubricId = rubricId;
        _scores = new Dictionary<string, int>(scores, StringComparer.Ordinal);
        WeightedTotal = weightedTotal;
        StageAfter = stage;
        AssessedBy = assessedBy;
        At = at;
    }

    /// <summary>1 for the first assessment, then 2, 3 ….</summary>
    public int Sequence { get; private set; }

    /// <summary>The rubric scored against.</summary>
    public Guid RubricId { get; private set; }

    /// <summary>Each criterion's score, 0–5.</summary>
    public IReadOnlyDictionary<string, int> Scores => _scores;

    /// <summary>The weighted total, 0–5.</summary>
    public decimal WeightedTotal { get; private set; }

    /// <summary>The organisation's stage after this assessment.</summary>
    public GrowthStage StageAfter { get; private set; }

    /// <summary>Who assessed.</summary>
    public string AssessedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// An organisation's way through the street's incubation centre (孵化): application → intake review (accepted, or
/// rejected with a reason) → in incubation with space, mentor, seed fund and training attendance → periodic assessments
/// against a rubric, each of which may advance the growth stage (never back) → graduated (registered and meeting the
/// rubric's graduation threshold) or exited with a reason. An organisation in one stage longer than the district allows
/// is stuck (<see cref="IsStuck"/>).
/// </summary>
public sealed class Incubation : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest reason, space or mentor text.</summary>
    public const int TextMaxLength = 200;

    private readonly List<IncubationAssessment> _assessments = [];

    private Incubation()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The organisation incubated.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>The organisation's home node path, so officials see the incubations of their scope.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>Where it stands.</summary>
    public IncubationStatus Status { get; private set; }

    /// <summary>Its growth stage.</summary>
    public GrowthStage Stage { get; private set; }

    /// <summary>When it entered <see cref="Stage"/> (acceptance for the seed stage).</summary>
    public DateTimeOffset? StageEnteredAt { get; private set; }

    /// <summary>The reason of a rejection or an exit.</summary>
    public string? Reason { get; private set; }

    /// <summary>The space provided, e.g. 孵化基地 203 室.</summary>
    public string? Space { get; private set; }

    /// <summary>The mentor assigned.</summary>
    public string? Mentor { get; private set; }

    /// <summary>The seed fund granted, in yuan.</summary>
    public decimal SeedFund { get; private set; }

    /// <summary>How many capacity-training sessions it attended.</summary>
    public int TrainingSessionsAttended { get; private set; }

    /// <summary>The assessments, oldest first.</summary>
    public IReadOnlyList<IncubationAssessment> Assessments => _assessments;

    /// <summary>When it applied.</summary>
    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>When it was graduated, rejected or exited.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Whether the incubation is still open (applied or in incubation).</summary>
    public bool IsOpen => Status is IncubationStatus.Applied or IncubationStatus.InIncubation;

    /// <summary>An organisation applies to the incubation centre.</summary>
    public static Incubation Apply(Organisation organisation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new Incubation
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisation.Id,
            NodePath = organisation.NodePath,
            Status = IncubationStatus.Applied,
            Stage = GrowthStage.Seed,
            AppliedAt = now,
        };
    }

    /// <summary>The intake review accepts the organisation: it enters incubation at the seed stage.</summary>
    public void Accept(DateTimeOffset now)
    {
        EnsureStatus(IncubationStatus.Applied, "accepted");
        Status = IncubationStatus.InIncubation;
        StageEnteredAt = now;
    }

    /// <summary>The intake review turns the organisation down.</summary>
    public void Reject(string reason, DateTimeOffset now)
    {
        EnsureStatus(IncubationStatus.Applied, "rejected");
        End(IncubationStatus.Rejected, reason, now);
    }

    /// <summary>Records the support given: space, mentor, seed fund (null keeps one).</summary>
    public void Support(string? space, string? mentor, decimal? seedFund)
    {
        EnsureStatus(IncubationStatus.InIncubation, "supported");
        if (seedFund < 0)
        {
            throw new DomainException(IncubationErrors.NegativeSeedFund, "A seed fund cannot be negative.", "seedFund");
        }

        Space = space?.Trim() ?? Space;
        Mentor = mentor?.Trim() ?? Mentor;
        SeedFund = seedFund ?? SeedFund;
    }

    /// <summary>Records attendance at a capacity-training session.</summary>
    public void AttendTraining()
    {
        EnsureStatus(IncubationStatus.InIncubation, "trained");
        TrainingSessionsAttended++;
    }

    /// <summary>
    /// Assesses the organisation against <paramref name="rubric"/>: stores every score and the weighted total, and
    /// advances the stage to the highest one the total reaches (a weaker result never moves it back).
    /// </summary>
    /// <exception cref="DomainException">Not in incubation, or the scores do not fit the rubric.</exception>
    public IncubationAssessment Assess(Rubric rubric, IReadOnlyDictionary<string, int> scores, string assessedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        EnsureStatus(IncubationStatus.InIncubation, "assessed");
        var total = rubric.WeightedTotal(scores);
        var earned = rubric.StageFor(total);
        if (earned > Stage)
        {
            Stage = earned;
            StageEnteredAt = now;
        }

        var assessment = new IncubationAssessment(_assessments.Count + 1, rubric.Id, scores, total, Stage, assessedBy, now);
        _assessments.Add(assessment);
        return assessment;
    }

    /// <summary>
    /// Graduates the organisation: it must be registered, and its latest assessment must reach the graduation threshold
    /// of the rubric it was made against.
    /// </summary>
    /// <exception cref="DomainException">Not in incubation, not registered, not assessed or below the threshold.</exception>
    /// <param name="organisation">The organisation incubated.</param>
    /// <param name="latestRubric">The rubric of the latest assessment; null when there is none.</param>
    /// <param name="now">When.</param>
    public void Graduate(Organisation organisation, Rubric? latestRubric, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        EnsureStatus(IncubationStatus.InIncubation, "graduated");
        var latest = _assessments.LastOrDefault();
        if (latest is not null && latest.RubricId != latestRubric?.Id)
        {
            throw new ArgumentException("Not the rubric of the latest assessment.", nameof(latestRubric));
        }

        var problem = organisation.Status != OrganisationStatus.Registered ? $"The organisation is {organisation.Status.ToWire()}, not registered."
            : latest is null ? "The organisation has not been assessed."
            : latest.WeightedTotal < latestRubric!.GraduationThreshold ? $"The latest assessment's total {latest.WeightedTotal} is below the graduation threshold {latestRubric.GraduationThreshold}."
            : null;
        if (problem is not null)
        {
            throw new DomainException(IncubationErrors.GraduationRequirementsNotMet, problem);
        }

        End(IncubationStatus.Graduated, null, now);
    }

    /// <summary>The organisation leaves incubation without graduating.</summary>
    public void Exit(string reason, DateTimeOffset now)
    {
        EnsureStatus(IncubationStatus.InIncubation, "exited");
        End(IncubationStatus.Exited, reason, now);
    }

    /// <summary>Whether the organisation has been in its current stage longer than <paramref name="stuckAfter"/> at <paramref name="now"/>.</summary>
    public bool IsStuck(DateTimeOffset now, TimeSpan stuckAfter) =>
        Status == IncubationStatus.InIncubation && StageEnteredAt < now - stuckAfter;

    /// <summary><see cref="IsStuck"/> as a query filter, so the database lists the stuck ones.</summary>
    public static Expression<Func<Incubation, bool>> StuckAt(DateTimeOffset now, TimeSpan stuckAfter)
    {
        var cutoff = now - stuckAfter;
        return incubation => incubation.Status == IncubationStatus.InIncubation && incubation.StageEnteredAt < cutoff;
    }

    private void End(IncubationStatus status, string? reason, DateTimeOffset now)
    {
        if (status is IncubationStatus.Rejected or IncubationStatus.Exited && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(IncubationErrors.ReasonRequired, "A reason is required.", "reason");
        }

        Status = status;
        Reason = reason?.Trim();
        EndedAt = now;
    }

    private void EnsureStatus(IncubationStatus required, string step)
    {
        if (Status != required)
        {
            throw new DomainException(
                IncubationErrors.InvalidTransition, $"Only an incubation that is {required.ToWire()} can be {step}; this one is {Status.ToWire()}.")
            {
                Facts = { ["status"] = Status.ToWire() },
            };
        }
    }
}
