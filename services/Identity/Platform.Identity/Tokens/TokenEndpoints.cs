using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Audit;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Resolution;
using Platform.MultiTenancy.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>
/// The token, authorization and userinfo endpoints. OpenIddict has already validated the protocol (client,
/// secret, grant type, scopes, PKCE) when these run; they decide who the token is for and in which district.
/// </summary>
internal static class TokenEndpoints
{
    /// <summary>The token request parameter that names the district.</summary>
    public const string TenantParameter = "tenant";

    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync)
            .AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync)
            .AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, [AsParameters] TokenRequestServices services, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        if (request.IsPasswordGrantType())
        {
            return await PasswordAsync(request, services, cancellationToken);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsAsync(request, services, cancellationToken);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token was validated by OpenIddict; re-read the user so that a removed
            // membership, a lockout or changed roles take effect at the next refresh.
            var stored = await context.AuthenticateAsync(Scheme);
            if (stored.Principal is not { } previous
                || !Guid.TryParse(previous.GetClaim(Claims.Subject), out var userId)
                || !Guid.TryParse(previous.GetClaim(TenantClaimTypes.TenantId), out var tenantId))
            {
                return Refuse(Errors.InvalidGrant, "The token is no longer valid.");
            }

            var tenant = await services.Tenants.FindByIdAsync(tenantId, cancellationToken);
            return tenant is null
                ? Refuse(Errors.InvalidGrant, "The district no longer exists.")
                : await IssueForUserAsync(await services.Users.FindByIdAsync(userId.ToString()), tenant, previous.GetScopes(), services, cancellationToken);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> PasswordAsync(OpenIddictRequest request, TokenRequestServices services, CancellationToken cancellationToken)
    {
        var (tenant, problem) = await ResolveTenantAsync(request, services, cancellationToken);
        if (tenant is null)
        {
            return problem!;
        }

        var user = await services.Passwords.VerifyAsync(request.Username, request.Password, cancellationToken);
        return user is null
            ? Refuse(Errors.InvalidGrant, PasswordCheck.Refusal)
            : await IssueForUserAsync(user, tenant, request.GetScopes(), services, cancellationToken);
    }

    private static async Task<IResult> ClientCredentialsAsync(OpenIddictRequest request, TokenRequestServices services, CancellationToken cancellationToken)
    {
        var client = await services.Db.MachineClients.IgnoreQueryFilters()
            .SingleOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is not { IsActive: true })
        {
            return Refuse(Errors.InvalidClient, "The client is not registered or has been revoked.");
        }

        var tenant = await services.Tenants.FindByIdAsync(client.TenantId, cancellationToken);
        var named = request.GetParameter(TenantParameter)?.ToString();
        if (tenant is null || (!string.IsNullOrEmpty(named) && !string.Equals(named, tenant.Identifier, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse(Errors.InvalidGrant, "The client is bound to another district.");
        }

        if (!tenant.IsActive)
        {
            return Refuse(Errors.InvalidGrant, $"The district '{tenant.Identifier}' is suspended.");
        }

        // OpenIddict has refused any scope outside the client's permissions; asking for none means all of them.
        var scopes = request.GetScopes();
        return Results.SignIn(AccessPrincipalFactory.ForClient(client, tenant, scopes.IsEmpty ? client.Scopes : scopes), authenticationScheme: Scheme);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, [AsParameters] TokenRequestServices services, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || !Guid.TryParse(session.Principal.GetClaim(Claims.Subject), out var userId))
        {
            // To the login page, which comes back here with the same parameters once the user has signed in.
            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var (tenant, problem) = await ResolveTenantAsync(request, services, cancellationToken);
        if (tenant is null)
        {
            return problem!;
        }

        return await IssueForUserAsync(await services.Users.FindByIdAsync(userId.ToString()), tenant, request.GetScopes(), services, cancellationToken);
    }

    /// <summary>
    /// Ends the login page's session, so that the next sign-in on this browser asks for the password again, and
    /// returns to the client's registered post-logout address (OpenIddict has checked it against the client).
    /// </summary>
    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(authenticationSchemes: [Scheme]);
        }

        return Results.Ok(new Dictionary<string, object?>
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [Claims.Name] = principal.GetClaim(Claims.Name),
            [Claims.PreferredUsername] = principal.GetClaim(Claims.PreferredUsername),
            [TenantClaimTypes.TenantId] = principal.GetClaim(TenantClaimTypes.TenantId),
            [TenantClaimTypes.TenantIdentifier] = principal.GetClaim(TenantClaimTypes.TenantIdentifier),
            [Claims.Role] = principal.GetClaims(Claims.Role),
            [TenantClaimTypes.Territory] = principal.GetClaim(TenantClaimTypes.Territory),
        });
    }

    /// <summary>
    /// The district comes from the <c>tenant</c> parameter, or else from the host the request came through. The
    /// district is entered for the rest of the request, so that membership queries see that district only.
    /// </summary>
    private static async Task<(TenantInfo? Tenant, IResult? Problem)> ResolveTenantAsync(
        OpenIddictRequest request, TokenRequestServices services, CancellationToken cancellationToken)
    {
        var named = request.GetParameter(TenantParameter)?.ToString();
        var fromHost = services.TenantContext.Tenant;
        if (string.IsNullOrWhiteSpace(named) && fromHost is null)
        {
            return (null, Refuse(Errors.InvalidRequest, $"Name the district with the '{TenantParameter}' parameter."));
        }

        var tenant = string.IsNullOrWhiteSpace(named) ? fromHost : await services.Tenants.FindByIdentifierAsync(named.Trim(), cancellationToken);
        if (tenant is null || (fromHost is not null && fromHost.Id != tenant.Id))
        {
            return (null, Refuse(Errors.InvalidGrant, "Unknown district."));
        }

        if (!tenant.IsActive)
        {
            return (null, Refuse(Errors.InvalidGrant, $"The district '{tenant.Identifier}' is suspended."));
        }

        services.TenantContext.Enter(tenant, "token-request");
        return (tenant, null);
    }

    private static async Task<IResult> IssueForUserAsync(
        PlatformUser? user, TenantInfo tenant, IEnumerable<string> scopes, TokenRequestServices services, CancellationToken cancellationToken)
    {
        if (services.TenantContext.Tenant is { } current && current.Id != tenant.Id)
        {
            return Refuse(Errors.InvalidGrant, "The token belongs to another district.");
        }

        services.TenantContext.Enter(tenant, "token-request");
        if (user is null || await services.Users.IsLockedOutAsync(user))
        {
            return Refuse(Errors.InvalidGrant, PasswordCheck.Refusal);
        }

        var membership = await services.Db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id, cancellationToken);
        if (membership is null)
        {
            await services.Audit.RecordAsync(AuditActions.LoginFailed, user.Id.ToString(), $"no membership in {tenant.Identifier}", user.Id, cancellationToken);
            return Refuse(Errors.InvalidGrant, "The account is not a member of this district.");
        }

        await services.Audit.RecordAsync(AuditActions.LoginSucceeded, user.Id.ToString(), null, user.Id, cancellationToken);
        return Results.SignIn(AccessPrincipalFactory.ForUser(user, tenant, membership, scopes), authenticationScheme: Scheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Scheme]);
}

/// <summary>What the token endpoints need, injected as one parameter.</summary>
internal sealed record TokenRequestServices(
    IdentityDbContext Db,
    UserManager<PlatformUser> Users,
    PasswordCheck Passwords,
    ITenantStore Tenants,
    TenantContext TenantContext,
    AuditTrail Audit);
