using Platform.MultiTenancy.EntityFramework;

namespace Platform.SocialOrgs.Domain.Projects;

/// <summary>Where a residents' demand stands, as far as the residents service's events tell: the steps it publishes.</summary>
public enum DemandProgress
{
    /// <summary>受理: filed.</summary>
    Received,

    /// <summary>派单: assigned to a community, department or property company.</summary>
    Assigned,

    /// <summary>吹哨: departments summoned.</summary>
    Whistled,

    /// <summary>办结: solved.</summary>
    Resolved,

    /// <summary>无法解决: concluded without a solution.</summary>
    Unresolvable,

    /// <summary>结案: the resident was called back and the case closed.</summary>
    Closed,
}

/// <summary>Where a deliberation topic stands, as the residents service's events tell.</summary>
public enum TopicProgress
{
    /// <summary>议题: raised.</summary>
    Raised,

    /// <summary>决: the decision was adopted.</summary>
    Adopted,

    /// <summary>督: the decision's task was completed.</summary>
    Completed,
}

/// <summary>
/// The service's copy of where one residents' demand stands (a read model kept from the residents service's events,
/// without personal data). Events may come late or out of order: the latest step wins, and the details of filing fill
/// in whenever they arrive.
/// </summary>
public sealed class ResidentDemand : ITenantOwned
{
    private ResidentDemand()
    {
    }

    /// <summary>The demand's id in the residents service.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The public tracking number, once the filing is known.</summary>
    public string? TrackingNumber { get; private set; }

    /// <summary>Its category at filing, once known.</summary>
    public string? Category { get; private set; }

    /// <summary>The territory node it is about, once known.</summary>
    public Guid? NodeId { get; private set; }

    /// <summary>The latest step.</summary>
    public DemandProgress Status { get; private set; }

    /// <summary>The resident's satisfaction at closing (<c>satisfied</c>, <c>basically_satisfied</c>, <c>dissatisfied</c>).</summary>
    public string? Satisfaction { get; private set; }

    /// <summary>When the latest step happened.</summary>
    public DateTimeOffset StatusAt { get; private set; }

    /// <summary>Whether the demand is still being handled.</summary>
    public bool IsOpen => Status is DemandProgress.Received or DemandProgress.Assigned or DemandProgress.Whistled;

    /// <summary>The first event heard of the demand, whichever it is.</summary>
    public static ResidentDemand FirstHeard(Guid id, DemandProgress status, DateTimeOffset at) => new() { Id = id, Status = status, StatusAt = at };

    /// <summary>The demand was filed: its details, and its status if nothing later is known.</summary>
    public void Filed(string trackingNumber, string category, Guid nodeId, DateTimeOffset at)
    {
        TrackingNumber = trackingNumber;
        Category = category;
        NodeId = nodeId;
        Moved(DemandProgress.Received, at);
    }

    /// <summary>
    /// The demand took a step at <paramref name="at"/>; it counts only if no later step is known (at the same instant, the
    /// further step wins), so redelivered and reordered events leave the latest state.
    /// </summary>
    public void Moved(DemandProgress status, DateTimeOffset at, string? satisfaction = null)
    {
        if (at < StatusAt || (at == StatusAt && status < Status))
        {
            return;
        }

        Status = status;
        StatusAt = at;
        Satisfaction = status == DemandProgress.Closed ? satisfaction : null;
    }
}

/// <summary>The service's copy of where one deliberation topic stands, kept like <see cref="ResidentDemand"/>.</summary>
public sealed class ResidentTopic : ITenantOwned
{
    /// <summary>The longest title kept.</summary>
    public const int TitleMaxLength = 200;

    private ResidentTopic()
    {
    }

    /// <summary>The topic's id in the residents service.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Its title, once known.</summary>
    public string? Title { get; private set; }

    /// <summary>The latest step.</summary>
    public TopicProgress Status { get; private set; }

    /// <summary>When the latest step happened.</summary>
    public DateTimeOffset StatusAt { get; private set; }

    /// <summary>The first event heard of the topic, whichever it is.</summary>
    public static ResidentTopic FirstHeard(Guid id, TopicProgress status, DateTimeOffset at) => new() { Id = id, Status = status, StatusAt = at };

    /// <summary>The topic took a step at <paramref name="at"/>, with its title when the event carries it; the latest step wins.</summary>
    public void Moved(TopicProgress status, DateTimeOffset at, string? title = null)
    {
        if (title is not null)
        {
            Title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title;
        }

        if (at < StatusAt || (at == StatusAt && status < Status))
        {
            return;
        }

        Status = status;
        StatusAt = at;
    }
}
