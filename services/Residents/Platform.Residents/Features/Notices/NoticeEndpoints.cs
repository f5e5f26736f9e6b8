using Platform.MultiTenancy;
using Platform.Residents.Features.Demands;

namespace Platform.Residents.Features.Notices;

/// <summary>
/// Public notices (公示): anyone reads a district's notices without signing in (the district from the host name or a
/// <c>/t/{district}</c> prefix); workers publish their own inside their scope and read the objections; anyone signed in
/// objects while a notice runs. Decisions, budget results, completed tasks and representatives are published by themselves.
/// </summary>
internal static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var notices = endpoints.MapGroup("/api/notices").RequireTenant().RequireAuthorization(DemandEndpoints.UsersPolicy).WithTags("Notices");
        ReadNotices.Map(notices);
        PublishNotice.Map(notices);
        ObjectToNotice.Map(notices);
        return endpoints;
    }
}
