using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Districts.Tests;

/// <summary>Shortcuts for the territory API in tests.</summary>
internal static class TerritoryClient
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string uri) =>
        await (await client.GetAsync(new Uri(uri, UriKind.Relative), Cancellation)).AssertOkAsync();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, object body) =>
        client.PostAsJsonAsync(uri, body, Cancellation);

    /// <summary>Creates a node and returns it; fails the test unless it is created.</summary>
    public static async Task<JsonElement> CreateNodeAsync(this HttpClient client, string kind, string code, string name, Guid? parentId, object? attributes = null) =>
        await (await client.PostJsonAsync("/api/territory/nodes", new { kind, code, name, parentId, attributes })).AssertOkAsync(System.Net.HttpStatusCode.Created);

    /// <summary>The id of the node with <paramref name="code"/>, found through search.</summary>
    public static async Task<Guid> NodeIdAsync(this HttpClient client, string code)
    {
        var page = await client.GetJsonAsync($"/api/territory/nodes?q={Uri.EscapeDataString(code)}&includeRetired=true");
        return page.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    /// <summary>Uploads a territory file and waits for the job to finish; returns the finished job.</summary>
    public static Task<JsonElement> ImportAsync(this HttpClient client, byte[] content, string fileName = "territory.csv") =>
        client.ImportAsync("/api/territory/imports", content, fileName);
}
