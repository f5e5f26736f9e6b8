using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>The workplace party organisations over HTTP, against real PostgreSQL.</summary>
public sealed class WorkplaceApiTests(PartyBuildingFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_InAStreetOfTheDistrict_IsSeenByThatStreetOnly()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var name = $"医院{Guid.NewGuid():N}"[..10];

        var created = await RegisterAsync(admin, Workplace(name, street.Street));

        Assert.Equal("public_institution", created.GetProperty("kind").GetString());
        Assert.Equal("this_district", created.GetProperty("records").GetProperty("location").GetString());
        Assert.Equal(120, created.GetProperty("declaredMembers").GetInt32());
        var own = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street.Street);
        var seen = await (await own.GetAsync(new Uri($"/api/partybuilding/workplaces?q={name}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(1, seen.GetProperty("total").GetInt32());
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);
        await (await elsewhere.GetAsync(new Uri($"/api/partybuilding/workplaces/{created.GetProperty("id").GetGuid()}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.workplace_not_found");
    }

    [Fact]
    public async Task Register_WithRecordsInAnotherDistrictOfThePlatform_KeepsItsAddress()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var remoteId = Guid.NewGuid();

        var created = await RegisterAsync(admin, Workplace("市财政局机关党委", streetNodeId: null, location: "other_district", districtId: PartyBuildingFixture.Other.Id, organisationId: remoteId));

        var records = created.GetProperty("records");
        Assert.Equal(PartyBuildingFixture.Other.Id, records.GetProperty("districtId").GetGuid());
        Assert.Equal(remoteId, records.GetProperty("organisationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("streetNodeId").ValueKind);
    }

    [Fact]
    public async Task Register_WithRecordsInAnUnknownDistrictOrThisOne_AnswersBadRequest()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        foreach (var districtId in new[] { Guid.NewGuid(), PartyBuildingFixture.Demo.Id })
        {
            await (await admin.PostAsJsonAsync(
                    "/api/partybuilding/workplaces",
                    Workplace("某单位", streetNodeId: null, location: "other_district", districtId: districtId, organisationId: Guid.NewGuid()),
                    Cancellation))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.unknown_district");
        }
    }

    [Fact]
    public async Task Register_OutsideTheDistrictByAStreetAdmin_AnswersBadRequest()
    {
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);

        await (await streetAdmin.PostAsJsonAsync("/api/partybuilding/workplaces", Workplace("外地单位", streetNodeId: null, location: "outside_platform"), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partybuilding.invalid_street");
    }

    [Fact]
    public async Task Register_WithAMalformedRequest_AnswersValidationProblemForEachField()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);

        var problem = await (await admin.PostAsJsonAsync(
                "/api/partybuilding/workplaces",
                new { name = "", kind = "public_institution", declaredMembers = -1, records = new { location = "outside_platform", districtId = Guid.NewGuid() } },
                Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("declaredMembers", out _));
        Assert.True(errors.TryGetProperty("records", out _));
    }

    [Fact]
    public async Task Update_AWorkplaceThatMovesOutOfTheDistrict_KeepsItsId()
    {
        var street = await fixture.FreshStreetAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var created = await RegisterAsync(admin, Workplace("搬走的公司党支部", street.Street));
        var id = created.GetProperty("id").GetGuid();

        var moved = await (await admin.PutAsJsonAsync(
                $"/api/partybuilding/workplaces/{id}",
                Workplace("搬走的公司党支部", streetNodeId: null, location: "other_district", districtId: PartyBuildingFixture.Other.Id, organisationId: Guid.NewGuid()),
                Cancellation))
            .AssertOkAsync();

        Assert.Equal(id, moved.GetProperty("id").GetGuid());
        Assert.Equal("other_district", moved.GetProperty("records").GetProperty("location").GetString());
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street.Street);
        await (await streetAdmin.GetAsync(new Uri($"/api/partybuilding/workplaces/{id}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "partybuilding.workplace_not_found");
    }

    internal static object Workplace(
        string name, Guid? streetNodeId, string location = "this_district", Guid? districtId = null, Guid? organisationId = null, string kind = "public_institution") =>
        new { name, kind, streetNodeId, declaredMembers = 120, records = new { location, districtId, organisationId } };

    internal static async Task<JsonElement> RegisterAsync(HttpClient client, object workplace) =>
        await (await client.PostAsJsonAsync("/api/partybuilding/workplaces", workplace, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
}
