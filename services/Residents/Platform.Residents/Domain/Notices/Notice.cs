using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.Residents.Domain.Notices;

/// <summary>What a public notice (公示) makes known.</summary>
public enum NoticeKind
{
    /// <summary>A notice a worker wrote and published.</summary>
    Announcement,

    /// <summary>A nominee for representative (议事代表) during the objection period.</summary>
    RepresentativeNomination,

    /// <summary>A representative confirmed once the objection period is over.</summary>
    RepresentativeConfirmation,

    /// <summary>The result of a vote on a topic, passed or failed.</summary>
    Decision,

    /// <summary>A participatory budget's result with the full tally.</summary>
    BudgetResult,

    /// <summary>A decided task carried out.</summary>
    TaskCompleted,

    /// <summary>A deliberation meeting convened: when, where and its agenda, until it starts.</summary>
    MeetingConvened,

    /// <summary>A deliberation meeting held: attendance, resolutions with their votes, minority opinions.</summary>
    MeetingMinutes,
}

/// <summary>Where a notice was also put up or sent.</summary>
public enum NoticeChannel
{
    /// <summary>The community's notice board (公示栏).</summary>
    NoticeBoard,

    /// <summary>Text messages to the residents of the area.</summary>
    Sms,

    /// <summary>The community's WeChat group or account.</summary>
    Wechat,
}

/// <summary>
/// A public notice (公示): readable by anyone without signing in, for the period from its publication to its expiry, about
/// a territory node. Its text is public, so it never carries personal data: people appear masked (张*), tallies as numbers.
/// Anyone signed in may object while it runs; the objections themselves are not public.
/// </summary>
public sealed class Notice : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest title accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest text accepted.</summary>
    public const int MaxBodyLength = 8000;

    private readonly List<string> _channels = [];

    private Notice()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>What it makes known.</summary>
    public NoticeKind Kind { get; private set; }

    /// <summary>The topic, budget or representative it is about; null for an announcement.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The text, without personal data.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The territory node it concerns.</summary>
    public Guid NodeId { get; private set; }

    /// <inheritdoc />
    public string NodePath { get; private set; } = "";

    /// <summary>The channels it was also put up on, besides this platform.</summary>
    public IReadOnlyList<NoticeChannel> Channels => [.. _channels.Select(WireNames.Parse<NoticeChannel>)];

    /// <summary>Who published it (a worker's account, or the account whose step produced it).</summary>
    public string PublishedBy { get; private set; } = "";

    /// <summary>When it was published; objections count from then.</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>When the notice period ends; objections are refused from then on.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Publishes a notice for <paramref name="period"/> from <paramref name="now"/>.</summary>
    /// <exception cref="DomainException">The title or text is blank or too long, or the period is not positive.</exception>
    public static Notice Publish(
        NoticeKind kind, Guid? subjectId, string title, string body, Guid nodeId, string nodePath, IEnumerable<NoticeChannel> channels, TimeSpan period,
        string publishedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodePath);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        Require(!string.IsNullOrWhiteSpace(title) && title.Trim().Length <= MaxTitleLength, "title", $"A title of 1 to {MaxTitleLength} characters.");
        Require(!string.IsNullOrWhiteSpace(body) && body.Trim().Length <= MaxBodyLength, "body", $"A text of 1 to {MaxBodyLength} characters.");
        Require(period > TimeSpan.Zero, "expiresAt", "The notice expires after it is published.");

        var notice = new Notice
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            SubjectId = subjectId,
            Title = title.Trim(),
            Body = body.Trim(),
            NodeId = nodeId,
            NodePath = nodePath,
            PublishedBy = publishedBy,
            PublishedAt = now,
            ExpiresAt = now + period,
        };
        notice._channels.AddRange(channels.Distinct().Order().Select(c => c.ToWire()));
        return notice;
    }

    /// <summary>Whether the notice period runs at <paramref name="now"/>.</summary>
    public bool IsRunning(DateTimeOffset now) => PublishedAt <= now && now < ExpiresAt;

    /// <summary>Files an objection while the notice period runs.</summary>
    /// <exception cref="DomainException">The period is over, or the text is blank or too long.</exception>
    public NoticeObjection Object(string text, string filedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filedBy);
        if (!IsRunning(now))
        {
            var exception = new DomainException(NoticeErrors.PeriodOver, $"Objections to this notice were taken until {ExpiresAt:u}.");
            exception.Facts["expiresAt"] = ExpiresAt;
            throw exception;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > NoticeObjection.MaxTextLength)
        {
            throw new DomainException(NoticeErrors.InvalidArgument, $"An objection of 1 to {NoticeObjection.MaxTextLength} characters.", "text");
        }

        return new NoticeObjection(Id, text.Trim(), filedBy, now);
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainException(NoticeErrors.InvalidArgument, message, field);
        }
    }
}

/// <summary>An objection to a notice, filed during its period; seen by workers, never public (it may name people).</summary>
public sealed class NoticeObjection : ITenantOwned
{
    /// <summary>The longest objection accepted.</summary>
    public const int MaxTextLength = 2000;

    private NoticeObjection()
    {
    }

    internal NoticeObjection(Guid noticeId, string text, string filedBy, DateTimeOffset filedAt)
    {
        Id = Guid.CreateVersion7(filedAt);
        NoticeId = noticeId;
        Text = text;
        FiledBy = filedBy;
        FiledAt = filedAt;
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The notice objected to.</summary>
    public Guid NoticeId { get; private set; }

    /// <summary>What the objection says.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The account that filed it.</summary>
    public string FiledBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset FiledAt { get; private set; }
}
