using Platform.Imports.Jobs;
using Platform.MultiTenancy;
using Platform.Property.Data;

namespace Platform.Property.Features.Areas;

/// <summary>
/// The owners' roll of an area from a spreadsheet (CSV in UTF-8 or GBK, or .xlsx) at
/// <c>/api/property/areas/{areaId}/roll/imports</c>: upload, follow the job, download its error report, list the area's
/// jobs. Only the keepers of the area reach them; another area answers 404.
/// </summary>
internal static class RollImportEndpoints
{
    /// <summary>The import worker and the handler.</summary>
    public static IServiceCollection AddRollImports(this IServiceCollection services)
    {
        services.AddImportJobs<PropertyDbContext>();
        services.AddKeyedScoped<IImportHandler, RollImportHandler>(RollImportHandler.Kind);
        return services;
    }

    // Mapped from the root: the job links are written from the prefix, which must be the whole path.
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapImportJobs<PropertyDbContext>(
                $"/api/property/areas/{{{RollImportHandler.AreaParameter}:guid}}/roll/imports", RollImportHandler.Kind, _ => new Dictionary<string, string>())
            .RequireTenant()
            .RequireAuthorization(PropertyEndpoints.KeepersPolicy)
            .WithTags(PropertyEndpoints.AreasTag)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var areaId = Guid.Parse((string)http.GetRouteValue(RollImportHandler.AreaParameter)!);
                await AreaAccess.FindAsync(areaId, http.User, http.RequestServices.GetRequiredService<PropertyDbContext>(), http.RequestAborted);
                return await next(context);
            });
}
