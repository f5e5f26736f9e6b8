using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Platform.Districts.Contracts;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.Identity.Tokens;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.ServiceHost.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Seeding;

/// <summary>
/// Makes sure the accounts and clients the platform depends on exist: the platform operator, the first-party
/// <c>platform-cli</c> and <c>portal</c> clients and, in development, the demo district's users. Safe to run on
/// every start.
/// </summary>
internal sealed partial class IdentitySeeder(
    IServiceScopeFactory scopes,
    IOptions<SeedOptions> seed,
    IOptions<IdentityServiceOptions> identity,
    TimeProvider clock,
    ILogger<IdentitySeeder> logger) : IDatabaseSeeder
{
    /// <summary>The first-party client for scripts and tests (password grant, public).</summary>
    public const string PlatformCliClientId = "platform-cli";

    /// <summary>The web portal (authorization code + PKCE, public).</summary>
    public const string PortalClientId = "portal";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await UpsertClientAsync(applications, PlatformCliDescriptor(), cancellationToken);
            await UpsertClientAsync(applications, PortalDescriptor(), cancellationToken);
        }

        var options = seed.Value;
        if (!string.IsNullOrEmpty(options.OperatorPassword))
        {
            await EnsureMemberAsync(TenantInfo.System, options.OperatorLogin, "平台运营", options.OperatorPassword, [PlatformRoles.PlatformOperator], cancellationToken);
        }

        if (options.DemoDistrict && !string.IsNullOrEmpty(options.DemoPassword))
        {
            await SeedDemoDistrictAsync(options.DemoPassword, cancellationToken);
        }
    }

    private async Task SeedDemoDistrictAsync(string password, CancellationToken cancellationToken)
    {
        var demo = new TenantInfo(DemoDistrict.Id, DemoDistrict.Identifier, DemoDistrict.Name, TenantStatus.Active, new Dictionary<string, string>());
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Dated at the epoch so that the Districts service's own onboarding event always takes precedence.
            await scope.ServiceProvider.GetRequiredService<ITenantCatalogWriter>().UpsertAsync(demo, DateTimeOffset.UnixEpoch, cancellationToken);
        }

        foreach (var role in PlatformRoles.All.Where(role => role != PlatformRoles.PlatformOperator))
        {
            await EnsureMemberAsync(demo, $"demo-{role}", $"演示{role}", password, [role], cancellationToken);
        }
    }

    private async Task EnsureMemberAsync(TenantInfo tenant, string login, string displayName, string password, string[] roles, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Enter(tenant, "seed");
        var users = services.GetRequiredService<UserManager<PlatformUser>>();
        var db = services.GetRequiredService<IdentityDbContext>();

        var user = await users.FindByNameAsync(login);
        if (user is null)
        {
            user = PlatformUser.Create(login, displayName, phone: null, clock.GetUtcNow());
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Seeding '{login}' failed: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            LogSeeded(logger, login, tenant.Identifier);
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            db.Memberships.Add(Membership.Grant(user.Id, roles, scopeNodeId: null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private OpenIddictApplicationDescriptor PlatformCliDescriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PlatformCliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Platform CLI (scripts and tests)",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.RefreshToken },
        };
        if (identity.Value.PasswordGrantEnabled)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.Password);
        }

        AddUserScopes(descriptor);
        return descriptor;
    }

    private OpenIddictApplicationDescriptor PortalDescriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "共治 portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.UnionWith(identity.Value.PortalRedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(identity.Value.PortalPostLogoutRedirectUris);
        AddUserScopes(descriptor);
        return descriptor;
    }

    private static void AddUserScopes(OpenIddictApplicationDescriptor descriptor) =>
        descriptor.Permissions.UnionWith(
            new[] { Scopes.Profile, Scopes.Roles, ApiScopes.Api }.Select(scope => Permissions.Prefixes.Scope + scope));

    private static async Task UpsertClientAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        // Updated in place, not recreated, so that refresh tokens issued to the client stay valid.
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded user {Login} in {Tenant}")]
    private static partial void LogSeeded(ILogger logger, string login, string tenant);
}
