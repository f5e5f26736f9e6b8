using Platform.Residents.Domain.Notices;

namespace Platform.Residents.Features.Notices;

/// <summary>A public notice as anyone reads it: no personal data, not even who published it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Kind"><c>announcement</c>, <c>representative_nomination</c>, <c>representative_confirmation</c>, <c>decision</c>, <c>budget_result</c> or <c>task_completed</c>.</param>
/// <param name="SubjectId">The topic, budget or representative it is about; null for an announcement.</param>
/// <param name="Title">Title.</param>
/// <param name="Body">Text.</param>
/// <param name="NodeId">The territory node it concerns.</param>
/// <param name="Channels">Where else it was put up: <c>notice_board</c>, <c>sms</c>, <c>wechat</c>.</param>
/// <param name="PublishedAt">Publication time.</param>
/// <param name="ExpiresAt">Expiry: objections are taken until then.</param>
/// <param name="Running">Whether the notice period runs now.</param>
/// <param name="Objections">How many objections were filed (their text is not public).</param>
public sealed record NoticeResponse(
    Guid Id, NoticeKind Kind, Guid? SubjectId, string Title, string Body, Guid NodeId, IReadOnlyList<NoticeChannel> Channels, DateTimeOffset PublishedAt,
    DateTimeOffset ExpiresAt, bool Running, int Objections)
{
    public static NoticeResponse From(Notice notice, int objections, DateTimeOffset now) => new(
        notice.Id, notice.Kind, notice.SubjectId, notice.Title, notice.Body, notice.NodeId, notice.Channels, notice.PublishedAt, notice.ExpiresAt,
        notice.IsRunning(now), objections);
}
