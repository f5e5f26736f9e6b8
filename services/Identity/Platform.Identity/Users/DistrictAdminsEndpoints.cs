using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Identity.Audit;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;

namespace Platform.Identity.Users;

/// <summary>
/// The first administrator of a district being onboarded. The Districts service calls this on behalf of the
/// platform operator before it commits the new district, so a weak password or a taken login is refused
/// while the operator is still filling in the form, and nothing is created.
/// </summary>
internal static class DistrictAdminsEndpoints
{
    public const string OperatorsPolicy = "platform-operators";

    public static IEndpointRouteBuilder MapDistrictAdminsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/identity/district-admins", CreateAsync)
            .RequireAuthorization(OperatorsPolicy)
            .WithTags("Districts")
            .WithSummary("Create the first district administrator of a district being onboarded (platform operators).");
        return endpoints;
    }

    private static async Task<Results<Created<DistrictAdminResponse>, Ok<DistrictAdminResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        DistrictAdminRequest request,
        IServiceScopeFactory scopes,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // The district is not in this service's catalogue yet (its onboarding event follows the commit), so the
        // work runs in a scope of its own that enters the new district explicitly.
        var district = new TenantInfo(request.DistrictId!.Value, request.DistrictIdentifier!, request.DistrictIdentifier!, TenantStatus.Active, new Dictionary<string, string>());
        await using var scope = scopes.CreateTenantScope(district, "district-onboarding");
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<PlatformUser>>();
        var db = services.GetRequiredService<IdentityDbContext>();

        var login = UserValidation.NormaliseLogin(request.Login!);
        if (await users.FindByNameAsync(login) is { } existing)
        {
            // A retried onboarding finds its own administrator: answer as before instead of failing the retry.
            var isThisDistrictsAdmin = await db.Memberships.AnyAsync(
                m => m.UserId == existing.Id && m.Roles.Contains(PlatformRoles.DistrictAdmin), cancellationToken);
            return isThisDistrictsAdmin
                ? TypedResults.Ok(new DistrictAdminResponse(existing.Id, login))
                : UsersEndpoints.LoginTaken(login);
        }

        var now = clock.GetUtcNow();
        var user = PlatformUser.Create(login, request.DisplayName!.Trim(), phone: null, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return UsersEndpoints.PasswordRefused(created);
        }

        var membership = Membership.Grant(user.Id, [PlatformRoles.DistrictAdmin], scopeNodeId: null, now);
        db.Memberships.Add(membership);
        var audit = services.GetRequiredService<AuditTrail>();
        audit.Add(AuditActions.UserCreated, user.Id.ToString(), $"login {login}, first administrator of {request.DistrictIdentifier}");
        audit.Add(AuditActions.MembershipChanged, user.Id.ToString(), UsersEndpoints.Describe(membership));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/identity/users/{user.Id}", new DistrictAdminResponse(user.Id, login));
    }
}

/// <summary>Body of <c>POST /api/identity/district-admins</c>.</summary>
/// <param name="DistrictId">Tenant id of the district being onboarded.</param>
/// <param name="DistrictIdentifier">The district's slug, e.g. <c>chaoyang</c>.</param>
/// <param name="Login">The administrator's login.</param>
/// <param name="DisplayName">The administrator's display name.</param>
/// <param name="Password">Initial password (the platform's password policy applies).</param>
public sealed record DistrictAdminRequest(Guid? DistrictId, string? DistrictIdentifier, string? Login, string? DisplayName, string? Password)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(DistrictId), DistrictId is null || DistrictId == Guid.Empty ? "Required." : null),
        (nameof(DistrictIdentifier), string.IsNullOrWhiteSpace(DistrictIdentifier) ? "Required." : null),
        (nameof(Login), UserValidation.LoginProblem(Login)),
        (nameof(DisplayName), UserValidation.DisplayNameProblem(DisplayName)),
        (nameof(Password), UserValidation.PasswordProblem(Password)));
}

/// <summary>The district administrator's account.</summary>
public sealed record DistrictAdminResponse(Guid UserId, string Login);
