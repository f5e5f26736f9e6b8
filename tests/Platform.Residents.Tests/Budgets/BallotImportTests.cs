using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests.Budgets;

/// <summary>Paper ballots imported from a file: every bad line reported with its reason, all or nothing, and once counted, one ballot per resident whatever the channel.</summary>
public sealed class BallotImportTests(ResidentsFixture fixture)
{
    private const string Budgets = "/api/budgets";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    [Fact]
    public async Task Import_WithABadLine_CountsNothing_AndAGoodFileCountsEveryBallotOnce()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var budget = (await (await worker.PostAsJsonAsync(Budgets, new
        {
            title = "纸质票导入",
            fund = "other",
            amount = "100000.00",
            nodeId = TestTerritory.CompoundA1,
            rule = "greedy",
            ballot = new { kind = "knapsack", maxChoices = 2 },
        }, Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var (code, cost) in new[] { ("P1", "60000.00"), ("P2", "50000.00"), ("P3", "30000.00") })
        {
            await (await worker.PostAsJsonAsync($"{Budgets}/{budget}/projects", new { code, title = "项目" + code, cost }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        }

        var imports = $"{Budgets}/{budget}/ballots/imports";
        var residents = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            residents.Add(await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1, $"71{i}"));
        }

        var child = await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1, "719", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12));
        var early = await worker.ImportAsync(imports, Csv("resident_id,projects", $"{residents[0]},P1"), "ballots.csv");
        Assert.Equal("failed", early.GetProperty("state").GetString());
        await (await worker.PostAsync(new Uri($"{Budgets}/{budget}/open", UriKind.Relative), null, Cancellation)).AssertOkAsync();

        var bad = await worker.ImportAsync(imports, Csv(
            "resident_id,projects",
            $"{residents[0]},P1;P3",
            $"{residents[1]},P1;P2",
            "not-an-id,P1",
            $"{residents[2]},P9",
            $"{residents[0]},P3",
            $"{child},P3",
            $"{residents[3]},P3;P3"), "ballots.csv");

        // Lines from the header as 1: over the amount, not an id, unknown code, twice in the file, under age, a repeated code.
        Assert.Equal("failed", bad.GetProperty("state").GetString());
        Assert.Equal([3, 4, 5, 6, 7, 8], bad.ErrorLines());
        var reasons = bad.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt32(), e => e.GetProperty("reason").GetString()!);
        Assert.Contains("line 2", reasons[6], StringComparison.Ordinal);
        Assert.StartsWith("resident_id:", reasons[4], StringComparison.Ordinal);
        Assert.StartsWith("projects:", reasons[5], StringComparison.Ordinal);
        // Nothing was counted: the first resident still votes online-or-paper once.
        await (await worker.PostAsJsonAsync($"{Budgets}/{budget}/ballots", new { residentId = residents[0], projects = new[] { "P2" } }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

        var good = await worker.ImportAsync(imports, Csv("居民编号,项目", $"{residents[1]},P1;P3", $"{residents[2]}, P2 ;P3", $"{residents[3]},P3"), "ballots.csv");
        Assert.Equal(("succeeded", 3), (good.GetProperty("state").GetString(), good.Summary("ballots")));
        var again = await worker.ImportAsync(imports, Csv("resident_id,projects", $"{residents[0]},P3"), "ballots.csv");
        Assert.Equal("failed", again.GetProperty("state").GetString());
        Assert.Contains("already", again.GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        await (await worker.PostAsync(new Uri($"{Budgets}/{budget}/close", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        var result = await (await worker.GetAsync(new Uri($"{Budgets}/{budget}/result", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(4, result.GetProperty("ballots").GetInt32());
        var votes = result.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("votes").GetInt32());
        Assert.Equal((1, 2, 3), (votes["P1"], votes["P2"], votes["P3"]));

        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await (await otherDistrict.GetAsync(new Uri(imports, UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2);
        await (await neighbour.GetAsync(new Uri(imports, UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "budget.not_found");
    }
}
