namespace Platform.Property.Domain.Votes;

/// <summary>An owner's answer to one matter.</summary>
public enum Choice
{
    /// <summary>同意.</summary>
    Approve,

    /// <summary>反对.</summary>
    Reject,

    /// <summary>弃权: takes part (counts towards the quorum), does not approve.</summary>
    Abstain,
}

/// <summary>How a ballot reached the vote.</summary>
public enum BallotChannel
{
    /// <summary>Cast by the signed-in owner.</summary>
    Online,

    /// <summary>A paper ballot, entered with a reference to its scan.</summary>
    Paper,

    /// <summary>Cast by whoever holds the owner's proxy (委托), entered with the proxy's scan.</summary>
    Proxy,
}
