using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>
/// Members reporting over HTTP, for the test classes that need reported members. Those classes share the collection
/// <see cref="Collection"/>, whose tests run one after another: one of them publishes a new commitment version, which the
/// others sign, and the points rules are the district's too.
/// </summary>
internal static class MemberReporting
{
    /// <summary>The collection of the tests that report members or publish district-wide rules.</summary>
    public const string Collection = "district-wide reporting rules";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A fresh street with a workplace registered in it.</summary>
    public static async Task<(FreshStreet Street, Guid Workplace)> StreetWithWorkplaceAsync(PartyBuildingFixture fixture)
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var workplace = await WorkplaceApiTests.RegisterAsync(admin, WorkplaceApiTests.Workplace($"单位{Guid.NewGuid():N}"[..10], street.Street));
        return (street, workplace.GetProperty("id").GetGuid());
    }

    /// <summary>The district's current commitment version, publishing the first one if there is none yet.</summary>
    public static async Task<int> CurrentCommitmentAsync(PartyBuildingFixture fixture, TenantInfo tenant)
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: tenant);
        var response = await admin.GetAsync(new Uri("/api/partybuilding/commitment", UriKind.Relative), Cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response = await admin.PostAsJsonAsync("/api/partybuilding/commitment", new { text = "我志愿到居住地社区报到，亮身份、作表率、办实事。" }, Cancellation);
        }

        return (await response.AssertOkAsync(response.StatusCode)).GetProperty("version").GetInt32();
    }

    /// <summary>A member report's body.</summary>
    public static object MemberReport(Guid communityNodeId, Guid workplaceId, int commitmentVersion, Guid? addressNodeId = null) => new
    {
        name = "王建国",
        idNumber = TestPeople.IdNumber(new DateOnly(1985, 3, 15)),
        phone = TestPeople.Phone(),
        employment = "in_service",
        skills = new[] { "法律咨询", "电工" },
        availability = "周末上午",
        communityNodeId,
        addressNodeId,
        workplaceId,
        commitmentVersion,
    };

    /// <summary>Submits a member report, which must be accepted.</summary>
    public static async Task<JsonElement> SubmitAsync(HttpClient member, object report) =>
        await (await member.PostAsJsonAsync("/api/partybuilding/member-reports", report, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    /// <summary>A new party member reported to a fresh street's community and confirmed there, with that community's worker.</summary>
    public static async Task<ConfirmedMember> ConfirmedMemberAsync(PartyBuildingFixture fixture)
    {
        var (street, workplace) = await StreetWithWorkplaceAsync(fixture);
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);
        var report = await SubmitAsync(member, MemberReport(street.Community, workplace, await CurrentCommitmentAsync(fixture, PartyBuildingFixture.Demo)));
        var reportId = report.GetProperty("id").GetGuid();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, street.Community);
        await (await worker.PostAsync(new Uri($"/api/partybuilding/reports/{reportId}/confirm", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        return new ConfirmedMember(street, workplace, reportId, report.GetProperty("userId").GetString()!, member, worker);
    }
}

/// <summary>A party member whose report a fresh street's community confirmed.</summary>
/// <param name="Street">The street, whose community the member reported to.</param>
/// <param name="Workplace">The member's workplace.</param>
/// <param name="ReportId">The confirmed report.</param>
/// <param name="UserId">The member's user id.</param>
/// <param name="Member">The member's client.</param>
/// <param name="Worker">A worker of the community.</param>
internal sealed record ConfirmedMember(FreshStreet Street, Guid Workplace, Guid ReportId, string UserId, HttpClient Member, HttpClient Worker);
