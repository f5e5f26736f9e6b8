namespace Platform.Property.Domain.Committees;

/// <summary>
/// A member of a preparatory group, an owners' committee or an interim committee: an owner of the area (who enters
/// ballots through the platform user linked to that owner), or someone serving for the community (a party
/// representative, a residents'-committee member) with their own platform user.
/// </summary>
public sealed record CommitteeMember
{
    /// <summary>The longest name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The member's name.</summary>
    public required string Name { get; init; }

    /// <summary>The owner of the area the member is, if an owner.</summary>
    public Guid? OwnerId { get; init; }

    /// <summary>The member's own platform user, for members who are not owners.</summary>
    public string? UserId { get; init; }

    /// <summary>Represents the community's party organisation (社区党组织代表).</summary>
    public bool PartyRepresentative { get; init; }

    /// <summary>Is a member of the residents' committee (居委会成员).</summary>
    public bool ResidentsCommitteeMember { get; init; }

    /// <summary>Was recommended by the party organisation (党组织推荐), flagged on the candidate list.</summary>
    public bool PartyRecommended { get; init; }

    /// <summary>Chairs the committee.</summary>
    public bool Chair { get; init; }

    /// <summary>Why a member is unacceptable, or null.</summary>
    public static string? Problem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength ? $"Every member has a name of 1 to {NameMaxLength} characters." : null;
}
