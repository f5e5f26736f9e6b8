using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Districts.Domain;
using Platform.ServiceDefaults;

namespace Platform.Districts.Features.Territory;

/// <summary>How a broken tree rule is answered.</summary>
internal static class TerritoryRuleProblems
{
    // Rules about what the request asks for are the client's mistake (400); the rest conflict with the tree's state (409).
    private static readonly HashSet<string> RequestProblems = ["territory.kind_not_allowed_here", "territory.attribute_not_applicable", "territory.invalid_attribute"];

    public static ProblemHttpResult ToProblem(this TerritoryRuleException rule) => ProblemResults.Problem(
        RequestProblems.Contains(rule.Code) ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict,
        rule.Code,
        "Territory rule",
        rule.Message);
}
