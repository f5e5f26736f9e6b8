using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Features.Demands;
using Platform.Residents.Features.Imports;
using Platform.Residents.Features.Residents;
using Platform.Residents.Features.Territory;
using Platform.Residents.PersonalData;
using Platform.Residents.Seeding;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.Services.AddSingleton(TimeProvider.System);

var connectionString = builder.Configuration.GetConnectionString("residentsdb")
    ?? throw new InvalidOperationException("Connection string 'residentsdb' is missing.");
builder.Services.AddDbContext<ResidentsDbContext>((services, options) =>
    options.UseNpgsql(connectionString).UseTenantIsolation().UseOutboxSignal(services));

builder.Services.AddServiceTenancy<ResidentsDbContext>(builder.Configuration);
builder.AddPlatformMessaging<ResidentsDbContext>("residents", bus =>
{
    bus.AddTerritoryReplica<ResidentsDbContext>();
    bus.AddConsumer<WorkOrderStatusConsumer>();
});

builder.Services.AddScoped<ISubtreeMoveHandler, ResidentsSubtreeMove>();

// Before the bus and the server start: the schema.
builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ResidentsSeeder>());

// Keys are checked at start: a service that could not protect personal data must not run.
builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.SectionName);
builder.Services.AddSingleton<PersonalDataProtector>();
builder.Services.AddOptions<DemandSlaPolicy>().BindConfiguration(DemandSlaPolicy.SectionName)
    .Validate(policy => policy.Validate().Count == 0, "Demands:Sla has a non-positive duration.").ValidateOnStart();
builder.Services.AddResidentImports();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(ResidentEndpoints.KeepersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ResidentEndpoints.KeeperRoles))
    .AddPolicy(DemandEndpoints.UsersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(DemandEndpoints.UserRoles))
    .AddPolicy(ResidentEndpoints.AuditorsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Platform.Contracts.PlatformRoleNames.DistrictAdmin));
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)));
builder.Services.AddOpenApi();
builder.Services.AddValidation();

var app = builder.Build();

_ = app.Services.GetRequiredService<PersonalDataProtector>();

app.UseAuthentication();
app.UseMultiTenancy();
// Routing after tenant resolution: a /t/{district} prefix (the public demand status) is moved out of the path first.
app.UseRouting();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi("/api/residents/openapi/{documentName}.json").AllowAnonymous();
app.MapResidentEndpoints();
app.MapDemandEndpoints();
app.MapDemandMetricsEndpoints();
app.MapResidentImportEndpoints();

app.Run();

/// <summary>The residents service's entry point (public for the test host).</summary>
public partial class Program;
