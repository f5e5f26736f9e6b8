using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Residents;

/// <summary>
/// Turns the <c>nodeId</c> (and optional door number) of a request into a place inside the caller's scope: a
/// building or unit of the tree, or a household. A door number at a building or unit finds the household there
/// or records a new one (added to the context, saved with the resident).
/// </summary>
internal static class ResidentPlacement
{
    public const string NodeField = "nodeId";

    /// <summary>The place, or the validation problem (keyed by field) that prevents it.</summary>
    public static async Task<(ResidentPlace? Place, string? Field, string? Problem)> ResolveAsync(
        ResidentsDbContext db, CallerScope scope, Guid? nodeId, string? householdNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (nodeId is not { } id)
        {
            return (null, NodeField, "A building, unit or household id is required.");
        }

        if (householdNumber is not null && Household.NumberProblem(householdNumber) is { } numberProblem)
        {
            return (null, "household", numberProblem);
        }

        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is not null && scope.Sees(household.NodePath))
        {
            return householdNumber is null || householdNumber.Trim() == household.Number
                ? (household.Place, null, null)
                : (null, "household", "The node is a household already; leave the door number out.");
        }

        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (node is null || !scope.Sees(node.Path))
        {
            return (null, NodeField, "No building, unit or household with this id in your area.");
        }

        if (node.Kind is not (TerritoryNodeKind.Building or TerritoryNodeKind.Unit))
        {
            return (null, NodeField, $"Residents live in a building or a unit, not a {node.Kind.ToString().ToLowerInvariant()}.");
        }

        if (node.Retired)
        {
            return (null, NodeField, "The building or unit is retired.");
        }

        if (householdNumber is null)
        {
            return (new ResidentPlace(node.Id, node.Path, null), null, null);
        }

        var number = householdNumber.Trim();
        var existing = await db.Households.SingleOrDefaultAsync(h => h.NodeId == node.Id && h.Number == number, cancellationToken)
            ?? db.Households.Local.SingleOrDefault(h => h.NodeId == node.Id && h.Number == number);
        if (existing is null)
        {
            existing = Household.At(node.Id, node.Path, number, now);
            db.Households.Add(existing);
        }

        return (existing.Place, null, null);
    }
}
