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

namespace Platform.Residents.Features.Demands;

/// <summary>
/// The body of <c>POST /api/demands/{id}/{action}</c>; each action reads the fields it needs:
/// classify <c>category</c> (and optionally <c>nodeId</c>), assign <c>assigneeType</c> + <c>assigneeId</c>,
/// whistle <c>departments</c>, checkin <c>department</c>, unresolvable <c>reason</c>, callback <c>satisfaction</c> + <c>score</c>.
/// Every action takes an optional <c>note</c> and <c>attachments</c> (references to stored files).
/// </summary>
/// <param name="Note">Free note for the history.</param>
/// <param name="Attachments">References to attached files (at most 10).</param>
/// <param name="Category">classify: the category.</param>
/// <param name="NodeId">classify: the corrected node.</param>
/// <param name="AssigneeType">assign: community, department or property_company.</param>
/// <param name="AssigneeId">assign: the community node id, the department's name or the company id.</param>
/// <param name="Departments">whistle: the departments summoned, e.g. 城管, 公安.</param>
/// <param name="Department">checkin: the department checking in.</param>
/// <param name="Reason">unresolvable: why.</param>
/// <param name="Satisfaction">callback: satisfied, basically_satisfied or dissatisfied.</param>
/// <param name="Score">callback: 1 to 5.</param>
public sealed record DemandActionRequest(
    string? Note,
    IReadOnlyList<string>? Attachments,
    string? Category,
    Guid? NodeId,
    AssigneeType? AssigneeType,
    string? AssigneeId,
    IReadOnlyList<string>? Departments,
    string? Department,
    string? Reason,
    Satisfaction? Satisfaction,
    int? Score);

/// <summary>
/// One step of the workflow on a demand the caller may see: workers take any step the status allows, residents only
/// give the callback on their own. A refused step changes nothing and says what the demand allows now.
/// </summary>
internal static class ActOnDemand
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapPost("{id:guid}/{action}", HandleAsync).WithSummary(
            "A transition: classify, assign, respond, whistle, checkin, start, resolve, unresolvable, callback, reopen or close. "
            + "A transition the status does not allow answers 409 with allowedActions.");

    private static async Task<Results<Ok<DemandResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        string action,
        DemandActionRequest? request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        IOptions<DemandSlaPolicy> sla,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!DemandActions.TryParse(action, out var wanted))
        {
            return new DomainException(DemandErrors.UnknownAction, $"'{action}' is not an action; actions are {string.Join(", ", WireNames.All<DemandAction>())}.").ToProblem();
        }

        var (visible, scope) = await DemandAccess.VisibleAsync(caller, db, cancellationToken);
        var demand = await visible.AsSingleQuery().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null)
        {
            return DemandAccess.NotFound(id);
        }

        // Residents take part only where it is theirs to: rating how their own demand was handled.
        if (scope is null && wanted != DemandAction.Callback)
        {
            return new DomainException(DemandErrors.ActionForbidden, "Residents may only give the callback on their own demands.").ToProblem();
        }

        var now = clock.GetUtcNow();
        var body = request ?? new DemandActionRequest(null, null, null, null, null, null, null, null, null, null, null);
        var missing = DemandTransitionRequest.MissingFields(wanted, body);
        if (missing.Count > 0)
        {
            return ProblemResults.Validation(missing);
        }

        // A step the demand's rules refuse throws DemandRuleException, which the service defaults answer with its problem.
        var refusal = await DemandTransitionRequest.ApplyAsync(wanted, body, demand, caller, scope, db, sla.Value, now, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        foreach (var integrationEvent in DemandEvents.After(wanted, demand, tenant.TenantId!.Value, now))
        {
            db.AddIntegrationEvent(integrationEvent);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DomainException(
                DemandErrors.ChangedConcurrently, "Someone else acted on this demand at the same time; reload it and try again.").ToProblem();
        }

        return TypedResults.Ok(DemandResponse.From(demand, now, withHistory: true));
    }
}
