using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Platform.Domain;
using Platform.PersonalData;
using Platform.Testing;

namespace Platform.Reliability.Tests;

/// <summary>
/// A property management area over one compound and its building, with an open owners' assembly vote with one matter
/// (<c>m1</c>) over a roll of one unit per owner.
/// </summary>
/// <param name="AreaId">The area.</param>
/// <param name="BuildingId">Its building's territory node.</param>
/// <param name="VoteId">The open vote.</param>
/// <param name="UnitCodes">One unit of each owner, in roll order: the load casts one ballot per code, each once.</param>
internal sealed record Estate(Guid AreaId, Guid BuildingId, Guid VoteId, IReadOnlyList<string> UnitCodes);

/// <summary>Work orders of a property company, each opened for a demand assigned to it, and the company's own system that moves them on.</summary>
/// <param name="Company">The company's machine client, with its client-credentials token, through the gateway.</param>
/// <param name="Orders">Each work order with its demand.</param>
internal sealed record CompanyWorkOrders(HttpClient Company, IReadOnlyList<(Guid WorkOrder, Guid Demand)> Orders) : IDisposable
{
    public void Dispose() => Company.Dispose();
}

/// <summary>Volunteer accounts of one purpose, each funded from the bank's issuance account, that the load moves minutes between.</summary>
internal sealed record FundedAccounts(string Purpose, IReadOnlyList<Guid> Ids);

/// <summary>
/// What the Property and TimeBank flows of the load need, set up through the gateway as the demo district admin, the way
/// a district would: a compound and its building added to the territory (which Property learns by its events), a
/// property management area over them with its roll imported from a spreadsheet, a vote drawn up and opened; a
/// property company (its machine client registered in Identity) under contract for the area, and demands at the
/// building assigned to it, for which Property opens work orders; the bank's issuance account and volunteer accounts it funds.
/// </summary>
internal static class LoadSetUp
{
    private static readonly TimeSpan s_replicaWait = TimeSpan.FromSeconds(60);

    /// <summary>Sets up an area of <paramref name="owners"/> owners under <paramref name="community"/> and opens a vote in it.</summary>
    public static async Task<Estate> EstateAsync(
        HttpClient client, PlatformUnderFaults platform, Guid community, string runMark, int owners, CancellationToken cancellationToken)
    {
        var compound = await CreatedIdAsync(client, "/api/territory/nodes",
            new { kind = "compound", code = $"{runMark}-P", name = "可靠性小区", parentId = community }, cancellationToken);
        var buildingCode = $"{runMark}-P1";
        var building = await CreatedIdAsync(client, "/api/territory/nodes",
            new { kind = "building", code = buildingCode, name = "1号楼", parentId = compound }, cancellationToken);
        // The services learn the territory from Districts' events: Property for the area, Residents for the demands filed there.
        await Eventually.HoldsAsync(async () => await ReplicaHoldsAsync(platform.PropertyDatabase, building, cancellationToken)
            && await ReplicaHoldsAsync(platform.ResidentsDatabase, building, cancellationToken), cancellationToken, s_replicaWait);

        var area = await CreatedIdAsync(client, "/api/property/areas",
            new { name = "可靠性小区物业管理区域", code = $"{runMark}-A", nodeIds = new[] { compound } }, cancellationToken);
        var unitCodes = Enumerable.Range(0, owners).Select(UnitCode).ToList();
        var job = await client.ImportAsync($"/api/property/areas/{area}/roll/imports", Roll(unitCodes, buildingCode), "roll.csv");
        if (job.GetProperty("state").GetString() != "succeeded")
        {
            throw new InvalidOperationException($"The roll import did not succeed: {job}");
        }

        var now = DateTimeOffset.UtcNow;
        var vote = await CreatedIdAsync(client, $"/api/property/areas/{area}/votes", new
        {
            title = "可靠性测试表决",
            opensAt = now.AddMinutes(1),
            closesAt = now.AddDays(7),
            matters = new[] { new { key = "m1", matter = "hire_or_dismiss_manager", question = "是否续聘现物业服务企业？", amount = (decimal?)null } },
        }, cancellationToken);
        using var opened = await client.PostAsync(new Uri($"/api/property/votes/{vote}/open", UriKind.Relative), null, cancellationToken);
        await opened.AssertOkAsync();
        return new Estate(area, building, vote, unitCodes);
    }

    /// <summary>
    /// Registers a property company with its machine client and its contract for the estate's area, then files
    /// <paramref name="count"/> demands at the estate's building and assigns each to the company (classify, assign), and
    /// waits until Property has opened a work order for every one.
    /// </summary>
    public static async Task<CompanyWorkOrders> WorkOrdersAsync(
        HttpClient client, PlatformUnderFaults platform, Estate estate, string runMark, int count, CancellationToken cancellationToken)
    {
        using var registered = await client.PostAsJsonAsync("/api/identity/clients", new { displayName = "可靠性物业服务有限公司", scopes = new[] { "property" } }, cancellationToken);
        var machine = await registered.AssertOkAsync(HttpStatusCode.Created);
        var clientId = machine.GetProperty("clientId").GetString()!;
        var company = await platform.MachineClientAsync(clientId, machine.GetProperty("clientSecret").GetString()!, "property", cancellationToken);
        const string CreditCodeBody = "91110105MA0000002";
        var companyCode = $"{runMark}-PC";
        var companyId = await CreatedIdAsync(client, "/api/property/companies", new
        {
            code = companyCode, name = "可靠性物业服务有限公司", creditCode = CreditCodeBody + UnifiedSocialCreditCode.CheckCharacter(CreditCodeBody), redProperty = false, clientId,
        }, cancellationToken);
        await CreatedIdAsync(client, $"/api/property/areas/{estate.AreaId}/contracts", new { companyId, kind = "owners_signed" }, cancellationToken);

        var demands = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var demand = await CreatedIdAsync(client, "/api/demands", new
            {
                title = $"{runMark} 报修 {i}", description = "楼道灯不亮", category = "环境卫生", channel = "hotline", nodeId = estate.BuildingId,
            }, token);
            await ActAsync(client, demand, "classify", new { category = "环境卫生" }, token);
            await ActAsync(client, demand, "assign", new { assigneeType = "property_company", assigneeId = companyCode }, token);
            demands[i] = demand;
        });

        var orders = await Eventually.ReturnsAsync(async () =>
        {
            var opened = await WorkOrdersOfAsync(platform.PropertyDatabase, demands, cancellationToken);
            return opened.Count == count ? opened : null;
        }, cancellationToken, s_replicaWait);
        return new CompanyWorkOrders(company, orders);
    }

    /// <summary>Opens the issuance account and <paramref name="count"/> volunteer accounts, each credited <paramref name="minutesEach"/>.</summary>
    public static async Task<FundedAccounts> FundAccountsAsync(
        HttpClient client, string runMark, int count, long minutesEach, CancellationToken cancellationToken)
    {
        const string Purpose = "volunteer_service";
        var issuance = await CreatedIdAsync(client, "/api/timebank/accounts", new { purpose = Purpose, ownerType = "bank", kind = "issuance" }, cancellationToken);
        var accounts = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var account = await CreatedIdAsync(client, "/api/timebank/accounts",
                new { purpose = Purpose, ownerType = "volunteer", ownerId = $"{runMark}-volunteer-{i}" }, cancellationToken);
            await CreatedIdAsync(client, "/api/timebank/transfers",
                new { id = Guid.CreateVersion7(), purpose = Purpose, from = issuance, to = account, minutes = minutesEach, memo = $"{runMark} 起始时长" }, cancellationToken);
            accounts.Add(account);
        }

        return new FundedAccounts(Purpose, accounts);
    }

    // Unique in the area: 100 units a floor.
    private static string UnitCode(int owner) => string.Create(CultureInfo.InvariantCulture, $"1-{owner / 100 + 1}-{owner % 100 + 101}");

    /// <summary>The floor area of owner <paramref name="owner"/>'s one unit: 60.00 to 119.99 m², so that the tally's areas are not a count.</summary>
    public static decimal UnitArea(int owner) => 60m + owner * 37 % 6000 / 100m;

    // The roll import's columns; each unit its own holder, a person with a valid (generated) ID number.
    private static byte[] Roll(IReadOnlyList<string> unitCodes, string buildingCode)
    {
        var csv = new StringBuilder("unit_code,building_code,area,delivered,holder_kind,holder_name,holder_id_number,holder_credit_code\n");
        for (var owner = 0; owner < unitCodes.Count; owner++)
        {
            var born = new DateOnly(1960, 1, 1).AddDays(owner / 1000);
            var idBody = string.Create(CultureInfo.InvariantCulture, $"110105{born:yyyyMMdd}{owner % 1000:D3}");
            csv.Append(CultureInfo.InvariantCulture,
                $"{unitCodes[owner]},{buildingCode},{UnitArea(owner):0.00},true,person,业主{owner},{idBody}{ChineseIdNumber.CheckCharacter(idBody)},\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task<bool> ReplicaHoldsAsync(string database, Guid node, CancellationToken cancellationToken)
    {
        await using var data = NpgsqlDataSource.Create(database);
        await using var command = data.CreateCommand("""SELECT count(*) FROM territory_nodes WHERE "Id" = $1""");
        command.Parameters.AddWithValue(node);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static async Task<List<(Guid WorkOrder, Guid Demand)>> WorkOrdersOfAsync(string database, Guid[] demands, CancellationToken cancellationToken)
    {
        await using var data = NpgsqlDataSource.Create(database);
        await using var command = data.CreateCommand("""SELECT "Id", "DemandId" FROM work_orders WHERE "DemandId" = ANY($1) ORDER BY "ReceivedAt" """);
        command.Parameters.AddWithValue(demands);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<(Guid, Guid)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        return orders;
    }

    private static async Task ActAsync(HttpClient client, Guid demand, string action, object body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"/api/demands/{demand}/{action}", body, cancellationToken);
        await response.AssertOkAsync();
    }

    // 201, or 200 where the endpoint answers what exists (an account the owner has).
    private static async Task<Guid> CreatedIdAsync(HttpClient client, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(path, body, cancellationToken);
        var created = await response.AssertOkAsync(response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }
}
