namespace Platform.Residents.Domain.Demands;

/// <summary>
/// What can be done to a demand. Every name is a single word so that its URL segment, its JSON value and its
/// history action are the same lower-case string (see <see cref="DemandActions"/>).
/// </summary>
public enum DemandAction
{
    /// <summary>Sets the category (and, if wrongly placed, the node).</summary>
    Classify,

    /// <summary>Assigns (or reassigns) the demand.</summary>
    Assign,

    /// <summary>Records the assignee's first contact with the resident.</summary>
    Respond,

    /// <summary>吹哨: summons departments.</summary>
    Whistle,

    /// <summary>报到: a summoned department reports on the spot.</summary>
    Checkin,

    /// <summary>Starts the work.</summary>
    Start,

    /// <summary>Concludes the demand as solved.</summary>
    Resolve,

    /// <summary>Concludes the demand as not solvable, with a reason.</summary>
    Unresolvable,

    /// <summary>回访: records the resident's satisfaction.</summary>
    Callback,

    /// <summary>Sends the demand back for handling after a dissatisfied callback.</summary>
    Reopen,

    /// <summary>Closes the demand after a callback.</summary>
    Close,
}
