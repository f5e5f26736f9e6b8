using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Votes;

/// <summary>
/// An owner's ballot in a vote: one per owner, whatever the channel, carrying the area of all the owner's units. Paper
/// and proxy ballots are entered with a reference to the scanned original; a proxy ballot also names who held the proxy.
/// </summary>
public sealed class Ballot : ITenantOwned
{
    /// <summary>The longest evidence reference or proxy holder name.</summary>
    public const int ReferenceMaxLength = 200;

    private Ballot()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The vote.</summary>
    public Guid VoteId { get; private set; }

    /// <summary>The owner whose ballot it is.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The unit code the ballot named (any unit of the owner).</summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>Online, paper or proxy.</summary>
    public BallotChannel Channel { get; private set; }

    /// <summary>The choice for each matter key.</summary>
    public Dictionary<string, Choice> Choices { get; private set; } = [];

    /// <summary>The scan of a paper or proxy ballot.</summary>
    public string? EvidenceRef { get; private set; }

    /// <summary>Who held the proxy.</summary>
    public string? ProxyHolder { get; private set; }

    /// <summary>Who cast or entered it.</summary>
    public string CastBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CastAt { get; private set; }

    /// <summary>Why the channel's record is incomplete, or null: paper and proxy need the scan, proxy also the holder.</summary>
    public static (string Field, string Problem)? RecordProblem(BallotChannel channel, string? evidenceRef, string? proxyHolder) =>
        channel != BallotChannel.Online && string.IsNullOrWhiteSpace(evidenceRef) ? ("evidenceRef", "A paper or proxy ballot needs the reference of its scan.")
        : channel == BallotChannel.Proxy && string.IsNullOrWhiteSpace(proxyHolder) ? ("proxyHolder", "A proxy ballot names who held the proxy.")
        : evidenceRef?.Trim().Length > ReferenceMaxLength ? ("evidenceRef", $"At most {ReferenceMaxLength} characters.")
        : proxyHolder?.Trim().Length > ReferenceMaxLength ? ("proxyHolder", $"At most {ReferenceMaxLength} characters.")
        : null;

    /// <summary>
    /// Casts the owner's ballot in an open vote, answering every matter. The one-ballot-per-owner rule is the database's
    /// (a unique index), which decides between two channels racing.
    /// </summary>
    public static Ballot Cast(
        Vote vote, Guid ownerId, string unitCode, IReadOnlyDictionary<string, Choice> choices, BallotChannel channel, string? evidenceRef,
        string? proxyHolder, string castBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(vote);
        vote.EnsureOpen(now);
        vote.EnsureAnswersEveryMatter(choices);
        if (RecordProblem(channel, evidenceRef, proxyHolder) is var (field, problem))
        {
            throw new DomainException(PropertyErrors.BallotRecord, problem, field);
        }

        return new Ballot
        {
            Id = Guid.CreateVersion7(now), VoteId = vote.Id, OwnerId = ownerId, UnitCode = unitCode, Channel = channel, Choices = new(choices),
            EvidenceRef = channel == BallotChannel.Online ? null : evidenceRef!.Trim(),
            ProxyHolder = channel == BallotChannel.Proxy ? proxyHolder!.Trim() : null,
            CastBy = castBy, CastAt = now,
        };
    }
}
