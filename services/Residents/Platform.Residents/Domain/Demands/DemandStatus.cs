namespace Platform.Residents.Domain.Demands;

/// <summary>Where a demand stands in 接诉即办; see <see cref="DemandTransitions"/> for what may follow each status.</summary>
public enum DemandStatus
{
    /// <summary>受理: filed, not yet classified.</summary>
    Received,

    /// <summary>分类: category and place confirmed, waiting for an assignee.</summary>
    Classified,

    /// <summary>派单: assigned to a community, department or property company.</summary>
    Assigned,

    /// <summary>响应: the assignee has contacted the resident.</summary>
    Responded,

    /// <summary>吹哨: departments have been summoned to the spot.</summary>
    Whistled,

    /// <summary>办理: work has started.</summary>
    InProgress,

    /// <summary>办结: solved.</summary>
    Resolved,

    /// <summary>无法解决: concluded without a solution, with the reason recorded.</summary>
    Unresolvable,

    /// <summary>结案: the resident has been called back and the case is closed.</summary>
    Closed,

    /// <summary>重启: the resident was dissatisfied at callback, the case is handled again.</summary>
    Reopened,
}
