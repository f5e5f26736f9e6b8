using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.SocialOrgs.Contracts;
using Platform.Testing;

namespace Platform.SocialOrgs.Tests;

/// <summary>Funding calls and proposals over HTTP against real PostgreSQL, events through the outbox to real RabbitMQ.</summary>
public sealed class FundingApiTests(SocialOrgsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    internal static readonly object PanelRubric = new
    {
        name = "公益创投评审",
        criteria = new[] { new { name = "需求契合", weight = 2m }, new { name = "可行性", weight = 1m } },
        sproutThreshold = 1m,
        saplingThreshold = 2m,
        treeThreshold = 3m,
        graduationThreshold = 3m,
    };

    private static async Task<JsonElement> SendAsync(Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await request).AssertOkAsync(status);

    internal static object Call(Guid rubricId, DateTimeOffset opensAt, DateTimeOffset closesAt, decimal budget = 100_000m) => new
    {
        title = "2027年东街道公益创投",
        funderKind = "street_unit",
        funderName = "东街道办事处",
        budget,
        categories = new[] { "elderly", "children" },
        opensAt,
        closesAt,
        rubricId,
    };

    internal static object Proposal(decimal amount = 30_000m, string category = "elderly", decimal secondLine = 18_000m, Guid? demandId = null, object[]? hotSpots = null) => new
    {
        title = "独居老人探访",
        category,
        needs = "东一社区独居老人缺少日常探访。",
        demandIds = new[] { demandId ?? Guid.NewGuid() },
        hotSpots = hotSpots ?? [],
        beneficiaries = 40,
        beneficiaryGroup = "独居老人",
        amount,
        budgetLines = new[] { new { item = "活动物料", amount = 12_000m }, new { item = "志愿者培训", amount = secondLine } },
        milestones = new[] { new { title = "完成 20 户入户探访", dueOn = "2027-06-30" }, new { title = "建立探访台账", dueOn = "2027-05-01" } },
    };

    /// <summary>A district admin, an open call (closing after <paramref name="openFor"/>), and a filed organisation with a member acting for it.</summary>
    private async Task<(HttpClient Admin, Guid Call, Guid Organisation, HttpClient Member)> ArrangeAsync(TimeSpan? openFor = null)
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var rubric = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/rubrics", PanelRubric, Cancellation), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        var call = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/calls", Call(rubric, now.AddMinutes(-1), now + (openFor ?? TimeSpan.FromHours(1))), Cancellation), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var organisation = (await RegistryApiTests.EnterAsync(admin, RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
        await SendAsync(admin.PostAsync(new Uri($"/api/socialorgs/organisations/{organisation}/file", UriKind.Relative), null, Cancellation));
        var (userId, token) = await fixture.Identity.MemberAsync(SocialOrgsFixture.Demo, PlatformRoleNames.SocialOrganisation, null);
        await SendAsync(admin.PostAsJsonAsync($"/api/socialorgs/organisations/{organisation}/members", new { userId }, Cancellation));
        return (admin, call, organisation, fixture.Client(token));
    }

    [Fact]
    public async Task Proposal_DraftRewriteAndSubmit_FreezesIt_AndPublishesThroughTheOutbox()
    {
        var (admin, call, organisation, member) = await ArrangeAsync();
        var opened = await fixture.RecordedAsync<FundingCallOpenedIntegrationEvent>(e => e.CallId == call);
        Assert.Equal((SocialOrgsFixture.Demo.Id, 100_000m), (opened.TenantId, opened.Budget));
        var write = $"/api/socialorgs/calls/{call}/proposals/{organisation}";
        var demand = Guid.NewGuid();

        var drafted = await SendAsync(member.PutAsJsonAsync(write, Proposal(), Cancellation), HttpStatusCode.Created);
        var id = drafted.GetProperty("id").GetGuid();
        Assert.Equal("draft", drafted.GetProperty("status").GetString());
        Assert.Equal(["2027-05-01", "2027-06-30"], drafted.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("dueOn").GetString()));
        var rewritten = await SendAsync(member.PutAsJsonAsync(write, Proposal(amount: 30_000.50m, secondLine: 18_000.50m, demandId: demand), Cancellation));
        Assert.Equal((id, 30_000.50m), (rewritten.GetProperty("id").GetGuid(), rewritten.GetProperty("amount").GetDecimal()));

        var submitted = await SendAsync(member.PostAsync(new Uri($"/api/socialorgs/proposals/{id}/submit", UriKind.Relative), null, Cancellation));
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        await (await member.PutAsJsonAsync(write, Proposal(), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.proposal_submitted");
        var recorded = await fixture.RecordedAsync<ProposalSubmittedIntegrationEvent>(e => e.ProposalId == id);
        Assert.Equal((call, organisation, 30_000.50m, demand), (recorded.CallId, recorded.OrganisationId, recorded.Amount, Assert.Single(recorded.DemandIds)));

        var listed = await SendAsync(admin.GetAsync(new Uri($"/api/socialorgs/calls/{call}/proposals", UriKind.Relative), Cancellation));
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var open = await SendAsync(member.GetAsync(new Uri("/api/socialorgs/calls?phase=open&pageSize=100", UriKind.Relative), Cancellation));
        Assert.Contains(open.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == call && c.GetProperty("phase").GetString() == "open");
    }

    [Fact]
    public async Task BadInput_AnswersStableCodes_AndChangesNothing()
    {
        var (admin, call, organisation, member) = await ArrangeAsync();
        var write = $"/api/socialorgs/calls/{call}/proposals/{organisation}";

        var badCall = await (await admin.PostAsJsonAsync("/api/socialorgs/calls", Call(Guid.NewGuid(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(-1), budget: 0), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["budget", "closesAt", "rubricId"], badCall.GetProperty("errors").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/socialorgs/calls", new { }, Cancellation)).StatusCode);

        var notAddingUp = await (await member.PutAsJsonAsync(write, Proposal(secondLine: 17_999.99m), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("29999.99", notAddingUp.GetProperty("errors").GetProperty("budgetLines")[0].GetString(), StringComparison.Ordinal);
        await (await member.PutAsJsonAsync(write, Proposal(category: "culture"), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.category_not_in_call");
        var unfiled = (await RegistryApiTests.EnterAsync(admin, RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
        await (await admin.PutAsJsonAsync($"/api/socialorgs/calls/{call}/proposals/{unfiled}", Proposal(), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.not_eligible");
        await (await member.PutAsJsonAsync($"/api/socialorgs/calls/{Guid.NewGuid()}/proposals/{organisation}", Proposal(), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");

        var proposals = await SendAsync(admin.GetAsync(new Uri($"/api/socialorgs/calls/{call}/proposals", UriKind.Relative), Cancellation));
        Assert.Equal(0, proposals.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Window_BeforeItOpensAndAfterItCloses_NothingIsDraftedChangedOrSubmitted()
    {
        var (admin, call, organisation, member) = await ArrangeAsync(openFor: TimeSpan.FromSeconds(15));
        var write = $"/api/socialorgs/calls/{call}/proposals/{organisation}";
        var id = (await SendAsync(member.PutAsJsonAsync(write, Proposal(), Cancellation), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Rewriting the same content changes nothing until the deadline, then is refused.
        await Eventually.HoldsAsync(async () =>
            (await member.PutAsJsonAsync(write, Proposal(), Cancellation)).StatusCode == HttpStatusCode.Conflict, Cancellation, TimeSpan.FromSeconds(60));
        await (await member.PutAsJsonAsync(write, Proposal(), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.call_window_closed");
        await (await member.PostAsync(new Uri($"/api/socialorgs/proposals/{id}/submit", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.call_window_closed");
        var unchanged = await SendAsync(member.GetAsync(new Uri($"/api/socialorgs/proposals/{id}", UriKind.Relative), Cancellation));
        Assert.Equal("draft", unchanged.GetProperty("status").GetString());

        var rubric = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/rubrics", PanelRubric, Cancellation), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var upcoming = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/calls", Call(rubric, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(30)), Cancellation), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await (await member.PutAsJsonAsync($"/api/socialorgs/calls/{upcoming}/proposals/{organisation}", Proposal(), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.call_not_yet_open");
    }

    [Fact]
    public async Task SocialOrgUser_SeesAndWritesOnlyTheirOwnOrganisationsProposals()
    {
        var (_, call, organisation, member) = await ArrangeAsync();
        var id = (await SendAsync(member.PutAsJsonAsync($"/api/socialorgs/calls/{call}/proposals/{organisation}", Proposal(), Cancellation), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var stranger = await fixture.MemberClientAsync(PlatformRoleNames.SocialOrganisation);

        await (await stranger.GetAsync(new Uri($"/api/socialorgs/proposals/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.proposal_not_found");
        await (await stranger.PostAsync(new Uri($"/api/socialorgs/proposals/{id}/submit", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.proposal_not_found");
        await (await stranger.PutAsJsonAsync($"/api/socialorgs/calls/{call}/proposals/{organisation}", Proposal(), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        var listed = await SendAsync(stranger.GetAsync(new Uri($"/api/socialorgs/calls/{call}/proposals", UriKind.Relative), Cancellation));
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TenantIsolation_AnotherDistrictsCallAndProposal_AnswerNotFoundOnEveryEndpoint()
    {
        var (admin, call, organisation, member) = await ArrangeAsync();
        var id = (await SendAsync(member.PutAsJsonAsync($"/api/socialorgs/calls/{call}/proposals/{organisation}", Proposal(), Cancellation), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: SocialOrgsFixture.Other);

        await (await other.GetAsync(new Uri($"/api/socialorgs/calls/{call}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");
        await (await other.GetAsync(new Uri($"/api/socialorgs/calls/{call}/proposals", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.call_not_found");
        await (await other.GetAsync(new Uri($"/api/socialorgs/proposals/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.proposal_not_found");
        await (await other.PostAsync(new Uri($"/api/socialorgs/proposals/{id}/submit", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.proposal_not_found");
        await (await other.PutAsJsonAsync($"/api/socialorgs/calls/{call}/proposals/{organisation}", Proposal(), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        var calls = await SendAsync(other.GetAsync(new Uri("/api/socialorgs/calls?pageSize=100", UriKind.Relative), Cancellation));
        Assert.DoesNotContain(calls.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == call);

        var unchanged = await SendAsync(admin.GetAsync(new Uri($"/api/socialorgs/proposals/{id}", UriKind.Relative), Cancellation));
        Assert.Equal("draft", unchanged.GetProperty("status").GetString());
    }
}
