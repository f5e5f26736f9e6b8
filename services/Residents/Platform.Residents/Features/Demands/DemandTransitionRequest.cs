using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Demands;

/// <summary>Reads one action's fields from a <see cref="DemandActionRequest"/> and applies the action to the demand.</summary>
internal static class DemandTransitionRequest
{
    /// <summary>The fields the action needs that the request lacks.</summary>
    public static Dictionary<string, string[]> MissingFields(DemandAction action, DemandActionRequest request) => FieldChecks.ByField(action switch
    {
        DemandAction.Classify => [("category", string.IsNullOrWhiteSpace(request.Category) ? "classify needs the category." : null)],
        DemandAction.Assign =>
        [
            ("assigneeType", request.AssigneeType is null ? WireNames.Expected<AssigneeType>() : null),
            ("assigneeId", string.IsNullOrWhiteSpace(request.AssigneeId) ? "assign needs the assignee's id." : null),
        ],
        DemandAction.Whistle => [("departments", request.Departments is { Count: > 0 } ? null : "whistle needs the departments summoned.")],
        DemandAction.Checkin => [("department", string.IsNullOrWhiteSpace(request.Department) ? "checkin needs the department." : null)],
        DemandAction.Unresolvable => [("reason", string.IsNullOrWhiteSpace(request.Reason) ? "Say why the demand cannot be resolved." : null)],
        DemandAction.Callback =>
        [
            ("satisfaction", request.Satisfaction is null ? WireNames.Expected<Satisfaction>() : null),
            ("score", request.Score is null ? "A score from 1 to 5." : null),
        ],
        _ => [],
    });

    /// <summary>
    /// Applies the action; a reference to something outside the caller's <paramref name="scope"/> (null for a resident,
    /// who may only give the callback) is refused as a validation problem.
    /// </summary>
    /// <exception cref="DemandRuleException">The demand's rules refuse the action.</exception>
    public static async Task<ValidationProblem?> ApplyAsync(
        DemandAction action,
        DemandActionRequest request,
        Demand demand,
        ClaimsPrincipal caller,
        CallerScope? scope,
        ResidentsDbContext db,
        DemandSlaPolicy sla,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var actor = DemandAccess.Actor(caller);
        var (note, attachments) = (request.Note, request.Attachments);
        switch (action)
        {
            case DemandAction.Classify:
                if (request.NodeId is { } nodeId)
                {
                    var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, cancellationToken);
                    if (node is null || node.Retired || scope?.Sees(node.Path) != true)
                    {
                        return ProblemResults.Validation("nodeId", "No active territory node with this id in your area.");
                    }

                    demand.Classify(request.Category!, node.Id, node.Path, await DemandScope.GridOfAsync(db, node, cancellationToken), sla, actor, now, note, attachments);
                }
                else
                {
                    demand.Classify(request.Category!, null, null, null, sla, actor, now, note, attachments);
                }

                break;
            case DemandAction.Assign:
                if (request.AssigneeType == AssigneeType.Community && !await IsCommunityAsync(request.AssigneeId!, db, cancellationToken))
                {
                    return ProblemResults.Validation("assigneeId", "A community is assigned by its territory node id.");
                }

                demand.Assign(request.AssigneeType!.Value, request.AssigneeId!, actor, now, note, attachments);
                break;
            case DemandAction.Respond:
                demand.Respond(actor, now, note, attachments);
                break;
            case DemandAction.Whistle:
                demand.Whistle([.. request.Departments!], actor, now, note, attachments);
                break;
            case DemandAction.Checkin:
                demand.CheckIn(request.Department!, actor, now, note, attachments);
                break;
            case DemandAction.Start:
                demand.Start(actor, now, note, attachments);
                break;
            case DemandAction.Resolve:
                demand.Resolve(actor, now, note, attachments);
                break;
            case DemandAction.Unresolvable:
                demand.MarkUnresolvable(request.Reason!, actor, now, note, attachments);
                break;
            case DemandAction.Callback:
                demand.Callback(request.Satisfaction!.Value, request.Score!.Value, actor, now, note, attachments);
                break;
            case DemandAction.Reopen:
                demand.Reopen(actor, now, note, attachments);
                break;
            case DemandAction.Close:
                demand.Close(actor, now, note, attachments);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Not a demand action.");
        }

        return null;
    }

    private static async Task<bool> IsCommunityAsync(string assigneeId, ResidentsDbContext db, CancellationToken cancellationToken) =>
        Guid.TryParse(assigneeId, out var nodeId)
        && await db.TerritoryNodes.AnyAsync(n => n.Id == nodeId && (n.Kind == TerritoryNodeKind.Community || n.Kind == TerritoryNodeKind.Village), cancellationToken);
}
