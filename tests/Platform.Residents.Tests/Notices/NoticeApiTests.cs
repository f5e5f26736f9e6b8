using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests.Notices;

/// <summary>Public notices through the API: workers publish, anyone reads without signing in, anyone signed in objects, only the district's own.</summary>
public sealed class NoticeApiTests(ResidentsFixture fixture)
{
    private const string Notices = "/api/notices";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static object Announcement(Guid nodeId, DateTimeOffset expiresAt) =>
        new { title = "停水通知", body = "12月5日9时至17时停水，请提前储水。", nodeId, expiresAt, channels = new[] { "wechat", "notice_board" } };

    [Fact]
    public async Task Notice_PublishedByAWorker_IsReadWithoutSigningIn_InItsDistrictOnly()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var expiresAt = DateTimeOffset.UtcNow.AddDays(3);
        var published = await (await worker.PostAsJsonAsync(Notices, Announcement(TestTerritory.CompoundA1, expiresAt), Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var id = published.GetProperty("id").GetGuid();

        var read = await TestNotices.ReadAsync(fixture, id);
        Assert.Equal((id, "停水通知", "12月5日9时至17时停水，请提前储水。"), (read.GetProperty("id").GetGuid(), read.GetProperty("title").GetString(), read.GetProperty("body").GetString()));
        Assert.Equal(("announcement", TestTerritory.CompoundA1, true, 0), (read.GetProperty("kind").GetString(), read.GetProperty("nodeId").GetGuid(), read.GetProperty("running").GetBoolean(), read.GetProperty("objections").GetInt32()));
        Assert.Equal(["notice_board", "wechat"], read.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), read.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.False(read.TryGetProperty("publishedBy", out _));

        using var anonymous = fixture.Service.Factory.CreateClient();
        var community = await (await anonymous.GetAsync(new Uri($"{TestNotices.PublicPath()}?nodeId={TestTerritory.CommunityA1}&kind=announcement&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Contains(community.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
        var elsewhere = await (await anonymous.GetAsync(new Uri($"{TestNotices.PublicPath()}?nodeId={TestTerritory.CommunityA2}&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(elsewhere.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);

        await (await anonymous.GetAsync(new Uri($"{TestNotices.PublicPath(ResidentsFixture.Other.Identifier)}/{id}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "notice.not_found");
        var otherDistrict = await (await anonymous.GetAsync(new Uri($"{TestNotices.PublicPath(ResidentsFixture.Other.Identifier)}?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(otherDistrict.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Publish_ByAResident_OutsideTheScope_OrWithBadFields_IsRefused()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var later = DateTimeOffset.UtcNow.AddDays(1);

        await (await (await fixture.MemberClientAsync(PlatformRoleNames.Resident)).PostAsJsonAsync(Notices, Announcement(TestTerritory.CompoundA1, later), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "notice.action_forbidden");
        var outside = await (await worker.PostAsJsonAsync(Notices, Announcement(TestTerritory.CompoundA2, later), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(outside.GetProperty("errors").TryGetProperty("nodeId", out _), outside.ToString());
        var past = await (await worker.PostAsJsonAsync(Notices, Announcement(TestTerritory.CompoundA1, DateTimeOffset.UtcNow.AddMinutes(-1)), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "notice.invalid_argument");
        Assert.True(past.GetProperty("errors").TryGetProperty("expiresAt", out _), past.ToString());
        var missing = await (await worker.PostAsJsonAsync(Notices, new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "title", "body", "nodeId", "expiresAt" })
        {
            Assert.True(missing.GetProperty("errors").TryGetProperty(field, out _), field + " in " + missing);
        }
    }

    [Fact]
    public async Task Objection_FiledWhileTheNoticeRuns_IsCounted_AndReadByTheWorkersOfItsArea()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var id = (await (await worker.PostAsJsonAsync(Notices, Announcement(TestTerritory.CompoundA1, DateTimeOffset.UtcNow.AddDays(2)), Cancellation))
            .AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);

        await (await resident.PostAsJsonAsync($"{Notices}/{id}/objections", new { text = " " }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var filed = await (await resident.PostAsJsonAsync($"{Notices}/{id}/objections", new { text = "停水时间与老人就医冲突" }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await (await otherDistrict.PostAsJsonAsync($"{Notices}/{id}/objections", new { text = "别处的异议" }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "notice.not_found");

        var objections = await (await worker.GetAsync(new Uri($"{Notices}/{id}/objections", UriKind.Relative), Cancellation)).AssertOkAsync();
        var only = Assert.Single(objections.EnumerateArray());
        Assert.Equal((filed.GetProperty("id").GetGuid(), "停水时间与老人就医冲突"), (only.GetProperty("id").GetGuid(), only.GetProperty("text").GetString()));
        var notice = await TestNotices.ReadAsync(fixture, id);
        Assert.Equal(1, notice.GetProperty("objections").GetInt32());
        Assert.DoesNotContain("停水时间与老人就医冲突", notice.ToString(), StringComparison.Ordinal);

        await (await resident.GetAsync(new Uri($"{Notices}/{id}/objections", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "notice.action_forbidden");
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2);
        await (await neighbour.GetAsync(new Uri($"{Notices}/{id}/objections", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "notice.not_found");
        await (await otherDistrict.GetAsync(new Uri($"{Notices}/{id}/objections", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "notice.not_found");
    }
}
