using Platform.Portal.Api;
using Platform.Portal.Session;

namespace Platform.Portal.Features.Imports;

/// <summary>
/// An import's error report (every rejected line and its reason, as CSV) for the browser to download: the API
/// wants the user's token, which stays on the server, so the portal fetches the report and hands it on.
/// </summary>
internal static class ImportErrorReportEndpoint
{
    public static IEndpointRouteBuilder MapImportErrorReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/imports/{kind}/{id:guid}/errors.csv", async (string kind, Guid id, HttpContext context, GatewayApi api) =>
        {
            if (ImportKind.Named(kind) is not { } named)
            {
                return Results.NotFound();
            }

            var report = await api.GetFileAsync($"{named.ApiPrefix}/{id}/errors", context.User, context.RequestAborted);
            return report.Succeeded
                ? Results.File(report.Value.Content, report.Value.ContentType, report.Value.FileName)
                : Results.Text(report.Problem.Message, "text/plain; charset=utf-8", statusCode: report.Problem.Status);
        }).RequireAuthorization(PortalRoles.BackOfficePolicy);
        return endpoints;
    }
}
