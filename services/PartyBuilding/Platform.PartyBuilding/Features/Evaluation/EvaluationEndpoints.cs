using Platform.MultiTenancy;
using Platform.PartyBuilding.Features.Reporting;

namespace Platform.PartyBuilding.Features.Evaluation;

/// <summary>
/// Evaluation (评议): each quarter and year the community grades each reported member (优秀 / 合格 / 基本合格 / 不合格) with a
/// comment, which goes into the period's feedback report; units and communities evaluate each other yearly. Officials see
/// what their scope covers, a member their own grades; anything else answers 404.
/// </summary>
internal static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var evaluation = endpoints.MapGroup("/api/partybuilding").RequireTenant().RequireAuthorization(ReportingEndpoints.ReadersPolicy).WithTags("Evaluation");
        MemberEvaluations.Map(evaluation);
        MutualEvaluations.Map(evaluation);
        return endpoints;
    }
}
