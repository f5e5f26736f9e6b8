using System.Text.Json;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.SocialOrgs.Domain.Funding;

namespace Platform.SocialOrgs.Domain.Projects;

/// <summary>
/// A project an organisation runs: funded from the contract of an awarded proposal (whose milestones and links it takes)
/// or run on its own. It reports the activities held for its milestones, links the residents' demands, topics and hot
/// spots it answers, and asks the time bank for volunteers.
/// </summary>
public sealed class Project : ITenantOwned
{
    private readonly List<ProjectMilestone> _milestones = [];
    private readonly List<ActivityReport> _reports = [];
    private readonly List<VolunteerRecruitment> _recruitments = [];
    private List<Guid> _demandIds = [];
    private List<Guid> _topicIds = [];
    private List<HotSpotLink> _hotSpots = [];

    private Project()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The organisation that runs it.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Funded or self-run.</summary>
    public ProjectFunding Funding { get; private set; }

    /// <summary>The contract that funds it; one project per contract.</summary>
    public Guid? ContractId { get; private set; }

    /// <summary>The awarded proposal it carries out.</summary>
    public Guid? ProposalId { get; private set; }

    /// <summary>Its title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>What it serves.</summary>
    public ServiceCategory Category { get; private set; }

    /// <summary>What it does and for whom.</summary>
    public string Description { get; private set; } = "";

    /// <summary>How many people it means to serve.</summary>
    public int BeneficiariesTargeted { get; private set; }

    /// <summary>Its first day.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>Its last day: activities held until then are reported (also later), volunteers recruited until then.</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>Its milestones, by due date.</summary>
    public IReadOnlyList<ProjectMilestone> Milestones => _milestones;

    /// <summary>The activities reported, in order of reporting.</summary>
    public IReadOnlyList<ActivityReport> Reports => _reports;

    /// <summary>The calls for volunteers sent to the time bank.</summary>
    public IReadOnlyList<VolunteerRecruitment> Recruitments => _recruitments;

    /// <summary>The residents' needs it answers.</summary>
    public NeedLinks Links => new(_demandIds, _topicIds, _hotSpots);

    /// <summary>Who set it up.</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>People served by every activity reported (人次).</summary>
    public int BeneficiariesServed => _reports.Sum(r => r.BeneficiariesServed);

    /// <summary>The project a signed contract funds: the awarded proposal's title, needs, milestones and links, from the day of signature.</summary>
    public static Project Funded(GrantContract contract, Proposal proposal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Id != contract.ProposalId)
        {
            throw new ArgumentException("Not the contract's proposal.", nameof(proposal));
        }

        var project = new Project
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            Funding = ProjectFunding.Funded,
            ContractId = contract.Id,
            ProposalId = proposal.Id,
            Title = proposal.Title,
            Category = proposal.Category,
            Description = proposal.Needs,
            BeneficiariesTargeted = proposal.Beneficiaries,
            StartsOn = contract.SignedOn,
            // The contract runs until its last tranche is due; a milestone promised later still belongs to the project.
            EndsOn = proposal.Milestones.Select(m => m.DueOn).Append(contract.Tranches[^1].DueOn).Max(),
            CreatedBy = contract.SignedBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        project.NumberMilestones(proposal.Milestones);
        project.SetLinks(proposal.Links);
        return project;
    }

    /// <summary>A project the organisation runs on its own means.</summary>
    /// <exception cref="DomainException">The plan or the links are unacceptable.</exception>
    public static Project SelfRun(Organisation organisation, ProjectPlan plan, NeedLinks links, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ThrowOnFirst(ProjectErrors.InvalidProject, ProjectPlan.Checks(
            plan.Title, plan.Description, plan.BeneficiariesTargeted, plan.StartsOn, plan.EndsOn, [.. plan.Milestones.Select(m => ((string?)m.Title, (DateOnly?)m.DueOn))]));
        var project = new Project
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisation.Id,
            Funding = ProjectFunding.SelfRun,
            Title = plan.Title.Trim(),
            Category = plan.Category,
            Description = plan.Description.Trim(),
            BeneficiariesTargeted = plan.BeneficiariesTargeted,
            StartsOn = plan.StartsOn,
            EndsOn = plan.EndsOn,
            CreatedBy = by,
            CreatedAt = now,
            UpdatedAt = now,
        };
        project.NumberMilestones(plan.Milestones);
        project.Link(links, now);
        return project;
    }

    /// <summary>Records an activity held for one of the milestones, between the project's first day and today (or its last day).</summary>
    /// <exception cref="DomainException">No such milestone, a date outside the project or in the future, or unacceptable content.</exception>
    public ActivityReport Report(ActivityReportContent content, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ThrowOnFirst(ProjectErrors.InvalidActivityReport, ActivityReportContent.Checks(content.Activity, content.Place, content.BeneficiariesServed, content.Evidence));
        if (_milestones.All(m => m.Number != content.MilestoneNumber))
        {
            throw new DomainException(ProjectErrors.InvalidActivityReport, $"The project has milestones 1 to {_milestones.Count}.", "milestoneNumber");
        }

        var today = DistrictClock.Today(now);
        var latest = today < EndsOn ? today : EndsOn;
        if (content.HeldOn < StartsOn || content.HeldOn > latest)
        {
            throw new DomainException(ProjectErrors.InvalidActivityReport, $"An activity held between {StartsOn:yyyy-MM-dd} and {latest:yyyy-MM-dd}.", "heldOn");
        }

        var report = new ActivityReport(
            _reports.Count + 1, content.MilestoneNumber, content.Activity.Trim(), content.HeldOn, content.Place.Trim(), content.BeneficiariesServed,
            [.. content.Evidence.Select(e => e.Trim())], by, now);
        _reports.Add(report);
        UpdatedAt = now;
        return report;
    }

    /// <summary>Replaces the residents' needs the project answers.</summary>
    /// <exception cref="DomainException">Too many links, or a hot spot without its grid or category.</exception>
    public void Link(NeedLinks links, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(links);
        ThrowOnFirst(ProjectErrors.InvalidLinks, links.Checks());
        SetLinks(links);
        UpdatedAt = now;
    }

    /// <summary>Asks the time bank for volunteers: one shift, starting later than now and no later than the project's last day.</summary>
    /// <exception cref="DomainException">The project has ended, or the shift or its shape is unacceptable.</exception>
    public VolunteerRecruitment RecruitVolunteers(RecruitmentContent content, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (DistrictClock.Today(now) > EndsOn)
        {
            throw new DomainException(ProjectErrors.ProjectEnded, $"The project ended on {EndsOn:yyyy-MM-dd}.");
        }

        ThrowOnFirst(ProjectErrors.InvalidRecruitment, RecruitmentContent.Checks(content.Title, content.Place, content.StartsAt, content.EndsAt, content.Volunteers));
        if (content.StartsAt <= now || DistrictClock.Today(content.StartsAt) > EndsOn)
        {
            throw new DomainException(ProjectErrors.InvalidRecruitment, $"A shift starting after now and no later than the project's last day, {EndsOn:yyyy-MM-dd}.", "startsAt");
        }

        var recruitment = new VolunteerRecruitment(
            Guid.CreateVersion7(now), content.Title.Trim(), content.Work, content.NodeId, string.IsNullOrWhiteSpace(content.Place) ? null : content.Place.Trim(),
            content.StartsAt, content.EndsAt, content.Volunteers, by, now);
        _recruitments.Add(recruitment);
        UpdatedAt = now;
        return recruitment;
    }

    /// <summary>Each milestone with the activities reported for it and the people they served.</summary>
    public IReadOnlyList<MilestoneProgress> Progress() =>
        [.. _milestones.Select(m =>
        {
            var reports = _reports.Where(r => r.MilestoneNumber == m.Number).ToList();
            return new MilestoneProgress(m, reports.Count, reports.Sum(r => r.BeneficiariesServed), reports.Count == 0 ? null : reports.Max(r => r.HeldOn));
        })];

    private void NumberMilestones(IEnumerable<Milestone> milestones) =>
        _milestones.AddRange(milestones.OrderBy(m => m.DueOn).Select((m, i) => new ProjectMilestone(i + 1, m.Title.Trim(), m.DueOn)));

    private void SetLinks(NeedLinks links)
    {
        var normalised = links.Normalised();
        _demandIds = [.. normalised.DemandIds];
        _topicIds = [.. normalised.TopicIds];
        _hotSpots = [.. normalised.HotSpots];
    }

    private static void ThrowOnFirst(DomainError error, IEnumerable<(string Field, string? Problem)> checks)
    {
        var (field, problem) = checks.FirstOrDefault(check => check.Problem is not null);
        if (problem is not null)
        {
            throw new DomainException(error, problem, JsonNamingPolicy.CamelCase.ConvertName(field));
        }
    }
}
