using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Domain;
using Platform.Identity.Audit;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.Identity.Territory;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Resolution;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
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
        users.MapPost("", CreateAsync).ValidateWithStoredData<CreateUserRequest, ScopeNodeCheck>()
            .WithSummary("Create a user with a membership in the caller's district.");
        users.MapGet("", ListAsync).WithSummary("Members of the caller's district inside the caller's territory, paged.");
        users.MapGet("{id:guid}", GetAsync).WithSummary("One member of the caller's district.");
        users.MapPost("{id:guid}/memberships", SetMembershipAsync).ValidateWithStoredData<MembershipRequest, ScopeNodeCheck>().WithSummary("Change a member's roles and scope in the caller's district (others join by invitation).");
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
        if (await territory.FindAsync(request.ScopeNodeId, cancellationToken) is not { } scope)
        {
            return TerritoryScopes.UnknownScopeNode();
        }

        if (await territory.RefuseGrantAsync(caller, request.Roles!, scope, cancellationToken) is { } refused)
        {
            return refused;
        }

        var login = UserValidation.NormaliseLogin(request.Login!);
        if (await users.FindByNameAsync(login) is not null)
        {
            return LoginTaken(login);
        }

        var now = clock.GetUtcNow();
        var user = PlatformUser.Create(login, request.DisplayName!.Trim(), UserValidation.MobileNumber(request.Phone), now);
        // The account, the membership and the audit entry are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return PasswordRefused(created);
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

        var rows = await members.OrderBy(m => m.User.UserName).ToPageAsync(paging, cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Map(m => ToResponse(m.User, m.Membership, tenant, now));
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

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetMembershipAsync(
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
        if (await territory.FindAsync(request.ScopeNodeId, cancellationToken) is not { } scope)
        {
            return TerritoryScopes.UnknownScopeNode();
        }

        // A user who is not a member of this district answers like an id nobody has: joining is the user's own
        // act (an invitation they accept), and a different answer would confirm that the account exists.
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == id, cancellationToken);
        if (membership is null || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return NotFound();
        }

        // Both what the member is now and what they would become must be within the caller's authority:
        // a street admin can neither promote someone nor rewrite the district admin's membership.
        var authority = await territory.OfCallerAsync(caller, cancellationToken);
        var current = await territory.FindAsync(membership.ScopeNodeId, cancellationToken);
        var refusal = authority.Refusal(request.Roles!, scope) ?? authority.Refusal(membership.Roles, current ?? scope);
        if (refusal is { } refused)
        {
            return refused.ToProblem();
        }

        var now = clock.GetUtcNow();
        membership.Change(request.Roles!, request.ScopeNodeId, now);
        audit.Add(AuditActions.MembershipChanged, id.ToString(), Describe(membership));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(user, membership, tenant, now));
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

    internal static string Describe(Membership membership) => Describe(membership.Roles, membership.ScopeNodeId);

    /// <summary>Roles and scope as the audit trail records them.</summary>
    internal static string Describe(IEnumerable<string> roles, Guid? scopeNodeId) =>
        $"roles {string.Join(",", roles)}; scope {scopeNodeId?.ToString() ?? "district"}";

    /// <summary>The <c>409</c> for a login another account has.</summary>
    internal static ProblemHttpResult LoginTaken(string login) =>
        // Logins are platform-wide, so a taken one is taken whichever district its account belongs to; the answer
        // says no more than that (no account, no district) and is the same in both cases.
        new DomainException(
                IdentityErrors.LoginTaken,
                $"The login '{login}' is already in use. Choose another, or if this person already has an account, invite it (POST /api/identity/invitations).")
            .ToProblem();

    /// <summary>The <c>400</c> for a password the platform's password policy refuses, with each rule it breaks.</summary>
    internal static ValidationProblem PasswordRefused(IdentityResult refusal) =>
        ProblemResults.Validation("password", string.Join(" ", refusal.Errors.Select(e => e.Description)));

    private static ProblemHttpResult NotFound() =>
        new DomainException(IdentityErrors.UserNotFound, "No such user in this district.").ToProblem();

    // A class with init properties rather than a positional record: EF Core can translate filters on members
    // of a member-initialised projection, not on constructor arguments.
    private sealed class Member
    {
        public required PlatformUser User { get; init; }

        public required Membership Membership { get; init; }
    }
}
