namespace Platform.PartyBuilding.Domain.Reporting;

/// <summary>The classification of reported members into branches (DOMAIN.md §6): 关爱型 70 and over, 就业型 in service, 服务型 retired under 70.</summary>
public static class MemberBranches
{
    /// <summary>The age from which a member belongs to the care branch, whatever their employment.</summary>
    public const int CareAge = 70;

    /// <summary>The branch of a member born on <paramref name="birthDate"/> with <paramref name="employment"/>, on <paramref name="today"/>.</summary>
    public static MemberBranch Of(DateOnly birthDate, EmploymentStatus employment, DateOnly today) =>
        AgeOn(birthDate, today) >= CareAge ? MemberBranch.Care
        : employment == EmploymentStatus.InService ? MemberBranch.Employment
        : MemberBranch.Service;

    /// <summary>Full years of age on <paramref name="today"/> (one born on 29 February turns a year older on 1 March in common years).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return (today.Month, today.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0 ? age - 1 : age;
    }
}
