using Platform.MultiTenancy;

namespace Platform.Districts.Features.Territory;

/// <summary>
/// The district's territory tree, one use case per file. Every caller sees only the subtree of their scope
/// (<see cref="TerritoryAccess"/>); a node outside it answers 404 exactly like a node that does not exist. Every
/// change is reported by an integration event. Refusals are thrown as <see cref="Domain.TerritoryRuleException"/>
/// and answered by the service defaults' problem mapping.
/// </summary>
internal static class TerritoryEndpoints
{
    public static IEndpointRouteBuilder MapTerritoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var territory = endpoints.MapGroup("/api/territory").RequireTenant().WithTags("Territory");
        CreateNode.Map(territory);
        SearchNodes.Map(territory);
        GetNode.Map(territory);
        ListChildren.Map(territory);
        ChangeNode.Map(territory);
        MoveNode.Map(territory);
        RetireNode.Map(territory);
        GetTree.Map(territory);
        return endpoints;
    }
}
