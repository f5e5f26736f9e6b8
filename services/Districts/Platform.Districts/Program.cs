using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Features.Districts;
using Platform.Districts.Features.Imports;
using Platform.Districts.Features.Territory;
using Platform.Districts.Seeding;
using Platform.Imports.Jobs;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);

var connectionString = builder.Configuration.GetConnectionString("districtsdb")
    ?? throw new InvalidOperationException("Connection string 'districtsdb' is missing.");
builder.Services.AddDbContext<DistrictsDbContext>((services, options) =>
    options.UseNpgsql(connectionString).UseTenantIsolation().UseOutboxSignal(services));

builder.Services.AddServiceTenancy<DistrictsDbContext>(builder.Configuration);
builder.AddPlatformMessaging<DistrictsDbContext>("districts");

// Before the bus and the server start: the schema and, in development, the demo district.
builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DistrictsSeeder>());

builder.Services.AddHttpContextAccessor();
builder.Services.AddHttpClient<IdentityAdminClient>(IdentityAdminClient.ClientName, (services, http) =>
    http.BaseAddress = new Uri(services.GetRequiredService<IConfiguration>()["Identity:Authority"]
        ?? throw new InvalidOperationException("Identity:Authority is not configured.")));
builder.Services.AddTerritoryImports();
builder.Services.AddImportJobs<DistrictsDbContext>();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(DistrictEndpoints.OperatorsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.PlatformOperator))
    .AddPolicy(TerritoryImportEndpoints.ImportersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(TerritoryImportEndpoints.ImporterRoles));
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)));
builder.Services.AddValidation();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseAuthentication();
app.UseMultiTenancy();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi("/api/districts/openapi/{documentName}.json").AllowAnonymous();
app.MapDistrictEndpoints();
app.MapTerritoryEndpoints();
app.MapTerritoryImportEndpoints();

app.Run();

/// <summary>The districts service's entry point (public for the test host).</summary>
public partial class Program;
