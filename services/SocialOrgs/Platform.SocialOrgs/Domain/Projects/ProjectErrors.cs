using Platform.Domain;

namespace Platform.SocialOrgs.Domain.Projects;

/// <summary>Every refusal of projects, their reports, links and volunteer recruitment, each code with its kind, declared once.</summary>
public static class ProjectErrors
{
    /// <summary>404: no project with that id that the caller keeps or acts for.</summary>
    public static readonly DomainError ProjectNotFound = DomainError.NotFound("socialorgs.project_not_found");

    /// <summary>400: a project plan whose title, dates, beneficiaries or milestones are unacceptable.</summary>
    public static readonly DomainError InvalidProject = DomainError.Invalid("socialorgs.invalid_project");

    /// <summary>400: an activity report for no milestone of the project, dated outside the project or in the future, or without evidence.</summary>
    public static readonly DomainError InvalidActivityReport = DomainError.Invalid("socialorgs.invalid_activity_report");

    /// <summary>400: links to demands, topics and hot spots that are too many, or a hot spot that is not a grid of the district.</summary>
    public static readonly DomainError InvalidLinks = DomainError.Invalid("socialorgs.invalid_links");

    /// <summary>400: a volunteer recruitment whose shift is in the past, too long, or at a node that is not the district's.</summary>
    public static readonly DomainError InvalidRecruitment = DomainError.Invalid("socialorgs.invalid_recruitment");

    /// <summary>409: the project has ended; it reports and recruits no more.</summary>
    public static readonly DomainError ProjectEnded = DomainError.Conflict("socialorgs.project_ended");

    /// <summary>409: someone else changed the project at the same moment; the request may be sent again.</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Conflict("socialorgs.project_changed_concurrently");
}
