using System.Net;
using Platform.Domain;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

public sealed class DomainProblemsTests
{
    private static readonly DomainError Retired = DomainError.Conflict("test.retired");
    private static readonly DomainError TooLong = DomainError.Invalid("test.too_long");
    private static readonly DomainError Unknown = DomainError.NotFound("test.unknown");
    private static readonly DomainError Refused = DomainError.Forbidden("test.refused");

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Throw_ConflictError_Answers409WithCodeAndFacts(string environment)
    {
        var (app, client) = await TestApp.StartAsync(environment, app => app.MapPost("/things", () =>
        {
            var refusal = new DomainException(Retired, "The thing is retired.");
            refusal.Facts["thingStatus"] = "retired";
            throw refusal;
        }));
        await using var host = app;

        var response = await client.PostAsync(new Uri("/things", UriKind.Relative), null, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "test.retired");
        Assert.Equal("The thing is retired.", problem.GetProperty("detail").GetString());
        Assert.Equal("retired", problem.GetProperty("thingStatus").GetString());
        Assert.Equal("/things", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Throw_InvalidErrorNamingAField_Answers400ListingTheField()
    {
        var (app, client) = await TestApp.StartAsync("Production", app =>
            app.MapPost("/things", () => { throw new DomainException(TooLong, "At most 5 characters.", "name"); }));
        await using var host = app;

        var response = await client.PostAsync(new Uri("/things", UriKind.Relative), null, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "test.too_long");
        Assert.Equal("At most 5 characters.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData("test.unknown", HttpStatusCode.NotFound)]
    [InlineData("test.refused", HttpStatusCode.Forbidden)]
    public async Task Throw_NotFoundOrForbiddenError_AnswersItsStatus(string code, HttpStatusCode status)
    {
        var error = code == Unknown.Code ? Unknown : Refused;
        var (app, client) = await TestApp.StartAsync("Production", app =>
            app.MapGet("/things/1", () => { throw new DomainException(error, "No."); }));
        await using var host = app;

        var response = await client.GetAsync(new Uri("/things/1", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(status, code);
    }

    [Fact]
    public async Task Throw_OtherException_StillAnswers500WithoutDetails()
    {
        var (app, client) = await TestApp.StartAsync("Production", app =>
            app.MapGet("/things", () => { throw new InvalidOperationException("secret internals"); }));
        await using var host = app;

        var response = await client.GetAsync(new Uri("/things", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "server_error");
        Assert.DoesNotContain("secret internals", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throw_DatabaseOutWithinAnotherException_Answers503WithRetryAfterAndNoDetails()
    {
        var (app, client) = await TestApp.StartAsync("Development", app => app.MapPost("/things", () =>
        {
            throw new InvalidOperationException("secret internals",
                new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)));
        }));
        await using var host = app;

        var response = await client.PostAsync(new Uri("/things", UriKind.Relative), null, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("secret internals", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("5432", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throw_NonTransientDatabaseError_StillAnswers500()
    {
        var (app, client) = await TestApp.StartAsync("Production", app =>
            app.MapGet("/things", () => { throw new Npgsql.NpgsqlException("syntax error"); }));
        await using var host = app;

        var response = await client.GetAsync(new Uri("/things", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "server_error");
    }

    [Fact]
    public async Task Throw_OtherExceptionInDevelopment_StillAnswersWithoutDetailsByDefault()
    {
        var (app, client) = await TestApp.StartAsync("Development", app =>
            app.MapGet("/things", () => { throw new InvalidOperationException("secret internals"); }));
        await using var host = app;

        var response = await client.GetAsync(new Uri("/things", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "server_error");
        Assert.False(problem.TryGetProperty("exception", out _), problem.ToString());
        Assert.DoesNotContain("secret internals", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), problem.ToString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _), problem.ToString());
    }

    [Fact]
    public async Task Throw_OtherExceptionWithDetailsSwitchedOn_AnswersTheException()
    {
        var (app, client) = await TestApp.StartAsync(
            "Development",
            app => app.MapGet("/things", () => { throw new InvalidOperationException("secret internals"); }),
            new Dictionary<string, string?> { [$"{ErrorDetailsOptions.SectionName}:{nameof(ErrorDetailsOptions.IncludeExceptionDetails)}"] = "true" });
        await using var host = app;

        var response = await client.GetAsync(new Uri("/things", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "server_error");
        Assert.Contains("secret internals", problem.GetProperty("exception").GetString(), StringComparison.Ordinal);
    }
}
