using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>A class of demands to make a topic from: one category in one grid, received in [from, to).</summary>
/// <param name="GridId">The grid.</param>
/// <param name="Category">The demands' category.</param>
/// <param name="From">Start of the window (default: 7 days before to), as the hot spots list it.</param>
/// <param name="To">End of the window (default: now).</param>
public sealed record TopicHotspotRequest(Guid? GridId, string? Category, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>A new topic (议题), raised directly or made from demands (workers only).</summary>
/// <param name="Title">Short title, at most 100 characters.</param>
/// <param name="Description">What the matter is, at most 2,000 characters.</param>
/// <param name="Category">Category, e.g. 加装电梯.</param>
/// <param name="NodeId">The building, compound, community or street the topic concerns; its kind is the topic's level.</param>
/// <param name="FromDemandIds">The demands the topic is made from (workers, inside their scope; at most 500).</param>
/// <param name="FromHotspot">A hot spot the topic is made from: it links every demand of that class in the caller's scope.</param>
public sealed record RaiseTopicRequest(
    string? Title, string? Description, string? Category, Guid? NodeId, IReadOnlyList<Guid>? FromDemandIds, TopicHotspotRequest? FromHotspot)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
    [
        .. Topic.RaisingProblems(Title, Description, Category).Select(problem => (problem.Field, (string?)problem.Message)),
        (nameof(NodeId), NodeId is null ? "The building, compound, community or street the topic concerns is required." : null),
        (nameof(FromDemandIds), FromDemandIds is null ? null
            : FromHotspot is not null ? "Either fromDemandIds or fromHotspot, not both."
            : FromDemandIds.Count is 0 or > Topic.MaxLinkedDemands ? $"1 to {Topic.MaxLinkedDemands} demands."
            : null),
        (nameof(FromHotspot), FromHotspot is { GridId: null } ? "The hot spot's grid is required." : null),
        (nameof(FromHotspot), FromHotspot is { } hotspot && string.IsNullOrWhiteSpace(hotspot.Category)
            ? "The hot spot's category is required." : null),
    ]);
}

/// <summary>
/// Raises a topic: residents anywhere in their district, workers inside their scope. A worker may make it from demands
/// (each must be inside their scope) or from a hot spot (every demand of the class inside their scope); the topic
/// links them all.
/// </summary>
internal static class RaiseTopic
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPost("", HandleAsync).WithSummary(
            "Raise a topic; workers may make it from demands (fromDemandIds) or a demand hot spot (fromHotspot: gridId, category, from, to), linking every demand of the class.");

    private static async Task<Results<Created<TopicResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RaiseTopicRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        IOptions<DeliberationRules> rules,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var isWorker = DemandAccess.IsWorker(caller);
        if (!isWorker && (request.FromDemandIds is not null || request.FromHotspot is not null))
        {
            return TopicAccess.Forbidden("Workers make topics from demands; residents raise them directly.");
        }

        var scope = isWorker ? await CallerScope.OfAsync(caller, db, cancellationToken) : CallerScope.WholeDistrict;
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (node is null || node.Retired || !scope.Sees(node.Path))
        {
            return ProblemResults.Validation("nodeId", "No active territory node with this id in your area.");
        }

        if (Topic.LevelOf(node.Kind) is null)
        {
            return ProblemResults.Validation("nodeId", "A topic concerns a building, a compound, a community or a street, not a grid or a unit.");
        }

        var now = clock.GetUtcNow();
        var (origin, linked, problem) = await LinkedDemandsAsync(request, db, scope, now, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var topic = Topic.Raise(
            tenant.TenantId!.Value, request.Title!, request.Description ?? "", request.Category!, node.Id, node.Path, node.Kind,
            await DemandScope.GridOfAsync(db, node, cancellationToken), origin, linked, rules.Value.SupportThreshold, DemandAccess.Actor(caller), now);
        db.Topics.Add(topic);
        db.AddIntegrationEvent(TopicEvents.Raised(topic));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/deliberation/topics/{topic.Id}", TopicResponse.From(topic, withHistory: true));
    }

    private static async Task<(TopicOrigin Origin, List<Guid> Linked, ValidationProblem? Problem)> LinkedDemandsAsync(
        RaiseTopicRequest request, ResidentsDbContext db, CallerScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var demands = db.Demands.InSubtree(scope.Path);
        if (request.FromDemandIds is { } wanted)
        {
            var ids = wanted.Distinct().ToList();
            var found = await demands.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
            var missing = ids.Except(found).ToList();
            return missing.Count == 0
                ? (TopicOrigin.Demands, ids, null)
                : (TopicOrigin.Demands, [], ProblemResults.Validation("fromDemandIds", $"No demand in your area with the ids {string.Join(", ", missing)}."));
        }

        if (request.FromHotspot is not { } hotspot)
        {
            return (TopicOrigin.Raised, [], null);
        }

        if (!DemandMeasurement.TryWindow(hotspot.From, hotspot.To, now, TimeSpan.FromDays(7), out var since, out var until, out var window))
        {
            return (TopicOrigin.Hotspot, [], window);
        }

        var category = hotspot.Category!.Trim();
        var members = await demands
            .Where(d => d.GridId == hotspot.GridId && d.Category == category && d.ReceivedAt >= since && d.ReceivedAt < until)
            .OrderBy(d => d.ReceivedAt).Select(d => d.Id).Take(Topic.MaxLinkedDemands + 1).ToListAsync(cancellationToken);
        return members.Count switch
        {
            0 => (TopicOrigin.Hotspot, [], ProblemResults.Validation("fromHotspot", "No demand of this class in your area.")),
            > Topic.MaxLinkedDemands => (TopicOrigin.Hotspot, [], ProblemResults.Validation(
                "fromHotspot", $"More than {Topic.MaxLinkedDemands} demands in this class; narrow the window.")),
            _ => (TopicOrigin.Hotspot, members, null),
        };
    }
}
