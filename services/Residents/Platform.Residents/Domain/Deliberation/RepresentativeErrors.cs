using Platform.Domain;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>Every refusal concerning a representative (议事代表), each code with its kind, declared once.</summary>
public static class RepresentativeErrors
{
    /// <summary>404: no representative with that id inside the caller's scope.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("representative.not_found");

    /// <summary>404: no active territory node with that id inside the caller's scope, for an area's seats.</summary>
    public static readonly DomainError AreaNotFound = DomainError.NotFound("representative.area_not_found");

    /// <summary>409: two workers set an area's first seat plan at the same time.</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Conflict("representative.changed_concurrently");

    /// <summary>400: a blank or overlong name or note, an undefined seat or nomination, or a term ending before it starts.</summary>
    public static readonly DomainError InvalidArgument = DomainError.Invalid("representative.invalid_argument");

    /// <summary>409: the person is nominated for the area already, for an overlapping term (and not rejected).</summary>
    public static readonly DomainError AlreadyNominated = DomainError.Conflict("representative.already_nominated");

    /// <summary>409: confirming while the objection period still runs.</summary>
    public static readonly DomainError ObjectionPeriodRunning = DomainError.Conflict("representative.objection_period_running");

    /// <summary>400: confirming over filed objections without saying how they were answered.</summary>
    public static readonly DomainError ObjectionsUnanswered = DomainError.Invalid("representative.objections_unanswered");

    /// <summary>409: confirming a nominee when the area's seats of their category are all held during their term.</summary>
    public static readonly DomainError SeatsFull = DomainError.Conflict("representative.seats_full");

    /// <summary>409: the nominee was confirmed or rejected already.</summary>
    public static readonly DomainError InvalidTransition = DomainError.Conflict("representative.invalid_transition");

    /// <summary>403: a resident nominating someone else, or confirming or rejecting (workers do).</summary>
    public static readonly DomainError ActionForbidden = DomainError.Forbidden("representative.action_forbidden");
}
