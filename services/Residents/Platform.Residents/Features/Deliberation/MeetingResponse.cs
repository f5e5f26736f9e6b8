using Platform.Residents.Domain.Deliberation;

namespace Platform.Residents.Features.Deliberation;

/// <summary>A deliberation meeting as the workers of its area see it.</summary>
public sealed record MeetingResponse(
    Guid Id, Guid NodeId, TopicLevel Level, string Type, MeetingRoll Roll, QuorumRule Quorum, string Title, DateTimeOffset StartsAt, string? Place,
    string? OnlineLink, IReadOnlyList<Guid> AgendaTopicIds, MeetingStatus Status, int Attendance, int RollSize, DateTimeOffset? OpenedAt, string? Minutes,
    IReadOnlyList<MeetingSpeaker> Speakers, IReadOnlyList<string> MinorityOpinions, IReadOnlyList<MeetingResolution> Resolutions, DateTimeOffset? EndedAt,
    string? CancelReason, Guid? NoticeId)
{
    public static MeetingResponse From(Meeting meeting, Guid? noticeId) => new(
        meeting.Id, meeting.NodeId, meeting.Level, meeting.Type, meeting.Roll, meeting.Quorum, meeting.Title, meeting.StartsAt, meeting.Place, meeting.OnlineLink,
        meeting.AgendaTopicIds, meeting.Status, meeting.Attendance, meeting.RollSize, meeting.OpenedAt, meeting.Minutes, meeting.Speakers, meeting.MinorityOpinions,
        meeting.Resolutions, meeting.EndedAt, meeting.CancelReason, noticeId);
}
