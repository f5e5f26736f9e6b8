using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A request naming a shelf that only stored data can confirm, beside a shape checked by attributes.</summary>
public sealed record ShelveRequest([property: System.ComponentModel.DataAnnotations.Required] string? Title, string? Shelf);

/// <summary>Knows the shelves "a" and "b", and remembers which shelves it was asked about.</summary>
public sealed class KnownShelves : IStoredDataCheck<ShelveRequest>
{
    public static readonly ConcurrentQueue<string?> Asked = new();

    public async IAsyncEnumerable<(string Field, string Problem)> ProblemsAsync(
        ShelveRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        Asked.Enqueue(request.Shelf);
        if (request.Shelf is not ("a" or "b"))
        {
            yield return (nameof(request.Shelf), "No such shelf.");
        }
    }
}

public sealed class StoredDataCheckTests
{
    private static Task<(WebApplication App, HttpClient Client)> StartAsync() =>
        TestApp.StartAsync("Development", app => app.MapPost("/books", (ShelveRequest request) => TypedResults.Ok(request))
            .ValidateWithStoredData<ShelveRequest, KnownShelves>());

    [Fact]
    public async Task Post_ShapeAndStoredDataBothWrong_OneProblemNamesBothFieldsAsTheClientSpellsThem()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        var response = await client.PostAsJsonAsync("/books", new { title = (string?)null, shelf = "z" }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemResults.ValidationFailedCode);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(field => field.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "title", "shelf" }, fields);
        Assert.Equal("No such shelf.", problem.GetProperty("errors").GetProperty("shelf")[0].GetString());
    }

    [Fact]
    public async Task Post_OnlyStoredDataWrong_IsRefusedBeforeTheHandler()
    {
        var (app, client) = await StartAsync();
        await using var host = app;

        var response = await client.PostAsJsonAsync("/books", new { title = "围城", shelf = "z" }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemResults.ValidationFailedCode);
        Assert.Equal(["shelf"], problem.GetProperty("errors").EnumerateObject().Select(field => field.Name));
    }

    [Fact]
    public async Task Post_ValidRequest_ReachesTheHandlerAfterOneLookup()
    {
        var (app, client) = await StartAsync();
        await using var host = app;
        var shelf = "b";
        var askedBefore = KnownShelves.Asked.Count(asked => asked == shelf);

        var response = await client.PostAsJsonAsync("/books", new { title = "围城", shelf }, TestContext.Current.CancellationToken);

        Assert.Equal("围城", (await response.AssertOkAsync()).GetProperty("title").GetString());
        Assert.Equal(askedBefore + 1, KnownShelves.Asked.Count(asked => asked == shelf));
    }
}
