using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Property.Tests.Api;

/// <summary>The property API as the tests call it.</summary>
internal static class PropertyApi
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static object Person(string? idNumber = null, string name = "王芳") =>
        new { kind = "person", name, idNumber = idNumber ?? TestHolders.IdNumber(), creditCode = (string?)null };

    public static object Company(string? creditCode = null, string name = "某某商贸有限公司") =>
        new { kind = "company", name, idNumber = (string?)null, creditCode = creditCode ?? TestHolders.CreditCode() };

    public static object Developer(string creditCode, string name = "某某房地产开发有限公司") =>
        new { kind = "developer", name, idNumber = (string?)null, creditCode };

    public static object Area(params Guid[] nodeIds) => new { name = "幸福小区物业管理区域", code = "WY" + Guid.NewGuid().ToString("N")[..10], nodeIds };

    public static object Unit(string code, Guid building, string area = "89.50", bool delivered = true, params object[] holders) =>
        new { code, buildingNodeId = building, area, delivered, holders = holders.Length == 0 ? [Person()] : holders };

    public static async Task<Guid> CreateAreaAsync(this HttpClient client, params Guid[] nodeIds) =>
        (await (await client.PostAsJsonAsync("/api/property/areas", Area(nodeIds), Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> AddUnitAsync(this HttpClient client, Guid areaId, object unit) =>
        await (await client.PostAsJsonAsync($"/api/property/areas/{areaId}/units", unit, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string uri) =>
        await (await client.GetAsync(uri, Cancellation)).AssertOkAsync();

    public static object Vote(params object[] matters) => new
    {
        title = "关于选聘物业服务企业的表决",
        opensAt = DateTimeOffset.UtcNow.AddHours(1),
        closesAt = DateTimeOffset.UtcNow.AddDays(7),
        matters = matters.Length == 0 ? [Matter("m1", "hire_or_dismiss_manager")] : matters,
    };

    public static object Matter(string key, string matter, decimal? amount = null) => new { key, matter, question = $"{matter}?", amount };

    public static async Task<Guid> DraftVoteAsync(this HttpClient client, Guid areaId, params object[] matters) =>
        (await (await client.PostAsJsonAsync($"/api/property/areas/{areaId}/votes", Vote(matters), Cancellation)).AssertOkAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    public static async Task<JsonElement> OpenVoteAsync(this HttpClient client, Guid voteId) =>
        await (await client.PostAsync($"/api/property/votes/{voteId}/open", null, Cancellation)).AssertOkAsync();

    public static Task<HttpResponseMessage> BallotAsync(
        this HttpClient client, Guid voteId, string unitCode, string channel = "paper", string choice = "approve", string? evidenceRef = "scan-001", string? proxyHolder = null) =>
        client.PostAsJsonAsync(
            $"/api/property/votes/{voteId}/ballots",
            new { unitCode, choices = new Dictionary<string, string> { ["m1"] = choice }, channel, evidenceRef = channel == "online" ? null : evidenceRef, proxyHolder },
            Cancellation);

    public static async Task<JsonElement> TallyAsync(this HttpClient client, Guid voteId) => await client.GetJsonAsync($"/api/property/votes/{voteId}/tally");
}
