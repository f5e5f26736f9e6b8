using Platform.PartyBuilding.Domain.Reporting;

namespace Platform.PartyBuilding.Domain.Lists;

/// <summary>
/// How the three lists are matched (DOMAIN.md §6): a member fits an opening by the skills they share with it; a unit's
/// resource fits when it names a skill the opening wants, or offers volunteers, who can take any place. Skills match when
/// one contains the other, ignoring case (电工 fits 电工维修).
/// </summary>
public static class OpeningMatch
{
    /// <summary>The opening's skills a member with <paramref name="memberSkills"/> has; an opening that wants none is fitted by anyone.</summary>
    public static IReadOnlyList<string> SharedSkills(Opening opening, IEnumerable<string> memberSkills)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(memberSkills);
        var offered = memberSkills.ToList();
        return [.. opening.Skills.Where(wanted => offered.Any(skill => SameSkill(wanted, skill)))];
    }

    /// <summary>Whether a member with <paramref name="memberSkills"/> fits the opening.</summary>
    public static bool Fits(Opening opening, IEnumerable<string> memberSkills) =>
        opening.Skills.Count == 0 || SharedSkills(opening, memberSkills).Count > 0;

    /// <summary>Whether a unit's resource fits the opening.</summary>
    public static bool Fits(Opening opening, UnitResource resource)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Kind == ResourceKind.Volunteers || opening.Skills.Any(wanted => SameSkill(wanted, resource.Description));
    }

    private static bool SameSkill(string wanted, string offered) =>
        offered.Contains(wanted, StringComparison.OrdinalIgnoreCase) || wanted.Contains(offered, StringComparison.OrdinalIgnoreCase);
}
