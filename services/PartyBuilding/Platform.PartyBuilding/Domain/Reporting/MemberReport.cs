using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.PersonalData;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Reporting;

/// <summary>Who a reporting member is: name, ID number and phone (personal data), employment, skills and availability.</summary>
/// <param name="Name">Name, e.g. 王建国.</param>
/// <param name="IdNumber">The resident ID number; it gives the birth date, and its lookup hash links to the resident record in every service.</param>
/// <param name="Phone">Mobile phone.</param>
/// <param name="Employment">In service or retired.</param>
/// <param name="Skills">Skills offered (法律, 医疗, 电工 …).</param>
/// <param name="Availability">When they can serve, e.g. 周末上午.</param>
public sealed record ReportingMember(string Name, ChineseIdNumber IdNumber, MobilePhone Phone, EmploymentStatus Employment, IReadOnlyList<string> Skills, string? Availability)
{
    /// <summary>The longest name.</summary>
    public const int NameMaxLength = 50;

    /// <summary>The most skills listed.</summary>
    public const int MaxSkills = 10;

    /// <summary>The longest skill.</summary>
    public const int SkillMaxLength = 30;

    /// <summary>The longest availability note.</summary>
    public const int AvailabilityMaxLength = 200;

    /// <summary>Why a list of skills is unacceptable, or null.</summary>
    public static string? SkillsProblem(IReadOnlyList<string>? skills) =>
        skills is null ? null
        : skills.Count > MaxSkills ? $"At most {MaxSkills} skills."
        : skills.Select(skill => TextRules.Problem(skill, SkillMaxLength)).FirstOrDefault(p => p is not null);

    /// <summary>Why an availability note is unacceptable, or null.</summary>
    public static string? AvailabilityProblem(string? availability) =>
        availability?.Trim().Length > AvailabilityMaxLength ? $"At most {AvailabilityMaxLength} characters." : null;
}

/// <summary>
/// An in-service party member's report to the community where they live (个人报到, DOMAIN.md §6): who they are (ID
/// number and phone protected), their workplace party organisation (possibly in another district), their address in the
/// community, skills and availability, and the commitment (承诺书) they signed: the district's current version, whose
/// text the report keeps. A member reports to one community at a time; the community confirms or returns the report.
/// </summary>
public sealed class MemberReport : Report
{
    /// <summary>The kinds of node a member reports to: a community or a village.</summary>
    public static readonly IReadOnlySet<TerritoryNodeKind> CommunityKinds = new HashSet<TerritoryNodeKind> { TerritoryNodeKind.Community, TerritoryNodeKind.Village };

    private List<string> _skills = [];

    private MemberReport()
    {
    }

    /// <summary>The member's platform user id.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The ID number, encrypted.</summary>
    public string IdNumberProtected { get; private set; } = "";

    /// <summary>The ID number's lookup hash: the same person has it in every service, so it links to the resident record.</summary>
    public string IdNumberHash { get; private set; } = "";

    /// <summary>The ID number as answers show it.</summary>
    public string IdNumberMasked { get; private set; } = "";

    /// <summary>The birth date, from the ID number.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>The phone, encrypted.</summary>
    public string PhoneProtected { get; private set; } = "";

    /// <summary>The phone as answers show it.</summary>
    public string PhoneMasked { get; private set; } = "";

    /// <summary>In service or retired.</summary>
    public EmploymentStatus Employment { get; private set; }

    /// <summary>Skills offered.</summary>
    public IReadOnlyList<string> Skills => _skills;

    /// <summary>When they can serve.</summary>
    public string? Availability { get; private set; }

    /// <summary>The community reported to.</summary>
    public Guid CommunityNodeId { get; private set; }

    /// <summary>The address: a node in the community (a building, a unit), or the community itself.</summary>
    public Guid AddressNodeId { get; private set; }

    /// <summary>The member's workplace party organisation.</summary>
    public Guid WorkplaceId { get; private set; }

    /// <summary>The commitment version signed.</summary>
    public int CommitmentVersion { get; private set; }

    /// <summary>The commitment text signed, as it read then.</summary>
    public string CommitmentText { get; private set; } = "";

    /// <summary>The branch the member belongs to on <paramref name="today"/>.</summary>
    public MemberBranch BranchOn(DateOnly today) => MemberBranches.Of(BirthDate, Employment, today);

    /// <summary>
    /// Submits a member's report to <paramref name="community"/> at <paramref name="address"/>, signing commitment version
    /// <paramref name="signedVersion"/>, which must be <paramref name="current"/>'s.
    /// </summary>
    /// <exception cref="DomainException">Not a community, an address outside it, a retired node, or a commitment that is not the current version.</exception>
    public static MemberReport Submit(
        string userId, ReportingMember member, TerritoryReplicaNode community, TerritoryReplicaNode address, WorkplaceOrganisation workplace,
        CommitmentText? current, int signedVersion, PersonalDataProtector protector, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(workplace);
        ArgumentNullException.ThrowIfNull(protector);
        if ((TextRules.Problem(member.Name, ReportingMember.NameMaxLength) ?? ReportingMember.SkillsProblem(member.Skills) ?? ReportingMember.AvailabilityProblem(member.Availability)) is { } problem)
        {
            throw new ArgumentException(problem, nameof(member));
        }

        if (community.Retired || !CommunityKinds.Contains(community.Kind))
        {
            throw new DomainException(PartyBuildingErrors.InvalidNode, "A member reports to a community or village that is not retired.", "communityNodeId");
        }

        if (address.Retired || !TerritoryPath.IsWithin(address.Path, community.Path))
        {
            throw new DomainException(PartyBuildingErrors.InvalidNode, "The address is a node of the community reported to, not retired.", "addressNodeId");
        }

        if (current is null || signedVersion != current.Version)
        {
            throw new DomainException(
                PartyBuildingErrors.CommitmentNotCurrent,
                current is null ? "The district has published no commitment to sign yet." : $"Sign the current commitment, version {current.Version}.",
                "commitmentVersion")
            {
                Facts = { ["currentVersion"] = current?.Version },
            };
        }

        return new MemberReport
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = member.Name.Trim(),
            IdNumberProtected = protector.Protect(member.IdNumber.Value),
            IdNumberHash = protector.LookupHash(member.IdNumber.Value),
            IdNumberMasked = member.IdNumber.Masked,
            BirthDate = member.IdNumber.BirthDate,
            PhoneProtected = protector.Protect(member.Phone.Value),
            PhoneMasked = member.Phone.Masked,
            Employment = member.Employment,
            _skills = [.. member.Skills.Select(skill => skill.Trim()).Distinct()],
            Availability = string.IsNullOrWhiteSpace(member.Availability) ? null : member.Availability.Trim(),
            CommunityNodeId = community.Id,
            AddressNodeId = address.Id,
            NodePath = address.Path,
            WorkplaceId = workplace.Id,
            CommitmentVersion = current.Version,
            CommitmentText = current.Text,
            Status = ReportStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
        };
    }
}
