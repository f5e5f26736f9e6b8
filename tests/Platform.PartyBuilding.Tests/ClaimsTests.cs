using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>
/// The three lists and claims (三个清单) over HTTP against PostgreSQL: listing openings, claims within capacity even when
/// they race, the community confirming and recording outcomes, completed claims in the points and the feedback report,
/// suggestions, the unit resource list, and another district seeing none of it.
/// </summary>
[Collection(MemberReporting.Collection)]
public sealed class ClaimsTests(PartyBuildingFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claims_RacingForTheLastPlaces_NeverExceedTheCapacity()
    {
        var (street, members, worker) = await MembersOfOneCommunityAsync(8);
        var opening = await ListAsync(worker, street.Community, capacity: 3);

        // Every member claims at once: the opening's row lock queues them, each sees the places taken before it.
        var answers = await Task.WhenAll(members.Select(m => m.Client.PostAsJsonAsync($"/api/partybuilding/openings/{opening}/claims", new { }, Cancellation)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.opening_full");
            Assert.Equal(3, problem.GetProperty("capacity").GetInt32());
        }

        var listed = await worker.GetJsonAsync($"/api/partybuilding/openings/{opening}");
        Assert.Equal(3, listed.GetProperty("placesTaken").GetInt32());
        Assert.Equal(3, (await worker.GetJsonAsync($"/api/partybuilding/claims?opening={opening}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Claim_ConfirmedAndCompleted_EarnsThePointsPerClaim_AndShowsInTheFeedbackReport()
    {
        await PublishRuleAsync();
        var (street, members, worker) = await MembersOfOneCommunityAsync(1);
        var member = members[0];
        // A post running since the summer; the member held it for the third quarter, recorded from the paper sheet.
        var opening = await ListAsync(worker, street.Community, capacity: 2, startsOn: "2026-07-01", endsOn: "2027-06-30");
        var claim = (await (await member.Client.PostAsJsonAsync(
            $"/api/partybuilding/openings/{opening}/claims", new { startsOn = "2026-07-01", endsOn = "2026-09-30" }, Cancellation)).AssertOkAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await (await worker.PostAsJsonAsync($"/api/partybuilding/claims/{claim}/outcome", new { completed = true, endedOn = "2026-09-30", outcome = "完成" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.invalid_claim_transition");

        await (await worker.PostAsync(new Uri($"/api/partybuilding/claims/{claim}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        var completed = await (await worker.PostAsJsonAsync(
            $"/api/partybuilding/claims/{claim}/outcome", new { completed = true, endedOn = "2026-09-30", outcome = "每周两次巡查，上报隐患5处" }, Cancellation)).AssertOkAsync();

        Assert.Equal(("completed", "2026-09-30"), (completed.GetProperty("status").GetString(), completed.GetProperty("endedOn").GetString()));
        var points = (await member.Client.GetJsonAsync($"/api/partybuilding/member-reports/{member.ReportId}/points?period=2026-Q3")).GetProperty("statement");
        Assert.Equal((5L, 5L), (points.GetProperty("claimPoints").GetInt64(), points.GetProperty("total").GetInt64()));
        await (await worker.PostAsJsonAsync("/api/partybuilding/feedback-reports", new { period = "2026-Q3" }, Cancellation)).AssertOkAsync();
        var report = (await worker.GetJsonAsync("/api/partybuilding/feedback-reports?period=2026-Q3")).GetProperty("items")[0];
        Assert.Equal((1, 5L), (report.GetProperty("figures").GetProperty("completedClaims").GetInt32(), report.GetProperty("figures").GetProperty("points").GetInt64()));
        var metrics = await worker.GetJsonAsync("/api/partybuilding/metrics?period=2026-Q3");
        Assert.Equal((2, 0, 1), (metrics.GetProperty("openPlaces").GetInt32(), metrics.GetProperty("placesFilled").GetInt32(), metrics.GetProperty("claimsCompleted").GetInt32()));
    }

    [Fact]
    public async Task Claim_DeclinedOrAbandoned_FreesItsPlace_AndAnAbandonmentCostsTheDeduction()
    {
        await PublishRuleAsync();
        var (street, members, worker) = await MembersOfOneCommunityAsync(2);
        var opening = await ListAsync(worker, street.Community, capacity: 1);
        var first = await ClaimAsync(members[0].Client, opening);
        await (await members[1].Client.PostAsJsonAsync($"/api/partybuilding/openings/{opening}/claims", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.opening_full");
        await (await worker.PostAsJsonAsync($"/api/partybuilding/claims/{first}/decline", new { reason = " " }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        await (await worker.PostAsJsonAsync($"/api/partybuilding/claims/{first}/decline", new { reason = "已由楼门长担任" }, Cancellation)).AssertOkAsync();
        var second = await ClaimAsync(members[1].Client, opening);
        await (await worker.PostAsync(new Uri($"/api/partybuilding/claims/{second}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        await (await worker.PostAsJsonAsync($"/api/partybuilding/claims/{second}/outcome", new { completed = false, outcome = "工作调动，无法继续" }, Cancellation)).AssertOkAsync();

        Assert.Equal(0, (await worker.GetJsonAsync($"/api/partybuilding/openings/{opening}")).GetProperty("placesTaken").GetInt32());
        var quarter = $"{DateTime.UtcNow.AddHours(8).Year}-Q{(DateTime.UtcNow.AddHours(8).Month + 2) / 3}";
        var points = (await members[1].Client.GetJsonAsync($"/api/partybuilding/member-reports/{members[1].ReportId}/points?period={quarter}")).GetProperty("statement");
        Assert.Equal((8L, 0L), (points.GetProperty("deductions").GetInt64(), points.GetProperty("total").GetInt64()));
        var mine = await members[0].Client.GetJsonAsync("/api/partybuilding/claims");
        Assert.Equal("declined", Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Openings_AreListedByKind_AndSuggestionsMatchMembersAndUnitResourcesBySkill()
    {
        var (street, members, worker) = await MembersOfOneCommunityAsync(1);
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var unitWorkplace = (await WorkplaceApiTests.RegisterAsync(admin, WorkplaceApiTests.Workplace($"共建{Guid.NewGuid():N}"[..8], street.Street))).GetProperty("id").GetGuid();
        var unitReport = (await (await admin.PostAsJsonAsync("/api/partybuilding/unit-reports", ReportingApiTests.UnitReport(unitWorkplace), Cancellation)).AssertOkAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await (await admin.PostAsync(new Uri($"/api/partybuilding/reports/{unitReport}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        var wish = await ListAsync(worker, street.Community, capacity: 1, kind: "wish", skills: ["电工"]);
        var project = await ListAsync(worker, street.Community, capacity: 5, kind: "project", skills: ["医疗"]);

        var needs = await worker.GetJsonAsync($"/api/partybuilding/openings?list=needs&community={street.Community}");
        Assert.Equal([wish], needs.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        var projects = await members[0].Client.GetJsonAsync("/api/partybuilding/openings?list=projects");
        Assert.Equal([project], projects.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        await (await worker.GetAsync(new Uri("/api/partybuilding/openings?list=wishes", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        // The member offers 法律咨询 and 电工 (see MemberReporting): the wish for an electrician fits them; the unit's volunteers fit both.
        var forWish = await worker.GetJsonAsync($"/api/partybuilding/openings/{wish}/suggestions");
        var suggested = Assert.Single(forWish.GetProperty("members").EnumerateArray());
        Assert.Equal((members[0].ReportId, "电工"), (suggested.GetProperty("memberReportId").GetGuid(), suggested.GetProperty("sharedSkills")[0].GetString()));
        Assert.Contains(forWish.GetProperty("resources").EnumerateArray(), r => r.GetProperty("workplaceId").GetGuid() == unitWorkplace);
        Assert.Empty((await worker.GetJsonAsync($"/api/partybuilding/openings/{project}/suggestions")).GetProperty("members").EnumerateArray());
        var resources = await admin.GetJsonAsync("/api/partybuilding/unit-resources?kind=volunteers&pageSize=100");
        Assert.Contains(resources.GetProperty("items").EnumerateArray(), r => r.GetProperty("workplaceId").GetGuid() == unitWorkplace);

        // The unit claims the project through an official; the member's claim of the wish waits for the community.
        var unitClaim = await (await admin.PostAsJsonAsync($"/api/partybuilding/openings/{project}/claims", new { workplaceId = unitWorkplace }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal((unitWorkplace, "claimed"), (unitClaim.GetProperty("workplaceId").GetGuid(), unitClaim.GetProperty("status").GetString()));
        await (await admin.PostAsJsonAsync($"/api/partybuilding/openings/{project}/claims", new { workplaceId = unitWorkplace }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.already_claimed");
    }

    [Fact]
    public async Task Opening_WithBadFields_AnswersValidationProblem_AndNothingIsListed()
    {
        var (street, _, worker) = await MembersOfOneCommunityAsync(0);

        var problem = await (await worker.PostAsJsonAsync("/api/partybuilding/openings", new
        {
            communityNodeId = street.Community, kind = "post", category = "Patrol!", title = "", capacity = 0, startsOn = "2026-12-01", endsOn = "2026-11-01",
        }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(4, problem.GetProperty("errors").EnumerateObject().Count());
        await (await worker.PostAsJsonAsync("/api/partybuilding/openings", Opening(street.Grid, 1), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_node");
        Assert.Equal(0, (await worker.GetJsonAsync($"/api/partybuilding/openings?community={street.Community}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListsAndClaims_OfAnotherDistrictOrArea_AnswerNotFound_AndChangeNothing()
    {
        var (street, members, worker) = await MembersOfOneCommunityAsync(1);
        var opening = await ListAsync(worker, street.Community, capacity: 2);
        var claim = await ClaimAsync(members[0].Client, opening);
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityB1);
        var stranger = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);

        foreach (var official in new[] { other, elsewhere })
        {
            await (await official.GetAsync(new Uri($"/api/partybuilding/openings/{opening}", UriKind.Relative), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.opening_not_found");
            await (await official.GetAsync(new Uri($"/api/partybuilding/openings/{opening}/suggestions", UriKind.Relative), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.opening_not_found");
            await (await official.PostAsJsonAsync($"/api/partybuilding/openings/{opening}/claims", new { workplaceId = Guid.NewGuid() }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.opening_not_found");
            await (await official.PostAsync(new Uri($"/api/partybuilding/claims/{claim}/confirm", UriKind.Relative), null, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.claim_not_found");
            await (await official.PostAsJsonAsync($"/api/partybuilding/claims/{claim}/outcome", new { completed = false, outcome = "x" }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.claim_not_found");
            Assert.DoesNotContain((await official.GetJsonAsync("/api/partybuilding/openings?pageSize=100")).GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == opening);
            Assert.DoesNotContain((await official.GetJsonAsync("/api/partybuilding/claims?pageSize=100")).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == claim);
        }

        await (await other.PostAsJsonAsync("/api/partybuilding/openings", Opening(street.Community, 1), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_node");
        // A member not reported to the community neither sees the opening nor claims it.
        await (await stranger.PostAsJsonAsync($"/api/partybuilding/openings/{opening}/claims", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.opening_not_found");

        var unchanged = await worker.GetJsonAsync($"/api/partybuilding/claims?opening={opening}");
        Assert.Equal("claimed", Assert.Single(unchanged.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    // 10 an hour, 5 per completed claim, 8 off per abandoned one.
    private async Task PublishRuleAsync()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        await (await admin.PostAsJsonAsync(
            "/api/partybuilding/points-rules",
            new { pointsPerHour = 10, categoryRates = Array.Empty<object>(), pointsPerCompletedClaim = 5, highRatingBonus = 3, abandonedClaimDeduction = 8 },
            Cancellation)).AssertOkAsync(HttpStatusCode.Created);
    }

    // A fresh street whose community confirmed <paramref name="count"/> members, and a worker of that community.
    private async Task<(FreshStreet Street, IReadOnlyList<(HttpClient Client, Guid ReportId)> Members, HttpClient Worker)> MembersOfOneCommunityAsync(int count)
    {
        var (street, workplace) = await MemberReporting.StreetWithWorkplaceAsync(fixture);
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, street.Community);
        var commitment = await MemberReporting.CurrentCommitmentAsync(fixture, PartyBuildingFixture.Demo);
        var members = new List<(HttpClient, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var client = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
            var report = (await MemberReporting.SubmitAsync(client, MemberReporting.MemberReport(street.Community, workplace, commitment))).GetProperty("id").GetGuid();
            await (await worker.PostAsync(new Uri($"/api/partybuilding/reports/{report}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();
            members.Add((client, report));
        }

        return (street, members, worker);
    }

    private static object Opening(Guid communityNodeId, int capacity, string kind = "post", string[]? skills = null, string? startsOn = null, string? endsOn = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return new
        {
            communityNodeId, kind, category = "patrol", title = "民情前哨巡查", description = "每周两次在小区巡查，收集居民意见", skills = skills ?? ["巡查"], capacity,
            startsOn = startsOn ?? today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            endsOn = endsOn ?? today.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<Guid> ListAsync(
        HttpClient worker, Guid community, int capacity, string kind = "post", string[]? skills = null, string? startsOn = null, string? endsOn = null) =>
        (await (await worker.PostAsJsonAsync("/api/partybuilding/openings", Opening(community, capacity, kind, skills, startsOn, endsOn), Cancellation))
            .AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> ClaimAsync(HttpClient member, Guid opening) =>
        (await (await member.PostAsJsonAsync($"/api/partybuilding/openings/{opening}/claims", new { }, Cancellation)).AssertOkAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
}
