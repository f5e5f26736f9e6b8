using Platform.Portal.Api;

namespace Platform.Portal.Features.Territory;

/// <summary>Finding the places a demand can be about by part of their name, in the caller's part of the district.</summary>
internal static class PlaceSearch
{
    /// <summary>The places named like <paramref name="name"/>, or nothing to show when no name was given.</summary>
    public static async Task<(IReadOnlyList<Place>? Places, ApiProblem? Problem)> FindPlacesAsync(this GatewayApi api, string? name)
    {
        if (FormText.Trimmed(name) is not { } named)
        {
            return (null, null);
        }

        var found = await api.GetAsync<PlacePage>(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/territory/nodes", new Dictionary<string, string?> { ["q"] = named, ["pageSize"] = "20" }),
            CancellationToken.None);
        return (found.Value?.Items, found.Problem);
    }
}
