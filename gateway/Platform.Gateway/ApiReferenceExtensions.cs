using Scalar.AspNetCore;

namespace Platform.Gateway;

/// <summary>
/// One API reference for the whole platform at <c>/docs</c>: each service's OpenAPI document, fetched through the
/// gateway's anonymous <c>/api/{service}/openapi/</c> routes, in one page with a document picker.
/// </summary>
internal static class ApiReferenceExtensions
{
    private const string ServicesKey = "OpenApi:Services";

    private const string Path = "/docs";
    private const string DocumentRoutePattern = "/api/{documentName}/openapi/v1.json";
    private static readonly string[] DefaultServices = ["identity", "districts", "residents", "property"];

    public static IEndpointConventionBuilder MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, options => options
                .WithTitle("Gongzhi API")
                .WithOpenApiRoutePattern(DocumentRoutePattern)
                .AddDocuments(app.Configuration.GetList(ServicesKey, DefaultServices)))
            .AllowAnonymous();
}
