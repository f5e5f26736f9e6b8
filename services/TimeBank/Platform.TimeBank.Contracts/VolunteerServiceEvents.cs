using Platform.Contracts;

namespace Platform.TimeBank.Contracts;

/// <summary>
/// The wire names of the time bank's purposes, as <see cref="VolunteerServiceRecordedIntegrationEvent.Purpose"/> carries
/// them. Minutes of one purpose never become minutes of another.
/// </summary>
public static class ServicePurposeNames
{
    /// <summary>志愿服务时长: hours of volunteer service.</summary>
    public const string VolunteerService = "volunteer_service";

    /// <summary>互助时间币: time coins exchanged between neighbours.</summary>
    public const string MutualAid = "mutual_aid";

    /// <summary>党员服务时长: party members' service hours (the party-building service's dual-reporting record).</summary>
    public const string PartyService = "party_service";
}

/// <summary>
/// An organiser approved a volunteer's service on a shift and the minutes were credited to the volunteer's account
/// (from the district's issuance account). The party-building service counts these for in-service party members.
/// </summary>
/// <remarks>
/// One event per approved (volunteer, shift); <see cref="RecordId"/> is stable, so a consumer keys its own record on it
/// and a redelivery changes nothing. A correction is never a second recorded event: the ledger reverses the credit
/// (the transfer <see cref="TransferId"/>), which <see cref="VolunteerServiceRecordReversedIntegrationEvent"/> announces
/// under the same <see cref="RecordId"/>.
/// </remarks>
public sealed record VolunteerServiceRecordedIntegrationEvent : IntegrationEvent
{
    /// <summary>The service record's stable id.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The volunteer's platform user id (the access token's <c>sub</c>).</summary>
    public required string UserId { get; init; }

    /// <summary>The activity the shift belongs to.</summary>
    public required Guid ActivityId { get; init; }

    /// <summary>The activity's title, as the organiser posted it (e.g. 敬老院陪护).</summary>
    public required string ActivityTitle { get; init; }

    /// <summary>
    /// The activity's category by wire name: <c>elderly_care</c>, <c>patrol</c> (劝导), <c>waste_sorting</c>,
    /// <c>epidemic_post</c>, <c>tutoring</c> or <c>other</c>; more may be added.
    /// </summary>
    public required string Category { get; init; }

    /// <summary>The territory node (usually a community) the activity took place in.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>The shift.</summary>
    public required Guid ShiftId { get; init; }

    /// <summary>When the shift started.</summary>
    public required DateTimeOffset ShiftStartsAt { get; init; }

    /// <summary>When the shift ended.</summary>
    public required DateTimeOffset ShiftEndsAt { get; init; }

    /// <summary>The purpose the minutes were credited under, one of <see cref="ServicePurposeNames"/>.</summary>
    public required string Purpose { get; init; }

    /// <summary>Whole minutes credited (check-out − check-in, capped at the shift length, or as the organiser approved).</summary>
    public required long Minutes { get; init; }

    /// <summary>The ledger transfer that credited them (its id in the district's ledger).</summary>
    public required Guid TransferId { get; init; }

    /// <summary>Who approved (the organiser's user id).</summary>
    public required string ApprovedBy { get; init; }
}

/// <summary>
/// The credit of a recorded service (<see cref="VolunteerServiceRecordedIntegrationEvent"/>) was reversed whole: staff
/// corrected the record, and its minutes no longer count. A consumer drops or marks its own record of
/// <see cref="RecordId"/>; a redelivery, or this event arriving before the recorded one, changes nothing more.
/// </summary>
/// <remarks>A record is reversed at most once (the ledger reverses a transfer once), so there is one such event per record at most.</remarks>
public sealed record VolunteerServiceRecordReversedIntegrationEvent : IntegrationEvent
{
    /// <summary>The service record reversed, as <see cref="VolunteerServiceRecordedIntegrationEvent.RecordId"/> carried it.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The volunteer's platform user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The whole minutes taken back: all the record credited.</summary>
    public required long Minutes { get; init; }

    /// <summary>The ledger transfer that reversed the credit.</summary>
    public required Guid ReversalTransferId { get; init; }

    /// <summary>Who corrected it (a staff member's user id).</summary>
    public required string ReversedBy { get; init; }
}
