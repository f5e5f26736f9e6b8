using Platform.Domain;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>Every refusal concerning a deliberation meeting, each code with its kind, declared once.</summary>
public static class MeetingErrors
{
    /// <summary>404: no meeting with that id inside the caller's scope.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("meeting.not_found");

    /// <summary>400: a blank or overlong text, no place nor link, an agenda of the wrong size, an unknown type.</summary>
    public static readonly DomainError InvalidArgument = DomainError.Invalid("meeting.invalid_argument");

    /// <summary>400: the start is sooner than the notice period allows.</summary>
    public static readonly DomainError NoticeTooShort = DomainError.Invalid("meeting.notice_too_short");

    /// <summary>400: an agenda topic not on the agenda or being voted on, or outside the meeting's node.</summary>
    public static readonly DomainError TopicNotOnAgenda = DomainError.Invalid("meeting.topic_not_on_agenda");

    /// <summary>400: the attendee is not on the meeting's roll.</summary>
    public static readonly DomainError NotOnRoll = DomainError.Invalid("meeting.not_on_roll");

    /// <summary>409: the attendee is recorded already.</summary>
    public static readonly DomainError AlreadyAttending = DomainError.Conflict("meeting.already_attending");

    /// <summary>409: opening before the start.</summary>
    public static readonly DomainError NotStarted = DomainError.Conflict("meeting.not_started");

    /// <summary>409: opening short of the quorum.</summary>
    public static readonly DomainError QuorumNotMet = DomainError.Conflict("meeting.quorum_not_met");

    /// <summary>400: a resolution on a topic off the agenda or whose vote has not closed.</summary>
    public static readonly DomainError VoteNotDecided = DomainError.Invalid("meeting.vote_not_decided");

    /// <summary>409: the step is not allowed in the meeting's status.</summary>
    public static readonly DomainError InvalidTransition = DomainError.Conflict("meeting.invalid_transition");

    /// <summary>403: a resident convening or recording (workers do).</summary>
    public static readonly DomainError ActionForbidden = DomainError.Forbidden("meeting.action_forbidden");

    /// <summary>409: someone else changed the meeting at the same time.</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Conflict("meeting.changed_concurrently");
}
