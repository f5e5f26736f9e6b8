using Platform.Portal.Api;

namespace Platform.Portal.Features.Territory;

/// <summary>A territory node named by its code, as people type it in forms (a scope, a new parent).</summary>
internal static class ScopeCodes
{
    /// <summary>
    /// The node with exactly <paramref name="code"/> in the caller's part of the district: null for a blank code, or
    /// the problem to show under <paramref name="field"/> when there is none.
    /// </summary>
    public static async Task<(Guid? NodeId, ApiProblem? Problem)> NodeOfCodeAsync(this GatewayApi api, string? code, string field)
    {
        if (FormText.Trimmed(code) is not { } named)
        {
            return (null, null);
        }

        var (found, problem) = await api.FindPlacesAsync(named);
        if (problem is not null)
        {
            return (null, problem);
        }

        return found?.FirstOrDefault(place => string.Equals(place.Code, named, StringComparison.OrdinalIgnoreCase)) is { } node
            ? (node.Id, null)
            : (null, ApiProblem.InvalidField(field, "No node has this code in your area."));
    }
}
