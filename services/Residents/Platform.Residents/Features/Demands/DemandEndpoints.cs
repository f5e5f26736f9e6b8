using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Features.Residents;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using Platform.Domain;

namespace Platform.Residents.Features.Demands;

/// <summary>
/// Demands (诉求, 接诉即办): filing, the workflow's transitions with their append-only history, lists with the
/// overdue flag, and the public status by tracking number. Residents file and follow their own demands (and rate
/// them at the callback); workers see and act on the demands inside their scope.
/// </summary>
internal static class DemandEndpoints
{
    /// <summary>Policy: who may use the demand API at all.</summary>
    public const string UsersPolicy = "demands.users";

    /// <summary>Roles that handle demands inside their scope.</summary>
    public static readonly string[] WorkerRoles = ResidentEndpoints.KeeperRoles;

    /// <summary>Roles that may use the demand API.</summary>
    public static readonly string[] UserRoles = [.. WorkerRoles, PlatformRoleNames.Resident];

    public static IEndpointRouteBuilder MapDemandEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var demands = endpoints.MapGroup("/api/demands").RequireTenant().WithTags("Demands");
        var users = demands.MapGroup("").RequireAuthorization(UsersPolicy);
        users.MapPost("", FileAsync).WithSummary("File a demand; residents file their own, workers file for residents (hotline, patrol, visit).");
        users.MapGet("", ListAsync).WithSummary(
            "Demands newest first, paged: a resident's own, a worker's scope. Filters: node, status, category, overdue=true (missed a deadline), from/to (received).");
        users.MapGet("{id:guid}", GetAsync).WithSummary("One demand with its status, allowed next actions, summons and full history.");
        users.MapPost("{id:guid}/{action}", ActAsync).WithSummary(
            "A transition: classify, assign, respond, whistle, checkin, start, resolve, unresolvable, callback, reopen or close. "
            + "A transition the status does not allow answers 409 with allowedActions.");
        demands.MapGet("track/{trackingNumber}", TrackAsync).AllowAnonymous().WithSummary(
            "Public status by tracking number, without personal data (the district comes from the host name or a /t/{district} prefix).");
        return endpoints;
    }

    private static async Task<Results<Created<DemandResponse>, ValidationProblem, ProblemHttpResult>> FileAsync(
        FileDemandRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        IOptions<DemandSlaPolicy> sla,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        errors.AddIf("title", Required(request.Title, Demand.MaxTitleLength));
        errors.AddIf("category", Required(request.Category, Demand.MaxCategoryLength));
        errors.AddIf("description", request.Description?.Length > Demand.MaxDescriptionLength ? $"At most {Demand.MaxDescriptionLength} characters." : null);
        errors.AddIf("channel", request.Channel is { } channel && Enum.IsDefined(channel) ? null : "One of app, hotline, patrol, visit, deliberation.");
        errors.AddIf("priority", request.Priority is null || Enum.IsDefined(request.Priority.Value) ? null : "normal or urgent.");
        errors.AddIf("nodeId", request.NodeId is null ? "The territory node the demand is about is required." : null);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var isWorker = WorkerRoles.Any(caller.IsInRole);
        // A resident may raise a matter anywhere in the district; a worker files inside their own scope.
        var scope = isWorker ? await CallerScope.OfAsync(caller, db, cancellationToken) : CallerScope.WholeDistrict;
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (node is null || node.Retired || !scope.Sees(node.Path))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["nodeId"] = ["No active territory node with this id in your area."] });
        }

        Guid? residentId = null;
        if (request.ResidentId is { } wantedResident)
        {
            var residentPath = isWorker
                ? await db.Residents.Where(r => r.Id == wantedResident).Select(r => r.NodePath).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (residentPath is null || !scope.Sees(residentPath))
            {
                return ProblemResults.Validation(new Dictionary<string, string[]> { ["residentId"] = ["No resident with this id in your area."] });
            }

            residentId = wantedResident;
        }

        var gridId = await GridOfAsync(db, node, cancellationToken);
        var now = clock.GetUtcNow();
        var actor = Actor(caller);
        for (var attempt = 0; ; attempt++)
        {
            var demand = Demand.File(
                tenant.TenantId!.Value, NewTrackingNumber(now), request.Title!, request.Description ?? "", request.Category!, request.Channel!.Value,
                request.Priority ?? DemandPriority.Normal, node.Id, node.Path, gridId, residentId, actor, sla.Value, now);
            db.Demands.Add(demand);
            db.AddIntegrationEvent(DemandEvents.Received(demand));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Created($"/api/demands/{demand.Id}", DemandResponse.From(demand, now, withHistory: true));
            }
            catch (DbUpdateException exception) when (attempt < 3 && exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // A tracking number drawn twice on the same day: draw again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Results<Ok<PagedResult<DemandResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] DemandQuery query,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        DemandStatus? status = null;
        if (query.Status is not null)
        {
            if (!WireNames.TryParse<DemandStatus>(query.Status, out var parsed))
            {
                return ProblemResults.Validation("status", WireNames.Expected<DemandStatus>());
            }

            status = parsed;
        }

        var now = clock.GetUtcNow();
        var paging = new PageRequest(query.Page, query.PageSize);
        var (demands, _) = await VisibleAsync(caller, db, cancellationToken);
        if (query.Node is { } nodeId)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            demands = demands.InSubtree(path ?? "//");
        }

        demands = status is { } wanted ? demands.Where(d => d.Status == wanted) : demands;
        demands = string.IsNullOrWhiteSpace(query.Category) ? demands : demands.Where(d => d.Category == query.Category.Trim());
        // PostgreSQL compares instants in UTC; a client may well send +08:00.
        demands = query.From?.ToUniversalTime() is { } from ? demands.Where(d => d.ReceivedAt >= from) : demands;
        demands = query.To?.ToUniversalTime() is { } to ? demands.Where(d => d.ReceivedAt < to) : demands;
        if (query.Overdue == true)
        {
            demands = demands.Where(DemandScope.OverdueAt(now));
        }

        var total = await demands.CountAsync(cancellationToken);
        var rows = await demands.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id)
            .Skip(paging.Skip).Take(paging.Size).AsSingleQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<DemandResponse>([.. rows.Select(d => DemandResponse.From(d, now, withHistory: false))], paging.Page, paging.Size, total));
    }

    private static async Task<Results<Ok<DemandResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (visible, _) = await VisibleAsync(caller, db, cancellationToken);
        var demand = await visible.AsSingleQuery().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return demand is null ? NotFound(id) : TypedResults.Ok(DemandResponse.From(demand, clock.GetUtcNow(), withHistory: true));
    }

    private static async Task<Results<Ok<DemandResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(
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
            return ProblemResults.Problem(
                StatusCodes.Status404NotFound, "demand.unknown_action", "Unknown action",
                $"'{action}' is not an action; actions are {string.Join(", ", Enum.GetValues<DemandAction>().Select(a => a.Segment()))}.");
        }

        var (visible, scope) = await VisibleAsync(caller, db, cancellationToken);
        var demand = await visible.AsSingleQuery().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null)
        {
            return NotFound(id);
        }

        // Residents take part only where it is theirs to: rating how their own demand was handled.
        if (scope is null && wanted != DemandAction.Callback)
        {
            return ProblemResults.Problem(
                StatusCodes.Status403Forbidden, "demand.action_forbidden", "Action not allowed", "Residents may only give the callback on their own demands.");
        }

        var now = clock.GetUtcNow();
        var body = request ?? new DemandActionRequest(null, null, null, null, null, null, null, null, null, null, null);
        var missing = DemandTransitionRequest.MissingFields(wanted, body);
        if (missing.Count > 0)
        {
            return ProblemResults.Validation(missing);
        }

        try
        {
            var refusal = await DemandTransitionRequest.ApplyAsync(wanted, body, demand, caller, scope, db, sla.Value, now, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
        }
        catch (DemandRuleException rule)
        {
            return DemandProblems.From(rule, demand);
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
            return ProblemResults.Problem(
                StatusCodes.Status409Conflict, "demand.changed_concurrently", "Demand changed meanwhile", "Someone else acted on this demand at the same time; reload it and try again.");
        }

        return TypedResults.Ok(DemandResponse.From(demand, now, withHistory: true));
    }

    private static async Task<Results<Ok<PublicDemandStatus>, ProblemHttpResult>> TrackAsync(
        string trackingNumber, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var number = trackingNumber.Trim();
        var demand = number.Length > Demand.MaxTrackingNumberLength
            ? null
            : await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.TrackingNumber == number, cancellationToken);
        return demand is null
            ? ProblemResults.Problem(StatusCodes.Status404NotFound, "demand.not_found", "Demand not found", "No demand with this tracking number.")
            : TypedResults.Ok(new PublicDemandStatus(
                demand.TrackingNumber, demand.Status, demand.Category, demand.ReceivedAt,
                [.. demand.History.OrderBy(h => h.Sequence).Where(h => h.FromStatus != h.ToStatus).Select(h => new PublicStep(h.ToStatus, h.At))]));
    }

    /// <summary>
    /// The demands the caller may see: a resident's own, a worker's scope. Read them with a single query: split
    /// queries are not one snapshot, and a step committed between them would show its history beside the old status.
    /// </summary>
    /// <returns>The demands, and the worker's scope (null for a resident).</returns>
    private static async Task<(IQueryable<Demand> Demands, CallerScope? Scope)> VisibleAsync(
        ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!WorkerRoles.Any(caller.IsInRole))
        {
            var userId = Actor(caller).UserId;
            return (db.Demands.Where(d => d.FiledBy == userId), null);
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        return (db.Demands.InSubtree(scope.Path), scope);
    }

    /// <summary>The grid the node lies in (the node itself or one of its ancestors), if any.</summary>
    public static async Task<Guid?> GridOfAsync(ResidentsDbContext db, TerritoryReplicaNode node, CancellationToken cancellationToken)
    {
        var ancestors = node.PathIds().ToList();
        return await db.TerritoryNodes.Where(n => ancestors.Contains(n.Id) && n.Kind == TerritoryNodeKind.Grid)
            .Select(n => (Guid?)n.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Who is acting, as the history records them.</summary>
    public static DemandActor Actor(ClaimsPrincipal caller) =>
        new(caller.UserId() ?? throw new InvalidOperationException("The demand users policy admits authenticated callers only."), caller.Identity?.Name);

    // yyMMdd and eight random digits: short enough to read out on the phone, and unguessable enough that
    // a neighbour cannot walk through today's demands.
    private static string NewTrackingNumber(DateTimeOffset now) =>
        $"{Domain.DistrictClock.Today(now):yyMMdd}{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}";

    private static string? Required(string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? "Required." : text.Trim().Length > maxLength ? $"At most {maxLength} characters." : null;

    private static ProblemHttpResult NotFound(Guid id) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "demand.not_found", "Demand not found", $"No demand {id} that you can see.");
}

/// <summary>The filters of the demand list.</summary>
internal sealed record DemandQuery(
    Guid? Node, string? Status, string? Category, bool? Overdue, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);
