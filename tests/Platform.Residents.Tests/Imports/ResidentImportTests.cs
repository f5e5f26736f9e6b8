using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Residents.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests.Imports;

/// <summary>Resident imports through the API, against the tree the fixture publishes; each test with people of its own.</summary>
public sealed class ResidentImportTests(ResidentsFixture fixture)
{
    private const string Prefix = "/api/residents/imports";
    private const string Header = "name,id_number,phone,node_code,household,residence,tags";

    static ResidentImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The code the fixture gives a node.</summary>
    private static string Code(Guid nodeId) => $"T{nodeId.ToString()[^4..]}";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static Task<JsonElement> ImportAsync(HttpClient client, byte[] content, string fileName = "residents.csv") =>
        client.ImportAsync(Prefix, content, fileName);

    /// <summary>The resident with <paramref name="idNumber"/> as the caller sees them, or null.</summary>
    private static async Task<JsonElement?> FindAsync(HttpClient client, string idNumber)
    {
        var page = await (await client.GetAsync(new Uri($"/api/residents?q={idNumber}", UriKind.Relative), Cancellation)).AssertOkAsync();
        return page.GetProperty("items").EnumerateArray().Select(r => (JsonElement?)r).SingleOrDefault();
    }

    private static string[] Tags(JsonElement resident) => [.. resident.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];

    [Fact]
    public async Task CleanFile_RegistersMaskedResidentsInHouseholds_ReImportChangesNothing_AndAChangedFileOnlyItsDifferences()
    {
        using var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var (elder, neighbour, lodger) = (TestPeople.IdNumber(new DateOnly(1950, 5, 1)), TestPeople.IdNumber(), TestPeople.IdNumber());
        var (elderPhone, neighbourPhone, lodgerPhone) = (TestPeople.Phone(), TestPeople.Phone(), TestPeople.Phone());
        var first = Csv(
            Header,
            $"王秀英,{elder},{elderPhone},{Code(TestTerritory.UnitA1)},301,户籍,低保、独居",
            $"李明,{neighbour},{neighbourPhone},{Code(TestTerritory.UnitA1)},301,hukou,",
            $"赵六,{lodger},,{Code(TestTerritory.BuildingB1)},,流动人口,");

        var created = await ImportAsync(admin, first);
        var again = await ImportAsync(admin, first);

        Assert.Equal("succeeded", created.GetProperty("state").GetString());
        Assert.Equal(3, created.GetProperty("rowsProcessed").GetInt32());
        Assert.Equal((3, 0, 0, 1), (created.Summary("added"), created.Summary("updated"), created.Summary("unchanged"), created.Summary("householdsAdded")));
        Assert.Equal((0, 0, 3, 0), (again.Summary("added"), again.Summary("updated"), again.Summary("unchanged"), again.Summary("householdsAdded")));

        var elderRecord = (await FindAsync(admin, elder))!.Value;
        var neighbourRecord = (await FindAsync(admin, neighbour))!.Value;
        var lodgerRecord = (await FindAsync(admin, lodger))!.Value;
        Assert.Equal("王秀英", elderRecord.GetProperty("name").GetString());
        Assert.Equal($"{elder[..3]}***********{elder[^4..]}", elderRecord.GetProperty("idNumber").GetString());
        Assert.Equal($"{elderPhone[..3]}****{elderPhone[^4..]}", elderRecord.GetProperty("phone").GetString());
        // The tags went through COPY into the text[] column; elderly follows from the birth date.
        Assert.Equal(["elderly", "living-alone", "low-income"], Tags(elderRecord));
        Assert.Equal(TestTerritory.UnitA1, elderRecord.GetProperty("nodeId").GetGuid());
        var household = elderRecord.GetProperty("householdId").GetGuid();
        Assert.Equal(household, neighbourRecord.GetProperty("householdId").GetGuid());
        Assert.Equal("resident_only", lodgerRecord.GetProperty("residence").GetString());
        Assert.Equal(JsonValueKind.Null, lodgerRecord.GetProperty("householdId").ValueKind);
        Assert.Equal(JsonValueKind.Null, lodgerRecord.GetProperty("phone").ValueKind);
        var members = await (await admin.GetAsync(new Uri($"/api/residents/households/{household}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("301", members.GetProperty("number").GetString());
        Assert.Equal(2, members.GetProperty("members").GetArrayLength());

        var ids = new[] { elderRecord, neighbourRecord, lodgerRecord }.Select(r => r.GetProperty("id").GetGuid()).ToArray();
        var registered = await fixture.RecordedAsync<ResidentRegisteredIntegrationEvent>(e => e.ResidentId == ids[0]);
        Assert.Equal((TestTerritory.UnitA1, household), (registered.NodeId, registered.HouseholdId!.Value));
        Assert.Equal(["elderly", "living-alone", "low-income"], registered.Tags);

        // A tag added, a name corrected, a move into a new household with a phone; the tags the file leaves out stay.
        var changed = await ImportAsync(admin, Csv(
            Header,
            $"王秀英,{elder},{elderPhone},{Code(TestTerritory.UnitA1)},301,户籍,残疾",
            $"李明明,{neighbour},{neighbourPhone},{Code(TestTerritory.UnitA1)},,hukou,",
            $"赵六,{lodger},{lodgerPhone},{Code(TestTerritory.BuildingA1b)},5-101,流动人口,"));

        Assert.Equal("succeeded", changed.GetProperty("state").GetString());
        Assert.Equal((0, 3, 0, 1), (changed.Summary("added"), changed.Summary("updated"), changed.Summary("unchanged"), changed.Summary("householdsAdded")));
        Assert.Equal(["disabled", "elderly", "living-alone", "low-income"], Tags((await FindAsync(admin, elder))!.Value));
        neighbourRecord = (await FindAsync(admin, neighbour))!.Value;
        Assert.Equal("李明明", neighbourRecord.GetProperty("name").GetString());
        Assert.Equal(household, neighbourRecord.GetProperty("householdId").GetGuid());
        lodgerRecord = (await FindAsync(admin, lodger))!.Value;
        Assert.Equal(TestTerritory.BuildingA1b, lodgerRecord.GetProperty("nodeId").GetGuid());
        Assert.Equal($"{lodgerPhone[..3]}****{lodgerPhone[^4..]}", lodgerRecord.GetProperty("phone").GetString());

        var moved = await fixture.RecordedAsync<ResidentMovedIntegrationEvent>(e => e.ResidentId == ids[2]);
        Assert.Equal((TestTerritory.BuildingB1, TestTerritory.BuildingA1b), (moved.FromNodeId, moved.ToNodeId));
        Assert.Equal(lodgerRecord.GetProperty("householdId").GetGuid(), moved.HouseholdId);
        var retagged = await fixture.RecordedAsync<ResidentTagsChangedIntegrationEvent>(e => e.ResidentId == ids[0]);
        Assert.Contains("disabled", retagged.Tags);

        // The outbox publishes in order, so the re-import's events, had there been any, have arrived by now.
        var events = fixture.Events.Where(e => e switch
        {
            ResidentRegisteredIntegrationEvent r => ids.Contains(r.ResidentId),
            ResidentMovedIntegrationEvent m => ids.Contains(m.ResidentId),
            ResidentTagsChangedIntegrationEvent t => ids.Contains(t.ResidentId),
            _ => false,
        }).ToList();
        Assert.Equal(3, events.OfType<ResidentRegisteredIntegrationEvent>().Count());
        Assert.Equal([ids[2]], events.OfType<ResidentMovedIntegrationEvent>().Select(e => e.ResidentId));
        Assert.Equal([ids[0]], events.OfType<ResidentTagsChangedIntegrationEvent>().Select(e => e.ResidentId));
    }

    [Fact]
    public async Task BadRows_AreAllReportedWithTheirLines_AndNothingIsApplied()
    {
        using var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var retired = await PublishRetiredBuildingAsync();
        var (good, twice) = (TestPeople.IdNumber(), TestPeople.IdNumber());
        var badCheck = good[..17] + (good[17] == '1' ? '2' : '1');
        var building = Code(TestTerritory.BuildingA1);

        var job = await ImportAsync(admin, Csv(
            Header,
            $"好人,{good},,{building},,,",                                // 2: fine on its own, but not applied
            $",{TestPeople.IdNumber()},,{building},,,",                    // 3: no name
            $"错号,{badCheck},,{building},,,",                             // 4: check digit
            $"错日,110105198602301234,,{building},,,",                     // 5: no 30 February
            $"错机,{TestPeople.IdNumber()},12345,{building},,,",           // 6: phone
            $"无楼,{TestPeople.IdNumber()},,NO-SUCH,,,",                   // 7: unknown node
            $"社区,{TestPeople.IdNumber()},,{Code(TestTerritory.CommunityA1)},,,", // 8: not a building or unit
            $"旧楼,{TestPeople.IdNumber()},,{retired},,,",                 // 9: retired
            $"长门,{TestPeople.IdNumber()},,{building},{new string('1', 30)},,", // 10: door number too long
            $"富户,{TestPeople.IdNumber()},,{building},,,富豪",              // 11: unknown tag
            $"外星,{TestPeople.IdNumber()},,{building},,火星,",              // 12: unknown residence
            $"双胞,{twice},,{building},,,",                                // 13: the same ID number…
            $"双胞,{twice},,{building},,,"));                              // 14: …twice

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal(13, job.GetProperty("rowsTotal").GetInt32());
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], job.ErrorLines());
        Assert.Null(await FindAsync(admin, good));
        Assert.Null(await FindAsync(admin, twice));
        var report = await admin.GetStringAsync(new Uri(job.GetProperty("errorReport").GetString()!, UriKind.Relative), Cancellation);
        Assert.Contains("\n13,\"The same ID number is also on line 14.\"", report, StringComparison.Ordinal);
        Assert.Contains("\n14,\"The same ID number is on line 13 already.\"", report, StringComparison.Ordinal);
        Assert.Contains("\n7,\"node_code: No building or unit with code 'NO-SUCH' in your area.\"", report, StringComparison.Ordinal);

        var header = await ImportAsync(admin, Csv("姓名,phone,备注", $"好人,{TestPeople.Phone()},x"));
        Assert.Equal("failed", header.GetProperty("state").GetString());
        var reasons = header.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("reason").GetString()!)).ToList();
        Assert.All(reasons, r => Assert.Equal(1, r.Item1));
        Assert.Contains(reasons, r => r.Item2.StartsWith("Unknown column '备注'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Item2 == "Required columns missing: id_number/身份证号, node_code/楼栋单元编码.");
    }

    [Fact]
    public async Task GbkCsvWithChineseHeaders_AndXlsxWorkbooks_AreImported()
    {
        using var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var (fromGbk, fromXlsx) = (TestPeople.IdNumber(), TestPeople.IdNumber(new DateOnly(2015, 6, 1)));
        var gbk = Encoding.GetEncoding(936).GetBytes(string.Join(
            "\r\n",
            "楼栋单元编码,姓名,身份证号,标签,户籍类型,门牌号,手机号",
            $"{Code(TestTerritory.BuildingA2)},国标居民,{fromGbk},\"优抚，残疾\",流动人口,2-202,"));

        var gbkJob = await ImportAsync(admin, gbk);
        var xlsxJob = await ImportAsync(admin, TestWorkbook.Create(
            ["name", "id_number", "phone", "node_code", "tags"],
            ["表格居民", fromXlsx, TestPeople.Phone(), Code(TestTerritory.BuildingA1), "living-alone"]), "residents.xlsx");

        Assert.Equal("succeeded", gbkJob.GetProperty("state").GetString());
        var gbkResident = (await FindAsync(admin, fromGbk))!.Value;
        Assert.Equal("国标居民", gbkResident.GetProperty("name").GetString());
        Assert.Equal(["disabled", "special-care"], Tags(gbkResident));
        Assert.Equal("resident_only", gbkResident.GetProperty("residence").GetString());
        Assert.Equal("succeeded", xlsxJob.GetProperty("state").GetString());
        var xlsxResident = (await FindAsync(admin, fromXlsx))!.Value;
        Assert.Equal("表格居民", xlsxResident.GetProperty("name").GetString());
        Assert.Equal(["living-alone", "minor"], Tags(xlsxResident));
        Assert.Equal("hukou", xlsxResident.GetProperty("residence").GetString());
    }

    [Fact]
    public async Task Importers_WorkInsideTheirScope_ResidentsMayNotImport_AndAnotherDistrictDoesNotSeeTheDemoTree()
    {
        using var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        using var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var elsewhere = TestPeople.IdNumber();
        Assert.Equal("succeeded", (await ImportAsync(admin, Csv(Header, $"西街人,{elsewhere},,{Code(TestTerritory.BuildingB1)},,,"))).GetProperty("state").GetString());

        var mine = TestPeople.IdNumber();
        var outside = await ImportAsync(worker, Csv(
            Header,
            $"本社区,{mine},,{Code(TestTerritory.BuildingA1)},,,",
            $"邻社区,{TestPeople.IdNumber()},,{Code(TestTerritory.BuildingA2)},,,",
            $"西街人,{elsewhere},,{Code(TestTerritory.BuildingA1)},,,"));
        var inside = await ImportAsync(worker, Csv(Header, $"本社区,{mine},,{Code(TestTerritory.BuildingA1)},,,"));

        Assert.Equal("failed", outside.GetProperty("state").GetString());
        Assert.Equal([3, 4], outside.ErrorLines());
        Assert.Equal("succeeded", inside.GetProperty("state").GetString());
        Assert.Equal(1, inside.Summary("added"));
        Assert.Equal(TestTerritory.BuildingB1, (await FindAsync(admin, elsewhere))!.Value.GetProperty("nodeId").GetGuid());

        using var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Csv(Header)), "file", "residents.csv" } };
        using var byResident = await resident.PostAsync(new Uri(Prefix, UriKind.Relative), form, Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, byResident.StatusCode);

        using var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        var crossing = await ImportAsync(other, Csv(Header, $"越界,{TestPeople.IdNumber()},,{Code(TestTerritory.BuildingA1)},,,"));
        Assert.Equal("failed", crossing.GetProperty("state").GetString());
        Assert.Equal([2], crossing.ErrorLines());
        var jobs = await (await other.GetAsync(new Uri(Prefix, UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.All(jobs.GetProperty("items").EnumerateArray(), j => Assert.NotEqual(inside.GetProperty("id").GetGuid(), j.GetProperty("id").GetGuid()));
    }

    /// <summary>Publishes a building under 西街道 and retires it, as the Districts service would; returns its code.</summary>
    private async Task<string> PublishRetiredBuildingAsync()
    {
        var id = Guid.NewGuid();
        var tenantId = ResidentsFixture.Demo.Id;
        await fixture.Bus.Publish(new TerritoryNodeAddedIntegrationEvent
        {
            TenantId = tenantId, NodeId = id, ParentId = TestTerritory.StreetB, Kind = TerritoryNodeKind.Building, Code = $"OLD-{id:N}",
            Name = "旧楼", Path = TerritoryPath.Of(TerritoryPath.Of(null, TestTerritory.StreetB), id),
        }, Cancellation);
        await fixture.WaitUntilAsync(db => db.TerritoryNodes.AnyAsync(n => n.Id == id, Cancellation), ResidentsFixture.Demo);
        await fixture.Bus.Publish(new TerritoryNodeRetiredIntegrationEvent { TenantId = tenantId, NodeId = id }, Cancellation);
        await fixture.WaitUntilAsync(db => db.TerritoryNodes.AnyAsync(n => n.Id == id && n.Retired, Cancellation), ResidentsFixture.Demo);
        return $"OLD-{id:N}";
    }
}
