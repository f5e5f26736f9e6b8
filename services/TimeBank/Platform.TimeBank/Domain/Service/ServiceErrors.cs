using Platform.Domain;

namespace Platform.TimeBank.Domain.Service;

/// <summary>Every refusal concerning activities, shifts and service records, each code with its kind, declared once.</summary>
public static class ServiceErrors
{
    /// <summary>404: no activity with that id that the caller may see.</summary>
    public static readonly DomainError ActivityNotFound = DomainError.NotFound("timebank.activity_not_found");

    /// <summary>404: no shift with that id that the caller may see.</summary>
    public static readonly DomainError ShiftNotFound = DomainError.NotFound("timebank.shift_not_found");

    /// <summary>404: no node with that id in the caller's area.</summary>
    public static readonly DomainError NodeNotFound = DomainError.NotFound("timebank.node_not_found");

    /// <summary>400: the shift's times are impossible, or it lies more than the recording window in the past.</summary>
    public static readonly DomainError InvalidShift = DomainError.Invalid("timebank.invalid_shift");

    /// <summary>409: every place on the shift is taken.</summary>
    public static readonly DomainError ShiftFull = DomainError.Conflict("timebank.shift_full");

    /// <summary>409: the shift is over; nobody signs up any more.</summary>
    public static readonly DomainError ShiftOver = DomainError.Conflict("timebank.shift_over");

    /// <summary>409: the volunteer signed up already.</summary>
    public static readonly DomainError AlreadySignedUp = DomainError.Conflict("timebank.already_signed_up");

    /// <summary>409: the volunteer is not signed up for the shift.</summary>
    public static readonly DomainError NotSignedUp = DomainError.Conflict("timebank.not_signed_up");

    /// <summary>400: the check-in code is stale or belongs to another shift.</summary>
    public static readonly DomainError InvalidCode = DomainError.Invalid("timebank.invalid_code");

    /// <summary>409: checked in (or out) already, or checking out without having checked in.</summary>
    public static readonly DomainError CheckInOrder = DomainError.Conflict("timebank.check_in_order");

    /// <summary>409: nothing measured to approve (no check-out) and no minutes given.</summary>
    public static readonly DomainError NothingToApprove = DomainError.Conflict("timebank.nothing_to_approve");

    /// <summary>409: the volunteer's service on the shift was approved already.</summary>
    public static readonly DomainError AlreadyApproved = DomainError.Conflict("timebank.already_approved");

    /// <summary>400: more minutes than the shift lasted.</summary>
    public static readonly DomainError MinutesBeyondShift = DomainError.Invalid("timebank.minutes_beyond_shift");

    /// <summary>409: the shift ended more than the recording window ago.</summary>
    public static readonly DomainError RecordingClosed = DomainError.Conflict("timebank.recording_closed");
}
