using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>
/// Evaluation (评议) over HTTP against PostgreSQL: the community grades a member per period once, the grade travels in the
/// feedback report (to another district too) and the metrics; units and communities evaluate each other yearly; another
/// district or area sees none of it.
/// </summary>
[Collection(MemberReporting.Collection)]
public sealed class EvaluationTests(PartyBuildingFixture fixture)
{
    private const string EndedQuarter = "2026-Q3";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Grade_OfAMemberForAQuarter_IsGivenOnce_AndGoesIntoTheFeedbackAndTheMetrics()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        var grade = new { period = EndedQuarter, grade = "excellent", comment = "带头参与民情前哨，群众评价高" };

        var graded = await (await member.Worker.PostAsJsonAsync($"/api/partybuilding/member-reports/{member.ReportId}/evaluations", grade, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        await (await member.Worker.PostAsJsonAsync($"/api/partybuilding/member-reports/{member.ReportId}/evaluations", grade with { grade = "qualified" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.already_evaluated");

        Assert.Equal("excellent", graded.GetProperty("grade").GetString());
        var mine = await member.Member.GetJsonAsync("/api/partybuilding/member-evaluations");
        Assert.Equal("带头参与民情前哨，群众评价高", Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("comment").GetString());
        await PublishRuleAsync();
        await (await member.Worker.PostAsJsonAsync("/api/partybuilding/feedback-reports", new { period = EndedQuarter }, Cancellation)).AssertOkAsync();
        var figures = (await member.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items")[0].GetProperty("figures");
        Assert.Equal(("excellent", "带头参与民情前哨，群众评价高"), (figures.GetProperty("grade").GetString(), figures.GetProperty("evaluationComment").GetString()));
        var metrics = await member.Worker.GetJsonAsync($"/api/partybuilding/metrics?period={EndedQuarter}");
        Assert.Equal((1, 0), (metrics.GetProperty("membersByGrade").GetProperty("excellent").GetInt32(), metrics.GetProperty("membersByGrade").GetProperty("unqualified").GetInt32()));
    }

    [Fact]
    public async Task Grade_WithABadGradeOrPeriod_OrForAPeriodNotBegun_IsRefused_AndNothingIsGraded()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        var url = $"/api/partybuilding/member-reports/{member.ReportId}/evaluations";
        var nextYear = (DateTimeOffset.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await (await member.Worker.PostAsJsonAsync(url, new { period = "2026-Q5", grade = "excellent", comment = "好" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Worker.PostAsJsonAsync(url, new { period = EndedQuarter, grade = "superb", comment = "好" }, Cancellation)).StatusCode);
        await (await member.Worker.PostAsJsonAsync(url, new { period = nextYear, grade = "qualified", comment = "好" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.period_not_begun");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Member.PostAsJsonAsync(url, new { period = EndedQuarter, grade = "excellent", comment = "自评" }, Cancellation)).StatusCode);

        Assert.Equal(0, (await member.Worker.GetJsonAsync($"/api/partybuilding/member-evaluations?memberReport={member.ReportId}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task UnitsAndCommunities_EvaluateEachOtherOnceAYear_AndAnotherDistrictSeesNothing()
    {
        var (street, workplace) = await MemberReporting.StreetWithWorkplaceAsync(fixture);
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var unitReport = (await (await admin.PostAsJsonAsync("/api/partybuilding/unit-reports", ReportingApiTests.UnitReport(workplace), Cancellation)).AssertOkAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, street.Community);
        var ofUnit = new { year = 2026, workplaceId = workplace, communityNodeId = street.Community, direction = "community_evaluates_unit", grade = "qualified", comment = "按期参加共建活动" };
        await (await worker.PostAsJsonAsync("/api/partybuilding/mutual-evaluations", ofUnit, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.unit_not_reported");
        await (await admin.PostAsync(new Uri($"/api/partybuilding/reports/{unitReport}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();

        await (await worker.PostAsJsonAsync("/api/partybuilding/mutual-evaluations", ofUnit, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        await (await worker.PostAsJsonAsync("/api/partybuilding/mutual-evaluations", ofUnit with { direction = "unit_evaluates_community", grade = "excellent", comment = "社区对接及时" }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        await (await worker.PostAsJsonAsync("/api/partybuilding/mutual-evaluations", ofUnit with { grade = "excellent" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.already_evaluated");

        var listed = await worker.GetJsonAsync($"/api/partybuilding/mutual-evaluations?year=2026&workplace={workplace}");
        Assert.Equal(["community_evaluates_unit", "unit_evaluates_community"], listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("direction").GetString()).Order());
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);
        Assert.Equal(0, (await other.GetJsonAsync($"/api/partybuilding/mutual-evaluations?workplace={workplace}")).GetProperty("total").GetInt32());
        await (await other.PostAsJsonAsync("/api/partybuilding/mutual-evaluations", ofUnit with { year = 2025 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_node");
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityB1);
        Assert.Equal(0, (await elsewhere.GetJsonAsync($"/api/partybuilding/mutual-evaluations?workplace={workplace}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MemberEvaluations_OfAnotherDistrictOrArea_AnswerNotFound_AndShowNowhereElse()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        await (await member.Worker.PostAsJsonAsync(
            $"/api/partybuilding/member-reports/{member.ReportId}/evaluations", new { period = EndedQuarter, grade = "qualified", comment = "合格" }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityB1);

        foreach (var official in new[] { other, elsewhere })
        {
            await (await official.PostAsJsonAsync(
                $"/api/partybuilding/member-reports/{member.ReportId}/evaluations", new { period = "2026-Q2", grade = "unqualified", comment = "不合格" }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
            Assert.Equal(0, (await official.GetJsonAsync($"/api/partybuilding/member-evaluations?memberReport={member.ReportId}")).GetProperty("total").GetInt32());
        }

        Assert.Equal(1, (await member.Worker.GetJsonAsync($"/api/partybuilding/member-evaluations?memberReport={member.ReportId}")).GetProperty("total").GetInt32());
    }

    private async Task PublishRuleAsync()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        await (await admin.PostAsJsonAsync(
            "/api/partybuilding/points-rules",
            new { pointsPerHour = 10, categoryRates = Array.Empty<object>(), pointsPerCompletedClaim = 5, highRatingBonus = 3, abandonedClaimDeduction = 8 },
            Cancellation)).AssertOkAsync(HttpStatusCode.Created);
    }
}
