using Platform.SocialOrgs.Domain.Funding;

namespace Platform.SocialOrgs.Domain.Projects;

/// <summary>How a project is paid for.</summary>
public enum ProjectFunding
{
    /// <summary>From a contract of an awarded proposal (公益创投 / 政府购买服务).</summary>
    Funded,

    /// <summary>Run by the organisation on its own means (自主项目).</summary>
    SelfRun,
}

/// <summary>The kind of volunteer work a recruitment asks the time bank for, by the time bank's activity categories.</summary>
public enum VolunteerWork
{
    /// <summary>敬老助老.</summary>
    ElderlyCare,

    /// <summary>劝导巡逻.</summary>
    Patrol,

    /// <summary>垃圾分类.</summary>
    WasteSorting,

    /// <summary>防疫值守.</summary>
    EpidemicPost,

    /// <summary>课业辅导.</summary>
    Tutoring,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>A milestone of a project, numbered by due date; activity reports name it by number.</summary>
/// <param name="Number">1, 2, … in order of due date.</param>
/// <param name="Title">What is done by then.</param>
/// <param name="DueOn">By when.</param>
public sealed record ProjectMilestone(int Number, string Title, DateOnly DueOn);

/// <summary>An activity held for a milestone, as the organisation reported it.</summary>
/// <param name="Number">1, 2, … in order of reporting.</param>
/// <param name="MilestoneNumber">The milestone it works towards.</param>
/// <param name="Activity">What was done, e.g. 第三次入户探访.</param>
/// <param name="HeldOn">When it was held.</param>
/// <param name="Place">Where, e.g. 东一社区活动室.</param>
/// <param name="BeneficiariesServed">People served (人次).</param>
/// <param name="Evidence">References to the evidence (sign-in sheets, photos) kept elsewhere: file ids or addresses.</param>
/// <param name="ReportedBy">Who reported it.</param>
/// <param name="ReportedAt">When.</param>
public sealed record ActivityReport(
    int Number, int MilestoneNumber, string Activity, DateOnly HeldOn, string Place, int BeneficiariesServed, IReadOnlyList<string> Evidence,
    string ReportedBy, DateTimeOffset ReportedAt);

/// <summary>What an activity report says.</summary>
/// <param name="MilestoneNumber">The milestone it works towards.</param>
/// <param name="Activity">What was done.</param>
/// <param name="HeldOn">When it was held.</param>
/// <param name="Place">Where.</param>
/// <param name="BeneficiariesServed">People served (人次).</param>
/// <param name="Evidence">References to the evidence.</param>
public sealed record ActivityReportContent(int MilestoneNumber, string Activity, DateOnly HeldOn, string Place, int BeneficiariesServed, IReadOnlyList<string> Evidence)
{
    /// <summary>The longest description of the activity.</summary>
    public const int ActivityMaxLength = 200;

    /// <summary>The longest place.</summary>
    public const int PlaceMaxLength = 200;

    /// <summary>The longest evidence reference.</summary>
    public const int EvidenceMaxLength = 300;

    /// <summary>The most evidence references on one report.</summary>
    public const int MaxEvidence = 20;

    /// <summary>What is wrong with a report's content, each problem (or null) with the part it concerns.</summary>
    public static IEnumerable<(string Field, string? Problem)> Checks(string? activity, string? place, int beneficiariesServed, IReadOnlyList<string?> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return
        [
            (nameof(Activity), RequiredText.Problem(activity, ActivityMaxLength)),
            (nameof(Place), RequiredText.Problem(place, PlaceMaxLength)),
            (nameof(BeneficiariesServed), beneficiariesServed < 0 ? "Zero or more people." : null),
            (nameof(Evidence), evidence.Count is 0 or > MaxEvidence ? $"Between 1 and {MaxEvidence} references to the evidence."
                : evidence.Select((e, i) => RequiredText.Problem(e, EvidenceMaxLength) is { } p ? $"Reference {i + 1}: {p}" : null).FirstOrDefault(p => p is not null)),
        ];
    }
}

/// <summary>A call for volunteers the project sent to the time bank: one activity with one shift, organised for the organisation.</summary>
/// <param name="Id">Stable id; the integration event carries it.</param>
/// <param name="Title">The activity's title.</param>
/// <param name="Work">The kind of work.</param>
/// <param name="NodeId">Where it takes place.</param>
/// <param name="Place">Where exactly.</param>
/// <param name="StartsAt">When the shift starts.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="Volunteers">How many volunteers it takes.</param>
/// <param name="RequestedBy">The member who asked, who organises the activity in the time bank.</param>
/// <param name="RequestedAt">When.</param>
public sealed record VolunteerRecruitment(
    Guid Id, string Title, VolunteerWork Work, Guid NodeId, string? Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Volunteers,
    string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>What a call for volunteers asks for.</summary>
/// <param name="Title">The activity's title.</param>
/// <param name="Work">The kind of work.</param>
/// <param name="NodeId">Where it takes place (a node of the district).</param>
/// <param name="Place">Where exactly.</param>
/// <param name="StartsAt">When the shift starts.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="Volunteers">How many volunteers it takes.</param>
public sealed record RecruitmentContent(string Title, VolunteerWork Work, Guid NodeId, string? Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Volunteers)
{
    /// <summary>The longest title (the time bank's).</summary>
    public const int TitleMaxLength = 100;

    /// <summary>The longest place (the time bank's).</summary>
    public const int PlaceMaxLength = 200;

    /// <summary>The most volunteers one shift takes.</summary>
    public const int MaxVolunteers = 500;

    /// <summary>The longest shift the time bank keeps.</summary>
    public static TimeSpan MaxShift { get; } = TimeSpan.FromHours(24);

    /// <summary>What is wrong with a recruitment's shape, each problem (or null) with the part it concerns.</summary>
    public static IEnumerable<(string Field, string? Problem)> Checks(string? title, string? place, DateTimeOffset startsAt, DateTimeOffset endsAt, int volunteers) =>
    [
        (nameof(Title), RequiredText.Problem(title, TitleMaxLength)),
        (nameof(Place), place is { Length: > PlaceMaxLength } ? $"At most {PlaceMaxLength} characters." : null),
        (nameof(EndsAt), endsAt - startsAt < TimeSpan.FromMinutes(1) || endsAt - startsAt > MaxShift
            ? $"The shift ends at least a minute after it starts, within {MaxShift.TotalHours:0} hours." : null),
        (nameof(Volunteers), volunteers is < 1 or > MaxVolunteers ? $"Between 1 and {MaxVolunteers} volunteers." : null),
    ];
}

/// <summary>What an organisation plans for a project it runs itself.</summary>
/// <param name="Title">The project's title.</param>
/// <param name="Category">What it serves.</param>
/// <param name="Description">What it does and for whom.</param>
/// <param name="BeneficiariesTargeted">How many people it means to serve.</param>
/// <param name="StartsOn">Its first day.</param>
/// <param name="EndsOn">Its last day.</param>
/// <param name="Milestones">What is delivered when, inside the project's dates.</param>
public sealed record ProjectPlan(
    string Title, ServiceCategory Category, string Description, int BeneficiariesTargeted, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<Milestone> Milestones)
{
    /// <summary>What is wrong with a plan, each problem (or null) with the part it concerns.</summary>
    public static IEnumerable<(string Field, string? Problem)> Checks(
        string? title, string? description, int beneficiariesTargeted, DateOnly? startsOn, DateOnly? endsOn, IReadOnlyList<(string? Title, DateOnly? DueOn)> milestones) =>
        [
            (nameof(Title), RequiredText.Problem(title, ProposalContent.TextMaxLength)),
            (nameof(Description), RequiredText.Problem(description, ProposalContent.NeedsMaxLength)),
            (nameof(BeneficiariesTargeted), beneficiariesTargeted <= 0 ? "A positive number of people." : null),
            (nameof(EndsOn), startsOn is null || endsOn is null ? "The project's first and last days are required." : endsOn < startsOn ? "The project ends on or after its first day." : null),
            (nameof(Milestones), Milestone.ListProblem(milestones, startsOn, endsOn)),
        ];
}

/// <summary>Where a milestone stands: the activities reported for it and the people they served.</summary>
/// <param name="Milestone">The milestone.</param>
/// <param name="Activities">Activities reported for it.</param>
/// <param name="BeneficiariesServed">People they served (人次).</param>
/// <param name="LastHeldOn">When the latest of them was held.</param>
public sealed record MilestoneProgress(ProjectMilestone Milestone, int Activities, int BeneficiariesServed, DateOnly? LastHeldOn);
