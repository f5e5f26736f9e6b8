using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Domain;
using Platform.Testing;

namespace Platform.Property.Tests.Api;

/// <summary>The project manager's report within three days, and the statements published to an area's owners.</summary>
public sealed class CompanyReportingTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DateOnly Today => DistrictClock.Today(DateTimeOffset.UtcNow);

    private static async Task<JsonElement> AppointAsync(HttpClient company, Guid areaId, DateOnly tookOfficeOn, HttpStatusCode status = HttpStatusCode.Created) =>
        await (await company.PostAsJsonAsync("/api/property/project-managers", new { areaId, name = "李建国", tookOfficeOn }, Cancellation)).AssertOkAsync(status);

    private static async Task<IReadOnlyList<Guid>> LateAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/property/project-managers?late=true&pageSize=100")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    [Fact]
    public async Task ProjectManager_WithoutAReportWithinThreeDays_IsListedLate_AndOneReportedInTimeIsNot()
    {
        var silent = await fixture.ContractedAreaAsync();
        var prompt = await fixture.ContractedAreaAsync();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA1);

        var overdue = await AppointAsync(silent.Company, silent.AreaId, Today.AddDays(-4));
        var onTime = await AppointAsync(prompt.Company, prompt.AreaId, Today.AddDays(-3));
        Assert.Equal((true, Today.AddDays(-1).ToString("yyyy-MM-dd")), (overdue.GetProperty("late").GetBoolean(), overdue.GetProperty("reportDueOn").GetString()));
        // The third day after taking office is still in time.
        Assert.False(onTime.GetProperty("late").GetBoolean());
        var reported = await (await worker.PostAsJsonAsync($"/api/property/project-managers/{onTime.GetProperty("id").GetGuid()}/report", new { }, Cancellation)).AssertOkAsync();
        Assert.Equal((Today.ToString("yyyy-MM-dd"), false), (reported.GetProperty("reportedOn").GetString(), reported.GetProperty("late").GetBoolean()));

        var late = await LateAsync(worker);
        Assert.Contains(overdue.GetProperty("id").GetGuid(), late);
        Assert.DoesNotContain(onTime.GetProperty("id").GetGuid(), late);
        // A report received after the third day stays late.
        var lateReport = await (await worker.PostAsJsonAsync($"/api/property/project-managers/{overdue.GetProperty("id").GetGuid()}/report", new { }, Cancellation)).AssertOkAsync();
        Assert.True(lateReport.GetProperty("late").GetBoolean());
        Assert.Contains(overdue.GetProperty("id").GetGuid(), await LateAsync(worker));
        await (await worker.PostAsJsonAsync($"/api/property/project-managers/{overdue.GetProperty("id").GetGuid()}/report", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "property.already_reported");
        // The company sees its own.
        Assert.Contains(overdue.GetProperty("id").GetGuid(), await LateAsync(silent.Company));
        Assert.DoesNotContain(overdue.GetProperty("id").GetGuid(), await LateAsync(prompt.Company));
    }

    [Fact]
    public async Task ProjectManager_NewOneEndsTheLast_ButNotInTheFutureNorForAnotherCompanysArea()
    {
        var contracted = await fixture.ContractedAreaAsync();
        var other = await fixture.ContractedAreaAsync();
        var first = await AppointAsync(contracted.Company, contracted.AreaId, Today.AddDays(-10));
        await AppointAsync(contracted.Company, contracted.AreaId, Today);

        var list = await contracted.Company.GetJsonAsync($"/api/property/project-managers?areaId={contracted.AreaId}");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid())
            .GetProperty("endedOn").GetString());
        await (await contracted.Company.PostAsJsonAsync("/api/property/project-managers", new { areaId = contracted.AreaId, name = "王五", tookOfficeOn = Today.AddDays(1) }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.appointment_date");
        await (await other.Company.PostAsJsonAsync("/api/property/project-managers", new { areaId = contracted.AreaId, name = "王五", tookOfficeOn = Today }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        await (await otherDistrict.PostAsJsonAsync($"/api/property/project-managers/{first.GetProperty("id").GetGuid()}/report", new { }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "property.appointment_not_found");
        Assert.Equal(2, (await contracted.Company.GetJsonAsync($"/api/property/project-managers?areaId={contracted.AreaId}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Statement_PublishedByTheCompany_AddsUp_AndIsReadByTheAreasOwnersOnly()
    {
        var contracted = await fixture.ContractedAreaAsync();
        var unit = await contracted.Admin.AddUnitAsync(contracted.AreaId, PropertyApi.Unit("1-101", contracted.Compound.Buildings[0], "90.00", true, PropertyApi.Person()));
        var (userId, token) = await fixture.Identity.MemberAsync(PropertyFixture.Demo, PlatformRoleNames.Resident, null);
        (await contracted.Admin.PostAsJsonAsync($"/api/property/owners/{unit.GetProperty("ownerId").GetGuid()}/link", new { userId }, Cancellation)).EnsureSuccessStatusCode();
        var owner = fixture.Client(token);
        var statement = new
        {
            kind = "public_income", periodStart = Today.AddMonths(-1), periodEnd = Today, openingBalance = 1000.50m,
            lines = new object[] { new { item = "电梯广告收入", amount = 3600.00m }, new { item = "公共区域维修", amount = -1250.25m } },
        };

        var published = await (await contracted.Company.PostAsJsonAsync($"/api/property/areas/{contracted.AreaId}/statements", statement, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal(("1000.50", "3350.25"), (published.GetProperty("openingBalance").GetString(), published.GetProperty("closingBalance").GetString()));
        await (await contracted.Company.PostAsJsonAsync($"/api/property/areas/{contracted.AreaId}/statements", statement, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "property.statement_exists");

        var read = await owner.GetJsonAsync($"/api/property/areas/{contracted.AreaId}/statements?kind=public_income");
        Assert.Equal("-1250.25", read.GetProperty("items")[0].GetProperty("lines")[1].GetProperty("amount").GetString());
        var stranger = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var otherCompany = (await fixture.ContractedAreaAsync()).Company;
        foreach (var outsider in new[] { stranger, otherDistrict, otherCompany })
        {
            await (await outsider.GetAsync($"/api/property/areas/{contracted.AreaId}/statements", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
        }

        // Owners read statements; they do not publish them.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/property/areas/{contracted.AreaId}/statements", statement, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Statement_WithThreeDecimalsAFuturePeriodOrNoLines_Answers400_AndPublishesNothing()
    {
        var contracted = await fixture.ContractedAreaAsync();
        var url = $"/api/property/areas/{contracted.AreaId}/statements";

        await (await contracted.Admin.PostAsJsonAsync(url, new { kind = "maintenance_fund", periodStart = Today, periodEnd = Today, lines = new[] { new { item = "利息", amount = 1.005m } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await contracted.Admin.PostAsJsonAsync(url, new { kind = "maintenance_fund", periodStart = Today, periodEnd = Today, lines = Array.Empty<object>() }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await contracted.Admin.PostAsJsonAsync(url, new { kind = "maintenance_fund", periodStart = Today, periodEnd = Today.AddDays(1), lines = new[] { new { item = "利息", amount = 1m } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.statement_invalid");

        Assert.Equal(0, (await contracted.Admin.GetJsonAsync(url)).GetProperty("total").GetInt32());
    }
}
