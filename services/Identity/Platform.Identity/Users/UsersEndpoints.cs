using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Identity.Audit;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.Identity.Territory;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Resolution;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Users;

/// <summary>
/// Users and memberships of the caller's district. User managers (district and street admins, community
/// workers) see and change only members inside their territory and grant only roles at or below their own.
/// </summary>
internal static class UsersEndpoints
{
    public const string ManagersPolicy = "user-managers";

    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/identity/me", Me).RequireTenant().WithSummary("The caller as this service sees the request.");

        var users = endpoints.MapGroup("/api/identity/users").RequireTenant().RequireAuthorization(ManagersPolicy).WithTags("Users");
        users.MapPost("", CreateAsync).WithSummary("Create a user with a membership in the caller's district.");
        users.MapGet("", ListAsync).WithSummary("Members of the caller's district inside the caller's territory, paged.");
        users.MapGet("{id:guid}", GetAsync).WithSummary("One member of the caller's district.");
        users.MapPost("{id:guid}/memberships", SetMembershipAsync).WithSummary("Grant or change a user's roles and scope in the caller's district.");
        return endpoints;
    }

    private static CallerResponse Me(ClaimsPrincipal user, ITenantContext tenant) => new(
        user.GetClaim(Claims.Subject) ?? "",
        user.GetClaim(Claims.Name),
        tenant.TenantId,
        tenant.Tenant?.Identifier,
        tenant.Source,
        [.. user.GetClaims(Claims.Role)],
        [.. user.GetScopes()],
        user.GetClaim(TenantClaimTypes.Territory));

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        UserManager<PlatformUser> users,
        TerritoryScopes territory,
        AuditTrail audit,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        UserValidation.Login(request.Login, errors);
        UserValidation.DisplayName(request.DisplayName, errors);
        UserValidation.Phone(request.Phone, errors);
        UserValidation.Roles(request.Roles, errors);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Required."];
        }

        var scope = await territory.FindRequestedAsync(request.ScopeNodeId, errors, cancellationToken);

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var refusal = (await territory.OfCallerAsync(caller, cancellationToken)).Refusal(request.Roles!, scope!);
        if (refusal is { } refused)
        {
            return refused.ToProblem("Not allowed to grant this");
        }

        var login = UserValidation.NormaliseLogin(request.Login!);
        if (await users.FindByNameAsync(login) is not null)
        {
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "identity.login_taken", "Login taken", $"The login '{login}' is already in use.");
        }

        var now = clock.GetUtcNow();
        var user = PlatformUser.Create(login, request.DisplayName!.Trim(), NullIfEmpty(request.Phone), now);
        // The account, the membership and the audit entry are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]>
            {
                ["password"] = [.. created.Errors.Select(e => e.Description)],
            });
        }

        var membership = Membership.Grant(user.Id, request.Roles!, request.ScopeNodeId, now);
        db.Memberships.Add(membership);
        audit.Add(AuditActions.UserCreated, user.Id.ToString(), $"login {login}");
        audit.Add(AuditActions.MembershipChanged, user.Id.ToString(), Describe(membership));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/api/identity/users/{user.Id}", ToResponse(user, membership, tenant, now));
    }

    private static async Task<PagedResult<UserResponse>> ListAsync(
        string? role,
        string? q,
        int? page,
        int? pageSize,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        TerritoryScopes territory,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var members = await VisibleMembersAsync(caller, db, territory, cancellationToken);
        if (!string.IsNullOrWhiteSpace(role))
        {
            members = members.Where(m => m.Membership.Roles.Contains(role));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = SqlLike.Containing(q);
            members = members.Where(m => EF.Functions.ILike(m.User.UserName!, pattern) || EF.Functions.ILike(m.User.DisplayName, pattern));
        }

        var total = await members.CountAsync(cancellationToken);
        var rows = await members.OrderBy(m => m.User.UserName).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new PagedResult<UserResponse>(
            [.. rows.Select(m => ToResponse(m.User, m.Membership, tenant, now))], paging.Page, paging.Size, total);
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        Guid id,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        TerritoryScopes territory,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var member = await (await VisibleMembersAsync(caller, db, territory, cancellationToken))
            .SingleOrDefaultAsync(m => m.User.Id == id, cancellationToken);
        return member is null
            ? NotFound()
            : TypedResults.Ok(ToResponse(member.User, member.Membership, tenant, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<UserResponse>, Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetMembershipAsync(
        Guid id,
        MembershipRequest request,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        UserManager<PlatformUser> users,
        TerritoryScopes territory,
        AuditTrail audit,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        UserValidation.Roles(request.Roles, errors);
        var scope = await territory.FindRequestedAsync(request.ScopeNodeId, errors, cancellationToken);

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var authority = await territory.OfCallerAsync(caller, cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == id, cancellationToken);
        // Both what the member is now and what they would become must be within the caller's authority:
        // a street admin can neither promote someone nor rewrite the district admin's membership.
        var current = membership is null ? null : await territory.FindAsync(membership.ScopeNodeId, cancellationToken);
        var refusal = authority.Refusal(request.Roles!, scope!)
            ?? (membership is null ? null : authority.Refusal(membership.Roles, current ?? scope!));
        if (refusal is { } refused)
        {
            return refused.ToProblem("Not allowed to grant this");
        }

        var now = clock.GetUtcNow();
        var isNew = membership is null;
        if (membership is null)
        {
            membership = Membership.Grant(id, request.Roles!, request.ScopeNodeId, now);
            db.Memberships.Add(membership);
        }
        else
        {
            membership.Change(request.Roles!, request.ScopeNodeId, now);
        }

        audit.Add(AuditActions.MembershipChanged, id.ToString(), Describe(membership));
        await db.SaveChangesAsync(cancellationToken);
        var response = ToResponse(user, membership, tenant, now);
        return isNew ? TypedResults.Created($"/api/identity/users/{id}", response) : TypedResults.Ok(response);
    }

    /// <summary>Members of the current district whose scope lies inside the caller's.</summary>
    private static async Task<IQueryable<Member>> VisibleMembersAsync(
        ClaimsPrincipal caller, IdentityDbContext db, TerritoryScopes territory, CancellationToken cancellationToken)
    {
        var scope = (await territory.OfCallerAsync(caller, cancellationToken)).Scope;
        var wholeDistrict = scope.IsWholeDistrict;
        var nodesInScope = db.TerritoryNodes.InSubtree(n => n.Path, scope.Path);
        return from membership in db.Memberships
               join user in db.Users on membership.UserId equals user.Id
               where wholeDistrict || nodesInScope.Any(n => n.Id == membership.ScopeNodeId)
               select new Member { User = user, Membership = membership };
    }

    private static UserResponse ToResponse(PlatformUser user, Membership membership, ITenantContext tenant, DateTimeOffset now) => new(
        user.Id,
        user.UserName!,
        user.DisplayName,
        UserValidation.MaskPhone(user.PhoneNumber),
        tenant.Tenant!.Identifier,
        membership.Roles,
        membership.ScopeNodeId,
        user.LockoutEnd > now,
        user.CreatedAt);

    internal static string Describe(Membership membership) =>
        $"roles {string.Join(",", membership.Roles)}; scope {membership.ScopeNodeId?.ToString() ?? "district"}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult NotFound() =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "identity.user_not_found", "User not found");

    // A class with init properties rather than a positional record: EF Core can translate filters on members
    // of a member-initialised projection, not on constructor arguments.
    private sealed class Member
    {
        public required PlatformUser User { get; init; }

        public required Membership Membership { get; init; }
    }
}
