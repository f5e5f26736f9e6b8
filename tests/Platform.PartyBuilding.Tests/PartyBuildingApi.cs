using System.Text.Json;
using Platform.Testing;

namespace Platform.PartyBuilding.Tests;

/// <summary>Reads over the party-building API.</summary>
internal static class PartyBuildingApi
{
    /// <summary>GETs <paramref name="uri"/>, which must answer 200, and returns the body.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string uri) =>
        await (await client.GetAsync(new Uri(uri, UriKind.Relative), TestContext.Current.CancellationToken)).AssertOkAsync();
}
