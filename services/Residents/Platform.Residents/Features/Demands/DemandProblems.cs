using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;
using Platform.Domain;

namespace Platform.Residents.Features.Demands;

/// <summary>Demand rule violations as problem details; state problems list what the demand allows now.</summary>
internal static class DemandProblems
{
    public static ProblemHttpResult From(DemandRuleException rule, Demand demand)
    {
        var result = ProblemResults.Problem(
            rule.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            rule.Code,
            rule.IsConflict ? "Not possible now" : "Invalid request",
            rule.Message);
        result.ProblemDetails.Extensions["demandStatus"] = demand.Status.ToWire();
        result.ProblemDetails.Extensions["allowedActions"] = demand.AllowedActions.Select(a => a.Segment()).ToArray();
        return result;
    }
}
