using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>Each rule of the input screen every service runs before its endpoints, one at a time.</summary>
public sealed class InputScreenTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<(WebApplication App, HttpClient Client)> StartAsync() => TestApp.StartAsync("Development", app =>
    {
        app.MapPost("/echo", async (HttpRequest request) => TypedResults.Text(await new StreamReader(request.Body).ReadToEndAsync()));
        app.MapPost("/form", (HttpRequest request) => TypedResults.Ok());
        app.MapGet("/things/{name}", (string name, string? q) => TypedResults.Ok(new { name, q }));
    });

    private static StringContent Json(string json, string mediaType = "application/json; charset=utf-8")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static async Task<string[]> RefusedFieldsAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemResults.ValidationFailedCode);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(field => field.Name)];
    }

    [Fact]
    public async Task Post_NulInsideAJsonString_Is400NamingTheField()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        using var response = await client.PostAsync("/echo", Json("""{"profile":{"displayName":"张\u0000三"}}"""), Cancellation);

        Assert.Equal(["profile.displayName"], await RefusedFieldsAsync(response));
    }

    [Fact]
    public async Task Get_NulInAQueryValue_Is400NamingTheParameter()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        using var response = await client.GetAsync(new Uri("/things/a?q=x%00y", UriKind.Relative), Cancellation);

        Assert.Equal(["q"], await RefusedFieldsAsync(response));
    }

    [Fact]
    public async Task Get_NulInThePath_IsRefusedWith400ByTheServer()
    {
        // Kestrel refuses a request target that decodes to a NUL before any middleware runs (the in-memory test
        // server throws instead), so the real server is asked.
        var (app, client) = await TestApp.StartOnKestrelAsync(app => app.MapGet("/things/{name}", (string name) => TypedResults.Ok(name)));
        await using var host = app;
        using var http = client;

        using var response = await http.GetAsync(new Uri("/things/a%00b", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_NulInAFormField_Is400NamingTheForm()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        // The form reader refuses the encoded NUL itself, before any field is named.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "a\0b" });
        using var response = await client.PostAsync("/form", form, Cancellation);

        Assert.Equal(["form"], await RefusedFieldsAsync(response));
    }

    [Fact]
    public async Task Post_DateOutsideTheSaneRangeInAFormField_Is400NamingTheField()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["from"] = "0001-01-01" });
        using var response = await client.PostAsync("/form", form, Cancellation);

        Assert.Equal(["from"], await RefusedFieldsAsync(response));
    }

    [Fact]
    public async Task Post_NullElementInAJsonList_Is400NamingTheElement()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        using var response = await client.PostAsync("/echo", Json("""{"roles":["resident",null]}"""), Cancellation);

        Assert.Equal(["roles[1]"], await RefusedFieldsAsync(response));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1899-12-31")]
    [InlineData("2201-01-01")]
    public async Task Post_DateOutsideTheSaneRange_Is400(string date)
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        using var response = await client.PostAsync("/echo", Json($$"""{"from":"{{date}}"}"""), Cancellation);

        Assert.Equal(["from"], await RefusedFieldsAsync(response));
    }

    [Fact]
    public async Task Get_DateOutsideTheSaneRangeInTheQuery_Is400()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        using var response = await client.GetAsync(new Uri("/things/a?q=0001-01-01", UriKind.Relative), Cancellation);

        Assert.Equal(["q"], await RefusedFieldsAsync(response));
    }

    [Fact]
    public async Task Post_InvalidUtf8InAJsonString_Is400()
    {
        var (app, client) = await StartAsync();
        await using var host = app;
        var body = new ByteArrayContent([.. "{\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        using var response = await client.PostAsync("/echo", body, Cancellation);

        Assert.Equal(["name"], await RefusedFieldsAsync(response));
    }

    [Fact]
    public async Task Post_UnsupportedCharset_Is415()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        using var response = await client.PostAsync("/echo", Json("""{"name":"x"}""", "application/json; charset=bogus"), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_charset");
    }

    [Fact]
    public async Task Post_AcceptableJson_ReachesTheEndpointWithItsBodyStillReadable()
    {
        var (app, client) = await StartAsync();
        await using var host = app;
        const string json = """{"name":"张三","from":"2026-12-01","tags":["a","b"]}""";

        using var response = await client.PostAsync("/echo", Json(json), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(json, await response.Content.ReadAsStringAsync(Cancellation));
    }
}
