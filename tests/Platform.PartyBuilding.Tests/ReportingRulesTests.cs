using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PersonalData;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Tests;

/// <summary>The rules of dual reporting, on the entities themselves.</summary>
public sealed class ReportingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = DistrictClock.Today(Now);
    private static readonly TerritoryReplicaNode Street = Node(null, TerritoryNodeKind.Street);
    private static readonly TerritoryReplicaNode Community = Node(Street, TerritoryNodeKind.Community);
    private static readonly TerritoryReplicaNode Building = Node(Community, TerritoryNodeKind.Building);
    private static readonly TerritoryReplicaNode OtherCommunity = Node(Street, TerritoryNodeKind.Community);
    private static readonly WorkplaceOrganisation Workplace = WorkplaceOrganisation.Register(
        "区人民医院党委", WorkplaceKind.PublicInstitution, Street, 100, new WorkplaceRecords(WorkplaceRecordsLocation.ThisDistrict, null, null), Now);
    private static readonly CommitmentText Version1 = CommitmentText.Publish(null, "我承诺……", "admin", Now);
    private static readonly CommitmentText Version2 = CommitmentText.Publish(Version1, "我郑重承诺……", "admin", Now);

    [Theory]
    [InlineData("1956-12-02", EmploymentStatus.Retired, MemberBranch.Care)] // 70 today
    [InlineData("1956-12-02", EmploymentStatus.InService, MemberBranch.Care)] // age comes first
    [InlineData("1956-12-03", EmploymentStatus.Retired, MemberBranch.Service)] // 70 tomorrow
    [InlineData("1960-05-01", EmploymentStatus.Retired, MemberBranch.Service)]
    [InlineData("1985-03-15", EmploymentStatus.InService, MemberBranch.Employment)]
    [InlineData("1956-02-29", EmploymentStatus.Retired, MemberBranch.Care)]
    public void Branch_FromBirthDateAndEmployment_IsTheDomainsClassification(string birthDate, EmploymentStatus employment, MemberBranch expected) =>
        Assert.Equal(expected, MemberBranches.Of(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), employment, Today));

    [Theory]
    [InlineData("2000-02-29", "2001-02-28", 0)]
    [InlineData("2000-02-29", "2001-03-01", 1)]
    [InlineData("1990-06-15", "2026-06-14", 35)]
    [InlineData("1990-06-15", "2026-06-15", 36)]
    public void AgeOn_AroundBirthdays_CountsFullYears(string birthDate, string today, int expected) =>
        Assert.Equal(expected, MemberBranches.AgeOn(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Publish_AfterAVersion_NumbersTheNext()
    {
        Assert.Equal(1, Version1.Version);
        Assert.Equal(2, Version2.Version);
    }

    [Fact]
    public void Submit_SigningTheCurrentVersion_KeepsItsTextAndMasksPersonalData()
    {
        using var protector = TestProtector();

        var report = Submit(Building, Version2, signedVersion: 2, protector);

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal("我郑重承诺……", report.CommitmentText);
        Assert.Equal(Building.Path, report.NodePath);
        Assert.Contains("*", report.IdNumberMasked, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(1985, 3, 15), report.BirthDate);
        Assert.Equal(MemberBranch.Employment, report.BranchOn(Today));
    }

    [Fact]
    public void Submit_SigningAnOlderVersion_IsRefusedNamingTheCurrentOne()
    {
        using var protector = TestProtector();

        var refusal = Assert.Throws<DomainException>(() => Submit(Community, Version2, signedVersion: 1, protector));

        Assert.Equal(PartyBuildingErrors.CommitmentNotCurrent, refusal.Error);
        Assert.Equal(2, refusal.Facts["currentVersion"]);
    }

    [Fact]
    public void Submit_BeforeAnyCommitmentIsPublished_IsRefused()
    {
        using var protector = TestProtector();

        var refusal = Assert.Throws<DomainException>(() => Submit(Community, null, signedVersion: 1, protector));

        Assert.Equal(PartyBuildingErrors.CommitmentNotCurrent, refusal.Error);
    }

    [Fact]
    public void Submit_WithAnAddressOutsideTheCommunity_IsRefused()
    {
        using var protector = TestProtector();

        var refusal = Assert.Throws<DomainException>(() => MemberReport.Submit(
            "user-1", Member(), Community, OtherCommunity, Workplace, Version1, 1, protector, Now));

        Assert.Equal(PartyBuildingErrors.InvalidNode, refusal.Error);
        Assert.Equal("addressNodeId", refusal.Field);
    }

    [Fact]
    public void Submit_ToAStreet_IsRefused()
    {
        using var protector = TestProtector();

        var refusal = Assert.Throws<DomainException>(() => MemberReport.Submit("user-1", Member(), Street, Street, Workplace, Version1, 1, protector, Now));

        Assert.Equal("communityNodeId", refusal.Field);
    }

    [Fact]
    public void Decisions_FollowTheLifecycle_AndRefuseEverythingElse()
    {
        using var protector = TestProtector();
        var returned = Submit(Community, Version1, 1, protector);
        returned.Return("worker", "地址不符", Now);
        var confirmed = Submit(Community, Version1, 1, protector);
        confirmed.Confirm("worker", Now);

        Assert.Equal(ReportStatus.Returned, returned.Status);
        Assert.Equal("地址不符", returned.ReturnReason);
        Assert.False(returned.IsOpen);
        Assert.True(confirmed.IsOpen);
        Assert.Equal(PartyBuildingErrors.InvalidReportTransition, Assert.Throws<DomainException>(() => returned.Confirm("worker", Now)).Error);
        Assert.Equal(PartyBuildingErrors.InvalidReportTransition, Assert.Throws<DomainException>(() => returned.End(Now)).Error);
        Assert.Equal(PartyBuildingErrors.InvalidReportTransition, Assert.Throws<DomainException>(() => confirmed.Return("worker", "晚了", Now)).Error);
        confirmed.End(Now.AddDays(30));
        Assert.Equal(ReportStatus.Ended, confirmed.Status);
        Assert.Equal("worker", confirmed.DecidedBy);
    }

    [Fact]
    public void SubmitUnit_WithAWorkplaceOutsideTheDistrict_IsRefused()
    {
        var elsewhere = WorkplaceOrganisation.Register(
            "外区单位", WorkplaceKind.StateEnterprise, null, 10, new WorkplaceRecords(WorkplaceRecordsLocation.OutsidePlatform, null, null), Now);

        var refusal = Assert.Throws<DomainException>(() => UnitReport.Submit(elsewhere, Today, Today.AddYears(1), [], "admin", Now));

        Assert.Equal(PartyBuildingErrors.InvalidAgreement, refusal.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void SubmitUnit_WithATermThatDoesNotRun_IsRefused(int days)
    {
        var refusal = Assert.Throws<DomainException>(() => UnitReport.Submit(Workplace, Today, Today.AddDays(days), [], "admin", Now));

        Assert.Equal(PartyBuildingErrors.InvalidAgreement, refusal.Error);
    }

    [Fact]
    public void SubmitUnit_WithATermOverFiveYears_IsRefused() =>
        Assert.Equal(
            PartyBuildingErrors.InvalidAgreement,
            Assert.Throws<DomainException>(() => UnitReport.Submit(Workplace, Today, Today.AddYears(5).AddDays(1), [], "admin", Now)).Error);

    [Fact]
    public void SubmitUnit_ToItsStreet_KeepsTheResources()
    {
        var report = UnitReport.Submit(
            Workplace, Today, Today.AddYears(2), [new UnitResource(ResourceKind.Venue, " 三楼会议室 ", null), new UnitResource(ResourceKind.Volunteers, "医护志愿者", 12)], "admin", Now);

        Assert.Equal(Street.Id, report.StreetNodeId);
        Assert.Equal(Street.Path, report.NodePath);
        Assert.Equal("三楼会议室", report.Resources[0].Description);
        Assert.Equal(12, report.Resources[1].Quantity);
    }

    [Fact]
    public void ResourcesProblem_ForFundsWithoutAnAmount_NamesTheResource() =>
        Assert.Equal(
            "Resource 2, quantity: Required for funds.",
            UnitReport.ResourcesProblem([new UnitResource(ResourceKind.Skill, "义诊", null), new UnitResource(ResourceKind.Funds, "活动经费", null)]));

    private static MemberReport Submit(TerritoryReplicaNode address, CommitmentText? current, int signedVersion, PersonalDataProtector protector) =>
        MemberReport.Submit("user-1", Member(), Community, address, Workplace, current, signedVersion, protector, Now);

    internal static ReportingMember Member()
    {
        Assert.True(ChineseIdNumber.TryParse(TestPeople.IdNumber(new DateOnly(1985, 3, 15)), Today, out var idNumber, out _));
        Assert.True(MobilePhone.TryParse(TestPeople.Phone(), out var phone, out _));
        return new ReportingMember("王建国", idNumber, phone, EmploymentStatus.InService, ["法律"], "周末");
    }

    internal static PersonalDataProtector TestProtector() => new(Microsoft.Extensions.Options.Options.Create(new PersonalDataOptions
    {
        Keys = { ["test"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) },
        CurrentKeyId = "test",
        LookupKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    }));

    internal static TerritoryReplicaNode Node(TerritoryReplicaNode? parent, TerritoryNodeKind kind)
    {
        var id = Guid.NewGuid();
        return new TerritoryReplicaNode { Id = id, ParentId = parent?.Id, Kind = kind, Path = TerritoryPath.Of(parent?.Path, id) };
    }
}
