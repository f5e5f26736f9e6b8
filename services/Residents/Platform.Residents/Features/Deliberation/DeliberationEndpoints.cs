using Platform.MultiTenancy;
using Platform.Residents.Features.Demands;

namespace Platform.Residents.Features.Deliberation;

/// <summary>
/// Deliberation (议事协商, 集 → 议 → 决 → 督 → 评): topics raised by residents and workers or made from a class of
/// demands, classified and routed by scale, and supported by residents until they reach the agenda. The same users
/// as the demand API: residents raise and support topics anywhere in their district, workers inside their scope.
/// Representatives (议事代表) are nominated, published for objections and confirmed by the workers of their area, into
/// the area's seats; meetings (议事会议) are convened with an agenda, opened with their quorum and closed with minutes.
/// </summary>
internal static class DeliberationEndpoints
{
    public static IEndpointRouteBuilder MapDeliberationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var topics = endpoints.MapGroup("/api/deliberation/topics").RequireTenant().RequireAuthorization(DemandEndpoints.UsersPolicy)
            .WithTags("Deliberation");
        RaiseTopic.Map(topics);
        ListTopics.Map(topics);
        ReviewDecisions.Map(topics);
        GetTopic.Map(topics);
        ActOnTopic.Map(topics);

        var representatives = endpoints.MapGroup("/api/deliberation/representatives").RequireTenant().RequireAuthorization(DemandEndpoints.UsersPolicy)
            .WithTags("Deliberation");
        NominateRepresentative.Map(representatives);
        ListRepresentatives.Map(representatives);
        DecideOnRepresentative.Map(representatives);
        RepresentativeSeatsOfArea.Map(representatives);

        var meetings = endpoints.MapGroup("/api/deliberation/meetings").RequireTenant().RequireAuthorization(DemandEndpoints.UsersPolicy)
            .WithTags("Deliberation");
        ConveneMeeting.Map(meetings);
        HoldMeeting.Map(meetings);
        return endpoints;
    }
}
