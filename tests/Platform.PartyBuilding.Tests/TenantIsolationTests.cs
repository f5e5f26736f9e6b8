using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>Another district's party organisations and workplaces answer 404 on every endpoint, and nothing of them shows in lists.</summary>
public sealed class TenantIsolationTests(PartyBuildingFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEndpoint_OnAnotherDistrictsOrganisations_AnswersNotFound_AndChangesNothing()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var organisation = (await OrganisationApiTests.EstablishAsync(admin, "隔离党工委", "street_working_committee", street.Street)).GetProperty("id").GetGuid();
        var name = $"隔{Guid.NewGuid():N}"[..8];
        var workplace = (await WorkplaceApiTests.RegisterAsync(admin, WorkplaceApiTests.Workplace(name, street.Street))).GetProperty("id").GetGuid();
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PartyBuildingFixture.Other);

        await (await other.GetAsync(new Uri($"/api/partybuilding/organisations/{organisation}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.organisation_not_found");
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => other.GetAsync(new Uri($"/api/partybuilding/workplaces/{workplace}", UriKind.Relative), Cancellation),
            () => other.PutAsJsonAsync($"/api/partybuilding/workplaces/{workplace}", WorkplaceApiTests.Workplace("改名", streetNodeId: null, location: "outside_platform"), Cancellation),
        })
        {
            await (await request()).AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.workplace_not_found");
        }

        // The demo district's nodes are not the other district's: it can place nothing there.
        await (await other.PostAsJsonAsync("/api/partybuilding/organisations", OrganisationApiTests.Organisation("入侵", "community_committee", street.Community), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_node");
        await (await other.PostAsJsonAsync("/api/partybuilding/workplaces", WorkplaceApiTests.Workplace("入侵", street.Street), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_street");
        var organisations = await (await other.GetAsync(new Uri("/api/partybuilding/organisations?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(organisations.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == organisation);
        var workplaces = await (await other.GetAsync(new Uri($"/api/partybuilding/workplaces?q={name}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, workplaces.GetProperty("total").GetInt32());

        var unchanged = await (await admin.GetAsync(new Uri($"/api/partybuilding/workplaces/{workplace}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(name, unchanged.GetProperty("name").GetString());
    }
}
