using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.Property.Tests.Api.PropertyApi;

namespace Platform.Property.Tests.Api;

public sealed class FundSpendingApiTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Spending_OnlyAsAPassedFundResolutionOfAClosedVote_WithinItsAmount()
    {
        var compound = await fixture.NewCompoundAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        foreach (var code in new[] { "1-101", "1-102", "1-103" })
        {
            await admin.AddUnitAsync(areaId, Unit(code, compound.Buildings[0], "90.00"));
        }

        var voteId = await admin.DraftVoteAsync(
            areaId, Matter("lift", "use_maintenance_fund", 50_000m), Matter("roof", "use_maintenance_fund", 8_000m), Matter("covenant", "management_covenant"));
        var spendings = $"/api/property/areas/{areaId}/fund/spendings";
        object Spend(string matterKey, decimal amount, Guid? vote = null) => new { voteId = vote ?? voteId, matterKey, amount, purpose = "更换1号楼电梯" };

        await (await admin.PostAsJsonAsync(spendings, Spend("lift", 100m), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.fund_spending_without_resolution");
        await admin.OpenVoteAsync(voteId);
        // Everyone approves the lift and the covenant; the roof is rejected by two of three.
        foreach (var (code, roof) in new[] { ("1-101", "approve"), ("1-102", "reject"), ("1-103", "reject") })
        {
            var choices = new Dictionary<string, string> { ["lift"] = "approve", ["roof"] = roof, ["covenant"] = "approve" };
            (await admin.PostAsJsonAsync($"/api/property/votes/{voteId}/ballots", new { unitCode = code, choices, channel = "paper", evidenceRef = "scan" }, Cancellation))
                .EnsureSuccessStatusCode();
        }

        await (await admin.PostAsJsonAsync(spendings, Spend("lift", 100m), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.fund_spending_without_resolution");
        (await admin.PostAsync($"/api/property/votes/{voteId}/close", null, Cancellation)).EnsureSuccessStatusCode();

        var first = await (await admin.PostAsJsonAsync(spendings, Spend("lift", 30_000m), Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal("20000.00", first.GetProperty("remaining").GetString());
        var over = await (await admin.PostAsJsonAsync(spendings, Spend("lift", 20_000.01m), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "property.fund_spending_without_resolution");
        Assert.Equal("20000.00", over.GetProperty("remaining").GetString());
        var last = await (await admin.PostAsJsonAsync(spendings, Spend("lift", 20_000m), Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal("0.00", last.GetProperty("remaining").GetString());

        await (await admin.PostAsJsonAsync(spendings, Spend("roof", 1m), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.fund_spending_without_resolution");
        await (await admin.PostAsJsonAsync(spendings, Spend("covenant", 1m), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.fund_spending_without_resolution");
        await (await admin.PostAsJsonAsync(spendings, Spend("lift", 1m, Guid.NewGuid()), Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.fund_spending_without_resolution");
        await (await admin.PostAsJsonAsync(spendings, Spend("lift", 0.001m), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        // The vote cited from another area's fund is no resolution of that area.
        var otherCompound = await fixture.NewCompoundAsync(buildings: 1);
        var otherArea = await admin.CreateAreaAsync(otherCompound.Id);
        await (await admin.PostAsJsonAsync($"/api/property/areas/{otherArea}/fund/spendings", Spend("lift", 1m), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "property.fund_spending_without_resolution");
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        await (await otherDistrict.PostAsJsonAsync(spendings, Spend("lift", 1m), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
    }
}
