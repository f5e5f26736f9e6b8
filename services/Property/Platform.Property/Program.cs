using Dapr;
using Platform.Contracts;
using Platform.PersonalData;
using Platform.Property.Data;
using Platform.Property.Features;
using Platform.Property.Features.Areas;
using Platform.Property.Features.Integration;
using Platform.Property.Features.Webhooks;
using Platform.Property.Features.WorkOrders;
using Platform.ServiceHost;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformService<PropertyDbContext>("property", bus =>
{
    bus.AddTerritoryReplica<PropertyDbContext>();
    bus.AddConsumer<DemandAssignedConsumer>();
});
builder.Services.AddPersonalData();
builder.Services.AddRollImports();
builder.Services.AddWebhooks(builder.Configuration);

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(PropertyEndpoints.KeepersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PropertyEndpoints.KeeperRoles))
    .AddPolicy(PropertyEndpoints.VotersPolicy, policy => policy.RequireAuthenticatedUser())
    .AddPolicy(PropertyEndpoints.CompaniesPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.PropertyCompany))
    .AddPolicy(PropertyEndpoints.WorkOrderReadersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole([.. PropertyEndpoints.KeeperRoles, PlatformRoleNames.PropertyCompany]))
    .AddPolicy(PropertyEndpoints.StreetPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.StreetAdmin, PlatformRoleNames.DistrictAdmin))
    .AddPolicy(PropertyEndpoints.RuleMakersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.DistrictAdmin));
builder.Services.AddValidation();

var app = builder.Build();

// Companies' CloudEvents arrive in structured mode; the endpoint reads the data and the forwarded id and type.
app.UsePlatformPipeline(pipeline => pipeline.AfterAuthorization = cloudEvents => cloudEvents.UseCloudEvents(new CloudEventsMiddlewareOptions
{
    ForwardCloudEventPropertiesAsHeaders = true, IncludedCloudEventPropertiesAsHeaders = ReceiveCloudEvent.ForwardedAttributes,
}));
app.MapPropertyEndpoints();
// What a Dapr sidecar asks on start: the pub/sub topics this service takes (the companies' events).
app.MapSubscribeHandler().AllowAnonymous();

app.Run();

/// <summary>The property service's entry point (public for the test host).</summary>
public partial class Program;
