using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>The party organisations over HTTP, against real PostgreSQL.</summary>
public sealed class OrganisationApiTests(PartyBuildingFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Establish_TheChainFromStreetToBuilding_ListsItTopDownUnderItsParents()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        var committee = await EstablishAsync(admin, "新街道党工委", "street_working_committee", street.Street);
        var community = await EstablishAsync(admin, "新社区党委", "community_committee", street.Community);
        var branch = await EstablishAsync(admin, "新网格党支部", "grid_branch", street.Grid);
        var group = await EstablishAsync(admin, "新楼栋党小组", "building_group", street.Building);

        Assert.Equal(committee.GetProperty("id").GetGuid(), community.GetProperty("parentId").GetGuid());
        Assert.Equal(community.GetProperty("id").GetGuid(), branch.GetProperty("parentId").GetGuid());
        Assert.Equal(branch.GetProperty("id").GetGuid(), group.GetProperty("parentId").GetGuid());
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street.Street);
        var list = await (await streetAdmin.GetAsync(new Uri("/api/partybuilding/organisations", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(
            ["street_working_committee", "community_committee", "grid_branch", "building_group"],
            list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("level").GetString()));
        var children = await (await streetAdmin.GetAsync(
            new Uri($"/api/partybuilding/organisations?parent={committee.GetProperty("id").GetGuid()}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("新社区党委", Assert.Single(children.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Establish_WithoutTheLevelAbove_AnswersConflict_AndChangesNothing()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        var problem = await (await admin.PostAsJsonAsync("/api/partybuilding/organisations", Organisation("新社区党委", "community_committee", street.Community), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.parent_organisation_missing");

        Assert.Equal("street_working_committee", problem.GetProperty("requiredParentLevel").GetString());
        await AssertNoOrganisationsAsync(street.Street);
    }

    [Fact]
    public async Task Establish_ASecondOrganisationOnANode_AnswersConflict()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        await EstablishAsync(admin, "新街道党工委", "street_working_committee", street.Street);

        await (await admin.PostAsJsonAsync("/api/partybuilding/organisations", Organisation("又一个党工委", "street_working_committee", street.Street), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "partybuilding.node_has_organisation");
    }

    [Fact]
    public async Task Establish_OnANodeOfTheWrongKind_AnswersBadRequest()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        await (await admin.PostAsJsonAsync("/api/partybuilding/organisations", Organisation("党工委", "street_working_committee", street.Community), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_node");
    }

    [Fact]
    public async Task Establish_OutsideTheCallersScope_AnswersBadRequest_AndTheOrganisationStaysUnseen()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var committee = await EstablishAsync(admin, "新街道党工委", "street_working_committee", street.Street);
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);

        await (await elsewhere.PostAsJsonAsync("/api/partybuilding/organisations", Organisation("新社区党委", "community_committee", street.Community), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_node");
        await (await elsewhere.GetAsync(new Uri($"/api/partybuilding/organisations/{committee.GetProperty("id").GetGuid()}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.organisation_not_found");
    }

    [Fact]
    public async Task Establish_WithAMalformedRequest_AnswersValidationProblem()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        var problem = await (await admin.PostAsJsonAsync("/api/partybuilding/organisations", new { name = " ", level = "street_working_committee" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("nodeId", out _));
    }

    [Fact]
    public async Task Organisations_ForAPartyMember_AreForbidden()
    {
        var member = await fixture.MemberClientAsync(PlatformRoleNames.PartyMember);

        var response = await member.GetAsync(new Uri("/api/partybuilding/organisations", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static object Organisation(string name, string level, Guid nodeId) => new { name, level, nodeId };

    internal static async Task<JsonElement> EstablishAsync(HttpClient client, string name, string level, Guid nodeId) =>
        await (await client.PostAsJsonAsync("/api/partybuilding/organisations", Organisation(name, level, nodeId), Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    private async Task AssertNoOrganisationsAsync(Guid streetId)
    {
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, streetId);
        var list = await (await streetAdmin.GetAsync(new Uri("/api/partybuilding/organisations", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }
}
