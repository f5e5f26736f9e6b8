using Platform.MultiTenancy;
using Platform.Residents.Features.Demands;

namespace Platform.Residents.Features.Deliberation;

/// <summary>
/// Deliberation (议事协商, 集 → 议 → 决 → 督 → 评): topics raised by residents and workers or made from a class of
/// demands, classified and routed by scale, and supported by residents until they reach the agenda. The same users
/// as the demand API: residents raise and support topics anywhere in their district, workers inside their scope.
/// </summary>
internal static class DeliberationEndpoints
{
    public static IEndpointRouteBuilder MapDeliberationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var topics = endpoints.MapGroup("/api/deliberation/topics").RequireTenant().RequireAuthorization(DemandEndpoints.UsersPolicy)
            .WithTags("Deliberation");
        RaiseTopic.Map(topics);
        ListTopics.Map(topics);
        GetTopic.Map(topics);
        ActOnTopic.Map(topics);
        return endpoints;
    }
}
