using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;

namespace Platform.Districts.Features.Territory;

/// <summary>
/// The district's territory tree. Every caller sees only the subtree of their scope; a node outside it answers
/// 404 exactly like a node that does not exist. Every change is reported by an integration event.
/// </summary>
internal static class TerritoryEndpoints
{
    /// <summary>The most nodes one tree request returns; beyond it the caller narrows the root or the depth.</summary>
    public const int MaxTreeNodes = 10_000;

    private const int MaxTreeDepth = 8;

    public static IEndpointRouteBuilder MapTerritoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var territory = endpoints.MapGroup("/api/territory").RequireTenant().WithTags("Territory");
        territory.MapPost("nodes", CreateAsync).WithSummary("Add a node under a parent inside the caller's scope.");
        territory.MapGet("nodes", SearchAsync).WithSummary("Search nodes by part of the name or code, optionally of one kind, paged.");
        territory.MapGet("nodes/{id:guid}", GetAsync).WithSummary("One node.");
        territory.MapGet("nodes/{id:guid}/children", ChildrenAsync).WithSummary("A node's children, paged.");
        territory.MapPatch("nodes/{id:guid}", ChangeAsync).WithSummary("Rename a node and/or replace its attributes.");
        territory.MapPost("nodes/{id:guid}/move", MoveAsync).WithSummary("Move a node with its whole subtree under another parent.");
        territory.MapPost("nodes/{id:guid}/retire", RetireAsync).WithSummary("Retire a node (never deleted); its children must be retired or moved first.");
        territory.MapGet("tree", TreeAsync).WithSummary("The subtree under a node (default: the caller's scope), down to the given depth (default 1, at most 8).");
        return endpoints;
    }

    private static async Task<Results<Created<NodeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateNodeRequest request,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = [$"One of {TerritoryVocabulary.KindNames}."];
        }

        errors.AddIf("code", TerritoryRules.CodeProblem(request.Code));
        errors.AddIf("name", TerritoryRules.NameProblem(request.Name));
        ValidateLocation(request.Attributes, errors);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var (parent, parentRefusal) = await FindParentAsync(request.ParentId, scope, db, cancellationToken);
        if (parentRefusal is not null)
        {
            return parentRefusal;
        }

        var code = request.Code!.Trim();
        if (await db.TerritoryNodes.AnyAsync(n => n.Code == code, cancellationToken))
        {
            return CodeTaken(code);
        }

        var now = clock.GetUtcNow();
        TerritoryNode node;
        try
        {
            node = TerritoryNode.Create(request.Kind!.Value, code, request.Name!, parent, now, request.Attributes?.ToDomain());
        }
        catch (TerritoryRuleException rule)
        {
            return rule.ToProblem();
        }

        db.TerritoryNodes.Add(node);
        db.AddIntegrationEvent(TerritoryEvents.Added(tenant.TenantId!.Value, node, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CodeTaken(code);
        }

        return TypedResults.Created($"/api/territory/nodes/{node.Id}", NodeResponse.From(node));
    }

    private static async Task<Results<Ok<PagedResult<NodeResponse>>, ValidationProblem>> SearchAsync(
        string? q,
        string? kind,
        bool? includeRetired,
        int? page,
        int? pageSize,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var nodes = Visible(db, scope, includeRetired);
        if (!string.IsNullOrEmpty(kind))
        {
            if (!TerritoryVocabulary.TryParseKind(kind, out var wanted))
            {
                return ProblemResults.Validation(new Dictionary<string, string[]> { ["kind"] = [$"One of {TerritoryVocabulary.KindNames}."] });
            }

            nodes = nodes.Where(n => n.Kind == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = SqlLike.Containing(q);
            nodes = nodes.Where(n => EF.Functions.ILike(n.Name, pattern) || EF.Functions.ILike(n.Code, pattern));
        }

        var total = await nodes.CountAsync(cancellationToken);
        var rows = await nodes.OrderBy(n => n.Depth).ThenBy(n => n.Name).ThenBy(n => n.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<NodeResponse>([.. rows.Select(NodeResponse.From)], paging.Page, paging.Size, total));
    }

    private static async Task<Results<Ok<NodeResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return node is null || !scope.Sees(node.Path) ? NotFound(id) : TypedResults.Ok(NodeResponse.From(node));
    }

    private static async Task<Results<Ok<PagedResult<NodeResponse>>, ProblemHttpResult>> ChildrenAsync(
        Guid id,
        bool? includeRetired,
        int? page,
        int? pageSize,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var parentPath = await db.TerritoryNodes.Where(n => n.Id == id).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
        if (parentPath is null || !scope.Sees(parentPath))
        {
            return NotFound(id);
        }

        var children = Visible(db, scope, includeRetired).Where(n => n.ParentId == id);
        var total = await children.CountAsync(cancellationToken);
        var rows = await children.OrderBy(n => n.Code).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<NodeResponse>([.. rows.Select(NodeResponse.From)], paging.Page, paging.Size, total));
    }

    private static async Task<Results<Ok<NodeResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id,
        ChangeNodeRequest request,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Name is not null)
        {
            errors.AddIf("name", TerritoryRules.NameProblem(request.Name));
        }

        ValidateLocation(request.Attributes, errors);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var (node, refusal) = await FindChangeableAsync(id, scope, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        try
        {
            if (request.Name is not null && node!.Rename(request.Name))
            {
                db.AddIntegrationEvent(TerritoryEvents.Renamed(tenant.TenantId!.Value, node, now));
            }

            if (request.Attributes is not null && node!.ChangeAttributes(request.Attributes.ToDomain()))
            {
                db.AddIntegrationEvent(TerritoryEvents.AttributesChanged(tenant.TenantId!.Value, node, now));
            }
        }
        catch (TerritoryRuleException rule)
        {
            return rule.ToProblem();
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NodeResponse.From(node!));
    }

    private static async Task<Results<Ok<NodeResponse>, ProblemHttpResult>> MoveAsync(
        Guid id,
        MoveNodeRequest request,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var (node, refusal) = await FindChangeableAsync(id, scope, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (parent, parentRefusal) = await FindParentAsync(request.ParentId, scope, db, cancellationToken);
        if (parentRefusal is not null)
        {
            return parentRefusal;
        }

        if (node!.ParentId == parent?.Id)
        {
            return TypedResults.Ok(NodeResponse.From(node));
        }

        string oldPath;
        try
        {
            (oldPath, _) = node.MoveUnder(parent);
        }
        catch (TerritoryRuleException rule)
        {
            return rule.ToProblem();
        }

        var now = clock.GetUtcNow();
        var newPath = node.Path;
        var depthChange = node.Depth - TerritoryPath.DepthOf(oldPath);
        db.AddIntegrationEvent(TerritoryEvents.Moved(tenant.TenantId!.Value, node, oldPath, now));

        // The node and its whole subtree move together or not at all; the descendants are rewritten by one
        // statement on the path index instead of being loaded.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.TerritoryNodes
            .Where(n => n.Path.StartsWith(oldPath) && n.Id != node.Id)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(n => n.Path, n => newPath + n.Path.Substring(oldPath.Length))
                    .SetProperty(n => n.Depth, n => n.Depth + depthChange),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(NodeResponse.From(node));
    }

    private static async Task<Results<Ok<NodeResponse>, ProblemHttpResult>> RetireAsync(
        Guid id,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var (node, refusal) = await FindChangeableAsync(id, scope, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!node!.IsActive)
        {
            return TypedResults.Ok(NodeResponse.From(node));
        }

        var now = clock.GetUtcNow();
        var hasActiveChildren = await db.TerritoryNodes.AnyAsync(n => n.ParentId == id && n.RetiredAt == null, cancellationToken);
        try
        {
            node.Retire(hasActiveChildren, now);
        }
        catch (TerritoryRuleException rule)
        {
            return rule.ToProblem();
        }

        db.AddIntegrationEvent(TerritoryEvents.Retired(tenant.TenantId!.Value, node, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NodeResponse.From(node));
    }

    private static async Task<Results<Ok<TreeResponse>, ValidationProblem, ProblemHttpResult>> TreeAsync(
        Guid? root,
        int? depth,
        bool? includeRetired,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        CancellationToken cancellationToken)
    {
        var levels = depth ?? 1;
        if (levels is < 1 or > MaxTreeDepth)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["depth"] = [$"From 1 to {MaxTreeDepth}."] });
        }

        var scope = await TerritoryScope.OfAsync(caller, db, cancellationToken);
        var rootId = root;
        string rootPath;
        if (root is { } id)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == id).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            if (path is null || !scope.Sees(path))
            {
                return NotFound(id);
            }

            rootPath = path;
        }
        else
        {
            rootPath = scope.Path;
            rootId = scope.IsWholeDistrict ? null : await db.TerritoryNodes.Where(n => n.Path == rootPath).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(cancellationToken);
        }

        var maxDepth = TerritoryPath.DepthOf(rootPath) + levels;
        // Only the columns the answer shows: a street's subtree is thousands of rows.
        var nodes = await Visible(db, scope, includeRetired)
            .Where(n => n.Path.StartsWith(rootPath) && n.Path != rootPath && n.Depth <= maxDepth)
            .OrderBy(n => n.Code)
            .Take(MaxTreeNodes + 1)
            .Select(n => new
            {
                n.Id,
                n.ParentId,
                n.Kind,
                n.Code,
                n.Name,
                Retired = n.RetiredAt != null,
                Attributes = new NodeAttributes(n.CommunityKind, n.GovernanceMode, n.Households, n.FloorArea, n.Latitude, n.Longitude),
            })
            .ToListAsync(cancellationToken);
        if (nodes.Count > MaxTreeNodes)
        {
            return ProblemResults.Problem(
                StatusCodes.Status400BadRequest, "territory.tree_too_large", "Tree too large", $"More than {MaxTreeNodes} nodes; choose a lower root or a smaller depth.");
        }

        var byParent = nodes.ToLookup(n => n.ParentId);
        IReadOnlyList<TreeNode> Build(Guid? parentId) => [.. byParent[parentId].Select(n => new TreeNode(
            n.Id, n.Kind, n.Code, n.Name, n.Retired ? "retired" : "active", n.Attributes, Build(n.Id)))];
        return TypedResults.Ok(new TreeResponse(rootId, levels, Build(rootId)));
    }

    /// <summary>The parent a node is to be placed under (null: the district), if the caller may place nodes there.</summary>
    private static async Task<(TerritoryNode? Parent, ProblemHttpResult? Refusal)> FindParentAsync(
        Guid? parentId, TerritoryScope scope, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        TerritoryNode? parent = null;
        if (parentId is { } id)
        {
            parent = await db.TerritoryNodes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
            if (parent is null || !scope.Sees(parent.Path))
            {
                return (null, NotFound(id));
            }
        }

        return scope.MayAddUnder(parent?.Path) ? (parent, null) : (null, OutsideScope());
    }

    /// <summary>The node, if the caller may change it; otherwise the refusal to answer with.</summary>
    private static async Task<(TerritoryNode? Node, ProblemHttpResult? Refusal)> FindChangeableAsync(
        Guid id, TerritoryScope scope, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        var node = await db.TerritoryNodes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return node is null || !scope.Sees(node.Path) ? (null, NotFound(id))
            : !scope.MayChange(node.Path) ? (null, OutsideScope())
            : (node, null);
    }

    private static IQueryable<TerritoryNode> Visible(DistrictsDbContext db, TerritoryScope scope, bool? includeRetired)
    {
        var nodes = db.TerritoryNodes.AsNoTracking();
        if (!scope.IsWholeDistrict)
        {
            nodes = nodes.Where(n => n.Path.StartsWith(scope.Path));
        }

        return includeRetired == true ? nodes : nodes.Where(n => n.RetiredAt == null);
    }

    private static void ValidateLocation(NodeAttributes? attributes, Dictionary<string, string[]> errors)
    {
        if (attributes is not null && attributes.Latitude.HasValue != attributes.Longitude.HasValue)
        {
            errors["attributes"] = ["Give both latitude and longitude, or neither."];
        }
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "territory.node_not_found", "Node not found", $"There is no node {id} in your territory.");

    private static ProblemHttpResult OutsideScope() =>
        ProblemResults.Problem(StatusCodes.Status403Forbidden, "territory.outside_scope", "Outside your territory", "Your role and territory do not allow this change.");

    private static ProblemHttpResult CodeTaken(string code) =>
        ProblemResults.Problem(StatusCodes.Status409Conflict, "territory.code_taken", "Code taken", $"Another node of this district already has the code '{code}'.");
}
