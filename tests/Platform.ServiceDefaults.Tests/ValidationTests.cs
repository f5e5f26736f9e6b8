using System.ComponentModel.DataAnnotations;
using System.Net;
using Platform.Domain;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A request shape checked by attributes, as services declare them.</summary>
public sealed record ThingRequest([property: Required, MaxLength(5)] string? Name, [property: Range(1, 10)] int? Count);

/// <summary>A request that checks a rule spanning fields, or one written as a domain rule function.</summary>
public sealed record WindowRequest(DateOnly? From, DateOnly? To) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From >= To)
        {
            yield return new ValidationResult("from must be before to.", [nameof(From)]);
        }
    }
}

public sealed class ValidationTests
{
    public enum Shade
    {
        Light = 0,
        DarkGrey = 1,
    }

    [Fact]
    public async Task Post_BodyBreakingItsAttributes_AnswersValidationFailedPerCamelCaseField()
    {
        var (app, client) = await TestApp.StartAsync("Development", app => app.MapPost("/things", (ThingRequest request) => TypedResults.Ok(request)));
        await using var host = app;

        var response = await client.PostAsJsonAsync("/things", new { name = "toolong", count = 11 }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemResults.ValidationFailedCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("count", out _), errors.ToString());
        Assert.Equal(ProblemResults.ValidationFailedTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_ValidBody_ReachesTheHandler()
    {
        var (app, client) = await TestApp.StartAsync("Development", app => app.MapPost("/things", (ThingRequest request) => TypedResults.Ok(request)));
        await using var host = app;

        var response = await client.PostAsJsonAsync("/things", new { name = "ok", count = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal("ok", (await response.AssertOkAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_RuleAcrossFieldsBroken_ListsTheFieldItNames()
    {
        var (app, client) = await TestApp.StartAsync("Development", app => app.MapPost("/windows", (WindowRequest request) => TypedResults.Ok()));
        await using var host = app;

        var response = await client.PostAsJsonAsync("/windows", new { from = "2026-02-01", to = "2026-01-01" }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemResults.ValidationFailedCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _), problem.ToString());
    }

    [Theory]
    [InlineData("?shade=purple", HttpStatusCode.BadRequest)]
    [InlineData("?shade=1", HttpStatusCode.BadRequest)]
    [InlineData("?shade=dark_grey", HttpStatusCode.OK)]
    [InlineData("", HttpStatusCode.OK)]
    public async Task Get_QueryEnumByWireName_OnlyNamesPass(string query, HttpStatusCode status)
    {
        var (app, client) = await TestApp.StartAsync("Development", app => app.MapGet("/things", ([WireName(typeof(Shade))] string? shade) =>
            TypedResults.Ok(new { shade = shade is null ? null : WireNames.Parse<Shade>(shade).ToWire() })));
        await using var host = app;

        var response = await client.GetAsync(new Uri("/things" + query, UriKind.Relative), TestContext.Current.CancellationToken);

        if (status == HttpStatusCode.OK)
        {
            await response.AssertOkAsync();
        }
        else
        {
            var problem = await response.AssertProblemAsync(status, ProblemResults.ValidationFailedCode);
            Assert.Equal("One of light, dark_grey.", problem.GetProperty("errors").GetProperty("shade")[0].GetString());
        }
    }
}
