using Platform.Contracts;

namespace Platform.SocialOrgs.Contracts;

/// <summary>
/// A project asks the time bank for volunteers: to open an activity with one shift, organised for the organisation by
/// the member who asked. <see cref="RecruitmentId"/> is stable, so a consumer keys what it opens on it.
/// </summary>
public sealed record VolunteerRecruitmentRequestedIntegrationEvent : IntegrationEvent
{
    /// <summary>The call for volunteers.</summary>
    public required Guid RecruitmentId { get; init; }

    /// <summary>The project.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The organisation running it.</summary>
    public required Guid OrganisationId { get; init; }

    /// <summary>Its name, e.g. 幸福邻里互助会.</summary>
    public required string OrganisationName { get; init; }

    /// <summary>The member who asked (a platform user id), who organises the activity for the organisation.</summary>
    public required string OrganiserUserId { get; init; }

    /// <summary>The activity's title (at most 100 characters).</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The kind of work, by the time bank's category wire names: <c>elderly_care</c>, <c>patrol</c>, <c>waste_sorting</c>,
    /// <c>epidemic_post</c>, <c>tutoring</c> or <c>other</c>.
    /// </summary>
    public required string Category { get; init; }

    /// <summary>The territory node it takes place at.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>Where exactly (at most 200 characters).</summary>
    public string? Place { get; init; }

    /// <summary>When the shift starts (after the request).</summary>
    public required DateTimeOffset ShiftStartsAt { get; init; }

    /// <summary>When it ends (at most 24 hours later).</summary>
    public required DateTimeOffset ShiftEndsAt { get; init; }

    /// <summary>How many volunteers it takes.</summary>
    public required int Volunteers { get; init; }
}
