using Platform.Property.Domain;
using Platform.Property.Domain.Votes;

namespace Platform.Property.Features.Votes;

/// <summary>A share of the area and a share of the owners that must both be reached, written like <c>&gt;=2/3</c>.</summary>
/// <param name="Area">The share of the area.</param>
/// <param name="Owners">The share of the owners.</param>
public sealed record ThresholdResponse(string Area, string Owners)
{
    public static ThresholdResponse From(DoubleThreshold threshold) => new(threshold.Area.ToString(), threshold.Owners.ToString());
}

/// <summary>A matter of a vote.</summary>
/// <param name="Key">The key ballots answer it by.</param>
/// <param name="Matter">Which item of Civil Code Art. 278.</param>
/// <param name="Question">The question.</param>
/// <param name="Amount">Yuan, for the fund matters, two decimal places.</param>
/// <param name="Rule">The law's rule for it: <c>three_quarters</c> or <c>majority</c>.</param>
/// <param name="Pass">What it needs of the participants (the district's rule when stricter).</param>
public sealed record VoteMatterResponse(string Key, Matter Matter, string Question, string? Amount, PassRule Rule, ThresholdResponse Pass);

/// <summary>A vote of an area's owners.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="AreaId">The area.</param>
/// <param name="Title">Title.</param>
/// <param name="Status"><c>draft</c>, <c>open</c> or <c>closed</c>.</param>
/// <param name="OpensAt">When it opens (or opened).</param>
/// <param name="ClosesAt">When it closes by itself.</param>
/// <param name="ClosedAt">When it closed, once it has.</param>
/// <param name="ClosedBy">Who closed it early, if anyone did.</param>
/// <param name="Quorum">Who must take part for any matter to pass.</param>
/// <param name="Matters">The matters.</param>
/// <param name="TotalArea">The frozen roll's total area, once open.</param>
/// <param name="TotalOwners">The frozen roll's owner count, once open.</param>
public sealed record VoteResponse(
    Guid Id, Guid AreaId, string Title, VoteStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? ClosedAt, string? ClosedBy,
    ThresholdResponse Quorum, IReadOnlyList<VoteMatterResponse> Matters, string? TotalArea, int? TotalOwners)
{
    public static VoteResponse From(Vote vote, DateTimeOffset now)
    {
        var status = vote.StatusAt(now);
        var frozen = status != VoteStatus.Draft;
        return new(
            vote.Id, vote.AreaId, vote.Title, status, vote.OpensAt, vote.ClosesAt, vote.ClosedAt(now), vote.ClosedBy, ThresholdResponse.From(vote.Quorum),
            [.. vote.Matters.Select(m => new VoteMatterResponse(
                m.Key, m.Matter, m.Question, m.Amount is { } amount ? WireDecimal.Of(amount) : null, Domain.Votes.Matters.RuleOf(m.Matter), ThresholdResponse.From(m.Pass)))],
            frozen ? WireDecimal.Of(vote.TotalArea) : null, frozen ? vote.TotalOwners : null);
    }
}
