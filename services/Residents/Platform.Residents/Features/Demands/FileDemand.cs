using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Demands;

/// <summary>A new demand.</summary>
/// <param name="Title">Short title, at most 100 characters.</param>
/// <param name="Description">What the problem is, at most 2,000 characters.</param>
/// <param name="Category">Category, e.g. 环境卫生, 供暖, 噪音.</param>
/// <param name="Channel">app, hotline, patrol, visit or deliberation.</param>
/// <param name="NodeId">The territory node the demand is about.</param>
/// <param name="ResidentId">The resident concerned, if known (workers only).</param>
/// <param name="Priority">normal (default) or urgent; urgent demands must be answered within 2 hours.</param>
public sealed record FileDemandRequest(
    string? Title, string? Description, string? Category, DemandChannel? Channel, Guid? NodeId, Guid? ResidentId, DemandPriority? Priority)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
    [
        .. Demand.FilingProblems(Title, Description, Category).Select(problem => (problem.Field, (string?)problem.Message)),
        (nameof(Channel), Channel is null ? WireNames.Expected<DemandChannel>() : null),
        (nameof(NodeId), NodeId is null ? "The territory node the demand is about is required." : null),
    ]);
}

/// <summary>
/// Files a demand: residents their own, anywhere in the district; workers for residents (hotline, patrol, visit),
/// inside their scope. The demand gets a tracking number to quote and its deadlines.
/// </summary>
internal static class FileDemand
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapPost("", HandleAsync).WithSummary("File a demand; residents file their own, workers file for residents (hotline, patrol, visit).");

    private static async Task<Results<Created<DemandResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        FileDemandRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        IOptions<DemandSlaPolicy> sla,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var isWorker = DemandAccess.IsWorker(caller);
        // A resident may raise a matter anywhere in the district; a worker files inside their own scope.
        var scope = isWorker ? await CallerScope.OfAsync(caller, db, cancellationToken) : CallerScope.WholeDistrict;
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (node is null || node.Retired || !scope.Sees(node.Path))
        {
            return ProblemResults.Validation("nodeId", "No active territory node with this id in your area.");
        }

        Guid? residentId = null;
        if (request.ResidentId is { } wantedResident)
        {
            var residentPath = isWorker
                ? await db.Residents.Where(r => r.Id == wantedResident).Select(r => r.NodePath).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (residentPath is null || !scope.Sees(residentPath))
            {
                return ProblemResults.Validation("residentId", "No resident with this id in your area.");
            }

            residentId = wantedResident;
        }

        var gridId = await DemandScope.GridOfAsync(db, node, cancellationToken);
        var now = clock.GetUtcNow();
        var actor = DemandAccess.Actor(caller);
        for (var attempt = 0; ; attempt++)
        {
            var demand = Demand.File(
                tenant.TenantId!.Value, DemandTrackingNumbers.New(now), request.Title!, request.Description ?? "", request.Category!, request.Channel!.Value,
                request.Priority ?? DemandPriority.Normal, node.Id, node.Path, gridId, residentId, actor, sla.Value, now);
            db.Demands.Add(demand);
            db.AddIntegrationEvent(DemandEvents.Received(demand));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Created($"/api/demands/{demand.Id}", DemandResponse.From(demand, now, withHistory: true));
            }
            catch (DbUpdateException exception) when (attempt < DemandTrackingNumbers.Attempts - 1 && exception.IsUniqueViolation())
            {
                // A tracking number drawn twice on the same day: draw again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
