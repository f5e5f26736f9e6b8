using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.Residents.Data;
using Platform.Residents.Features.Imports;
using Platform.Residents.Features.Residents;
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
builder.AddPlatformMessaging<ResidentsDbContext>("residents", bus => bus.AddTerritoryReplica<ResidentsDbContext>());

// Before the bus and the server start: the schema.
builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ResidentsSeeder>());

// Keys are checked at start: a service that could not protect personal data must not run.
builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.SectionName);
builder.Services.AddSingleton<PersonalDataProtector>();
builder.Services.AddResidentImports();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(ResidentEndpoints.KeepersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ResidentEndpoints.KeeperRoles))
    .AddPolicy(ResidentEndpoints.AuditorsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Platform.Contracts.PlatformRoleNames.DistrictAdmin));
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)));
builder.Services.AddOpenApi();

var app = builder.Build();

_ = app.Services.GetRequiredService<PersonalDataProtector>();

app.UseAuthentication();
app.UseMultiTenancy();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi("/api/residents/openapi/{documentName}.json").AllowAnonymous();
app.MapResidentEndpoints();
app.MapResidentImportEndpoints();

app.Run();

/// <summary>The residents service's entry point (public for the test host).</summary>
public partial class Program;
