using Platform.MultiTenancy;
using Platform.Residents.Features.Demands;

namespace Platform.Residents.Features.Budgets;

/// <summary>
/// Participatory budgets (参与式预算, 经费怎么花，群众说了算): workers set up a budget for an area inside their scope, list
/// its projects, open and close the vote and enter paper ballots; residents see every budget of their district and cast
/// their own online ballot through their linked account. The result is computed at close and published.
/// </summary>
internal static class BudgetEndpoints
{
    public static IEndpointRouteBuilder MapBudgetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var budgets = endpoints.MapGroup("/api/budgets").RequireTenant().RequireAuthorization(DemandEndpoints.UsersPolicy).WithTags("Budgets");
        CreateBudget.Map(budgets);
        ListBudgets.Map(budgets);
        GetBudget.Map(budgets);
        AddBudgetProject.Map(budgets);
        OpenAndCloseBudget.Map(budgets);
        CastBudgetBallot.Map(budgets);
        GetBudgetResult.Map(budgets);
        return endpoints;
    }
}
