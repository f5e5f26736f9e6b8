using System.Runtime.CompilerServices;
using Platform.ServiceDefaults;

namespace Platform.Identity.Territory;

/// <summary>A request that grants roles over a territory node of the caller's district.</summary>
internal interface ITerritoryGrant
{
    /// <summary>The node the grant applies to; null for the whole district.</summary>
    Guid? ScopeNodeId { get; }
}

/// <summary>Refuses a grant over a node identity's copy of the district's territory does not hold as active.</summary>
internal sealed class ScopeNodeCheck(TerritoryScopes territory) : IStoredDataCheck<ITerritoryGrant>
{
    public const string UnknownNode = "No such active territory node in this district.";

    public async IAsyncEnumerable<(string Field, string Problem)> ProblemsAsync(
        ITerritoryGrant request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await territory.FindAsync(request.ScopeNodeId, cancellationToken) is null)
        {
            yield return (nameof(request.ScopeNodeId), UnknownNode);
        }
    }
}
