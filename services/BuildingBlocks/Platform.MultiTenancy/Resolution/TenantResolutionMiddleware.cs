using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy.Storage;
using Platform.ServiceDefaults;

namespace Platform.MultiTenancy.Resolution;

/// <summary>
/// Establishes the request's tenant: tries the configured strategies in order, refuses conflicting or
/// untrusted tenant information, refuses suspended tenants, and enters the tenant in <see cref="TenantContext"/>.
/// Requests that name no tenant continue without one (health probes, anonymous endpoints).
/// </summary>
public sealed partial class TenantResolutionMiddleware(
    RequestDelegate next,
    IOptions<TenantResolutionOptions> options,
    ILogger<TenantResolutionMiddleware> logger)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context, ITenantStore store, TenantContext tenantContext)
    {
        TenantInfo? tenant = null;
        var namingStrategies = new List<ITenantResolutionStrategy>();
        foreach (var strategyType in options.Value.Strategies)
        {
            var strategy = (ITenantResolutionStrategy)context.RequestServices.GetRequiredService(strategyType);
            switch (strategy.Resolve(context))
            {
                case TenantResolution.Rejected when PresentedRefusedCredentials(context):
                    // The tenant could not be checked because the token was refused (expired, say): that is the
                    // caller's problem to fix, answered as authentication answers it (401 and its challenge).
                    await context.ChallengeAsync();
                    return;
                case TenantResolution.Rejected rejected:
                    await WriteProblemAsync(context, StatusCodes.Status403Forbidden, rejected.Code, rejected.Detail);
                    return;
                case TenantResolution.Named named:
                    var found = await FindAsync(store, named, context.RequestAborted);
                    if (found is null)
                    {
                        await WriteProblemAsync(context, StatusCodes.Status404NotFound, "tenant_not_found", "The tenant named by the request does not exist.");
                        return;
                    }

                    tenant ??= found;
                    if (tenant.Id != found.Id)
                    {
                        LogMismatch(logger, namingStrategies[0].Name, strategy.Name);
                        await WriteProblemAsync(context, StatusCodes.Status403Forbidden, "tenant_mismatch", $"The tenant named by the {strategy.Name} differs from the one named by the {namingStrategies[0].Name}.");
                        return;
                    }

                    namingStrategies.Add(strategy);
                    break;
            }
        }

        if (tenant is null)
        {
            await next(context);
            return;
        }

        if (!tenant.IsActive)
        {
            await WriteProblemAsync(context, StatusCodes.Status403Forbidden, "tenant_suspended", $"The district '{tenant.Identifier}' is suspended.");
            return;
        }

        foreach (var strategy in namingStrategies)
        {
            strategy.Apply(context);
        }

        tenantContext.Enter(tenant, namingStrategies[0].Name);
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id, ["Tenant"] = tenant.Identifier }))
        {
            await next(context);
        }
    }

    private static bool PresentedRefusedCredentials(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true && context.Request.Headers.Authorization.Count > 0;

    private static ValueTask<TenantInfo?> FindAsync(ITenantStore store, TenantResolution.Named named, CancellationToken cancellationToken) =>
        named.Id is { } id
            ? store.FindByIdAsync(id, cancellationToken)
            : store.FindByIdentifierAsync(named.Identifier!, cancellationToken);

    private static Task WriteProblemAsync(HttpContext context, int status, string code, string detail) =>
        ProblemResults.Problem(status, code, code.Replace('_', ' '), detail).ExecuteAsync(context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused: the tenant named by the {Second} differs from the {First}'s")]
    private static partial void LogMismatch(ILogger logger, string first, string second);
}
