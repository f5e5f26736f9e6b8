using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Contracts;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>Member and unit reporting over HTTP, against real PostgreSQL.</summary>
[Collection(MemberReporting.Collection)]
public sealed class ReportingApiTests(PartyBuildingFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MemberReport_SubmittedThenConfirmed_IsSeenByTheCommunityAndTheMember()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var version = await CurrentCommitmentAsync(PartyBuildingFixture.Demo);

        var report = await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(street.Community, workplace, version, addressNodeId: street.Building));

        Assert.Equal("submitted", report.GetProperty("state").GetProperty("status").GetString());
        Assert.Equal("employment", report.GetProperty("branch").GetString());
        Assert.Contains("*", report.GetProperty("idNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(version, report.GetProperty("commitmentVersion").GetInt32());
        var id = report.GetProperty("id").GetGuid();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, street.Community);
        var confirmed = await (await worker.PostAsync(new Uri($"/api/partybuilding/reports/{id}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        var announced = await fixture.RecordedAsync<PartyMemberReportConfirmedIntegrationEvent>(e => e.ReportId == id);
        Assert.Equal((PartyBuildingFixture.Demo.Id, street.Community, workplace), (announced.TenantId, announced.CommunityNodeId, announced.WorkplaceId));
        var mine = await (await member.GetAsync(new Uri("/api/partybuilding/member-reports", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("confirmed", Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("state").GetProperty("status").GetString());
        var community = await (await worker.GetAsync(new Uri($"/api/partybuilding/member-reports?status=confirmed&workplace={workplace}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(id, Assert.Single(community.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task MemberReport_ToASecondCommunityWhileOneIsOpen_AnswersConflict_AndAfterEndingIsAccepted()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var version = await CurrentCommitmentAsync(PartyBuildingFixture.Demo);
        var first = await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(street.Community, workplace, version));

        await (await member.PostAsJsonAsync("/api/partybuilding/member-reports", MemberReporting.MemberReport(TestTerritory.CommunityA2, workplace, version), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.already_reported");
        var ended = await (await member.PostAsync(new Uri($"/api/partybuilding/reports/{first.GetProperty("id").GetGuid()}/end", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        Assert.Equal("ended", ended.GetProperty("status").GetString());
        await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(TestTerritory.CommunityA2, workplace, version));

        var mine = await (await member.GetAsync(new Uri("/api/partybuilding/member-reports", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(["submitted", "ended"], mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("state").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task MemberReport_Returned_CarriesTheReason_AndTheMemberMayReportAgain()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var version = await CurrentCommitmentAsync(PartyBuildingFixture.Demo);
        var id = (await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(street.Community, workplace, version))).GetProperty("id").GetGuid();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, street.Community);

        await (await worker.PostAsJsonAsync($"/api/partybuilding/reports/{id}/return", new { reason = " " }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var returned = await (await worker.PostAsJsonAsync($"/api/partybuilding/reports/{id}/return", new { reason = "地址与实际居住地不符" }, Cancellation)).AssertOkAsync();

        Assert.Equal("地址与实际居住地不符", returned.GetProperty("returnReason").GetString());
        await (await worker.PostAsync(new Uri($"/api/partybuilding/reports/{id}/confirm", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.invalid_report_transition");
        await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(street.Community, workplace, version));
    }

    [Fact]
    public async Task MemberReport_SigningAnOlderCommitment_AnswersConflict_AndChangesNothing()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var before = await CurrentCommitmentAsync(PartyBuildingFixture.Demo);
        var published = await (await admin.PostAsJsonAsync("/api/partybuilding/commitment", new { text = $"我承诺 {Guid.NewGuid()}" }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal(before + 1, published.GetProperty("version").GetInt32());
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);

        var problem = await (await member.PostAsJsonAsync("/api/partybuilding/member-reports", MemberReporting.MemberReport(street.Community, workplace, before), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.commitment_not_current");

        Assert.Equal(before + 1, problem.GetProperty("currentVersion").GetInt32());
        var mine = await (await member.GetAsync(new Uri("/api/partybuilding/member-reports", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MemberReport_WithMalformedFields_AnswersValidationProblemForEach()
    {
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);

        var problem = await (await member.PostAsJsonAsync(
                "/api/partybuilding/member-reports", new { name = "王", idNumber = "1101051985", phone = "123", employment = "in_service" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "idNumber", "phone", "communityNodeId", "workplaceId", "commitmentVersion" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Decisions_ByAPartyMemberOnTheirOwnReport_AreForbidden()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var id = (await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(street.Community, workplace, await CurrentCommitmentAsync(PartyBuildingFixture.Demo)))).GetProperty("id").GetGuid();

        var response = await member.PostAsync(new Uri($"/api/partybuilding/reports/{id}/confirm", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task MemberReports_OfAnotherMemberOrCommunity_AnswerNotFound()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var id = (await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(street.Community, workplace, await CurrentCommitmentAsync(PartyBuildingFixture.Demo)))).GetProperty("id").GetGuid();
        var someoneElse = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var otherCommunity = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);

        await (await someoneElse.GetAsync(new Uri($"/api/partybuilding/member-reports/{id}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
        await (await someoneElse.PostAsync(new Uri($"/api/partybuilding/reports/{id}/end", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
        await (await otherCommunity.PostAsync(new Uri($"/api/partybuilding/reports/{id}/confirm", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
    }

    [Fact]
    public async Task EveryReportingEndpoint_OnAnotherDistrictsReports_AnswersNotFound_AndChangesNothing()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var memberReport = (await MemberReporting.SubmitAsync(member, MemberReporting.MemberReport(street.Community, workplace, await CurrentCommitmentAsync(PartyBuildingFixture.Demo)))).GetProperty("id").GetGuid();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var unitReport = (await SubmitUnitAsync(admin, UnitReport(workplace))).GetProperty("id").GetGuid();
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);
        var otherMember = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember, tenant: PartyBuildingFixture.Other);

        foreach (var id in new[] { memberReport, unitReport })
        {
            foreach (var request in new Func<Task<HttpResponseMessage>>[]
            {
                () => other.PostAsync(new Uri($"/api/partybuilding/reports/{id}/confirm", UriKind.Relative), null, Cancellation),
                () => other.PostAsJsonAsync($"/api/partybuilding/reports/{id}/return", new { reason = "入侵" }, Cancellation),
                () => other.PostAsync(new Uri($"/api/partybuilding/reports/{id}/end", UriKind.Relative), null, Cancellation),
            })
            {
                await (await request()).AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
            }
        }

        await (await other.GetAsync(new Uri($"/api/partybuilding/member-reports/{memberReport}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
        await (await other.GetAsync(new Uri($"/api/partybuilding/unit-reports/{unitReport}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
        // Nor can the other district report to the demo district's nodes and workplaces.
        await (await other.PostAsJsonAsync("/api/partybuilding/unit-reports", UnitReport(workplace), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_workplace");
        await (await otherMember.PostAsJsonAsync("/api/partybuilding/member-reports", MemberReporting.MemberReport(street.Community, workplace, 1), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_node");
        var lists = await (await other.GetAsync(new Uri($"/api/partybuilding/member-reports?workplace={workplace}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, lists.GetProperty("total").GetInt32());
        var units = await (await other.GetAsync(new Uri($"/api/partybuilding/unit-reports?workplace={workplace}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, units.GetProperty("total").GetInt32());

        var unchanged = await (await admin.GetAsync(new Uri($"/api/partybuilding/member-reports/{memberReport}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("submitted", unchanged.GetProperty("state").GetProperty("status").GetString());
        var unchangedUnit = await (await admin.GetAsync(new Uri($"/api/partybuilding/unit-reports/{unitReport}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("submitted", unchangedUnit.GetProperty("state").GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnitReport_SubmittedThenConfirmedByTheStreet_AndASecondWhileItRuns_AnswersConflict()
    {
        var (street, workplace) = await StreetWithWorkplaceAsync();
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street.Street);

        var report = await SubmitUnitAsync(streetAdmin, UnitReport(workplace));
        var id = report.GetProperty("id").GetGuid();
        Assert.Equal(street.Street, report.GetProperty("streetNodeId").GetGuid());
        Assert.Equal("volunteers", report.GetProperty("resources")[1].GetProperty("kind").GetString());
        var confirmed = await (await streetAdmin.PostAsync(new Uri($"/api/partybuilding/reports/{id}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());

        await (await streetAdmin.PostAsJsonAsync("/api/partybuilding/unit-reports", UnitReport(workplace), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.unit_already_reported");
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);
        await (await elsewhere.GetAsync(new Uri($"/api/partybuilding/unit-reports/{id}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
    }

    [Fact]
    public async Task UnitReport_WithABadTermOrResources_AnswersValidationProblem()
    {
        var (_, workplace) = await StreetWithWorkplaceAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        var problem = await (await admin.PostAsJsonAsync(
                "/api/partybuilding/unit-reports",
                new { workplaceId = workplace, agreementSignedOn = "2026-12-01", agreementEndsOn = "2026-11-30", resources = new[] { new { kind = "funds", description = "经费" } } },
                Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("agreementEndsOn", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("resources", out _));
    }

    private Task<(FreshStreet Street, Guid Workplace)> StreetWithWorkplaceAsync() => MemberReporting.StreetWithWorkplaceAsync(fixture);

    private Task<int> CurrentCommitmentAsync(TenantInfo tenant) => MemberReporting.CurrentCommitmentAsync(fixture, tenant);

    internal static object UnitReport(Guid workplaceId) => new
    {
        workplaceId,
        agreementSignedOn = "2026-11-01",
        agreementEndsOn = "2028-10-31",
        resources = new object[] { new { kind = "venue", description = "三楼会议室（周末）" }, new { kind = "volunteers", description = "医护志愿者", quantity = 12 } },
    };

    private static async Task<JsonElement> SubmitUnitAsync(HttpClient official, object report) =>
        await (await official.PostAsJsonAsync("/api/partybuilding/unit-reports", report, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
}
