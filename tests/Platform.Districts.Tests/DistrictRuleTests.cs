using Platform.Districts.Contracts;
using Platform.Districts.Domain;

namespace Platform.Districts.Tests;

public sealed class DistrictRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("chaoyang", true)]
    [InlineData("cy-2", true)]
    [InlineData("Chaoyang", false)]
    [InlineData("-chaoyang", false)]
    [InlineData("chaoyang-", false)]
    [InlineData("chao yang", false)]
    [InlineData("c", false)]
    [InlineData("system", false)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijk", false)]
    public void Identifier_IsAShortLowerCaseSlug(string identifier, bool acceptable) =>
        Assert.Equal(acceptable, DistrictRules.IdentifierProblem(identifier) is null);

    [Theory]
    [InlineData("110105", true)]
    [InlineData("11010", false)]
    [InlineData("1101055", false)]
    [InlineData("11O105", false)]
    public void AdminCode_IsSixDigits(string adminCode, bool acceptable) =>
        Assert.Equal(acceptable, DistrictRules.AdminCodeProblem(adminCode) is null);

    [Fact]
    public void Onboard_WithoutATimeZone_RunsOnBeijingTime()
    {
        var district = District.Onboard("chaoyang", " 朝阳区 ", "北京市", "110105", null, Now);

        Assert.Equal("Asia/Shanghai", district.Settings[District.TimeZoneSetting]);
        Assert.Equal("朝阳区", district.Name);
        Assert.Equal(DistrictStatus.Active, district.Status);
        Assert.Equal(district.Id, district.Onboarded().TenantId);
    }

    [Fact]
    public void Change_ThatChangesNothing_ReportsNoChange()
    {
        var district = District.Onboard("chaoyang", "朝阳区", "北京市", "110105", new Dictionary<string, string> { ["labels.a"] = "甲" }, Now);

        var changed = district.Change("朝阳区", null, DistrictStatus.Active, new Dictionary<string, string?> { ["labels.a"] = "甲" }, Now.AddHours(1));

        Assert.False(changed);
        Assert.Equal(Now, district.UpdatedAt);
    }

    [Fact]
    public void Change_RemovingTheTimeZone_FallsBackToBeijingTime_AndSuspendingIsReported()
    {
        var district = District.Onboard("chaoyang", "朝阳区", "北京市", "110105", new Dictionary<string, string> { ["timeZone"] = "Asia/Urumqi" }, Now);

        var changed = district.Change(null, null, DistrictStatus.Suspended, new Dictionary<string, string?> { ["timeZone"] = null }, Now.AddHours(1));

        Assert.True(changed);
        Assert.Equal("Asia/Shanghai", district.Settings["timeZone"]);
        var reported = district.Changed();
        Assert.Equal(DistrictStatus.Suspended, reported.Status);
        Assert.Equal(Now.AddHours(1), reported.OccurredAt);
    }
}
