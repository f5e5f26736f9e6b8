using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Platform.Portal.Session;

namespace Platform.Portal.Api;

/// <summary>
/// Calls the platform's APIs through the gateway as the signed-in user (their access token, refreshed when due)
/// and turns every refusal into an <see cref="ApiProblem"/> that a page can show next to its fields.
/// </summary>
internal sealed class GatewayApi(HttpClient http, UserTokens tokens, AuthenticationStateProvider authentication)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) }, cancellationToken);

    public Task<ApiResult<T>> PatchAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);

    /// <summary>Reads what the API shows anyone (the public tracking page), without the user's token, signed in or not.</summary>
    public Task<ApiResult<T>> GetAnonymousAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken, Anonymous);

    /// <summary>
    /// Downloads a file (an import's error report) for <paramref name="user"/>: a plain endpoint has the request's
    /// user, not the authentication state the components' renderer sets.
    /// </summary>
    public Task<ApiResult<DownloadedFile>> GetFileAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SendAsync<DownloadedFile>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken, user);

    /// <summary>Uploads <paramref name="file"/> as the form field <c>file</c> (imports).</summary>
    public Task<ApiResult<T>> PostFileAsync<T>(string path, Stream file, string fileName, CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent { { new StreamContent(file), "file", fileName } };
        return SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, cancellationToken);
    }

    // Marks a call made without anyone's token.
    private static readonly ClaimsPrincipal Anonymous = new();

    /// <summary>Sends <paramref name="request"/> as <paramref name="caller"/>, or by default as the page's signed-in user.</summary>
    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken, ClaimsPrincipal? caller = null)
    {
        using (request)
        {
            if (!ReferenceEquals(caller, Anonymous))
            {
                var user = caller ?? (await authentication.GetAuthenticationStateAsync()).User;
                if (await tokens.AccessTokenAsync(user, cancellationToken) is not { } accessToken)
                {
                    return ApiResult<T>.Failure(new ApiProblem(StatusCodes.Status401Unauthorized, ProblemTexts.SessionEndedCode, ProblemTexts.Describe(ProblemTexts.SessionEndedCode, 401)));
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return ApiResult<T>.Failure(new ApiProblem(StatusCodes.Status503ServiceUnavailable, ProblemTexts.UnreachableCode, ProblemTexts.Describe(ProblemTexts.UnreachableCode, 503)));
            }
            catch (Polly.Timeout.TimeoutRejectedException)
            {
                // The resilience handler gave up waiting: a page that says so, not an error page.
                return ApiResult<T>.Failure(new ApiProblem(StatusCodes.Status504GatewayTimeout, ProblemTexts.TimedOutCode, ProblemTexts.Describe(ProblemTexts.TimedOutCode, 504)));
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return ApiResult<T>.Success(await ReadAnswerAsync<T>(response, cancellationToken));
                }

                return ApiResult<T>.Failure(await ReadProblemAsync(response, cancellationToken));
            }
        }
    }

    private static async Task<T> ReadAnswerAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (typeof(T) == typeof(NoContent))
        {
            return (T)(object)NoContent.Value;
        }

        if (typeof(T) == typeof(DownloadedFile))
        {
            var content = response.Content.Headers;
            return (T)(object)new DownloadedFile(
                await response.Content.ReadAsByteArrayAsync(cancellationToken),
                content.ContentType?.ToString() ?? "application/octet-stream",
                content.ContentDisposition?.FileNameStar ?? content.ContentDisposition?.FileName?.Trim('"') ?? "download");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    /// <summary>The problem details of a refusal; a body that is not one still gives a message from its status.</summary>
    internal static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        JsonElement? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's error page): the status alone tells what to say.
        }

        return ToProblem(status, body);
    }

    internal static ApiProblem ToProblem(int status, JsonElement? body)
    {
        var code = body is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("code", out var named) && named.ValueKind == JsonValueKind.String
            ? named.GetString()!
            : $"http_{status}";
        var fields = new Dictionary<string, string[]>();
        if (body is { ValueKind: JsonValueKind.Object } document && document.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                fields[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? [.. field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
                    : [];
            }
        }

        return new ApiProblem(status, code, ProblemTexts.Describe(code, status), fields, body);
    }
}

/// <summary>A file an API answered with, to hand on to the browser as it came.</summary>
internal sealed record DownloadedFile(byte[] Content, string ContentType, string FileName);

/// <summary>The answer of a call that returns nothing to read.</summary>
internal sealed class NoContent
{
    public static readonly NoContent Value = new();

    private NoContent()
    {
    }
}
