using Platform.MultiTenancy;
using Platform.PartyBuilding.Features.Reporting;

namespace Platform.PartyBuilding.Features.Lists;

/// <summary>
/// The three lists and claims (三个清单): the community needs list (微心愿 and posts such as 楼栋长, 民情前哨, 垃圾分类指导,
/// 防疫岗), the unit resource list (what reported units offer their streets) and the project list; suggestions matching
/// them; members and units claiming places, the community confirming and recording each claim's outcome. Officials see
/// what their scope covers, a member the openings of the community that confirmed them and their own claims; anything
/// else answers 404.
/// </summary>
internal static class ListEndpoints
{
    public static IEndpointRouteBuilder MapListEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var lists = endpoints.MapGroup("/api/partybuilding").RequireTenant().RequireAuthorization(ReportingEndpoints.ReadersPolicy).WithTags("Lists and claims");
        Openings.Map(lists);
        Claims.Map(lists);
        Matching.Map(lists);
        return endpoints;
    }
}
