using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Budgets;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Budgets;

/// <summary>A project for a budget's list.</summary>
/// <param name="Code">1–20 characters of A-Z a-z 0-9 _ -, unique in the budget, case-sensitive.</param>
/// <param name="Title">Title, at most 200 characters.</param>
/// <param name="Cost">Cost in yuan, e.g. <c>"50000.00"</c>, positive.</param>
public sealed record AddBudgetProjectRequest(
    string? Code, string? Title, [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Cost) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Code), Code is null ? "A code is required." : null),
        (nameof(Title), string.IsNullOrWhiteSpace(Title) ? "A title is required." : null),
        (nameof(Cost), Cost is null ? "The cost, e.g. \"50000.00\"." : null));
}

/// <summary>Puts a project on a budget in draft.</summary>
internal static class AddBudgetProject
{
    public static void Map(IEndpointRouteBuilder budgets) =>
        budgets.MapPost("{id:guid}/projects", HandleAsync).WithSummary(
            "Put a project on the list of a budget in draft (workers); 409 budget.duplicate_code for a code already listed.");

    private static async Task<Results<Created<BudgetProjectResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, AddBudgetProjectRequest request, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return BudgetAccess.Forbidden("Workers put projects on the list.");
        }

        if (await BudgetAccess.FindAsync(id, caller, db, cancellationToken) is not { } budget)
        {
            return BudgetAccess.NotFound(id);
        }

        var project = budget.AddProject(request.Code!, request.Title!, request.Cost!.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same code added twice at once; the key decided.
            return new DomainException(BudgetErrors.DuplicateCode, $"Project {request.Code} is in the budget already.", "code").ToProblem();
        }

        return TypedResults.Created($"/api/budgets/{budget.Id}/projects/{project.Code}", BudgetProjectResponse.From(project));
    }
}
