using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.Property.Tests.Api.PropertyApi;

namespace Platform.Property.Tests.Api;

/// <summary>A district's own decision rules. They are set in the other district, so that the demo district's votes elsewhere keep the law's.</summary>
public sealed class DecisionRulesApiTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_StricterRules_ApplyToVotesDrawnUpAfter_OnlyInThatDistrict()
    {
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var demo = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        var set = await (await other.PutAsJsonAsync("/api/property/rules", new
        {
            quorum = new { area = ">=3/4", owners = ">=2/3" },
            matters = new Dictionary<string, object> { ["rebuild"] = new { area = ">=4/5", owners = ">=4/5" } },
        }, Cancellation)).AssertOkAsync();
        Assert.Equal(">=3/4", set.GetProperty("quorum").GetProperty("area").GetString());
        Assert.Equal(">=4/5", set.GetProperty("matters").GetProperty("rebuild").GetProperty("area").GetString());
        Assert.Equal(">1/2", set.GetProperty("matters").GetProperty("other_major").GetProperty("area").GetString());

        var compound = await fixture.NewCompoundAsync(buildings: 1, tenant: PropertyFixture.Other);
        var areaId = await other.CreateAreaAsync(compound.Id);
        var voteId = await other.DraftVoteAsync(areaId, Matter("m1", "rebuild"));
        var vote = await other.GetJsonAsync($"/api/property/votes/{voteId}");
        Assert.Equal(">=3/4", vote.GetProperty("quorum").GetProperty("area").GetString());
        Assert.Equal(">=4/5", vote.GetProperty("matters")[0].GetProperty("pass").GetProperty("owners").GetString());

        var law = await demo.GetJsonAsync("/api/property/rules");
        Assert.Equal(">=2/3", law.GetProperty("quorum").GetProperty("area").GetString());
        Assert.Equal(">=3/4", law.GetProperty("matters").GetProperty("rebuild").GetProperty("area").GetString());
    }

    [Fact]
    public async Task Put_ARuleLooserThanTheLaw_Answers400_AndChangesNothing()
    {
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var before = await other.GetJsonAsync("/api/property/rules");

        object[] looser =
        [
            new { quorum = new { area = ">=1/2", owners = ">=2/3" } },
            new { matters = new Dictionary<string, object> { ["change_common_use"] = new { area = ">=2/3", owners = ">=3/4" } } },
            new { matters = new Dictionary<string, object> { ["hire_or_dismiss_manager"] = new { area = ">1/2", owners = ">=1/2" } } },
        ];
        foreach (var body in looser)
        {
            await (await other.PutAsJsonAsync("/api/property/rules", body, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "property.rule_looser_than_law");
        }

        await (await other.PutAsJsonAsync("/api/property/rules", new { quorum = new { area = "2/3", owners = ">=2/3" } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before.GetRawText(), (await other.GetJsonAsync("/api/property/rules")).GetRawText());
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, PropertyFixture.StreetA);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync("/api/property/rules", new { }, Cancellation)).StatusCode);
    }
}
