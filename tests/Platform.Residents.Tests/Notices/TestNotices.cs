using System.Text.Json;
using Platform.Testing;

namespace Platform.Residents.Tests.Notices;

/// <summary>Public notices as anyone reads them: without signing in, the district named by the <c>/t/{district}</c> prefix.</summary>
internal static class TestNotices
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The public path of the demo district's notices (or <paramref name="district"/>'s).</summary>
    public static string PublicPath(string? district = null) => $"/t/{district ?? ResidentsFixture.Demo.Identifier}/api/notices";

    /// <summary>The notices about <paramref name="subjectId"/>, newest first, read without signing in.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AboutAsync(ResidentsFixture fixture, Guid subjectId)
    {
        using var anonymous = fixture.Service.Factory.CreateClient();
        var page = await (await anonymous.GetAsync(new Uri($"{PublicPath()}?subjectId={subjectId}", UriKind.Relative), Cancellation)).AssertOkAsync();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>The notice with id <paramref name="id"/>, read without signing in.</summary>
    public static async Task<JsonElement> ReadAsync(ResidentsFixture fixture, Guid id)
    {
        using var anonymous = fixture.Service.Factory.CreateClient();
        return await (await anonymous.GetAsync(new Uri($"{PublicPath()}/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
    }

    /// <summary>The one notice of <paramref name="kind"/> about <paramref name="subjectId"/>.</summary>
    public static async Task<JsonElement> SingleAsync(ResidentsFixture fixture, Guid subjectId, string kind) =>
        Assert.Single(await AboutAsync(fixture, subjectId), n => n.GetProperty("kind").GetString() == kind);
}
