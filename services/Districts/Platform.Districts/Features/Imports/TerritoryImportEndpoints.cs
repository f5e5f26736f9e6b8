using Platform.Contracts;
using Platform.Districts.Data;
using Platform.Imports.Jobs;
using Platform.MultiTenancy;
using Platform.TerritoryReplica;

namespace Platform.Districts.Features.Imports;

/// <summary>Onboarding imports of the territory tree from spreadsheets.</summary>
internal static class TerritoryImportEndpoints
{
    public const string ImportersPolicy = "territory-importers";

    /// <summary>District admins import for the whole district, street admins inside their street.</summary>
    public static readonly string[] ImporterRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin];

    public static IServiceCollection AddTerritoryImports(this IServiceCollection services) =>
        services.AddKeyedScoped<IImportHandler, TerritoryImportHandler>(TerritoryImportHandler.Kind);

    public static IEndpointRouteBuilder MapTerritoryImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapImportJobs<DistrictsDbContext>("/api/territory/imports", TerritoryImportHandler.Kind, caller => new Dictionary<string, string>
            {
                [TerritoryImportHandler.TerritoryParameter] = CallerScope.ClaimOf(caller) ?? "",
            })
            .RequireTenant()
            .RequireAuthorization(ImportersPolicy);
        return endpoints;
    }
}
