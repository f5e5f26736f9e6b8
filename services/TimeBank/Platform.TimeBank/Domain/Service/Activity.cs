using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Domain.Service;

/// <summary>What kind of service an activity is.</summary>
public enum ActivityCategory
{
    /// <summary>敬老助老: elderly care.</summary>
    ElderlyCare = 0,

    /// <summary>劝导巡逻: patrol and persuasion.</summary>
    Patrol = 1,

    /// <summary>垃圾分类: waste-sorting guidance.</summary>
    WasteSorting = 2,

    /// <summary>防疫值守: an epidemic post.</summary>
    EpidemicPost = 3,

    /// <summary>课业辅导: tutoring.</summary>
    Tutoring = 4,

    /// <summary>Anything else.</summary>
    Other = 5,
}

/// <summary>A volunteer activity an organiser posts at a territory node; volunteers serve on its shifts.</summary>
public sealed class Activity : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest title.</summary>
    public const int TitleMaxLength = 100;

    /// <summary>The longest place description.</summary>
    public const int PlaceMaxLength = 200;

    private Activity()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Title, e.g. 敬老院陪护.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The kind of service.</summary>
    public ActivityCategory Category { get; private set; }

    /// <summary>The node it takes place at.</summary>
    public Guid NodeId { get; private set; }

    /// <summary>The node's materialised path.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The purpose approved minutes are credited under.</summary>
    public Purpose Purpose { get; private set; }

    /// <summary>Where exactly, e.g. 社区活动中心二楼.</summary>
    public string? Place { get; private set; }

    /// <summary>The organiser's user id.</summary>
    public string OrganiserId { get; private set; } = "";

    /// <summary>When it was posted.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Why a title is unacceptable, or null.</summary>
    public static string? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "A title is required." : title.Trim().Length > TitleMaxLength ? $"At most {TitleMaxLength} characters." : null;

    /// <summary>Why a place is unacceptable, or null.</summary>
    public static string? PlaceProblem(string? place) => place is { Length: > PlaceMaxLength } ? $"At most {PlaceMaxLength} characters." : null;

    /// <summary>Posts an activity.</summary>
    public static Activity Post(string title, ActivityCategory category, Guid nodeId, string nodePath, Purpose purpose, string? place, string organiserId, DateTimeOffset now)
    {
        if ((TitleProblem(title) ?? PlaceProblem(place)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(nodePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(organiserId);
        return new Activity
        {
            Id = Guid.CreateVersion7(now), Title = title.Trim(), Category = category, NodeId = nodeId, NodePath = nodePath, Purpose = purpose,
            Place = place?.Trim(), OrganiserId = organiserId, CreatedAt = now,
        };
    }

    /// <summary>Adds a shift to the activity.</summary>
    /// <exception cref="DomainException">The shift ends before it starts, lasts over a day, or ended longer ago than a shift may still be recorded.</exception>
    public Shift AddShift(DateTimeOffset startsAt, DateTimeOffset endsAt, int capacity, byte[] codeSecret, DateTimeOffset now) =>
        Shift.Of(this, startsAt, endsAt, capacity, codeSecret, now);
}
