using Platform.MultiTenancy;
using Platform.PartyBuilding.Features.Organisations;

namespace Platform.PartyBuilding.Features.Feedback;

/// <summary>
/// Feedback to the workplace (双报告): a community sends each confirmed member's report for an ended quarter or year to
/// the member's workplace party organisation; a workplace kept in this district is acknowledged here, one in another
/// district of the platform receives it as an event addressed to that district and acknowledges there (which comes back
/// the same way), one outside the platform gets an export and its acknowledgement is recorded by hand. Officials see
/// what their scope covers; anything else answers 404.
/// </summary>
internal static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var feedback = endpoints.MapGroup("/api/partybuilding").RequireTenant().RequireAuthorization(OrganisationEndpoints.OfficialsPolicy).WithTags("Feedback to workplaces");
        SendFeedback.Map(feedback);
        SentFeedback.Map(feedback);
        FeedbackInbox.Map(feedback);
        return endpoints;
    }
}
