using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Residents.Contracts;
using Platform.Residents.Tests.Notices;
using Platform.Testing;

namespace Platform.Residents.Tests.Budgets;

/// <summary>Participatory budgets through the API: set up, projects, the vote with online and paper ballots, the result and its event.</summary>
public sealed class BudgetApiTests(ResidentsFixture fixture)
{
    private const string Budgets = "/api/budgets";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<Guid> CreateAsync(HttpClient worker, object body) =>
        (await (await worker.PostAsJsonAsync(Budgets, body, Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task AddProjectsAsync(HttpClient worker, Guid budget, params (string Code, string Cost)[] projects)
    {
        foreach (var (code, cost) in projects)
        {
            await (await worker.PostAsJsonAsync($"{Budgets}/{budget}/projects", new { code, title = "项目" + code, cost }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        }
    }

    private static Task<HttpResponseMessage> BallotAsync(HttpClient client, Guid budget, object body) => client.PostAsJsonAsync($"{Budgets}/{budget}/ballots", body, Cancellation);

    private static async Task<JsonElement> PostAsync(HttpClient client, string path) =>
        await (await client.PostAsync(new Uri(path, UriKind.Relative), null, Cancellation)).AssertOkAsync();

    [Fact]
    public async Task Budget_FromDraftToResult_CountsOnlineAndPaperBallotsOnce_AndPublishesTheTally()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var id = CreateAsync(worker, new
        {
            title = "幸福小区公益金",
            fund = "community_public_welfare",
            amount = "100000.00",
            nodeId = TestTerritory.CompoundA1,
            rule = "greedy",
            ballot = new { kind = "approval", maxChoices = 2 },
        });
        var budget = await id;
        await AddProjectsAsync(worker, budget, ("P1", "60000.00"), ("P2", "50000"), ("P3", "30000.00"));
        await (await worker.PostAsJsonAsync($"{Budgets}/{budget}/projects", new { code = "P1", title = "重复", cost = "1.00" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "budget.duplicate_code");
        await (await worker.PostAsJsonAsync($"{Budgets}/{budget}/projects", new { code = "P 4", title = "坏代码", cost = "1.00" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "budget.invalid_project");

        var (first, second, third) = (
            await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1, "101"),
            await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1b, "201"),
            await TestResidents.RegisterAsync(worker, TestTerritory.UnitA1, "102"));
        var child = await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1, "103", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12));
        var outsider = await TestResidents.RegisterAsync(await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin), TestTerritory.BuildingA2, "301");
        var (firstOnline, secondOnline) = (await TestResidents.LinkedClientAsync(fixture, worker, first), await TestResidents.LinkedClientAsync(fixture, worker, second));

        await (await BallotAsync(firstOnline, budget, new { projects = new[] { "P1" } })).AssertProblemAsync(HttpStatusCode.Conflict, "budget.invalid_transition");
        var opened = await PostAsync(worker, $"{Budgets}/{budget}/open");
        Assert.Equal(("open", "100000.00", "50000.00"), (opened.GetProperty("status").GetString(), opened.GetProperty("amount").GetString(), opened.GetProperty("projects")[1].GetProperty("cost").GetString()));
        await (await worker.PostAsJsonAsync($"{Budgets}/{budget}/projects", new { code = "P9", title = "太晚", cost = "1.00" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "budget.invalid_transition");

        await (await BallotAsync(firstOnline, budget, new { projects = new[] { "P1", "P3" } })).AssertOkAsync(HttpStatusCode.Created);
        await (await BallotAsync(worker, budget, new { residentId = second, projects = new[] { "P1", "P2" }, channel = "paper" })).AssertOkAsync(HttpStatusCode.Created);
        // The paper ballot counts for the resident: their online one would count them twice.
        await (await BallotAsync(secondOnline, budget, new { projects = new[] { "P3" } })).AssertProblemAsync(HttpStatusCode.Conflict, "budget.already_voted");
        await (await BallotAsync(worker, budget, new { residentId = first, projects = new[] { "P2" } })).AssertProblemAsync(HttpStatusCode.Conflict, "budget.already_voted");
        foreach (var refused in new[] { new[] { "P2", "P2" }, [], ["P7"], ["p2"], ["P1", "P2", "P3"] })
        {
            await (await BallotAsync(worker, budget, new { residentId = third, projects = refused })).AssertProblemAsync(HttpStatusCode.BadRequest, "budget.invalid_ballot");
        }

        await (await BallotAsync(worker, budget, new { residentId = child, projects = new[] { "P2" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "budget.not_eligible");
        await (await BallotAsync(worker, budget, new { residentId = outsider, projects = new[] { "P2" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "budget.not_eligible");
        await (await BallotAsync(worker, budget, new { residentId = third, projects = new[] { "P2", "P3" } })).AssertOkAsync(HttpStatusCode.Created);
        await (await worker.GetAsync(new Uri($"{Budgets}/{budget}/result", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "budget.not_closed");

        // Two votes each: the tie goes to the cheaper, so P3 then P2 (80,000), and P1 no longer fits.
        var closed = await PostAsync(worker, $"{Budgets}/{budget}/close");
        var result = await (await firstOnline.GetAsync(new Uri($"{Budgets}/{budget}/result", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(closed.ToString(), result.ToString());
        Assert.Equal(("greedy", "100000.00", "80000.00", 3), (result.GetProperty("rule").GetString(), result.GetProperty("amount").GetString(), result.GetProperty("spent").GetString(), result.GetProperty("ballots").GetInt32()));
        Assert.Equal(["P3", "P2"], result.GetProperty("selected").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(
            new (string?, int, bool, string?)[] { ("P1", 2, false, "did_not_fit"), ("P2", 2, true, null), ("P3", 2, true, null) },
            result.GetProperty("projects").EnumerateArray()
                .Select(p => (p.GetProperty("code").GetString(), p.GetProperty("votes").GetInt32(), p.GetProperty("selected").GetBoolean(), p.GetProperty("reason").GetString())).ToArray());
        await (await BallotAsync(worker, budget, new { residentId = child, projects = new[] { "P2" } })).AssertProblemAsync(HttpStatusCode.Conflict, "budget.invalid_transition");

        var published = await fixture.RecordedAsync<BudgetResultPublishedIntegrationEvent>(e => e.BudgetId == budget);
        Assert.Equal(("community_public_welfare", "greedy", 100000.00m, 80000.00m, 3), (published.Fund, published.Rule, published.Amount, published.Spent, published.Ballots));
        Assert.Equal(["P3", "P2"], published.Selected);
        Assert.Equal(ResidentsFixture.Demo.Id, published.TenantId);

        // The full tally is public, and nobody who voted is in it.
        var notice = await TestNotices.SingleAsync(fixture, budget, "budget_result");
        Assert.Equal(
            "共收到有效选票3张，计票规则：按票数依次入选。预算100000.00元，入选项目合计80000.00元。\n"
            + "入选 P3 项目P3：30000.00元，2票\n入选 P2 项目P2：50000.00元，2票\n未入选 P1 项目P1：60000.00元，2票（资金不足）",
            notice.GetProperty("body").GetString());
        Assert.All([first, second, third], voter => Assert.DoesNotContain(voter.ToString(), notice.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ballot_Knapsack_OverTheAmountOrUnderTheMinimumSpend_IsRefused()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2);
        var budget = await CreateAsync(worker, new
        {
            title = "党群服务经费",
            fund = "party_service",
            amount = 100000,
            nodeId = TestTerritory.CompoundA2,
            rule = "equal_shares",
            ballot = new { kind = "knapsack", minSpendShare = 0.5 },
        });
        await AddProjectsAsync(worker, budget, ("P1", "60000.00"), ("P2", "50000.00"), ("P3", "30000.00"));
        await PostAsync(worker, $"{Budgets}/{budget}/open");
        var voter = await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA2, "601");

        var over = await (await BallotAsync(worker, budget, new { residentId = voter, projects = new[] { "P1", "P2" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "budget.invalid_ballot");
        Assert.True(over.GetProperty("errors").TryGetProperty("projects", out _), over.ToString());
        await (await BallotAsync(worker, budget, new { residentId = voter, projects = new[] { "P3" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "budget.invalid_ballot");
        // Exactly the minimum share counts.
        await (await BallotAsync(worker, budget, new { residentId = voter, projects = new[] { "P2" } })).AssertOkAsync(HttpStatusCode.Created);

        var result = await PostAsync(worker, $"{Budgets}/{budget}/close");
        Assert.Equal(["P2"], result.GetProperty("selected").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal("not_enough_votes", result.GetProperty("projects")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Budget_Create_WithBadFieldsOrByAResident_IsRefused()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var missing = await (await worker.PostAsJsonAsync(Budgets, new { title = "x" }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "fund", "amount", "nodeId", "rule", "ballot.kind" })
        {
            Assert.True(missing.GetProperty("errors").TryGetProperty(field, out _), field + " in " + missing);
        }

        var valid = new { title = "x", fund = "other", amount = "10.005", nodeId = TestTerritory.CompoundA1, rule = "greedy", ballot = new { kind = "approval" } };
        await (await worker.PostAsJsonAsync(Budgets, valid, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "budget.invalid_argument");
        await (await worker.PostAsJsonAsync(Budgets, valid with { amount = "100.00", nodeId = TestTerritory.CompoundA2 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        await (await resident.PostAsJsonAsync(Budgets, valid with { amount = "100.00" }, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "budget.action_forbidden");
    }

    [Fact]
    public async Task Budget_OfAnotherDistrictOrOutsideTheScope_IsNotFound_AndChannelsBelongToTheirRoles()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var budget = await CreateAsync(worker, new { title = "隔离", fund = "other", amount = "1000.00", nodeId = TestTerritory.CompoundA1, rule = "greedy", ballot = new { kind = "approval" } });
        await AddProjectsAsync(worker, budget, ("A", "100.00"));
        var voter = await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1, "111");

        foreach (var stranger in new[] { await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other), await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2) })
        {
            await (await stranger.GetAsync(new Uri($"{Budgets}/{budget}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
            await (await stranger.GetAsync(new Uri($"{Budgets}/{budget}/result", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
            await (await stranger.PostAsJsonAsync($"{Budgets}/{budget}/projects", new { code = "B", title = "外", cost = "1.00" }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
            await (await stranger.PostAsync(new Uri($"{Budgets}/{budget}/open", UriKind.Relative), null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
            await (await stranger.PostAsync(new Uri($"{Budgets}/{budget}/close", UriKind.Relative), null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
            await (await BallotAsync(stranger, budget, new { residentId = voter, projects = new[] { "A" } })).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
            var listed = await (await stranger.GetAsync(new Uri(Budgets, UriKind.Relative), Cancellation)).AssertOkAsync();
            Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), b => b.GetProperty("id").GetGuid() == budget);
        }

        await PostAsync(worker, $"{Budgets}/{budget}/open");
        await (await BallotAsync(worker, budget, new { residentId = voter, projects = new[] { "A" }, channel = "online" })).AssertProblemAsync(HttpStatusCode.Forbidden, "budget.action_forbidden");
        await (await BallotAsync(worker, budget, new { projects = new[] { "A" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await BallotAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), budget, new { projects = new[] { "A" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "resident.no_linked_record");
        var online = await TestResidents.LinkedClientAsync(fixture, worker, voter);
        await (await BallotAsync(online, budget, new { projects = new[] { "A" }, channel = "paper" })).AssertProblemAsync(HttpStatusCode.Forbidden, "budget.action_forbidden");
        await (await BallotAsync(online, budget, new { residentId = Guid.NewGuid(), projects = new[] { "A" } })).AssertProblemAsync(HttpStatusCode.Forbidden, "budget.action_forbidden");
        await (await online.PostAsync(new Uri($"{Budgets}/{budget}/close", UriKind.Relative), null, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "budget.action_forbidden");
        var mine = await (await BallotAsync(online, budget, new { projects = new[] { "A" } })).AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal((voter, "online"), (mine.GetProperty("residentId").GetGuid(), mine.GetProperty("channel").GetString()));
        // A resident sees every budget of their district.
        Assert.Equal("open", (await (await online.GetAsync(new Uri($"{Budgets}/{budget}", UriKind.Relative), Cancellation)).AssertOkAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Close_WhileBallotsArrive_CountsEveryBallotAcceptedAndNoneAfter()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var budget = await CreateAsync(worker, new { title = "并发", fund = "other", amount = "1000.00", nodeId = TestTerritory.CompoundA1, rule = "equal_shares", ballot = new { kind = "approval" } });
        await AddProjectsAsync(worker, budget, ("A", "100.00"), ("B", "200.00"));
        var voters = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            voters.Add(await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1b, $"7{i:D2}"));
        }

        await PostAsync(worker, $"{Budgets}/{budget}/open");
        var ballots = voters.Select(voter => BallotAsync(worker, budget, new { residentId = voter, projects = new[] { "A" } })).ToList();
        var close = worker.PostAsync(new Uri($"{Budgets}/{budget}/close", UriKind.Relative), null, Cancellation);
        var answers = await Task.WhenAll(ballots);
        var result = await (await close).AssertOkAsync();

        // Each ballot either counted (201) or came after the close (409); none is lost in between.
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(accepted, result.GetProperty("ballots").GetInt32());
        Assert.Equal(accepted, result.GetProperty("projects")[0].GetProperty("votes").GetInt32());
    }
}
