using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Messaging.Inbox;
using Platform.PartyBuilding.Contracts;
using Platform.Testing;
using Platform.TimeBank.Contracts;

namespace Platform.PartyBuilding.Tests;

/// <summary>
/// Feedback to workplaces (双报告) over HTTP and RabbitMQ, through the outbox: across two districts exactly once whatever
/// the deliveries, each district seeing only its own side; in the district; and exported for workplaces outside the platform.
/// </summary>
[Collection(MemberReporting.Collection)]
public sealed class FeedbackTests(PartyBuildingFixture fixture)
{
    // A quarter that has ended whenever the tests run.
    private const string EndedQuarter = "2026-Q3";

    private static readonly DateTimeOffset ShiftStartsAt = new(2026, 8, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Feedback_ToAWorkplaceInAnotherDistrict_ArrivesThereOnce_AndItsAcknowledgementComesBack()
    {
        var (member, remoteWorkplace) = await MemberOfARemoteWorkplaceAsync();
        await ServedAsync(member.UserId, 120);
        var receiver = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);

        var sent = await SendAsync(member.Worker, EndedQuarter);
        Assert.Equal((1, 0), (sent.GetProperty("sent").GetInt32(), sent.GetProperty("alreadySent").GetInt32()));
        var again = await SendAsync(member.Worker, EndedQuarter);
        Assert.Equal((0, 1), (again.GetProperty("sent").GetInt32(), again.GetProperty("alreadySent").GetInt32()));

        var report = Assert.Single((await member.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items").EnumerateArray());
        var feedbackId = report.GetProperty("id").GetGuid();
        Assert.Equal(("other_district", PartyBuildingFixture.Other.Id), (report.GetProperty("delivery").GetString(), report.GetProperty("recipientDistrictId").GetGuid()));
        var addressed = await fixture.RecordedAsync<MemberServiceFeedbackIntegrationEvent>(e => e.FeedbackId == feedbackId);
        Assert.Equal((PartyBuildingFixture.Other.Id, PartyBuildingFixture.Demo.Id, remoteWorkplace), (addressed.TenantId, addressed.SendingTenantId, addressed.WorkplaceOrganisationId));
        // The same delivery again, and the report republished under a new event id: still one in the inbox.
        await fixture.Bus.Publish(addressed, Cancellation);
        var republished = addressed with { EventId = Guid.NewGuid() };
        await fixture.Bus.Publish(republished, Cancellation);
        await WaitUntilAppliedAsync(republished.EventId, PartyBuildingFixture.Other);

        var inbox = await receiver.GetJsonAsync($"/api/partybuilding/feedback-inbox?workplace={remoteWorkplace}");
        var received = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(feedbackId, received.GetProperty("id").GetGuid());
        Assert.Equal((120L, 20L), (received.GetProperty("figures").GetProperty("minutes").GetInt64(), received.GetProperty("figures").GetProperty("points").GetInt64()));
        // Each district sees its own side only.
        var senderAdmin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        Assert.DoesNotContain((await senderAdmin.GetJsonAsync("/api/partybuilding/feedback-inbox?pageSize=100")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == feedbackId);
        Assert.DoesNotContain((await receiver.GetJsonAsync("/api/partybuilding/feedback-reports?pageSize=100")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == feedbackId);
        // The sender cannot acknowledge for the receiver.
        await (await member.Worker.PostAsJsonAsync($"/api/partybuilding/feedback-reports/{feedbackId}/acknowledgement", new { note = "代签" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.feedback_acknowledged_elsewhere");

        await (await receiver.PostAsJsonAsync($"/api/partybuilding/feedback-inbox/{feedbackId}/acknowledge", new { note = "已阅，纳入年度考核" }, Cancellation)).AssertOkAsync();

        var acknowledgement = await fixture.RecordedAsync<MemberServiceFeedbackAcknowledgedIntegrationEvent>(e => e.FeedbackId == feedbackId);
        Assert.Equal((PartyBuildingFixture.Demo.Id, PartyBuildingFixture.Other.Id), (acknowledgement.TenantId, acknowledgement.AcknowledgingTenantId));
        var acknowledged = await Eventually.ReturnsAsync(async () =>
        {
            var page = await member.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}");
            var row = page.GetProperty("items")[0];
            return row.GetProperty("acknowledgedAt").ValueKind == JsonValueKind.Null ? null : row.GetRawText();
        }, Cancellation);
        using var document = JsonDocument.Parse(acknowledged);
        Assert.True(document.RootElement.GetProperty("acknowledgedOnTime").GetBoolean());
        Assert.Equal("已阅，纳入年度考核", document.RootElement.GetProperty("acknowledgementNote").GetString());
        await (await receiver.PostAsJsonAsync($"/api/partybuilding/feedback-inbox/{feedbackId}/acknowledge", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.feedback_already_acknowledged");
    }

    [Fact]
    public async Task Acknowledgement_FromADistrictTheReportWasNotSentTo_ChangesNothing()
    {
        var (member, _) = await MemberOfARemoteWorkplaceAsync();
        await ServedAsync(member.UserId, 60);
        await SendAsync(member.Worker, EndedQuarter);
        var feedbackId = (await member.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var forged = new MemberServiceFeedbackAcknowledgedIntegrationEvent
        {
            TenantId = PartyBuildingFixture.Demo.Id, FeedbackId = feedbackId, AcknowledgingTenantId = Guid.NewGuid(), AcknowledgedAt = DateTimeOffset.UtcNow,
        };

        await fixture.Bus.Publish(forged, Cancellation);
        await WaitUntilAppliedAsync(forged.EventId, PartyBuildingFixture.Demo);

        var report = (await member.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, report.GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task Feedback_ToWorkplacesInTheDistrictAndOutsideThePlatform_IsAcknowledgedByHand_AndExported()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        await PublishRuleAsync(admin);
        var outside = (await WorkplaceApiTests.RegisterAsync(admin, WorkplaceApiTests.Workplace("=外区民营企业党支部", streetNodeId: null, location: "outside_platform")))
            .GetProperty("id").GetGuid();
        var local = await MemberReporting.ConfirmedMemberAsync(fixture);
        var exported = await MemberReporting.ConfirmedMemberAsync(fixture, outside);
        await ServedAsync(exported.UserId, 90);

        await SendAsync(local.Worker, EndedQuarter);
        await SendAsync(exported.Worker, EndedQuarter);

        var inDistrict = (await local.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items")[0];
        Assert.Equal(("in_district", 0L), (inDistrict.GetProperty("delivery").GetString(), inDistrict.GetProperty("figures").GetProperty("minutes").GetInt64()));
        var acknowledged = await (await local.Worker.PostAsJsonAsync(
            $"/api/partybuilding/feedback-reports/{inDistrict.GetProperty("id").GetGuid()}/acknowledgement", new { note = "单位已签收" }, Cancellation)).AssertOkAsync();
        Assert.True(acknowledged.GetProperty("acknowledgedOnTime").GetBoolean());

        var csv = await exported.Worker.GetAsync(new Uri($"/api/partybuilding/feedback-reports.csv?period={EndedQuarter}&delivery=export", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("feedback_id,workplace,member,period,minutes", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        // The workplace's leading '=' is neutralised so a spreadsheet does not run it as a formula.
        Assert.Contains("\"'=外区民营企业党支部\",\"王建国\",2026-Q3,90,1,,15,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_ForAPeriodNotEnded_OrMalformed_IsRefused_AndNothingIsSent()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        var nextYear = (DateTimeOffset.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var problem = await (await member.Worker.PostAsJsonAsync("/api/partybuilding/feedback-reports", new { period = nextYear }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.period_not_ended");
        Assert.Equal($"{nextYear}-12-31", problem.GetProperty("lastDay").GetString());
        await (await member.Worker.PostAsJsonAsync("/api/partybuilding/feedback-reports", new { period = "2026-Q5" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(0, (await member.Worker.GetJsonAsync("/api/partybuilding/feedback-reports")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task FeedbackEndpoints_OnAnotherDistrictsReports_AnswerNotFound_AndChangeNothing()
    {
        var (member, _) = await MemberOfARemoteWorkplaceAsync();
        await SendAsync(member.Worker, EndedQuarter);
        var feedbackId = (await member.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await fixture.RecordedAsync<MemberServiceFeedbackIntegrationEvent>(e => e.FeedbackId == feedbackId);
        var receiver = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);
        await Eventually.HoldsAsync(
            async () => (await receiver.GetJsonAsync("/api/partybuilding/feedback-inbox?pageSize=100")).GetProperty("items").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == feedbackId),
            Cancellation);
        var senderAdmin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);

        await (await receiver.PostAsJsonAsync($"/api/partybuilding/feedback-reports/{feedbackId}/acknowledgement", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.feedback_not_found");
        await (await elsewhere.PostAsJsonAsync($"/api/partybuilding/feedback-reports/{feedbackId}/acknowledgement", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.feedback_not_found");
        await (await senderAdmin.PostAsJsonAsync($"/api/partybuilding/feedback-inbox/{feedbackId}/acknowledge", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.feedback_not_found");
        Assert.Equal(0, (await elsewhere.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items").EnumerateArray()
            .Count(r => r.GetProperty("id").GetGuid() == feedbackId));
        var member2 = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        Assert.Equal(HttpStatusCode.Forbidden, (await member2.GetAsync(new Uri("/api/partybuilding/feedback-reports", UriKind.Relative), Cancellation)).StatusCode);

        var unchanged = (await receiver.GetJsonAsync("/api/partybuilding/feedback-inbox?pageSize=100")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == feedbackId);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task Metrics_OfAStreet_CountCoverageHoursAndFeedbackAcknowledgedOnTime()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        await PublishRuleAsync(admin);
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        await ServedAsync(member.UserId, 150);
        await SendAsync(member.Worker, EndedQuarter);
        var feedbackId = (await member.Worker.GetJsonAsync($"/api/partybuilding/feedback-reports?period={EndedQuarter}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await (await member.Worker.PostAsJsonAsync($"/api/partybuilding/feedback-reports/{feedbackId}/acknowledgement", new { }, Cancellation)).AssertOkAsync();
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, member.Street.Street);

        var metrics = await streetAdmin.GetJsonAsync($"/api/partybuilding/metrics?period={EndedQuarter}");

        Assert.Equal(1, metrics.GetProperty("reportedMembers").GetInt32());
        var coverage = Assert.Single(metrics.GetProperty("coverageByWorkplace").EnumerateArray());
        // One of the 120 in-service members the workplace declares.
        Assert.Equal((member.Workplace, 1, 0.0083m), (coverage.GetProperty("workplaceId").GetGuid(), coverage.GetProperty("reportedMembers").GetInt32(), coverage.GetProperty("coverage").GetDecimal()));
        Assert.Equal(2.5m, metrics.GetProperty("hoursPerMember").GetDecimal());
        Assert.Equal((1, 1, 1m), (metrics.GetProperty("feedbackSent").GetInt32(), metrics.GetProperty("feedbackAcknowledged").GetInt32(), metrics.GetProperty("feedbackOnTimeRate").GetDecimal()));
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);
        Assert.DoesNotContain((await elsewhere.GetJsonAsync("/api/partybuilding/metrics")).GetProperty("coverageByWorkplace").EnumerateArray(),
            w => w.GetProperty("workplaceId").GetGuid() == member.Workplace);
    }

    // A member of the demo district whose workplace keeps its records in the other district (registered there too).
    private async Task<(ConfirmedMember Member, Guid RemoteWorkplace)> MemberOfARemoteWorkplaceAsync()
    {
        var receiverAdmin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);
        var remote = (await WorkplaceApiTests.RegisterAsync(receiverAdmin, WorkplaceApiTests.Workplace($"市局{Guid.NewGuid():N}"[..8], TestTerritory.OtherStreet)))
            .GetProperty("id").GetGuid();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var local = (await WorkplaceApiTests.RegisterAsync(admin, WorkplaceApiTests.Workplace(
                "市局机关党委", streetNodeId: null, location: "other_district", districtId: PartyBuildingFixture.Other.Id, organisationId: remote)))
            .GetProperty("id").GetGuid();
        await PublishRuleAsync(admin);
        return (await MemberReporting.ConfirmedMemberAsync(fixture, local), remote);
    }

    // 10 points an hour for everything.
    private static async Task PublishRuleAsync(HttpClient admin) =>
        await (await admin.PostAsJsonAsync(
            "/api/partybuilding/points-rules",
            new { pointsPerHour = 10, categoryRates = Array.Empty<object>(), pointsPerCompletedClaim = 5, highRatingBonus = 3, abandonedClaimDeduction = 8 },
            Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    // A time-bank shift in the ended quarter, waited for until it is a service record.
    private async Task ServedAsync(string userId, long minutes)
    {
        var recorded = new VolunteerServiceRecordedIntegrationEvent
        {
            TenantId = PartyBuildingFixture.Demo.Id, RecordId = Guid.CreateVersion7(), UserId = userId, ActivityId = Guid.NewGuid(), ActivityTitle = "敬老院陪护",
            Category = "elderly_care", NodeId = TestTerritory.CommunityA1, ShiftId = Guid.NewGuid(), ShiftStartsAt = ShiftStartsAt, ShiftEndsAt = ShiftStartsAt.AddMinutes(minutes),
            Purpose = ServicePurposeNames.VolunteerService, Minutes = minutes, TransferId = Guid.NewGuid(), ApprovedBy = "organiser-1",
        };
        await fixture.Bus.Publish(recorded, Cancellation);
        await WaitUntilAppliedAsync(recorded.EventId, PartyBuildingFixture.Demo);
    }

    private Task WaitUntilAppliedAsync(Guid eventId, Platform.MultiTenancy.TenantInfo tenant) =>
        fixture.WaitUntilAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.EventId == eventId, Cancellation), tenant);

    private static async Task<JsonElement> SendAsync(HttpClient official, string period) =>
        await (await official.PostAsJsonAsync("/api/partybuilding/feedback-reports", new { period }, Cancellation)).AssertOkAsync();
}
