using Platform.MultiTenancy;
using Platform.Residents.Features.Residents;

namespace Platform.Residents.Features.Demands;

/// <summary>
/// How well demands are handled, per part of the district (what streets and communities are judged by).
/// Definitions, over the demands received in the period and placed under each node:
/// <list type="bullet">
/// <item>volume: demands received;</item>
/// <item>responseRate (响应率): answered within the response deadline ÷ volume;</item>
/// <item>resolutionRate (解决率): resolved ÷ (resolved + unresolvable + reopened), where reopened counts every reopening,
/// so a demand resolved only after being reopened weighs against the rate;</item>
/// <item>satisfactionRate (满意率): satisfied or basically satisfied ÷ demands with a callback;</item>
/// <item>overdue: demands that missed a deadline, as of now.</item>
/// </list>
/// A rate is null when nothing counts towards it.
/// </summary>
internal static class DemandMetricsEndpoints
{
    public static IEndpointRouteBuilder MapDemandMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var metrics = endpoints.MapGroup("/api/demands").RequireTenant().RequireAuthorization(ResidentEndpoints.KeepersPolicy).WithTags("Demand metrics");
        GetDemandMetrics.Map(metrics);
        GetDepartmentMetrics.Map(metrics);
        RankStreets.Map(metrics);
        FindHotSpots.Map(metrics);
        return endpoints;
    }
}
