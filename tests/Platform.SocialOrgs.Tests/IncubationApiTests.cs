using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.SocialOrgs.Tests;

/// <summary>Incubation over HTTP against real PostgreSQL: rubrics, the lifecycle, stuck flags, refusals, isolation.</summary>
public sealed class IncubationApiTests(SocialOrgsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly object StandardRubric = new
    {
        name = "社区社会组织孵化评估",
        criteria = new[] { new { name = "内部治理", weight = 3m }, new { name = "服务成效", weight = 5m }, new { name = "财务规范", weight = 2m } },
        sproutThreshold = 2.5m,
        saplingThreshold = 3.5m,
        treeThreshold = 4.5m,
        graduationThreshold = 4m,
    };

    private static object Scores(int governance, int results, int finance) => new Dictionary<string, int> { ["内部治理"] = governance, ["服务成效"] = results, ["财务规范"] = finance };

    private static async Task<JsonElement> PostAsync(HttpClient client, string uri, object? body, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(uri, body ?? new { }, Cancellation)).AssertOkAsync(status);

    private async Task<(HttpClient Worker, Guid Organisation, Guid Incubation)> AcceptedAsync()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var organisation = (await RegistryApiTests.EnterAsync(worker, RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
        var incubation = (await PostAsync(worker, "/api/socialorgs/incubations", new { organisationId = organisation }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(worker, $"/api/socialorgs/incubations/{incubation}/review", new { accept = true });
        return (worker, organisation, incubation);
    }

    [Fact]
    public async Task Lifecycle_ApplyReviewAssessAndGraduate_AdvancesStagesByWeightedTotals()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var organisation = (await RegistryApiTests.EnterAsync(worker, RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
        var (userId, token) = await fixture.Identity.MemberAsync(SocialOrgsFixture.Demo, PlatformRoleNames.SocialOrganisation, null);
        await PostAsync(worker, $"/api/socialorgs/organisations/{organisation}/members", new { userId });
        var member = fixture.Client(token);

        var applied = await PostAsync(member, "/api/socialorgs/incubations", new { organisationId = organisation }, HttpStatusCode.Created);
        var id = applied.GetProperty("id").GetGuid();
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        await (await member.PostAsJsonAsync("/api/socialorgs/incubations", new { organisationId = organisation }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.already_incubating");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/socialorgs/incubations/{id}/review", new { accept = true }, Cancellation)).StatusCode);

        var accepted = await PostAsync(worker, $"/api/socialorgs/incubations/{id}/review", new { accept = true });
        Assert.Equal(("in_incubation", "seed"), (accepted.GetProperty("status").GetString(), accepted.GetProperty("stage").GetString()));
        var supported = await (await worker.PatchJsonAsync($"/api/socialorgs/incubations/{id}/support", new { space = "孵化基地 203 室", mentor = "张老师", seedFund = 20000.50m })).AssertOkAsync();
        Assert.Equal(20000.50m, supported.GetProperty("seedFund").GetDecimal());
        await PostAsync(worker, $"/api/socialorgs/incubations/{id}/training", null);
        var rubric = (await PostAsync(worker, "/api/socialorgs/rubrics", StandardRubric, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var first = await PostAsync(worker, $"/api/socialorgs/incubations/{id}/assessments", new { rubricId = rubric, scores = Scores(4, 3, 5) });
        var assessment = Assert.Single(first.GetProperty("assessments").EnumerateArray());
        Assert.Equal(3.7m, assessment.GetProperty("weightedTotal").GetDecimal());
        Assert.Equal(5, assessment.GetProperty("scores").GetProperty("财务规范").GetInt32());
        Assert.Equal("sapling", first.GetProperty("stage").GetString());
        await (await worker.PostAsync(new Uri($"/api/socialorgs/incubations/{id}/graduate", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.graduation_requirements_not_met");

        var second = await PostAsync(worker, $"/api/socialorgs/incubations/{id}/assessments", new { rubricId = rubric, scores = Scores(5, 5, 4) });
        Assert.Equal(("tree", 4.8m), (second.GetProperty("stage").GetString(), second.GetProperty("assessments")[1].GetProperty("weightedTotal").GetDecimal()));
        // Graduation needs a registered organisation as well as the threshold.
        await (await worker.PostAsync(new Uri($"/api/socialorgs/incubations/{id}/graduate", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.graduation_requirements_not_met");
        await PostAsync(worker, $"/api/socialorgs/organisations/{organisation}/file", null);
        await PostAsync(worker, $"/api/socialorgs/organisations/{organisation}/register", new { creditCode = TestCodes.CreditCode(), legalForm = "social_group" });
        var graduated = await PostAsync(worker, $"/api/socialorgs/incubations/{id}/graduate", null);
        Assert.Equal("graduated", graduated.GetProperty("status").GetString());

        var own = await (await member.GetAsync(new Uri($"/api/socialorgs/incubations/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(2, own.GetProperty("assessments").GetArrayLength());
    }

    [Fact]
    public async Task BadInput_AnswersStableCodes_AndChangesNothing()
    {
        var (worker, _, id) = await AcceptedAsync();
        var rubric = (await PostAsync(worker, "/api/socialorgs/rubrics", StandardRubric, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var assess = $"/api/socialorgs/incubations/{id}/assessments";

        await (await worker.PostAsJsonAsync(assess, new { rubricId = rubric, scores = Scores(6, 3, 3) }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.score_outside_scale");
        await (await worker.PostAsJsonAsync(assess, new { rubricId = rubric, scores = new Dictionary<string, int> { ["内部治理"] = 3 } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.invalid_scores");
        await (await worker.PostAsJsonAsync(assess, new { rubricId = Guid.NewGuid(), scores = Scores(3, 3, 3) }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.rubric_not_found");
        var badRubric = await (await worker.PostAsJsonAsync("/api/socialorgs/rubrics", new { name = "坏量表", criteria = Array.Empty<object>(), sproutThreshold = 1, saplingThreshold = 2, treeThreshold = 3, graduationThreshold = 3 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badRubric.GetProperty("errors").TryGetProperty("criteria", out _));
        await (await worker.PostAsJsonAsync($"/api/socialorgs/incubations/{id}/exit", new { reason = " " }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.reason_required");
        await (await worker.PostAsJsonAsync($"/api/socialorgs/incubations/{id}/review", new { accept = true }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.incubation_invalid_transition");
        await (await worker.PatchJsonAsync($"/api/socialorgs/incubations/{id}/support", new { seedFund = -1m }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.negative_seed_fund");

        var unchanged = await (await worker.GetAsync(new Uri($"/api/socialorgs/incubations/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(("in_incubation", "seed", 0, 0m), (unchanged.GetProperty("status").GetString(), unchanged.GetProperty("stage").GetString(),
            unchanged.GetProperty("assessments").GetArrayLength(), unchanged.GetProperty("seedFund").GetDecimal()));
    }

    [Fact]
    public async Task Stuck_AnOrganisationLongerThanTheConfiguredTimeInItsStage_IsFlaggedAndListed()
    {
        var (worker, _, id) = await AcceptedAsync();
        var fresh = await (await worker.GetAsync(new Uri($"/api/socialorgs/incubations/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.False(fresh.GetProperty("stuck").GetBoolean());

        await Eventually.HoldsAsync(async () =>
        {
            var stuck = await (await worker.GetAsync(new Uri("/api/socialorgs/incubations?stuck=true&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
            return stuck.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id && i.GetProperty("stuck").GetBoolean());
        }, Cancellation, SocialOrgsFixture.StuckAfter * 10);
    }

    [Fact]
    public async Task TenantIsolation_AnotherDistrictsIncubation_AnswersNotFoundOnEveryEndpoint()
    {
        var (worker, organisation, id) = await AcceptedAsync();
        var rubric = (await PostAsync(worker, "/api/socialorgs/rubrics", StandardRubric, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: SocialOrgsFixture.Other);

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => other.GetAsync(new Uri($"/api/socialorgs/incubations/{id}", UriKind.Relative), Cancellation),
            () => other.PostAsJsonAsync($"/api/socialorgs/incubations/{id}/review", new { accept = false, reason = "x" }, Cancellation),
            () => other.PatchJsonAsync($"/api/socialorgs/incubations/{id}/support", new { mentor = "外人" }),
            () => other.PostAsync(new Uri($"/api/socialorgs/incubations/{id}/training", UriKind.Relative), null, Cancellation),
            () => other.PostAsJsonAsync($"/api/socialorgs/incubations/{id}/assessments", new { rubricId = rubric, scores = Scores(5, 5, 5) }, Cancellation),
            () => other.PostAsync(new Uri($"/api/socialorgs/incubations/{id}/graduate", UriKind.Relative), null, Cancellation),
            () => other.PostAsJsonAsync($"/api/socialorgs/incubations/{id}/exit", new { reason = "x" }, Cancellation),
        })
        {
            await (await request()).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.incubation_not_found");
        }

        await (await other.PostAsJsonAsync("/api/socialorgs/incubations", new { organisationId = organisation }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        var rubrics = await (await other.GetAsync(new Uri("/api/socialorgs/rubrics?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(rubrics.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == rubric);
        var list = await (await other.GetAsync(new Uri("/api/socialorgs/incubations?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        var unchanged = await (await worker.GetAsync(new Uri($"/api/socialorgs/incubations/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(("in_incubation", 0, 0), (unchanged.GetProperty("status").GetString(), unchanged.GetProperty("assessments").GetArrayLength(), unchanged.GetProperty("trainingSessionsAttended").GetInt32()));
    }
}
