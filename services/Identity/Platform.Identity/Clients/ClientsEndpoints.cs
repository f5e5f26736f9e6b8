using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Domain;
using Platform.Identity.Audit;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.Identity.Territory;
using Platform.Identity.Tokens;
using Platform.Identity.Users;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Clients;

/// <summary>Body of <c>POST /api/identity/clients</c>.</summary>
/// <param name="DisplayName">Name of the integrating organisation, e.g. 某某物业服务有限公司.</param>
/// <param name="Scopes">API scopes the client may request (see the token server's scope list).</param>
/// <param name="Roles">Roles the client acts with; default <c>property-company</c>.</param>
/// <param name="ScopeNodeId">Territory the client is limited to, inside the caller's; null for the whole district.</param>
public sealed record RegisterClientRequest(string? DisplayName, IReadOnlyList<string>? Scopes, IReadOnlyList<string>? Roles, Guid? ScopeNodeId)
    : IValidatableObject, ITerritoryGrant
{
    /// <summary>The roles asked for, or the default a property company's system acts with.</summary>
    internal IReadOnlyList<string> RolesOrDefault => Roles is { Count: > 0 } ? Roles : [PlatformRoles.PropertyCompany];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(DisplayName), UserValidation.DisplayNameProblem(DisplayName)),
        (nameof(Roles), UserValidation.RolesProblem(RolesOrDefault)),
        (nameof(Scopes), Scopes is not { Count: > 0 } || Scopes.Any(s => !ApiScopes.ForMachineClients.Contains(s))
            ? $"One or more of: {string.Join(", ", ApiScopes.ForMachineClients)}."
            : null));
}

/// <summary>A registered machine client. The secret appears only in the answer to the registration.</summary>
public sealed record ClientResponse(
    string ClientId,
    string? ClientSecret,
    string DisplayName,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Roles,
    Guid? ScopeNodeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);

/// <summary>
/// Machine clients of the caller's district (client-credentials flow). The secret is generated here, shown
/// once, and stored only as OpenIddict's hash.
/// </summary>
internal static class ClientsEndpoints
{
    private const int SecretBytes = 32;

    public static IEndpointRouteBuilder MapClientsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var clients = endpoints.MapGroup("/api/identity/clients")
            .RequireTenant().RequireAuthorization(UsersEndpoints.ManagersPolicy).WithTags("Machine clients");
        clients.MapPost("", RegisterAsync).ValidateWithStoredData<RegisterClientRequest, ScopeNodeCheck>().WithSummary("Register a machine client; the answer holds its secret, shown only this once.");
        clients.MapGet("", ListAsync).WithSummary("Machine clients of the caller's district, newest first, paged.");
        clients.MapDelete("{clientId}", RevokeAsync).WithSummary("Revoke a machine client: it can no longer obtain tokens.");
        return endpoints;
    }

    private static async Task<Results<Created<ClientResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterClientRequest request,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        IOpenIddictApplicationManager applications,
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

        var roles = request.RolesOrDefault;
        if (await territory.RefuseGrantAsync(caller, roles, scope, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var clientId = $"{tenant.Tenant!.Identifier}-{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(9)).ToLowerInvariant()}";
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        var client = MachineClient.Register(clientId, request.DisplayName!.Trim(), request.Scopes!, roles, request.ScopeNodeId, CallerId(caller), now);

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));

        // The OpenIddict application and our row share the context, so one transaction covers both.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken);
        db.MachineClients.Add(client);
        audit.Add(AuditActions.ClientRegistered, clientId, $"scopes {string.Join(",", client.Scopes)}; roles {string.Join(",", client.Roles)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/api/identity/clients/{clientId}", ToResponse(client, secret));
    }

    private static async Task<PagedResult<ClientResponse>> ListAsync(int? page, int? pageSize, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var clients = await db.MachineClients.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(paging, cancellationToken);
        return clients.Map(c => ToResponse(c, secret: null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string clientId,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        IOpenIddictApplicationManager applications,
        TerritoryScopes territory,
        AuditTrail audit,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var client = await db.MachineClients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null)
        {
            return new DomainException(IdentityErrors.ClientNotFound, $"No client '{clientId}' in this district.").ToProblem();
        }

        var scope = await territory.FindAsync(client.ScopeNodeId, cancellationToken);
        var refusal = (await territory.OfCallerAsync(caller, cancellationToken)).Refusal(client.Roles, scope ?? CallerScope.WholeDistrict);
        if (refusal is { } refused)
        {
            return refused.ToProblem();
        }

        if (client.IsActive)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Deleting the application (and with it its tokens) is what makes the secret useless.
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
            {
                await applications.DeleteAsync(application, cancellationToken);
            }

            client.Revoke(clock.GetUtcNow());
            audit.Add(AuditActions.ClientRevoked, clientId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static Guid CallerId(ClaimsPrincipal caller) =>
        Guid.TryParse(caller.GetClaim(Claims.Subject), out var id) ? id : Guid.Empty;

    private static ClientResponse ToResponse(MachineClient client, string? secret) => new(
        client.ClientId, secret, client.DisplayName, client.Scopes, client.Roles, client.ScopeNodeId, client.CreatedAt, client.RevokedAt);
}
