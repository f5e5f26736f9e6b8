using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Platform.Testing;

/// <summary>Assertions on HTTP answers, with the body in the failure message so a wrong status explains itself.</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts the status, the problem-details media type and the problem's stable code; returns the problem.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Asserts a 401 whose bearer challenge says the token was invalid (RFC 6750 <c>invalid_token</c>).</summary>
    public static async Task AssertInvalidTokenAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"Expected 401, got {(int)response.StatusCode}: {body}");
        var challenge = Assert.Single(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    /// <summary>Asserts the status (200 unless given); returns the JSON body, or default when empty.</summary>
    public static async Task<JsonElement> AssertOkAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>PATCH with a JSON body.</summary>
    public static Task<HttpResponseMessage> PatchJsonAsync<T>(this HttpClient client, string uri, T body)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PatchAsync(new Uri(uri, UriKind.Relative), JsonContent.Create(body), TestContext.Current.CancellationToken);
    }
}
