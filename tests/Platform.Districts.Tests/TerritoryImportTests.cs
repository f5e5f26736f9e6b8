using System.Net;
using System.Text;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Testing;

namespace Platform.Districts.Tests;

/// <summary>Territory imports through the API into the demo district, each test with codes of its own.</summary>
public sealed class TerritoryImportTests(DistrictsFixture fixture)
{
    private const string Header = "kind,code,name,parent_code,community_kind,governance_mode,households,floor_area";

    static TerritoryImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    [Fact]
    public async Task Import_WithEveryKindOfBadRow_ReportsEachLineAndAppliesNothing()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));

        var job = await admin.ImportAsync(Csv(
            Header,
            "street,I-BAD-S,好街道,,,,,",               // 2: fine on its own
            "district,I-BAD-X,区,,,,,",                 // 3: unknown kind
            "community,I-BAD-C,,I-BAD-S,,,,",           // 4: no name
            "street,I-BAD-S,又一个街道,,,,,",            // 5: duplicate code
            "community,I-BAD-U,孤儿社区,NO-SUCH,,,,",     // 6: unknown parent
            "grid,I-BAD-G1,网格一,I-BAD-G2,,,,",          // 7: cycle
            "grid,I-BAD-G2,网格二,I-BAD-G1,,,,",          // 8: cycle
            "building,I-BAD-B,1号楼,I-BAD-S,,,,",         // 9: a building cannot sit under a street
            "community,I-BAD-A,社区,I-BAD-S,,five_party,,", // 10: governance mode is for compounds
            "community,I-BAD-H,社区,I-BAD-S,,,many,",       // 11: not a number
            "community,I-BAD-K,社区,I-BAD-S,castle,,,"));   // 12: unknown community kind

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12], job.ErrorLines());
        Assert.Equal(11, job.GetProperty("rowsTotal").GetInt32());
        var search = await admin.GetJsonAsync("/api/territory/nodes?q=I-BAD");
        Assert.Equal(0, search.GetProperty("total").GetInt32());

        var report = await admin.GetStringAsync(new Uri(job.GetProperty("errorReport").GetString()!, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.StartsWith("line,reason", report.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\n6,\"Unknown parent code 'NO-SUCH'", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithBytesThatAreNeitherUtf8NorGbk_FailsNamingTheLine()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        byte[] content = [.. Csv(Header, "street,I-ENC-S,编码街道,,,,,"), .. "street,I-ENC-T,"u8, 0xFF, 0xFF, 0xFF, .. ",,,,,\r\n"u8];

        var job = await admin.ImportAsync(content);

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal([3], job.ErrorLines());
        Assert.Equal(0, (await admin.GetJsonAsync("/api/territory/nodes?q=I-ENC")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ReImport_OfTheSameFile_ChangesNothing_AndAChangedFileAppliesOnlyTheDifferences()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        string[] first =
        [
            Header,
            "street,I-IDEM-S1,幂等街道一,,,,,",
            "street,I-IDEM-S2,幂等街道二,,,,,",
            "community,I-IDEM-C,幂等社区,I-IDEM-S1,commercial,,300,",
            "grid,I-IDEM-G,幂等网格,I-IDEM-C,,,,",
            "compound,I-IDEM-K,幂等小区,I-IDEM-G,,five_party,100,9000.5",
        ];

        var created = await admin.ImportAsync(Csv(first));
        var again = await admin.ImportAsync(Csv(first));
        var changed = await admin.ImportAsync(Csv(
            Header,
            "street,I-IDEM-S1,幂等街道一,,,,,",
            "street,I-IDEM-S2,幂等街道二,,,,,",
            "community,I-IDEM-C,幂等社区,I-IDEM-S2,commercial,,300,",
            "grid,I-IDEM-G,幂等网格,I-IDEM-C,,,,",
            "compound,I-IDEM-K,幂等小区（更名）,I-IDEM-G,,five_party,120,9000.5"));

        Assert.Equal("succeeded", created.GetProperty("state").GetString());
        Assert.Equal(5, created.Summary("added"));
        Assert.Equal("succeeded", again.GetProperty("state").GetString());
        Assert.Equal(0, again.Summary("added"));
        Assert.Equal(5, again.Summary("unchanged"));
        Assert.Equal(1, changed.Summary("moved"));
        Assert.Equal(1, changed.Summary("renamed"));
        Assert.Equal(1, changed.Summary("attributesChanged"));
        Assert.Equal(3, changed.Summary("unchanged"));

        var street2 = await admin.NodeIdAsync("I-IDEM-S2");
        var community = await admin.NodeIdAsync("I-IDEM-C");
        var grid = await admin.NodeIdAsync("I-IDEM-G");
        var compound = await admin.GetJsonAsync($"/api/territory/nodes/{await admin.NodeIdAsync("I-IDEM-K")}");
        Assert.Equal($"/{street2}/{community}/{grid}/{compound.GetProperty("id").GetGuid()}/", compound.GetProperty("path").GetString());
        Assert.Equal("幂等小区（更名）", compound.GetProperty("name").GetString());
        Assert.Equal(120, compound.GetProperty("attributes").GetProperty("households").GetInt32());
        Assert.Equal(9000.5m, compound.GetProperty("attributes").GetProperty("floorArea").GetDecimal());

        // Five nodes added, each reported once; the re-run published nothing more.
        var moved = await fixture.RecordedAsync<TerritoryNodeMovedIntegrationEvent>(e => e.NodeId == community);
        Assert.Equal($"/{street2}/{community}/", moved.NewPath);
        var added = fixture.Events.OfType<TerritoryNodeAddedIntegrationEvent>().Where(e => e.Code.StartsWith("I-IDEM-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, added.Count);
        Assert.All(added, e => Assert.Equal(DemoDistrict.Id, e.TenantId));
    }

    [Fact]
    public async Task Import_OfAGbkFileAsGovernmentSystemsExportIt_ReadsTheChineseNames()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var gbk = Encoding.GetEncoding(936).GetBytes(string.Join("\r\n", Header, "街道,I-GBK-S,国标街道,,,,,", "社区,I-GBK-C,国标社区,I-GBK-S,老旧小区,,120,") + "\r\n");

        var job = await admin.ImportAsync(gbk);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        var community = await admin.GetJsonAsync($"/api/territory/nodes/{await admin.NodeIdAsync("I-GBK-C")}");
        Assert.Equal("国标社区", community.GetProperty("name").GetString());
        Assert.Equal("community", community.GetProperty("kind").GetString());
        Assert.Equal("old_estate", community.GetProperty("attributes").GetProperty("communityKind").GetString());
    }

    [Fact]
    public async Task Import_OfAnXlsxWorkbook_AppliesItsRows()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));

        var job = await admin.ImportAsync(TestWorkbook.Create(
            ["kind", "code", "name", "parent_code", "households"],
            ["street", "I-XLSX-S", "表格街道", "", null],
            ["community", "I-XLSX-C", "表格社区", "I-XLSX-S", 450]), "territory.xlsx");

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(2, job.Summary("added"));
        var community = await admin.GetJsonAsync($"/api/territory/nodes/{await admin.NodeIdAsync("I-XLSX-C")}");
        Assert.Equal(450, community.GetProperty("attributes").GetProperty("households").GetInt32());
    }

    [Fact]
    public async Task StreetAdmin_ImportsInsideTheirStreetOnly()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var eastLake = await admin.NodeIdAsync("110199001000");
        using var streetAdmin = fixture.Client(await fixture.MemberTokenAsync(DistrictsFixture.Demo, PlatformRoleNames.StreetAdmin, eastLake));

        var outside = await streetAdmin.ImportAsync(Csv(Header, "community,I-SCOPE-W,越界社区,110199002000,,,,", "community,I-SCOPE-E,街内社区,110199001000,,,,"));
        var inside = await streetAdmin.ImportAsync(Csv(Header, "community,I-SCOPE-E,街内社区,110199001000,,,,"));

        Assert.Equal("failed", outside.GetProperty("state").GetString());
        Assert.Equal([2], outside.ErrorLines());
        Assert.Equal("succeeded", inside.GetProperty("state").GetString());
        Assert.Equal(1, inside.Summary("added"));
    }

    [Fact]
    public async Task Import_IsRefusedToRolesThatDoNotOnboard_AndWithoutAFile()
    {
        using var worker = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.CommunityWorker));
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Csv(Header)), "file", "t.csv" } };

        using var byWorker = await worker.PostAsync(new Uri("/api/territory/imports", UriKind.Relative), form, TestContext.Current.CancellationToken);
        using var withoutFile = await admin.PostAsync(new Uri("/api/territory/imports", UriKind.Relative), new MultipartFormDataContent(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        await withoutFile.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
