using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Property.Data;
using Platform.Testing;

namespace Platform.Property.Tests.Api;

public sealed class RollImportTests(PropertyFixture fixture)
{
    private const string Header = "unit_code,building_code,area,delivered,holder_kind,holder_name,holder_id_number,holder_credit_code";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_OfMultiUnitCoHeldAndDeveloperUnits_RegistersTheRoll_CountingOwnersByLaw()
    {
        var (admin, areaId, buildings) = await AreaAsync();
        string a = TestHolders.IdNumber(), b = TestHolders.IdNumber(), c = TestHolders.IdNumber(), developer = TestHolders.CreditCode();

        var job = await admin.ImportAsync(Imports(areaId), Csv(
            $"1-101,{buildings[0]},89.50,true,person,王芳,{a},",
            $"1-102,{buildings[0]},60.25,true,person,王芳,{a},",
            $"2-101,{buildings[1]},120.00,true,person,王芳,{a},",
            $"2-101,{buildings[1]},120.00,true,person,李强,{b},",
            $"2-102,{buildings[1]},99.99,true,developer,某某房地产开发有限公司,,{developer}",
            $"2-103,{buildings[1]},70.00,false,person,赵敏,{c},"), "roll.csv");

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(5, job.Summary("added"));
        var roll = await admin.GetJsonAsync($"/api/property/areas/{areaId}/roll");
        Assert.Equal(5, roll.GetProperty("units").GetInt32());
        Assert.Equal("439.74", roll.GetProperty("totalArea").GetString());
        // {王芳} with two units, {王芳, 李强}, and the developer with its unsold and the undelivered unit.
        Assert.Equal(3, roll.GetProperty("ownerCount").GetInt32());
        Assert.Equal(2, roll.GetProperty("developerUnits").GetInt32());
    }

    [Fact]
    public async Task Import_Again_ChangesNothing_AndARevisedFileUpdatesTheUnitsByCode()
    {
        var (admin, areaId, buildings) = await AreaAsync();
        string a = TestHolders.IdNumber(), b = TestHolders.IdNumber();
        string[] rows = [$"1-101,{buildings[0]},89.50,true,person,王芳,{a},", $"1-102,{buildings[0]},60.00,true,person,李强,{b},"];
        await admin.ImportAsync(Imports(areaId), Csv(rows), "roll.csv");

        var again = await admin.ImportAsync(Imports(areaId), Csv(rows), "roll.csv");
        var revised = await admin.ImportAsync(Imports(areaId), Csv(rows[0], $"1-102,{buildings[1]},61.00,true,person,王芳,{a},"), "roll.csv");

        Assert.Equal((0, 0, 2), (again.Summary("added"), again.Summary("updated"), again.Summary("unchanged")));
        Assert.Equal((0, 1, 1), (revised.Summary("added"), revised.Summary("updated"), revised.Summary("unchanged")));
        var roll = await admin.GetJsonAsync($"/api/property/areas/{areaId}/roll");
        Assert.Equal((2, "150.50", 1), (roll.GetProperty("units").GetInt32(), roll.GetProperty("totalArea").GetString(), roll.GetProperty("ownerCount").GetInt32()));
    }

    [Fact]
    public async Task Import_WithBadRows_ReportsEveryOneByLine_AndImportsNothing()
    {
        var (admin, areaId, buildings) = await AreaAsync();
        string a = TestHolders.IdNumber();

        var job = await admin.ImportAsync(Imports(areaId), Csv(
            $"1-101,{buildings[0]},89.50,true,person,王芳,{a},",
            $"1-102,{buildings[0]},89.505,true,person,王芳,{a},",
            $"1-103,NOSUCH,89.50,true,person,王芳,{a},",
            $"1-104,{buildings[0]},89.50,true,person,王芳,{TestHolders.WithWrongCheck(a)},",
            $"1-105,{buildings[0]},89.50,true,person,王芳,{a},",
            $"1-105,{buildings[0]},90.00,true,person,李强,{TestHolders.IdNumber()},",
            $"1-106,{buildings[0]},89.50,maybe,person,王芳,{a},",
            $"1-107,{buildings[0]},0,true,company,某某公司,,{TestHolders.WithWrongCheck(TestHolders.CreditCode())}"), "roll.csv");

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal([3, 4, 5, 7, 8, 9], job.ErrorLines());
        var roll = await admin.GetJsonAsync($"/api/property/areas/{areaId}/roll");
        Assert.Equal(0, roll.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task Import_WithUnknownOrMissingColumns_IsRefusedOnTheHeaderLine()
    {
        var (admin, areaId, _) = await AreaAsync();

        var job = await admin.ImportAsync(Imports(areaId), Encoding.UTF8.GetBytes("unit_code,building,area\r\n1-101,B1,89.50\r\n"), "roll.csv");

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal([1], job.ErrorLines());
    }

    [Fact]
    public async Task ImportEndpoints_ForAnotherDistrictOrStreetOrArea_Answer404_AndImportNothing()
    {
        var (admin, areaId, buildings) = await AreaAsync();
        var (_, otherAreaId, _) = await AreaAsync();
        var job = await admin.ImportAsync(Imports(areaId), Csv($"1-101,{buildings[0]},89.50,true,person,王芳,{TestHolders.IdNumber()},"), "roll.csv");
        var jobId = job.GetProperty("id").GetGuid();
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var otherCommunity = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA2);

        foreach (var outsider in new[] { otherDistrict, otherCommunity })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Csv()), "file", "roll.csv" } };
            await (await outsider.PostAsync(Imports(areaId), form, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            await (await outsider.GetAsync(Imports(areaId), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            await (await outsider.GetAsync($"{Imports(areaId)}/{jobId}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
        }

        // The job belongs to its area: under another area it is not there.
        await (await admin.GetAsync($"{Imports(otherAreaId)}/{jobId}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "imports.job_not_found");
        var listed = await admin.GetJsonAsync(Imports(otherAreaId));
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/property/areas/{areaId}/roll")).GetProperty("units").GetInt32());
    }

    private static string Imports(Guid areaId) => $"/api/property/areas/{areaId}/roll/imports";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    /// <summary>A new area over a new compound of two buildings, its keeper, and the buildings' codes.</summary>
    private async Task<(HttpClient Admin, Guid AreaId, IReadOnlyList<string> BuildingCodes)> AreaAsync()
    {
        var compound = await fixture.NewCompoundAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        var codes = new List<string>();
        await fixture.Service.InScopeAsync(PropertyFixture.Demo, async services =>
        {
            var db = services.GetRequiredService<PropertyDbContext>();
            foreach (var building in compound.Buildings)
            {
                codes.Add(await db.TerritoryNodes.Where(n => n.Id == building).Select(n => n.Code).SingleAsync(Cancellation));
            }
        });
        return (admin, areaId, codes);
    }
}
