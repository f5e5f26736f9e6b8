using Platform.Domain;

namespace Platform.Residents.Domain.Notices;

/// <summary>Every refusal concerning a public notice, each code with its kind, declared once.</summary>
public static class NoticeErrors
{
    /// <summary>404: no notice with that id (published in this district, or inside the worker's scope).</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("notice.not_found");

    /// <summary>400: a title, text or objection blank or too long, or an expiry not after publication; the problem names the field.</summary>
    public static readonly DomainError InvalidArgument = DomainError.Invalid("notice.invalid_argument");

    /// <summary>409: an objection after the notice period ended.</summary>
    public static readonly DomainError PeriodOver = DomainError.Conflict("notice.period_over");

    /// <summary>403: a resident publishing a notice or reading the objections (workers do).</summary>
    public static readonly DomainError ActionForbidden = DomainError.Forbidden("notice.action_forbidden");
}
