using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.Property.Contracts;
using Platform.Property.Data;
using Platform.Testing;
using Platform.Testing.Services;

[assembly: AssemblyFixture(typeof(Platform.Property.Tests.PropertyFixture))]

namespace Platform.Property.Tests;

/// <summary>
/// The property service and the identity service that issues its tokens. The test bus plays the Districts service: it
/// onboards the demo district and a second one, each with a street and a community; every test adds compounds and
/// buildings of its own (<see cref="NewCompoundAsync"/>), because a building belongs to one area only.
/// </summary>
public sealed class PropertyFixture() : ServiceFixture<Program, PropertyDbContext>("property")
{
    /// <summary>The demo district's street.</summary>
    public static readonly Guid StreetA = Guid.Parse("00000000-0000-0000-0000-00000000a001");

    /// <summary>A community of that street.</summary>
    public static readonly Guid CommunityA1 = Guid.Parse("00000000-0000-0000-0000-00000000a002");

    /// <summary>Another community of that street.</summary>
    public static readonly Guid CommunityA2 = Guid.Parse("00000000-0000-0000-0000-00000000a003");

    /// <summary>The other district's street.</summary>
    public static readonly Guid OtherStreet = Guid.Parse("00000000-0000-0000-0000-00000000b001");

    protected override void RecordEvents(EventRecorder.Registrations events) =>
        events.Record<PropertyWorkOrderStatusChangedIntegrationEvent>().Record<PropertyCommitteeChangedIntegrationEvent>();

    /// <summary>
    /// A machine client registered by the demo district's admin in the identity service with scope <c>property</c>, as a
    /// company's own system would be: its id, and a client of this service with its client-credentials token.
    /// </summary>
    /// <param name="tenant">The district (default the demo district).</param>
    public async Task<(string ClientId, HttpClient Client)> MachineClientAsync(TenantInfo? tenant = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var identity = Identity.Factory.CreateClient();
        identity.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MemberTokenAsync(tenant ?? Demo, PlatformRoleNames.DistrictAdmin, null));
        using var registered = await identity.PostAsJsonAsync("/api/identity/clients", new { displayName = "幸福物业服务有限公司", scopes = new[] { "property" } }, cancellationToken);
        var client = await registered.AssertOkAsync(HttpStatusCode.Created);
        var clientId = client.GetProperty("clientId").GetString()!;
        using var anonymous = Identity.Factory.CreateClient();
        using var tokenResponse = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = client.GetProperty("clientSecret").GetString()!, ["scope"] = "property",
        }), cancellationToken);
        var token = await tokenResponse.AssertOkAsync();
        return (clientId, Client(token.GetProperty("access_token").GetString()!));
    }

    /// <summary>
    /// A new area of <paramref name="tenant"/> (default the demo district) under an owners-signed contract with a new
    /// company that has a machine client: the area's compound, the company's code and client, and the district admin.
    /// </summary>
    public async Task<ContractedArea> ContractedAreaAsync(TenantInfo? tenant = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var district = tenant ?? Demo;
        var compound = await NewCompoundAsync(tenant: district);
        var admin = await MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: district);
        using var area = await admin.PostAsJsonAsync("/api/property/areas", Api.PropertyApi.Area(compound.Id), cancellationToken);
        var areaId = (await area.AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (clientId, company) = await MachineClientAsync(district);
        var code = "pc-" + Guid.NewGuid().ToString("N")[..8];
        using var registered = await admin.PostAsJsonAsync(
            "/api/property/companies", new { code, name = "幸福物业服务有限公司", creditCode = TestHolders.CreditCode(), redProperty = true, clientId }, cancellationToken);
        var companyId = (await registered.AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var signed = await admin.PostAsJsonAsync($"/api/property/areas/{areaId}/contracts", new { companyId, kind = "owners_signed" }, cancellationToken);
        await signed.AssertOkAsync(HttpStatusCode.Created);
        return new ContractedArea(compound, areaId, companyId, code, company, admin);
    }

    protected override void Configure(IWebHostBuilder web)
    {
        // Fresh keys per run: nothing in the tests depends on the development keys.
        web.UseSetting("PersonalData:Keys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        web.UseSetting("PersonalData:CurrentKeyId", "test-1");
        web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // Webhooks reach the tests' own receiver on the loopback, over plain http, and retry within a second.
        web.UseSetting("Property:Webhooks:RequireHttps", "false");
        web.UseSetting("Property:Webhooks:AllowedPrivateNetworks:0", "127.0.0.0/8");
        web.UseSetting("Property:Webhooks:RetryDelays:0", "00:00:00.3");
        web.UseSetting("Property:Webhooks:RetryDelays:1", "00:00:00.6");
        web.UseSetting("Property:Webhooks:PollInterval", "00:00:00.1");
    }

    private readonly TerritoryTreeEvents _demoTree = new(Demo);
    private readonly TerritoryTreeEvents _otherTree = new(Other);

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        await OnboardAsync(Demo, cancellationToken);
        await OnboardAsync(Other, cancellationToken);
        _demoTree.Add(StreetA, null, TerritoryNodeKind.Street, "东街道")
            .Add(CommunityA1, StreetA, TerritoryNodeKind.Community, "东一社区")
            .Add(CommunityA2, StreetA, TerritoryNodeKind.Community, "东二社区");
        await PublishTreeAsync(_demoTree, cancellationToken);
        _otherTree.Add(OtherStreet, null, TerritoryNodeKind.Street, "别的街道");
        await PublishTreeAsync(_otherTree, cancellationToken);
    }

    /// <summary>
    /// A new compound with <paramref name="buildings"/> buildings in <paramref name="community"/> (default 东一社区; in the
    /// other district, its street).
    /// </summary>
    public async Task<TestCompound> NewCompoundAsync(int buildings = 2, Guid? community = null, TenantInfo? tenant = null)
    {
        var district = tenant ?? Demo;
        var tree = district == Demo ? _demoTree : _otherTree;
        var compound = Guid.NewGuid();
        var ids = Enumerable.Range(0, buildings).Select(_ => Guid.NewGuid()).ToList();
        List<TerritoryNodeAddedIntegrationEvent> added;
        lock (tree)
        {
            var before = tree.Events.Count;
            tree.Add(compound, community ?? (district == Demo ? CommunityA1 : OtherStreet), TerritoryNodeKind.Compound, "小区");
            foreach (var (id, n) in ids.Select((id, i) => (id, i + 1)))
            {
                tree.Add(id, compound, TerritoryNodeKind.Building, $"{n}号楼");
            }

            added = tree.Events[before..];
        }

        await PublishNodesAsync(district, added, TestContext.Current.CancellationToken);
        return new TestCompound(compound, ids);
    }
}

/// <summary>A compound a test owns, with its buildings.</summary>
/// <param name="Id">The compound.</param>
/// <param name="Buildings">Its buildings.</param>
public sealed record TestCompound(Guid Id, IReadOnlyList<Guid> Buildings);

/// <summary>An area under contract with a company that has a machine client.</summary>
/// <param name="Compound">The area's compound.</param>
/// <param name="AreaId">The area.</param>
/// <param name="CompanyId">The company.</param>
/// <param name="CompanyCode">The code demands are assigned to it by.</param>
/// <param name="Company">A client of the company's machine client.</param>
/// <param name="Admin">A client of the district's admin.</param>
public sealed record ContractedArea(TestCompound Compound, Guid AreaId, Guid CompanyId, string CompanyCode, HttpClient Company, HttpClient Admin);
