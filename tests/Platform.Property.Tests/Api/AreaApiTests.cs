using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Platform.Contracts;
using Platform.Testing;
using static Platform.Property.Tests.Api.PropertyApi;

namespace Platform.Property.Tests.Api;

public sealed class AreaApiTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_OverACompoundOfTheWorkersCommunity_AnswersCreated_AndTheAreaIsFound()
    {
        var compound = await fixture.NewCompoundAsync();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA1);

        var areaId = await worker.CreateAreaAsync(compound.Id);

        var area = await worker.GetJsonAsync($"/api/property/areas/{areaId}");
        Assert.Equal([compound.Id], area.GetProperty("nodeIds").EnumerateArray().Select(n => n.GetGuid()));
        var listed = await worker.GetJsonAsync("/api/property/areas?pageSize=100");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == areaId);
    }

    [Fact]
    public async Task Create_OverANodeAnotherAreaCovers_Answers409_AndCreatesNothing()
    {
        var compound = await fixture.NewCompoundAsync(buildings: 3);
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        await admin.CreateAreaAsync(compound.Buildings[0]);

        // The compound holds a building of that area; the building itself is in it.
        foreach (var nodes in new[] { new[] { compound.Id }, [compound.Buildings[0]], [compound.Buildings[1], compound.Buildings[0]] })
        {
            var response = await admin.PostAsJsonAsync("/api/property/areas", Area(nodes), Cancellation);
            await response.AssertProblemAsync(HttpStatusCode.Conflict, "property.node_in_another_area");
        }

        // Another building of the compound is free.
        await admin.CreateAreaAsync(compound.Buildings[1], compound.Buildings[2]);
    }

    [Fact]
    public async Task Create_WithBadInput_AnswersAProblemNamingTheField()
    {
        var compound = await fixture.NewCompoundAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA2);

        var cases = new (HttpClient Client, object Body, string Code, string Field)[]
        {
            (admin, new { name = " ", code = "X1", nodeIds = new[] { compound.Id } }, "validation_failed", "name"),
            (admin, new { name = "区域", code = "", nodeIds = new[] { compound.Id } }, "validation_failed", "code"),
            (admin, new { name = "区域", code = "X1", nodeIds = Array.Empty<Guid>() }, "validation_failed", "nodeIds"),
            (admin, new { name = "区域", code = "X1", nodeIds = new[] { compound.Id, compound.Id } }, "validation_failed", "nodeIds"),
            (admin, Area(PropertyFixture.CommunityA1), "property.node_not_coverable", "nodeIds"),
            (admin, Area(Guid.NewGuid()), "property.node_not_coverable", "nodeIds"),
            // The compound lies in 东一社区, outside the worker's 东二社区.
            (worker, Area(compound.Id), "property.node_not_coverable", "nodeIds"),
        };
        foreach (var (client, body, code, field) in cases)
        {
            var problem = await (await client.PostAsJsonAsync("/api/property/areas", body, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        // Nothing was created: the compound is still free.
        await admin.CreateAreaAsync(compound.Id);
    }

    [Fact]
    public async Task Create_WithACodeTaken_Answers409()
    {
        var first = await fixture.NewCompoundAsync(buildings: 1);
        var second = await fixture.NewCompoundAsync(buildings: 1);
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var code = "DUP" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/property/areas", new { name = "甲", code, nodeIds = new[] { first.Id } }, Cancellation)).EnsureSuccessStatusCode();

        var response = await admin.PostAsJsonAsync("/api/property/areas", new { name = "乙", code, nodeIds = new[] { second.Id } }, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "property.area_code_taken");
    }

    [Fact]
    public async Task Roll_WithMultiUnitCoHeldAndDeveloperUnits_CountsOwnersAsTheLawDoes()
    {
        var compound = await fixture.NewCompoundAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        var (a, b, c) = (TestHolders.IdNumber(), TestHolders.IdNumber(), TestHolders.IdNumber());
        var company = TestHolders.CreditCode();
        var developer = TestHolders.CreditCode();
        var (one, two) = (compound.Buildings[0], compound.Buildings[1]);

        // A holds two units (one in each building); A with B one more; B with A (the same pair) another; the developer two
        // unsold; C bought one not yet delivered; a company one.
        await admin.AddUnitAsync(areaId, Unit("1-101", one, "89.50", true, Person(a)));
        await admin.AddUnitAsync(areaId, Unit("2-101", two, "120.25", true, Person(a, "王芳")));
        await admin.AddUnitAsync(areaId, Unit("1-102", one, "75.00", true, Person(a), Person(b, "李强")));
        await admin.AddUnitAsync(areaId, Unit("1-103", one, "75", true, Person(b, "李强"), Person(a)));
        await admin.AddUnitAsync(areaId, Unit("1-201", one, "100.01", true, Developer(developer)));
        await admin.AddUnitAsync(areaId, Unit("1-202", one, "100", true, Developer(developer)));
        await admin.AddUnitAsync(areaId, Unit("2-201", two, "66.66", false, Person(c)));
        var shop = await admin.AddUnitAsync(areaId, Unit("2-001", two, "300.3", true, Company(company)));

        var roll = await admin.GetJsonAsync($"/api/property/areas/{areaId}/roll");

        Assert.Equal(8, roll.GetProperty("units").GetInt32());
        Assert.Equal("926.72", roll.GetProperty("totalArea").GetString());
        // A; {A, B}; the developer (its two unsold and C's undelivered unit); the company.
        Assert.Equal(4, roll.GetProperty("ownerCount").GetInt32());
        Assert.Equal(3, roll.GetProperty("developerUnits").GetInt32());
        Assert.Equal("300.30", shop.GetProperty("area").GetString());
        var items = roll.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["1-101", "1-102", "1-103", "1-201", "1-202", "2-001", "2-101", "2-201"], items.Select(i => i.GetProperty("code").GetString()));
        Assert.Equal(items[1].GetProperty("ownerId").GetGuid(), items[2].GetProperty("ownerId").GetGuid());
        Assert.Equal(items[0].GetProperty("ownerId").GetGuid(), items[6].GetProperty("ownerId").GetGuid());
        Assert.Equal($"{a[..3]}***********{a[^4..]}", items[0].GetProperty("holders")[0].GetProperty("idNumber").GetString());
        var area = await admin.GetJsonAsync($"/api/property/areas/{areaId}");
        Assert.Equal(developer, area.GetProperty("developer").GetProperty("creditCode").GetString());

        await using var connection = new NpgsqlConnection(fixture.Service.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand("SELECT string_agg(row_to_json(h)::text, '') FROM unit_holders h", connection);
        var stored = (string)(await command.ExecuteScalarAsync(Cancellation))!;
        Assert.DoesNotContain(a, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(a[6..14], stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUnit_WithBadInput_AnswersAProblemNamingTheField_AndChangesNothing()
    {
        var compound = await fixture.NewCompoundAsync();
        var elsewhere = await fixture.NewCompoundAsync(buildings: 1);
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        var building = compound.Buildings[0];
        var developer = TestHolders.CreditCode();
        await admin.AddUnitAsync(areaId, Unit("1-101", building, "50", true, Developer(developer)));
        var badId = TestHolders.WithWrongCheck(TestHolders.IdNumber());
        var badCode = TestHolders.WithWrongCheck(TestHolders.CreditCode());

        var cases = new (object Body, HttpStatusCode Status, string Code, string? Field)[]
        {
            (Unit("1-201", building, "89.505"), HttpStatusCode.BadRequest, "validation_failed", "area"),
            (Unit("1-201", building, "0"), HttpStatusCode.BadRequest, "validation_failed", "area"),
            (Unit("1-201", building, "-12.5"), HttpStatusCode.BadRequest, "validation_failed", "area"),
            (Unit("1-201", building, "89.50", true, Person(badId)), HttpStatusCode.BadRequest, "validation_failed", "holders[0].idNumber"),
            (Unit("1-201", building, "89.50", true, Person(), Company(badCode)), HttpStatusCode.BadRequest, "validation_failed", "holders[1].creditCode"),
            (Unit("1-201", building, "89.50", true, new { kind = "robot", name = "x" }), HttpStatusCode.BadRequest, "validation_failed", "holders[0].kind"),
            (Unit("1-201", building, "89.50", true, Developer(developer), Person()), HttpStatusCode.BadRequest, "validation_failed", "holders"),
            (new { code = "1-201", buildingNodeId = building, area = "89.50", delivered = true, holders = Array.Empty<object>() }, HttpStatusCode.BadRequest, "validation_failed", "holders"),
            (Unit("1-201", elsewhere.Buildings[0]), HttpStatusCode.BadRequest, "property.building_outside_area", "buildingNodeId"),
            (Unit("1-201", compound.Id), HttpStatusCode.BadRequest, "property.building_outside_area", "buildingNodeId"),
            (Unit("1-101", building), HttpStatusCode.Conflict, "property.unit_code_taken", null),
            (Unit("1-201", building, "60", true, Developer(TestHolders.CreditCode())), HttpStatusCode.Conflict, "property.developer_mismatch", null),
        };
        foreach (var (body, status, code, field) in cases)
        {
            var problem = await (await admin.PostAsJsonAsync($"/api/property/areas/{areaId}/units", body, Cancellation)).AssertProblemAsync(status, code);
            Assert.True(field is null || problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var roll = await admin.GetJsonAsync($"/api/property/areas/{areaId}/roll");
        Assert.Equal(1, roll.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task AreaEndpoints_ForAnotherDistrictOrStreet_Answer404()
    {
        var compound = await fixture.NewCompoundAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        var unit = await admin.AddUnitAsync(areaId, Unit("1-101", compound.Buildings[0]));
        var ownerId = unit.GetProperty("ownerId").GetGuid();
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var otherCommunity = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA2);

        foreach (var outsider in new[] { otherDistrict, otherCommunity })
        {
            await (await outsider.GetAsync($"/api/property/areas/{areaId}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            await (await outsider.GetAsync($"/api/property/areas/{areaId}/roll", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            await (await outsider.PostAsJsonAsync($"/api/property/areas/{areaId}/units", Unit("9-9", compound.Buildings[0]), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            await (await outsider.PostAsJsonAsync($"/api/property/areas/{areaId}/votes", Vote(), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            await (await outsider.PostAsJsonAsync($"/api/property/owners/{ownerId}/link", new { userId = "someone" }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "property.owner_not_found");
            var listed = await outsider.GetJsonAsync("/api/property/areas?pageSize=100");
            Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == areaId);
        }

        // The other district cannot claim the demo district's compound either: it does not know the node.
        await (await otherDistrict.PostAsJsonAsync("/api/property/areas", Area(compound.Id), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.node_not_coverable");
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/property/areas/{areaId}", Cancellation)).StatusCode);
    }
}
