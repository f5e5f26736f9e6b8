using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.SocialOrgs.Contracts;
using Platform.Testing;

namespace Platform.SocialOrgs.Tests;

/// <summary>The review panel and the awards over HTTP against real PostgreSQL, the published awards through the outbox.</summary>
public sealed class PanelApiTests(SocialOrgsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SendAsync(Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await request).AssertOkAsync(status);

    internal static object Scores(int fit, int feasibility) => new { scores = new Dictionary<string, int> { ["需求契合"] = fit, ["可行性"] = feasibility } };

    internal sealed record Reviewer(string UserId, HttpClient Client);

    /// <summary>
    /// A call with <paramref name="budget"/> whose window closes in a few seconds, one submitted proposal per amount (in
    /// that order of submission), and three reviewers on its panel: residents, since any user may be an expert.
    /// </summary>
    internal static async Task<(HttpClient Admin, Guid Call, Guid[] Proposals, Reviewer[] Reviewers)> ArrangeAsync(
        SocialOrgsFixture fixture, decimal budget, params decimal[] amounts)
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var rubric = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/rubrics", FundingApiTests.PanelRubric, Cancellation), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        var call = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/calls", FundingApiTests.Call(rubric, now.AddMinutes(-1), now.AddSeconds(8), budget), Cancellation), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var proposals = new List<Guid>();
        foreach (var amount in amounts)
        {
            var organisation = (await RegistryApiTests.EnterAsync(admin, RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
            await SendAsync(admin.PostAsync(new Uri($"/api/socialorgs/organisations/{organisation}/file", UriKind.Relative), null, Cancellation));
            var proposal = (await SendAsync(admin.PutAsJsonAsync($"/api/socialorgs/calls/{call}/proposals/{organisation}",
                FundingApiTests.Proposal(amount: amount, secondLine: amount - 12_000m), Cancellation), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await SendAsync(admin.PostAsync(new Uri($"/api/socialorgs/proposals/{proposal}/submit", UriKind.Relative), null, Cancellation));
            proposals.Add(proposal);
        }

        var reviewers = new List<Reviewer>();
        for (var i = 0; i < 3; i++)
        {
            var (userId, token) = await fixture.Identity.MemberAsync(SocialOrgsFixture.Demo, PlatformRoleNames.Resident, null);
            await SendAsync(admin.PostAsJsonAsync($"/api/socialorgs/calls/{call}/reviewers", new { userId }, Cancellation));
            reviewers.Add(new Reviewer(userId, fixture.Client(token)));
        }

        return (admin, call, [.. proposals], [.. reviewers]);
    }

    internal static Task<HttpResponseMessage> ScoreAsync(Reviewer reviewer, Guid proposal, object scores) =>
        reviewer.Client.PostAsJsonAsync($"/api/socialorgs/proposals/{proposal}/reviews", scores, Cancellation);

    /// <summary>
    /// Scores as soon as the call's window has closed (refused as not reviewable before; the domain tests pin that down,
    /// since on a loaded machine the arrangement may outlast the window).
    /// </summary>
    internal static async Task<JsonElement> FirstScoreAfterTheDeadlineAsync(Reviewer reviewer, Guid proposal, object scores)
    {
        HttpResponseMessage? scored = null;
        await Eventually.HoldsAsync(async () => (scored = await ScoreAsync(reviewer, proposal, scores)).StatusCode == HttpStatusCode.Created, Cancellation, TimeSpan.FromSeconds(60));
        return await scored!.AssertOkAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Panel_HidesScoresUntilOwnReview_ExcludesConflicts_AndPublishesTheRankingThroughTheOutbox()
    {
        // 50,000 yuan: the better proposal takes 30,000, the other 30,000 no longer fits.
        var (admin, call, proposals, reviewers) = await ArrangeAsync(fixture, 50_000m, 30_000m, 30_000m);
        var (weaker, stronger) = (proposals[0], proposals[1]);
        var (first, second, third) = (reviewers[0], reviewers[1], reviewers[2]);

        var own = await FirstScoreAfterTheDeadlineAsync(first, stronger, Scores(5, 5));
        Assert.Equal([first.UserId], own.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("reviewerId").GetString()));
        var hidden = await SendAsync(second.Client.GetAsync(new Uri($"/api/socialorgs/proposals/{stronger}/reviews", UriKind.Relative), Cancellation));
        Assert.True(hidden.GetProperty("hidden").GetBoolean());
        Assert.Empty(hidden.GetProperty("reviews").EnumerateArray());
        var both = await SendAsync(ScoreAsync(second, stronger, Scores(4, 4)), HttpStatusCode.Created);
        Assert.Equal(4.5m, both.GetProperty("score").GetDecimal());

        await SendAsync(third.Client.PostAsJsonAsync($"/api/socialorgs/proposals/{stronger}/conflicts", new { reason = "曾在该机构任职" }, Cancellation));
        await (await ScoreAsync(third, stronger, Scores(1, 1))).AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.reviewer_conflicted");
        await (await ScoreAsync(third, weaker, Scores(6, 1))).AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.score_outside_scale");
        var queue = await SendAsync(third.Client.GetAsync(new Uri($"/api/socialorgs/calls/{call}/review-queue", UriKind.Relative), Cancellation));
        Assert.Equal(["to_review", "conflicted"], queue.EnumerateArray().Select(q => q.GetProperty("standing").GetString()));
        foreach (var (reviewer, fit) in new[] { (first, 3), (second, 2), (third, 3) })
        {
            await SendAsync(ScoreAsync(reviewer, weaker, Scores(fit, fit)), HttpStatusCode.Created);
        }

        var member = await fixture.MemberClientAsync(PlatformRoleNames.SocialOrganisation);
        await (await member.GetAsync(new Uri($"/api/socialorgs/calls/{call}/ranking", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.ranking_not_published");
        var published = await SendAsync(admin.PostAsync(new Uri($"/api/socialorgs/calls/{call}/awards", UriKind.Relative), null, Cancellation));
        var lines = published.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("proposalId").GetGuid(), l.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([(stronger, "awarded"), (weaker, "skipped_over_budget")], lines);

        var notice = await SendAsync(member.GetAsync(new Uri($"/api/socialorgs/calls/{call}/ranking", UriKind.Relative), Cancellation));
        Assert.True(notice.GetProperty("published").GetBoolean());
        var recorded = await fixture.RecordedAsync<AwardsPublishedIntegrationEvent>(e => e.CallId == call);
        Assert.Equal((SocialOrgsFixture.Demo.Id, 50_000m), (recorded.TenantId, recorded.Budget));
        Assert.Equal([(stronger, "awarded", 4.5m), (weaker, "skipped_over_budget", 8m / 3)], recorded.Lines.Select(l => (l.ProposalId, l.Outcome, l.Score!.Value)));

        await (await admin.PostAsync(new Uri($"/api/socialorgs/calls/{call}/awards", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.awards_published");
        await (await third.Client.PostAsJsonAsync($"/api/socialorgs/proposals/{weaker}/conflicts", new { reason = "迟来的申报" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.awards_published");
    }

    [Fact]
    public async Task NonReviewer_AndAnotherDistrict_FindNothing_AndChangeNothing()
    {
        var (admin, call, proposals, reviewers) = await ArrangeAsync(fixture, 100_000m, 20_000m);
        var outsider = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: SocialOrgsFixture.Other);

        await (await outsider.GetAsync(new Uri($"/api/socialorgs/calls/{call}/review-queue", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.not_a_reviewer");
        await (await outsider.PostAsJsonAsync($"/api/socialorgs/proposals/{proposals[0]}/reviews", Scores(5, 5), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.proposal_not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/socialorgs/calls/{call}/reviewers", new { userId = "me" }, Cancellation)).StatusCode);

        await (await other.PostAsJsonAsync($"/api/socialorgs/calls/{call}/reviewers", new { userId = "x" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");
        await (await other.GetAsync(new Uri($"/api/socialorgs/calls/{call}/panel", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");
        await (await other.GetAsync(new Uri($"/api/socialorgs/calls/{call}/ranking", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");
        await (await other.PostAsync(new Uri($"/api/socialorgs/calls/{call}/awards", UriKind.Relative), null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");
        await (await other.GetAsync(new Uri($"/api/socialorgs/proposals/{proposals[0]}/reviews", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.proposal_not_found");

        var panel = await SendAsync(admin.GetAsync(new Uri($"/api/socialorgs/calls/{call}/panel", UriKind.Relative), Cancellation));
        Assert.Equal(reviewers.Select(r => r.UserId), panel.GetProperty("reviewers").EnumerateArray().Select(r => r.GetString()));
        await (await admin.PostAsJsonAsync($"/api/socialorgs/calls/{call}/reviewers", new { userId = reviewers[0].UserId }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.already_reviewer");
    }
}
