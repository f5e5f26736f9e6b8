using Platform.Contracts;
using Platform.Imports.Jobs;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Imports;

/// <summary>
/// Bulk registration of residents from spreadsheets (CSV in UTF-8 or GBK, or .xlsx) at <c>/api/residents/imports</c>:
/// upload, follow the job, download its error report, list the district's jobs.
/// </summary>
internal static class ResidentImportEndpoints
{
    /// <summary>Policy: who may import residents.</summary>
    public const string ImportersPolicy = "residents.importers";

    /// <summary>District admins import for the whole district, street admins and community workers inside their scope.</summary>
    public static readonly string[] ImporterRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    /// <summary>The import worker, the handler and the importers policy.</summary>
    public static IServiceCollection AddResidentImports(this IServiceCollection services)
    {
        services.AddImportJobs<ResidentsDbContext>();
        services.AddKeyedScoped<IImportHandler, ResidentImportHandler>(ResidentImportHandler.Kind);
        services.AddAuthorizationBuilder()
            .AddPolicy(ImportersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ImporterRoles));
        return services;
    }

    public static IEndpointRouteBuilder MapResidentImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapImportJobs<ResidentsDbContext>("/api/residents/imports", ResidentImportHandler.Kind, caller => new Dictionary<string, string>
            {
                [ResidentImportHandler.TerritoryParameter] = CallerScope.ClaimOf(caller) ?? "",
            })
            .RequireTenant()
            .RequireAuthorization(ImportersPolicy);
        return endpoints;
    }
}
