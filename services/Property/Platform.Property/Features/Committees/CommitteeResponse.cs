using System.ComponentModel.DataAnnotations;
using Platform.Property.Domain.Committees;

namespace Platform.Property.Features.Committees;

/// <summary>A member of a preparatory group or committee.</summary>
/// <param name="Name">Name.</param>
/// <param name="OwnerId">The owner of the area the member is, if an owner (their linked user enters ballots for the committee).</param>
/// <param name="UserId">The platform user of a member who is not an owner.</param>
/// <param name="PartyRepresentative">Represents the community party organisation.</param>
/// <param name="ResidentsCommitteeMember">Is a residents'-committee member.</param>
/// <param name="PartyRecommended">Recommended by the party organisation.</param>
/// <param name="Chair">Chairs the committee.</param>
public sealed record CommitteeMemberDto(
    [property: Required, StringLength(CommitteeMember.NameMaxLength, MinimumLength = 1)] string? Name, Guid? OwnerId,
    [property: StringLength(100)] string? UserId, bool PartyRepresentative = false, bool ResidentsCommitteeMember = false, bool PartyRecommended = false,
    bool Chair = false)
{
    /// <summary>The member of a request its validation has accepted.</summary>
    public CommitteeMember ToMember() => new()
    {
        Name = Name!, OwnerId = OwnerId, UserId = UserId?.Trim(), PartyRepresentative = PartyRepresentative,
        ResidentsCommitteeMember = ResidentsCommitteeMember, PartyRecommended = PartyRecommended, Chair = Chair,
    };

    /// <summary>The member as answered.</summary>
    public static CommitteeMemberDto From(CommitteeMember member) => new(
        member.Name, member.OwnerId, member.UserId, member.PartyRepresentative, member.ResidentsCommitteeMember, member.PartyRecommended, member.Chair);
}

/// <summary>A candidate for the owners' committee.</summary>
/// <param name="Key">The election vote's matter key for the candidate.</param>
/// <param name="Name">Name.</param>
/// <param name="OwnerId">The owner the candidate is.</param>
/// <param name="PartyRecommended">Recommended by the party organisation (flagged).</param>
public sealed record CandidateResponse(string Key, string Name, Guid OwnerId, bool PartyRecommended);

/// <summary>An owners' committee or interim committee of an area.</summary>
public sealed record CommitteeResponse(
    Guid Id, Guid AreaId, CommitteeKind Kind, CommitteeStage Stage, IReadOnlyList<CommitteeMemberDto> PreparatoryGroup,
    IReadOnlyList<CommitteeMemberDto> Members, IReadOnlyList<CandidateResponse> Candidates, int? Seats, Guid? ElectionVoteId,
    InterimReason? InterimReason, DateTimeOffset FormedAt, DateTimeOffset? ElectedAt, DateTimeOffset? FiledAt, string? FiledBy,
    DateTimeOffset? TermEndsAt, DateTimeOffset? EndedAt, CommitteeEnding? Ending, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static CommitteeResponse From(Committee c) => new(
        c.Id, c.AreaId, c.Kind, c.Stage, [.. c.PreparatoryGroup.Select(CommitteeMemberDto.From)], [.. c.Members.Select(CommitteeMemberDto.From)],
        [.. c.Candidates.Select(k => new CandidateResponse(k.Key, k.Name, k.OwnerId, k.PartyRecommended))], c.Seats, c.ElectionVoteId, c.InterimReason,
        c.FormedAt, c.ElectedAt, c.FiledAt, c.FiledBy, c.TermEndsAt, c.EndedAt, c.Ending, c.ChangedBy, c.ChangedAt);
}
