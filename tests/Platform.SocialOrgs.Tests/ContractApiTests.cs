using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Domain;
using Platform.Testing;

namespace Platform.SocialOrgs.Tests;

/// <summary>Contracts of awarded proposals over HTTP against real PostgreSQL: gates, remedial plans, late payments, three parties, isolation.</summary>
public sealed class ContractApiTests(SocialOrgsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SendAsync(Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await request).AssertOkAsync(status);

    private static object Terms(Guid proposal, string evaluatorName, string evaluatorUserId, DateOnly signedOn) => new
    {
        proposalId = proposal,
        evaluatorName,
        evaluatorUserId,
        signedOn,
        percentages = new[] { 30, 40, 30 },
        midTermDueOn = signedOn.AddDays(30),
        finalDueOn = signedOn.AddDays(60),
    };

    private static Uri Path(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Contract_TranchesWaitForTheirGates_ACAtMidTermWaitsForTheRemedialPlan_AndLatePaymentsAreListed()
    {
        var (admin, call, proposals, reviewers) = await PanelApiTests.ArrangeAsync(fixture, 100_000m, 30_000m);
        var proposal = proposals[0];
        await PanelApiTests.FirstScoreAfterTheDeadlineAsync(reviewers[0], proposal, PanelApiTests.Scores(4, 4));
        await SendAsync(PanelApiTests.ScoreAsync(reviewers[1], proposal, PanelApiTests.Scores(3, 3)), HttpStatusCode.Created);
        var (evaluatorId, evaluatorToken) = await fixture.Identity.MemberAsync(SocialOrgsFixture.Demo, PlatformRoleNames.Resident, null);
        var evaluator = fixture.Client(evaluatorToken);
        var today = DistrictClock.Today(DateTimeOffset.UtcNow);
        var signedOn = today.AddDays(-10);
        var contracts = $"/api/socialorgs/calls/{call}/contracts";

        await (await admin.PostAsJsonAsync(contracts, Terms(proposal, "明德评估中心", evaluatorId, signedOn), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.not_awarded");
        await SendAsync(admin.PostAsync(Path($"/api/socialorgs/calls/{call}/awards"), null, Cancellation));
        await (await admin.PostAsJsonAsync(contracts, Terms(proposal, "东街道办事处", evaluatorId, signedOn), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.parties_not_distinct");
        var signed = await SendAsync(admin.PostAsJsonAsync(contracts, Terms(proposal, "明德评估中心", evaluatorId, signedOn), Cancellation), HttpStatusCode.Created);
        var id = signed.GetProperty("id").GetGuid();
        Assert.Equal([9_000m, 12_000m, 9_000m], signed.GetProperty("tranches").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()));
        var funded = await SendAsync(admin.GetAsync(Path($"/api/socialorgs/projects?organisationId={signed.GetProperty("organisationId").GetGuid()}"), Cancellation));
        var project = Assert.Single(funded.GetProperty("items").EnumerateArray());
        Assert.Equal(("funded", id, signedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (project.GetProperty("funding").GetString(), project.GetProperty("contractId").GetGuid(), project.GetProperty("startsOn").GetString()));
        var details = await SendAsync(admin.GetAsync(Path($"/api/socialorgs/projects/{project.GetProperty("id").GetGuid()}"), Cancellation));
        Assert.Equal(["建立探访台账", "完成 20 户入户探访"], details.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("milestone").GetProperty("title").GetString()));
        Assert.Single(details.GetProperty("links").GetProperty("demands").EnumerateArray());
        await (await admin.PostAsJsonAsync(contracts, Terms(proposal, "明德评估中心", evaluatorId, signedOn), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.already_contracted");

        var late = await SendAsync(admin.GetAsync(Path("/api/socialorgs/late-payments?unpaid=true"), Cancellation));
        var overdue = Assert.Single(late.EnumerateArray(), l => l.GetProperty("contractId").GetGuid() == id);
        Assert.Equal((1, today.DayNumber - signedOn.DayNumber), (overdue.GetProperty("tranche").GetProperty("number").GetInt32(), overdue.GetProperty("tranche").GetProperty("daysLate").GetInt32()));

        await (await admin.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/tranches/2/payment", new { paidOn = today }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.tranche_gate_not_passed");
        await SendAsync(admin.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/tranches/1/payment", new { paidOn = today }, Cancellation));
        var paidLate = await SendAsync(admin.GetAsync(Path("/api/socialorgs/late-payments"), Cancellation));
        Assert.Contains(paidLate.EnumerateArray(), l => l.GetProperty("contractId").GetGuid() == id && l.GetProperty("tranche").GetProperty("paidOn").GetString() is not null);
        var stillUnpaid = await SendAsync(admin.GetAsync(Path("/api/socialorgs/late-payments?unpaid=true"), Cancellation));
        Assert.DoesNotContain(stillUnpaid.EnumerateArray(), l => l.GetProperty("contractId").GetGuid() == id);

        await (await admin.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/evaluations", new { kind = "mid_term", grade = "a", findings = "自评" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.contract_not_found");
        var failed = await SendAsync(evaluator.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/evaluations",
            new { kind = "mid_term", grade = "c", findings = "探访台账缺失", beneficiaryRatings = new[] { 2, 3 } }, Cancellation));
        Assert.Equal(2.5m, failed.GetProperty("evaluations")[0].GetProperty("meanRating").GetDecimal());
        await (await admin.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/tranches/2/payment", new { paidOn = today }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.tranche_gate_not_passed");
        await SendAsync(admin.PutAsJsonAsync($"/api/socialorgs/contracts/{id}/remedial-plan", new { plan = "一个月内补齐台账" }, Cancellation));
        await SendAsync(admin.PostAsync(Path($"/api/socialorgs/contracts/{id}/remedial-plan/acceptance"), null, Cancellation));
        var paid = await SendAsync(admin.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/tranches/2/payment", new { paidOn = today }, Cancellation));
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), paid.GetProperty("tranches")[1].GetProperty("paidOn").GetString());
    }

    [Fact]
    public async Task TenantIsolation_AnotherDistrictAndAStranger_FindNoContract_AndChangeNothing()
    {
        var (admin, call, proposals, reviewers) = await PanelApiTests.ArrangeAsync(fixture, 100_000m, 20_000m);
        await PanelApiTests.FirstScoreAfterTheDeadlineAsync(reviewers[0], proposals[0], PanelApiTests.Scores(4, 4));
        await SendAsync(PanelApiTests.ScoreAsync(reviewers[1], proposals[0], PanelApiTests.Scores(4, 4)), HttpStatusCode.Created);
        await SendAsync(admin.PostAsync(Path($"/api/socialorgs/calls/{call}/awards"), null, Cancellation));
        var today = DistrictClock.Today(DateTimeOffset.UtcNow);
        var id = (await SendAsync(admin.PostAsJsonAsync($"/api/socialorgs/calls/{call}/contracts", Terms(proposals[0], "明德评估中心", reviewers[2].UserId, today), Cancellation),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: SocialOrgsFixture.Other);
        var stranger = await fixture.MemberClientAsync(PlatformRoleNames.Resident);

        foreach (var client in new[] { other, stranger })
        {
            await (await client.GetAsync(Path($"/api/socialorgs/contracts/{id}"), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.contract_not_found");
            await (await client.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/evaluations", new { kind = "mid_term", grade = "a", findings = "好" }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.contract_not_found");
            await (await client.PutAsJsonAsync($"/api/socialorgs/contracts/{id}/remedial-plan", new { plan = "改" }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.contract_not_found");
        }

        await (await other.PostAsJsonAsync($"/api/socialorgs/contracts/{id}/tranches/1/payment", new { paidOn = today }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.contract_not_found");
        await (await other.PostAsync(Path($"/api/socialorgs/contracts/{id}/remedial-plan/acceptance"), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.contract_not_found");
        await (await other.PostAsJsonAsync($"/api/socialorgs/calls/{call}/contracts", Terms(proposals[0], "明德评估中心", "x", today), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");
        var otherLate = await SendAsync(other.GetAsync(Path("/api/socialorgs/late-payments"), Cancellation));
        Assert.DoesNotContain(otherLate.EnumerateArray(), l => l.GetProperty("contractId").GetGuid() == id);

        var unchanged = await SendAsync(reviewers[2].Client.GetAsync(Path($"/api/socialorgs/contracts/{id}"), Cancellation));
        Assert.Empty(unchanged.GetProperty("evaluations").EnumerateArray());
        Assert.All(unchanged.GetProperty("tranches").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("paidOn").ValueKind));
    }
}
