using Platform.Domain;

namespace Platform.Residents.Domain.Demands;

/// <summary>
/// An action on a demand that was refused. <see cref="IsConflict"/> tells the HTTP layer which answer fits: false
/// for a malformed argument (400: fix the request), true when the demand's current state forbids the action (409:
/// the same request may succeed later, or never). Catching this type also catches <see cref="DemandTransitionException"/>.
/// </summary>
public class DemandRuleException(string code, string message, bool isConflict) : Exception(message)
{
    /// <summary>Stable, machine-readable reason, one of <see cref="DemandProblemCodes"/>.</summary>
    public string Code { get; } = code;

    /// <summary>Whether the demand's state, rather than the request's shape, is the problem.</summary>
    public bool IsConflict { get; } = isConflict;
}

/// <summary>An action that the demand's status never allows; carries what is allowed instead.</summary>
public sealed class DemandTransitionException(DemandAction action, DemandStatus status, IReadOnlyList<DemandAction> allowedActions)
    : DemandRuleException(
        DemandProblemCodes.InvalidTransition,
        $"{action.Segment()} is not allowed while the demand is {status.ToWire()}; allowed now: {(allowedActions.Count == 0 ? "nothing" : string.Join(", ", allowedActions.Select(a => a.Segment())))}.",
        isConflict: true)
{
    /// <summary>The refused action.</summary>
    public DemandAction Action { get; } = action;

    /// <summary>The demand's status when it was refused.</summary>
    public DemandStatus Status { get; } = status;

    /// <summary>The demand's <see cref="Demand.AllowedActions"/> when it was refused.</summary>
    public IReadOnlyList<DemandAction> AllowedActions { get; } = allowedActions;
}

/// <summary>The codes of <see cref="DemandRuleException"/>, with the answer each calls for.</summary>
public static class DemandProblemCodes
{
    /// <summary>409: the status does not allow the action.</summary>
    public const string InvalidTransition = "demand.invalid_transition";

    /// <summary>400: a blank, overlong, duplicate or undefined argument; the message names it.</summary>
    public const string InvalidArgument = "demand.invalid_argument";

    /// <summary>400: a callback score outside 1–5.</summary>
    public const string InvalidScore = "demand.invalid_score";

    /// <summary>400: marking a demand unresolvable without a reason.</summary>
    public const string ReasonRequired = "demand.reason_required";

    /// <summary>409: checking in a department that has no pending summons.</summary>
    public const string DepartmentNotSummoned = "demand.department_not_summoned";

    /// <summary>409: checking in a department whose summonses are all checked in already.</summary>
    public const string DepartmentAlreadyCheckedIn = "demand.department_already_checked_in";

    /// <summary>409: concluding while summoned departments have not checked in (事不完人不撤); the message lists them.</summary>
    public const string DepartmentsNotCheckedIn = "demand.departments_not_checked_in";

    /// <summary>409: closing or reopening before the resident has been called back.</summary>
    public const string CallbackRequired = "demand.callback_required";

    /// <summary>409: reopening when the latest callback was not dissatisfied.</summary>
    public const string NotDissatisfied = "demand.not_dissatisfied";

    /// <summary>409: a work order update from a company the demand is not assigned to.</summary>
    public const string NotAssignedToCompany = "demand.not_assigned_to_company";
}
