using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Districts.Tests;

internal static class ProblemAssertions
{
    /// <summary>Asserts the status and the problem's stable code; returns the problem for further checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static async Task<JsonElement> AssertOkAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static Task<HttpResponseMessage> PatchJsonAsync<T>(this HttpClient client, string uri, T body) =>
        client.PatchAsync(new Uri(uri, UriKind.Relative), JsonContent.Create(body), TestContext.Current.CancellationToken);
}
