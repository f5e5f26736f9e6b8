namespace Platform.Residents.Domain.Demands;

/// <summary>How a demand reached the platform.</summary>
public enum DemandChannel
{
    /// <summary>The residents' app or mini-program.</summary>
    App,

    /// <summary>The 12345 hotline.</summary>
    Hotline,

    /// <summary>Found by a grid worker on patrol.</summary>
    Patrol,

    /// <summary>Raised during a home visit.</summary>
    Visit,

    /// <summary>Raised at a residents' deliberation meeting (议事).</summary>
    Deliberation,
}

/// <summary>How fast the first response is due.</summary>
public enum DemandPriority
{
    /// <summary>Ordinary demand.</summary>
    Normal,

    /// <summary>Urgent demand, with a much shorter response deadline.</summary>
    Urgent,
}

/// <summary>Who a demand is assigned to.</summary>
public enum AssigneeType
{
    /// <summary>A community (its id is a territory node id).</summary>
    Community,

    /// <summary>A government department.</summary>
    Department,

    /// <summary>A property company, which receives a work order.</summary>
    PropertyCompany,
}

/// <summary>The resident's answer at callback.</summary>
public enum Satisfaction
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意: the demand may be reopened.</summary>
    Dissatisfied,
}

/// <summary>A property company's work order status, as the Property service reports it.</summary>
public enum WorkOrderStatus
{
    /// <summary>The company took the order; counts as the first response.</summary>
    Accepted,

    /// <summary>The company started the work.</summary>
    Started,

    /// <summary>The company finished the work; resolves the demand.</summary>
    Completed,

    /// <summary>The company refused the order; the street assigns the demand again.</summary>
    Rejected,
}

/// <summary>Who performs an action: the user id from the token and, for the history, the name shown.</summary>
public sealed record DemandActor(string UserId, string? Name);
