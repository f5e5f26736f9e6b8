using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Lists;

/// <summary>What a community lists for members and units to claim (三个清单).</summary>
public enum OpeningKind
{
    /// <summary>微心愿: a resident's small wish, on the community needs list.</summary>
    Wish,

    /// <summary>岗位: a standing post on the community needs list (楼栋长, 民情前哨, 垃圾分类指导, 防疫岗).</summary>
    Post,

    /// <summary>项目: a project on the project list.</summary>
    Project,
}

/// <summary>
/// A wish, post or project a community lists (三个清单, DOMAIN.md §6) with the skills it wants, its term, and how many
/// claimants it takes. Members and units claim it (认领); waiting and confirmed claims hold a place, so a claim beyond
/// the capacity is refused. The claims are part of the opening: every claim is decided against all of them.
/// </summary>
public sealed class Opening : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest title.</summary>
    public const int TitleMaxLength = 200;

    /// <summary>The longest description.</summary>
    public const int DescriptionMaxLength = 2000;

    /// <summary>The most claimants one opening takes.</summary>
    public const int MaxCapacity = 500;

    /// <summary>The longest term, in years.</summary>
    public const int MaxTermYears = 3;

    private readonly List<OpeningClaim> _claims = [];

    private List<string> _skills = [];

    private Opening()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The community that lists it.</summary>
    public Guid CommunityNodeId { get; private set; }

    /// <summary>The community's path: the officials who see the community see its openings.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>Wish, post or project.</summary>
    public OpeningKind Kind { get; private set; }

    /// <summary>The category by wire name (<c>building_leader</c>, <c>patrol</c>, <c>waste_sorting</c>, <c>epidemic_post</c>, …).</summary>
    public string Category { get; private set; } = "";

    /// <summary>What it is, e.g. 3号楼楼栋长.</summary>
    public string Title { get; private set; } = "";

    /// <summary>What it asks of the claimant.</summary>
    public string? Description { get; private set; }

    /// <summary>The skills it wants (matched against members' skills and units' resources).</summary>
    public IReadOnlyList<string> Skills => _skills;

    /// <summary>How many claimants it takes at once.</summary>
    public int Capacity { get; private set; }

    /// <summary>The term's first day.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The term's last day.</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>Who listed it.</summary>
    public string PublishedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Every claim of it, whatever became of it.</summary>
    public IReadOnlyList<OpeningClaim> Claims => _claims;

    /// <summary>The places held: waiting and confirmed claims.</summary>
    public int PlacesTaken => _claims.Count(c => c.HoldsPlace);

    /// <summary>Why a title is unacceptable, or null.</summary>
    public static string? TitleProblem(string? title) => TextRules.Problem(title, TitleMaxLength);

    /// <summary>Why a description is unacceptable, or null (it may be absent).</summary>
    public static string? DescriptionProblem(string? description) => description?.Trim().Length > DescriptionMaxLength ? $"At most {DescriptionMaxLength} characters." : null;

    /// <summary>Why a capacity is unacceptable, or null.</summary>
    public static string? CapacityProblem(int? capacity) => capacity is >= 1 and <= MaxCapacity ? null : $"From 1 to {MaxCapacity}.";

    /// <summary>Why a term is unacceptable, or null.</summary>
    public static string? TermProblem(DateOnly? startsOn, DateOnly? endsOn) =>
        startsOn is null || endsOn is null ? "The first and the last day are required."
        : endsOn < startsOn ? "The term ends on or after its first day."
        : endsOn > startsOn.Value.AddYears(MaxTermYears) ? $"A term of at most {MaxTermYears} years."
        : null;

    /// <summary>The opening <paramref name="community"/> lists.</summary>
    /// <exception cref="ArgumentException">A field is unacceptable (the request checks them first), or the node is not a community.</exception>
    /// <exception cref="DomainException">The term has ended already.</exception>
    public static Opening List(
        TerritoryReplicaNode community, OpeningKind kind, string category, string title, string? description, IReadOnlyList<string> skills, int capacity,
        DateOnly startsOn, DateOnly endsOn, string publishedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        if ((ServiceRecord.CategoryProblem(category) ?? TitleProblem(title) ?? DescriptionProblem(description) ?? ReportingMember.SkillsProblem(skills)
                ?? CapacityProblem(capacity) ?? TermProblem(startsOn, endsOn)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (!MemberReport.CommunityKinds.Contains(community.Kind))
        {
            throw new ArgumentException("Openings are listed by a community or a village.", nameof(community));
        }

        if (endsOn < DistrictClock.Today(now))
        {
            throw new DomainException(PartyBuildingErrors.InvalidOpeningTerm, $"The term ended on {endsOn:yyyy-MM-dd}; list openings still to be served.", "endsOn");
        }

        return new Opening
        {
            Id = Guid.CreateVersion7(now),
            CommunityNodeId = community.Id,
            NodePath = community.Path,
            Kind = kind,
            Category = category.Trim(),
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            _skills = [.. skills.Select(skill => skill.Trim()).Distinct()],
            Capacity = capacity,
            StartsOn = startsOn,
            EndsOn = endsOn,
            PublishedBy = publishedBy,
            PublishedAt = now,
        };
    }

    /// <summary>A member claims a place, for the opening's term or a shorter one inside it.</summary>
    /// <exception cref="DomainException">The member is not reported to this community, holds a place already, the opening is full or its term is over, or the term asked is outside the opening's.</exception>
    public OpeningClaim ClaimByMember(MemberReport report, DateOnly? startsOn, DateOnly? endsOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status != ReportStatus.Confirmed || report.CommunityNodeId != CommunityNodeId)
        {
            throw new DomainException(PartyBuildingErrors.MemberNotReported, "Members claim the openings of the community that confirmed their report.", "memberReportId");
        }

        if (_claims.Any(c => c.HoldsPlace && c.MemberReportId == report.Id))
        {
            throw new DomainException(PartyBuildingErrors.AlreadyClaimed, "The member holds a place on this opening already.");
        }

        return Take(OpeningClaim.ByMember(this, report, TermOf(startsOn, endsOn), now), now);
    }

    /// <summary>A workplace whose street confirmed its unit report claims a place on behalf of the unit.</summary>
    /// <exception cref="DomainException">The unit is not reported to the community's street, holds a place already, the opening is full or its term is over, or the term asked is outside the opening's.</exception>
    public OpeningClaim ClaimByUnit(UnitReport report, string claimedBy, DateOnly? startsOn, DateOnly? endsOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status != ReportStatus.Confirmed || !TerritoryPath.IsWithin(NodePath, report.NodePath))
        {
            throw new DomainException(PartyBuildingErrors.UnitNotReported, "Units claim the openings in the street that confirmed their unit report.", "workplaceId");
        }

        if (_claims.Any(c => c.HoldsPlace && c.WorkplaceId == report.WorkplaceId))
        {
            throw new DomainException(PartyBuildingErrors.AlreadyClaimed, "The unit holds a place on this opening already.");
        }

        return Take(OpeningClaim.ByUnit(this, report, claimedBy, TermOf(startsOn, endsOn), now), now);
    }

    private OpeningClaim Take(OpeningClaim claim, DateTimeOffset now)
    {
        if (DistrictClock.Today(now) > EndsOn)
        {
            throw new DomainException(PartyBuildingErrors.InvalidOpeningTerm, $"The opening's term ended on {EndsOn:yyyy-MM-dd}.");
        }

        if (PlacesTaken >= Capacity)
        {
            throw new DomainException(PartyBuildingErrors.OpeningFull, $"All {Capacity} places are taken.") { Facts = { ["capacity"] = Capacity } };
        }

        _claims.Add(claim);
        return claim;
    }

    private (DateOnly StartsOn, DateOnly EndsOn) TermOf(DateOnly? startsOn, DateOnly? endsOn)
    {
        var term = (startsOn ?? StartsOn, endsOn ?? EndsOn);
        if (term.Item1 < StartsOn || term.Item2 > EndsOn || term.Item2 < term.Item1)
        {
            throw new DomainException(
                PartyBuildingErrors.InvalidOpeningTerm, $"A claim's term lies inside the opening's, {StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}.", "endsOn");
        }

        return term;
    }
}
