using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Messaging.Inbox;
using Platform.PartyBuilding.Domain.Service;
using Platform.Testing;
using Platform.TimeBank.Contracts;

namespace Platform.PartyBuilding.Tests;

/// <summary>
/// Service records from the time bank's events over RabbitMQ, service the community records, ratings and points, against
/// real PostgreSQL.
/// </summary>
[Collection(MemberReporting.Collection)]
public sealed class ServiceRecordTests(PartyBuildingFixture fixture)
{
    // 2026-10-15 09:00 to 11:30 in the district: 150 minutes in 2026-Q4.
    private static readonly DateTimeOffset ShiftStartsAt = new(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(8));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServiceRecorded_ForAReportedMember_CountsOnceEvenRedelivered_AndItsReversalTakesThePointsBack()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        await PublishRuleAsync();
        var recorded = Recorded(member.UserId, "patrol", 150);

        await fixture.Bus.Publish(recorded, Cancellation);
        // The same delivery again, and the time bank's record republished under a new event id.
        await fixture.Bus.Publish(recorded, Cancellation);
        await fixture.Bus.Publish(recorded with { EventId = Guid.NewGuid() }, Cancellation);

        var record = await RecordOfAsync(member.Worker, recorded.RecordId);
        Assert.Equal(("time_bank", "patrol", 150L, member.ReportId), (record.GetProperty("source").GetString(), record.GetProperty("category").GetString(),
            record.GetProperty("minutes").GetInt64(), record.GetProperty("memberReportId").GetGuid()));
        await WaitUntilAppliedAsync(recorded.EventId);
        var mine = await member.Member.GetJsonAsync("/api/partybuilding/service-records");
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        // 150 minutes of patrol at 20 points an hour.
        var points = await PointsAsync(member.Member, member.ReportId, "2026-Q4");
        Assert.Equal((50L, 150L), (points.GetProperty("total").GetInt64(), points.GetProperty("minutes").GetInt64()));

        await fixture.Bus.Publish(Reversed(recorded), Cancellation);

        await Eventually.HoldsAsync(
            async () => (await RecordOfAsync(member.Worker, recorded.RecordId)).GetProperty("reversedAt").ValueKind != JsonValueKind.Null, Cancellation);
        Assert.Equal(0, (await PointsAsync(member.Member, member.ReportId, "2026-Q4")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await PointsAsync(member.Member, member.ReportId, "2026-Q3")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ReversalArrivingFirst_LeavesTheRecordReversed_WhenItComes()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        var recorded = Recorded(member.UserId, "elderly_care", 60);

        var reversed = Reversed(recorded);
        await fixture.Bus.Publish(reversed, Cancellation);
        await WaitUntilAppliedAsync(reversed.EventId);
        await fixture.Bus.Publish(recorded, Cancellation);

        var record = await RecordOfAsync(member.Worker, recorded.RecordId);
        Assert.NotEqual(JsonValueKind.Null, record.GetProperty("reversedAt").ValueKind);
    }

    [Fact]
    public async Task ServiceRecorded_ForSomeoneNotReported_OrForMutualAid_IsNotKept()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        var stranger = Recorded("not-a-party-member", "patrol", 60);
        var mutualAid = Recorded(member.UserId, "other", 60) with { Purpose = ServicePurposeNames.MutualAid };
        var otherDistrict = Recorded(member.UserId, "patrol", 60) with { TenantId = PartyBuildingFixture.Other.Id };

        foreach (var ignored in new[] { stranger, mutualAid, otherDistrict })
        {
            await fixture.Bus.Publish(ignored, Cancellation);
        }

        foreach (var ignored in new[] { stranger, mutualAid, otherDistrict })
        {
            await WaitUntilAppliedAsync(ignored.EventId, ignored.TenantId == PartyBuildingFixture.Other.Id ? PartyBuildingFixture.Other : PartyBuildingFixture.Demo);
        }

        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        foreach (var ignored in new[] { stranger, mutualAid, otherDistrict })
        {
            var listed = await admin.GetJsonAsync($"/api/partybuilding/service-records?period=2026-Q4&pageSize=100");
            Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == ignored.RecordId);
        }

        var mine = await member.Member.GetJsonAsync("/api/partybuilding/service-records");
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CommunityRecordsServiceWithEvidence_AndTheResidentsRatingEarnsTheBonus()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        await PublishRuleAsync();
        var endsAt = DateTimeOffset.UtcNow.AddDays(-1).ToOffset(TimeSpan.FromHours(8));
        var period = PeriodOf(endsAt.AddMinutes(-90));

        var created = await (await member.Worker.PostAsJsonAsync("/api/partybuilding/service-records", new
        {
            memberReportId = member.ReportId, category = "waste_sorting", title = "垃圾分类桶前值守", startsAt = endsAt.AddMinutes(-90), endsAt, evidence = "签到表及照片",
        }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(("community", 90L), (created.GetProperty("source").GetString(), created.GetProperty("minutes").GetInt64()));

        await (await member.Worker.PostAsJsonAsync($"/api/partybuilding/service-records/{id}/rating", new { rating = 6 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var rated = await (await member.Worker.PostAsJsonAsync($"/api/partybuilding/service-records/{id}/rating", new { rating = 5 }, Cancellation)).AssertOkAsync();

        Assert.Equal(5, rated.GetProperty("rating").GetInt32());
        // 90 minutes at the default 10 an hour, and 3 for the rating.
        var points = await PointsAsync(member.Worker, member.ReportId, period);
        Assert.Equal((15L, 3L, 18L), (points.GetProperty("servicePoints").GetInt64(), points.GetProperty("ratingBonus").GetInt64(), points.GetProperty("total").GetInt64()));
    }

    [Fact]
    public async Task CommunityRecordsService_NotYetEnded_OrForAMemberNotConfirmed_IsRefused_AndNothingIsKept()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        var (street, workplace) = await MemberReporting.StreetWithWorkplaceAsync(fixture);
        var unconfirmed = (await MemberReporting.SubmitAsync(
            await fixture.MemberClientAsync(PlatformRoleNames.PartyMember),
            MemberReporting.MemberReport(street.Community, workplace, await MemberReporting.CurrentCommitmentAsync(fixture, PartyBuildingFixture.Demo)))).GetProperty("id").GetGuid();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, street.Community);
        var now = DateTimeOffset.UtcNow;

        await (await member.Worker.PostAsJsonAsync("/api/partybuilding/service-records", Service(member.ReportId, now.AddHours(-1), now.AddHours(1)), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_service_span");
        await (await worker.PostAsJsonAsync("/api/partybuilding/service-records", Service(unconfirmed, now.AddHours(-2), now.AddHours(-1)), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.member_not_reported");
        var problem = await (await member.Worker.PostAsJsonAsync(
                "/api/partybuilding/service-records", new { memberReportId = member.ReportId, category = "巡逻", startsAt = now, endsAt = now.AddHours(-1) }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "category", "title", "endsAt", "evidence" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var listed = await member.Worker.GetJsonAsync($"/api/partybuilding/service-records?memberReport={member.ReportId}");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PointsRules_Malformed_AreRefused_AndTheVersionInForceStays()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var before = await PublishRuleAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/partybuilding/points-rules", new
        {
            pointsPerHour = -1, categoryRates = new[] { new { category = "patrol", pointsPerHour = 20 }, new { category = "patrol", pointsPerHour = 30 } },
            pointsPerCompletedClaim = 5, highRatingBonus = 3, abandonedClaimDeduction = 8,
        }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("rule", out _));
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/partybuilding/points-rules", Rule, Cancellation)).StatusCode);

        Assert.Equal(before, (await admin.GetJsonAsync("/api/partybuilding/points-rules")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ServiceAndPoints_OfAnotherDistrictOrCommunity_AnswerNotFound_AndChangeNothing()
    {
        var member = await MemberReporting.ConfirmedMemberAsync(fixture);
        await PublishRuleAsync();
        var recorded = Recorded(member.UserId, "patrol", 60);
        await fixture.Bus.Publish(recorded, Cancellation);
        await RecordOfAsync(member.Worker, recorded.RecordId);
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);
        var otherCommunity = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var someoneElse = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var now = DateTimeOffset.UtcNow;

        foreach (var outsider in new[] { otherDistrict, otherCommunity })
        {
            await (await outsider.PostAsJsonAsync($"/api/partybuilding/service-records/{recorded.RecordId}/rating", new { rating = 1 }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.service_record_not_found");
            await (await outsider.PostAsJsonAsync("/api/partybuilding/service-records", Service(member.ReportId, now.AddHours(-2), now.AddHours(-1)), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
            Assert.Equal(0, (await outsider.GetJsonAsync($"/api/partybuilding/service-records?memberReport={member.ReportId}")).GetProperty("total").GetInt32());
        }

        foreach (var outsider in new[] { otherDistrict, otherCommunity, someoneElse })
        {
            await (await outsider.GetAsync(new Uri($"/api/partybuilding/member-reports/{member.ReportId}/points?period=2026-Q4", UriKind.Relative), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.report_not_found");
        }

        var unchanged = await RecordOfAsync(member.Worker, recorded.RecordId);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("rating").ValueKind);
        Assert.Equal(1, (await member.Worker.GetJsonAsync($"/api/partybuilding/service-records?memberReport={member.ReportId}")).GetProperty("total").GetInt32());
    }

    // 10 an hour, patrol 20; 5 per completed claim, 3 per service rated 4 or 5, 8 off per abandoned claim.
    private static readonly object Rule = new
    {
        pointsPerHour = 10, categoryRates = new[] { new { category = "patrol", pointsPerHour = 20 } }, pointsPerCompletedClaim = 5, highRatingBonus = 3,
        abandonedClaimDeduction = 8,
    };

    private async Task<int> PublishRuleAsync()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var published = await (await admin.PostAsJsonAsync("/api/partybuilding/points-rules", Rule, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        return published.GetProperty("version").GetInt32();
    }

    private static VolunteerServiceRecordedIntegrationEvent Recorded(string userId, string category, long minutes) => new()
    {
        TenantId = PartyBuildingFixture.Demo.Id,
        RecordId = Guid.CreateVersion7(),
        UserId = userId,
        ActivityId = Guid.NewGuid(),
        ActivityTitle = "民情前哨巡查",
        Category = category,
        NodeId = TestTerritory.CommunityA1,
        ShiftId = Guid.NewGuid(),
        ShiftStartsAt = ShiftStartsAt,
        ShiftEndsAt = ShiftStartsAt.AddMinutes(minutes),
        Purpose = ServicePurposeNames.PartyService,
        Minutes = minutes,
        TransferId = Guid.NewGuid(),
        ApprovedBy = "organiser-1",
    };

    private static VolunteerServiceRecordReversedIntegrationEvent Reversed(VolunteerServiceRecordedIntegrationEvent recorded) => new()
    {
        TenantId = recorded.TenantId, RecordId = recorded.RecordId, UserId = recorded.UserId, Minutes = recorded.Minutes, ReversalTransferId = Guid.NewGuid(),
        ReversedBy = "staff-1",
    };

    private static object Service(Guid memberReportId, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        new { memberReportId, category = "patrol", title = "夜间巡逻", startsAt, endsAt, evidence = "巡逻记录表" };

    private static string PeriodOf(DateTimeOffset at)
    {
        var day = Platform.Domain.DistrictClock.Today(at);
        return new ServicePeriod(day.Year, (day.Month + 2) / 3).ToString();
    }

    private Task WaitUntilAppliedAsync(Guid eventId, Platform.MultiTenancy.TenantInfo? tenant = null) =>
        fixture.WaitUntilAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.EventId == eventId, Cancellation), tenant ?? PartyBuildingFixture.Demo);

    private static async Task<JsonElement> RecordOfAsync(HttpClient official, Guid recordId)
    {
        var record = await Eventually.ReturnsAsync(async () =>
        {
            var page = await official.GetJsonAsync("/api/partybuilding/service-records?pageSize=100");
            return page.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("id").GetGuid() == recordId).Select(r => r.GetRawText()).FirstOrDefault();
        }, Cancellation);
        return JsonDocument.Parse(record).RootElement;
    }

    private static async Task<JsonElement> PointsAsync(HttpClient caller, Guid reportId, string period) =>
        (await caller.GetJsonAsync($"/api/partybuilding/member-reports/{reportId}/points?period={period}")).GetProperty("statement");
}
