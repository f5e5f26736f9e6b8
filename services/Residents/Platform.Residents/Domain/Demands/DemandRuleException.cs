using Platform.Domain;

namespace Platform.Residents.Domain.Demands;

/// <summary>
/// An action on a demand that was refused: one of <see cref="DemandErrors"/>, whose kind decides the answer (invalid
/// for a malformed argument, 400: fix the request; conflict when the demand's current state forbids the action, 409:
/// the same request may succeed later, or never). It carries the demand's status and what the demand allows now,
/// which the problem lists as <c>demandStatus</c> and <c>allowedActions</c>. Catching this type also catches
/// <see cref="DemandTransitionException"/>.
/// </summary>
public class DemandRuleException : DomainException
{
    /// <summary>Creates the refusal of an action on a demand that is in <paramref name="status"/>.</summary>
    public DemandRuleException(DomainError error, string message, DemandStatus status, IReadOnlyList<DemandAction> allowedActions)
        : base(error, message)
    {
        ArgumentNullException.ThrowIfNull(allowedActions);
        Facts["demandStatus"] = status.ToWire();
        Facts["allowedActions"] = allowedActions.Select(a => a.Segment()).ToArray();
    }

    /// <summary>Whether the demand's state, rather than the request's shape, is the problem.</summary>
    public bool IsConflict => Kind == DomainErrorKind.Conflict;
}

/// <summary>An action that the demand's status never allows; carries what is allowed instead.</summary>
public sealed class DemandTransitionException(DemandAction action, DemandStatus status, IReadOnlyList<DemandAction> allowedActions)
    : DemandRuleException(
        DemandErrors.InvalidTransition,
        $"{action.Segment()} is not allowed while the demand is {status.ToWire()}; allowed now: {(allowedActions.Count == 0 ? "nothing" : string.Join(", ", allowedActions.Select(a => a.Segment())))}.",
        status,
        allowedActions)
{
    /// <summary>The refused action.</summary>
    public DemandAction Action { get; } = action;

    /// <summary>The demand's status when it was refused.</summary>
    public DemandStatus Status { get; } = status;

    /// <summary>The demand's <see cref="Demand.AllowedActions"/> when it was refused.</summary>
    public IReadOnlyList<DemandAction> AllowedActions { get; } = allowedActions;
}

/// <summary>The stable codes of the demand refusals, as clients (and tests) compare them; <see cref="DemandErrors"/> gives each its kind.</summary>
public static class DemandProblemCodes
{
    /// <summary>The status does not allow the action.</summary>
    public const string InvalidTransition = "demand.invalid_transition";

    /// <summary>A blank, overlong, duplicate or undefined argument; the message names it.</summary>
    public const string InvalidArgument = "demand.invalid_argument";

    /// <summary>A callback score outside 1–5.</summary>
    public const string InvalidScore = "demand.invalid_score";

    /// <summary>Marking a demand unresolvable without a reason.</summary>
    public const string ReasonRequired = "demand.reason_required";

    /// <summary>Checking in a department that has no pending summons.</summary>
    public const string DepartmentNotSummoned = "demand.department_not_summoned";

    /// <summary>Checking in a department whose summonses are all checked in already.</summary>
    public const string DepartmentAlreadyCheckedIn = "demand.department_already_checked_in";

    /// <summary>Concluding while summoned departments have not checked in (事不完人不撤); the message lists them.</summary>
    public const string DepartmentsNotCheckedIn = "demand.departments_not_checked_in";

    /// <summary>Closing or reopening before the resident has been called back.</summary>
    public const string CallbackRequired = "demand.callback_required";

    /// <summary>Reopening when the latest callback was not dissatisfied.</summary>
    public const string NotDissatisfied = "demand.not_dissatisfied";

    /// <summary>A work order update from a company the demand is not assigned to.</summary>
    public const string NotAssignedToCompany = "demand.not_assigned_to_company";

    /// <summary>No demand with that id or tracking number that the caller may see.</summary>
    public const string NotFound = "demand.not_found";

    /// <summary>A URL segment that names no action.</summary>
    public const string UnknownAction = "demand.unknown_action";

    /// <summary>A resident taking a step other than the callback on their own demand.</summary>
    public const string ActionForbidden = "demand.action_forbidden";

    /// <summary>Another step was taken on the demand at the same time.</summary>
    public const string ChangedConcurrently = "demand.changed_concurrently";
}

/// <summary>Every refusal concerning demands, each code with its kind, declared once.</summary>
public static class DemandErrors
{
    /// <summary>409: <see cref="DemandProblemCodes.InvalidTransition"/>.</summary>
    public static readonly DomainError InvalidTransition = DomainError.Conflict(DemandProblemCodes.InvalidTransition);

    /// <summary>400: <see cref="DemandProblemCodes.InvalidArgument"/>.</summary>
    public static readonly DomainError InvalidArgument = DomainError.Invalid(DemandProblemCodes.InvalidArgument);

    /// <summary>400: <see cref="DemandProblemCodes.InvalidScore"/>.</summary>
    public static readonly DomainError InvalidScore = DomainError.Invalid(DemandProblemCodes.InvalidScore);

    /// <summary>400: <see cref="DemandProblemCodes.ReasonRequired"/>.</summary>
    public static readonly DomainError ReasonRequired = DomainError.Invalid(DemandProblemCodes.ReasonRequired);

    /// <summary>409: <see cref="DemandProblemCodes.DepartmentNotSummoned"/>.</summary>
    public static readonly DomainError DepartmentNotSummoned = DomainError.Conflict(DemandProblemCodes.DepartmentNotSummoned);

    /// <summary>409: <see cref="DemandProblemCodes.DepartmentAlreadyCheckedIn"/>.</summary>
    public static readonly DomainError DepartmentAlreadyCheckedIn = DomainError.Conflict(DemandProblemCodes.DepartmentAlreadyCheckedIn);

    /// <summary>409: <see cref="DemandProblemCodes.DepartmentsNotCheckedIn"/>.</summary>
    public static readonly DomainError DepartmentsNotCheckedIn = DomainError.Conflict(DemandProblemCodes.DepartmentsNotCheckedIn);

    /// <summary>409: <see cref="DemandProblemCodes.CallbackRequired"/>.</summary>
    public static readonly DomainError CallbackRequired = DomainError.Conflict(DemandProblemCodes.CallbackRequired);

    /// <summary>409: <see cref="DemandProblemCodes.NotDissatisfied"/>.</summary>
    public static readonly DomainError NotDissatisfied = DomainError.Conflict(DemandProblemCodes.NotDissatisfied);

    /// <summary>409: <see cref="DemandProblemCodes.NotAssignedToCompany"/>.</summary>
    public static readonly DomainError NotAssignedToCompany = DomainError.Conflict(DemandProblemCodes.NotAssignedToCompany);

    /// <summary>404: <see cref="DemandProblemCodes.NotFound"/>.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound(DemandProblemCodes.NotFound);

    /// <summary>404: <see cref="DemandProblemCodes.UnknownAction"/>.</summary>
    public static readonly DomainError UnknownAction = DomainError.NotFound(DemandProblemCodes.UnknownAction);

    /// <summary>403: <see cref="DemandProblemCodes.ActionForbidden"/>.</summary>
    public static readonly DomainError ActionForbidden = DomainError.Forbidden(DemandProblemCodes.ActionForbidden);

    /// <summary>409: <see cref="DemandProblemCodes.ChangedConcurrently"/>.</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Conflict(DemandProblemCodes.ChangedConcurrently);
}
