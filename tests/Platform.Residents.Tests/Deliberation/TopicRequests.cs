using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>The topic API's calls as the tests make them.</summary>
internal static class TopicRequests
{
    public const string Topics = "/api/deliberation/topics";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static Guid IdOf(JsonElement element) => element.GetProperty("id").GetGuid();

    public static async Task<JsonElement> RaiseAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync(Topics, body, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> ActAsync(HttpClient client, Guid id, string action, object? body = null) =>
        await (await client.PostAsJsonAsync($"{Topics}/{id}/{action}", body ?? new { }, Cancellation)).AssertOkAsync();

    /// <summary>Raises a shared matter at <paramref name="nodeId"/> and has residents support it onto the agenda; returns its id.</summary>
    public static async Task<Guid> OnAgendaAsync(ResidentsFixture fixture, HttpClient worker, Guid nodeId, string title)
    {
        var id = IdOf(await RaiseAsync(worker, new { title, category = "公共事务", nodeId }));
        await ActAsync(worker, id, "classify", new { kind = "self_governance", scale = "shared" });
        for (var i = 0; i < ResidentsFixture.TopicSupportThreshold; i++)
        {
            await ActAsync(await fixture.MemberClientAsync(Platform.Contracts.PlatformRoleNames.Resident), id, "support");
        }

        return id;
    }

    public static async Task<JsonElement> RefusedAsync(HttpClient client, Guid id, string action, HttpStatusCode status, string code, object? body = null) =>
        await (await client.PostAsJsonAsync($"{Topics}/{id}/{action}", body ?? new { }, Cancellation)).AssertProblemAsync(status, code);
}
