using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Service;

/// <summary>Where a service record came from.</summary>
public enum ServiceSource
{
    /// <summary>An organiser approved the member's shift in the time bank.</summary>
    TimeBank,

    /// <summary>The community recorded it directly, with evidence.</summary>
    Community,
}

/// <summary>
/// A reported member's service (DOMAIN.md §6): a time-bank shift approved for them, or service the community recorded
/// with evidence. It counts for the member report it was recorded under; residents served rate it 1–5. A time-bank record
/// keeps the time bank's record id, so its reversal finds it; a reversed record stays, counted for nothing.
/// </summary>
public sealed class ServiceRecord : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest title.</summary>
    public const int TitleMaxLength = 200;

    /// <summary>The longest category wire name.</summary>
    public const int CategoryMaxLength = 40;

    /// <summary>The longest evidence description.</summary>
    public const int EvidenceMaxLength = 1000;

    /// <summary>The longest service one record holds.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    private ServiceRecord()
    {
    }

    /// <summary>Stable id: the time bank's record id for a time-bank record.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The member report the service counts for.</summary>
    public Guid MemberReportId { get; private set; }

    /// <summary>The member's user id.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>The community the member is reported to.</summary>
    public Guid CommunityNodeId { get; private set; }

    /// <summary>The member report's path: the officials who see the report see its service.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>Where the record came from.</summary>
    public ServiceSource Source { get; private set; }

    /// <summary>The category by wire name (<c>elderly_care</c>, <c>patrol</c>, …), which the points rules rate.</summary>
    public string Category { get; private set; } = "";

    /// <summary>What the service was, e.g. 敬老院陪护.</summary>
    public string Title { get; private set; } = "";

    /// <summary>When it started.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>The district date it started on, which decides its period.</summary>
    public DateOnly ServiceDate { get; private set; }

    /// <summary>Whole minutes counted.</summary>
    public long Minutes { get; private set; }

    /// <summary>What shows the service took place (a community record).</summary>
    public string? Evidence { get; private set; }

    /// <summary>Who approved (the time-bank organiser) or recorded it (the community official).</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>When it was recorded here.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The rating of the residents served, 1–5.</summary>
    public int? Rating { get; private set; }

    /// <summary>Who entered the rating.</summary>
    public string? RatedBy { get; private set; }

    /// <summary>When the credit was reversed; a reversed record counts for nothing.</summary>
    public DateTimeOffset? ReversedAt { get; private set; }

    /// <summary>Who reversed it.</summary>
    public string? ReversedBy { get; private set; }

    /// <summary>Why a title is unacceptable, or null.</summary>
    public static string? TitleProblem(string? title) => TextRules.Problem(title, TitleMaxLength);

    /// <summary>Why a category is unacceptable, or null.</summary>
    public static string? CategoryProblem(string? category) =>
        TextRules.Problem(category, CategoryMaxLength) ?? (category!.Trim().All(c => c is >= 'a' and <= 'z' or '_') ? null : "A wire name: lower-case letters and underscores.");

    /// <summary>Why evidence is unacceptable, or null.</summary>
    public static string? EvidenceProblem(string? evidence) => TextRules.Problem(evidence, EvidenceMaxLength);

    /// <summary>Why a span of service is unacceptable, or null.</summary>
    public static string? SpanProblem(DateTimeOffset? startsAt, DateTimeOffset? endsAt) =>
        startsAt is null || endsAt is null ? "The start and the end are required."
        : endsAt <= startsAt ? "The service ends after it starts."
        : endsAt - startsAt > MaxDuration ? $"At most {MaxDuration.TotalHours:0} hours in one record."
        : null;

    /// <summary>Why a rating is unacceptable, or null.</summary>
    public static string? RatingProblem(int? rating) => rating is >= 1 and <= 5 ? null : "A rating from 1 to 5.";

    /// <summary>The time bank's record of <paramref name="minutes"/> approved for <paramref name="report"/>'s member.</summary>
    public static ServiceRecord FromTimeBank(
        Guid recordId, MemberReport report, string category, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, long minutes, string approvedBy,
        DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        return Create(recordId, report, ServiceSource.TimeBank, category, title, startsAt, endsAt, minutes, evidence: null, approvedBy, now);
    }

    /// <summary>Service the community records directly for <paramref name="report"/>'s member, with evidence; it counts its whole span.</summary>
    /// <exception cref="DomainException">The member is not reported (confirmed) to the community, or the service has not ended yet.</exception>
    /// <exception cref="ArgumentException">The title, category, span or evidence are unacceptable (the request checks them first).</exception>
    public static ServiceRecord ByCommunity(
        MemberReport report, string category, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, string evidence, string recordedBy, DateTimeOffset now)
    {
        if ((TitleProblem(title) ?? CategoryProblem(category) ?? SpanProblem(startsAt, endsAt) ?? EvidenceProblem(evidence)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (report.Status != ReportStatus.Confirmed)
        {
            throw new DomainException(PartyBuildingErrors.MemberNotReported, "Service counts for a member whose report the community confirmed.", "memberReportId");
        }

        if (endsAt > now)
        {
            throw new DomainException(PartyBuildingErrors.InvalidServiceSpan, "Record service once it has taken place.", "endsAt");
        }

        var minutes = (long)(endsAt - startsAt).TotalMinutes;
        return Create(Guid.CreateVersion7(now), report, ServiceSource.Community, category, title, startsAt, endsAt, minutes, evidence.Trim(), recordedBy, now);
    }

    /// <summary>Enters the residents' rating; a later rating replaces it.</summary>
    /// <exception cref="DomainException">The record was reversed.</exception>
    /// <exception cref="ArgumentException">The rating is outside 1–5 (the request checks it first).</exception>
    public void Rate(int rating, string ratedBy)
    {
        if (RatingProblem(rating) is { } problem)
        {
            throw new ArgumentException(problem, nameof(rating));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(ratedBy);
        if (ReversedAt is not null)
        {
            throw new DomainException(PartyBuildingErrors.ServiceRecordReversed, "A reversed service record counts for nothing and is not rated.");
        }

        Rating = rating;
        RatedBy = ratedBy;
    }

    /// <summary>Reverses the record: it stays, counted for nothing. Reversing twice changes nothing.</summary>
    public void Reverse(string reversedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reversedBy);
        if (ReversedAt is null)
        {
            ReversedAt = now.ToUniversalTime();
            ReversedBy = reversedBy;
        }
    }

    private static ServiceRecord Create(
        Guid id, MemberReport report, ServiceSource source, string category, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, long minutes,
        string? evidence, string recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        return new ServiceRecord
        {
            Id = id,
            MemberReportId = report.Id,
            UserId = report.UserId,
            CommunityNodeId = report.CommunityNodeId,
            NodePath = report.NodePath,
            Source = source,
            Category = category.Trim(),
            Title = title.Trim(),
            // PostgreSQL keeps instants in UTC; callers and events may give them in district time.
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = endsAt.ToUniversalTime(),
            ServiceDate = DistrictClock.Today(startsAt),
            Minutes = minutes,
            Evidence = evidence,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}

/// <summary>
/// A time-bank reversal that arrived before the record it reverses (the two travel independently): the record, when it
/// comes, is stored reversed.
/// </summary>
public sealed class EarlyServiceReversal : ITenantOwned
{
    private EarlyServiceReversal()
    {
    }

    /// <summary>The time bank's record id.</summary>
    public Guid RecordId { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Who reversed it.</summary>
    public string ReversedBy { get; private set; } = "";

    /// <summary>When it was reversed (when the event occurred).</summary>
    public DateTimeOffset ReversedAt { get; private set; }

    /// <summary>A reversal of <paramref name="recordId"/>, kept until the record arrives.</summary>
    public static EarlyServiceReversal Of(Guid recordId, string reversedBy, DateTimeOffset reversedAt) =>
        new() { RecordId = recordId, ReversedBy = reversedBy, ReversedAt = reversedAt.ToUniversalTime() };
}
