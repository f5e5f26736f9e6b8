using Platform.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Features.Districts;
using Platform.Districts.Features.Imports;
using Platform.Districts.Features.Territory;
using Platform.Districts.Seeding;
using Platform.Imports.Jobs;
using Platform.ServiceHost;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformService<DistrictsDbContext>("districts").SeedWith<DistrictsSeeder>();
builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);

builder.Services.AddHttpContextAccessor();
builder.Services.AddHttpClient<IdentityAdminClient>(IdentityAdminClient.ClientName, (services, http) =>
    http.BaseAddress = new Uri(services.GetRequiredService<IConfiguration>()["Identity:Authority"]
        ?? throw new InvalidOperationException("Identity:Authority is not configured.")));
builder.Services.AddTerritoryImports();
builder.Services.AddImportJobs<DistrictsDbContext>();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(DistrictEndpoints.OperatorsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.PlatformOperator))
    .AddPolicy(TerritoryImportEndpoints.ImportersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(TerritoryImportEndpoints.ImporterRoles));

var app = builder.Build();

app.UsePlatformPipeline();
app.MapDistrictEndpoints();
app.MapTerritoryEndpoints();
app.MapTerritoryImportEndpoints();

app.Run();

/// <summary>The districts service's entry point (public for the test host).</summary>
public partial class Program;
