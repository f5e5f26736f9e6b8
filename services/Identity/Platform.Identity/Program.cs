using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Platform.Identity;
using Platform.Identity.Audit;
using Platform.Identity.Clients;
using Platform.Identity.Data;
using Platform.Identity.Seeding;
using Platform.Identity.Tokens;
using Platform.Identity.Users;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddOptions<IdentityServiceOptions>().BindConfiguration(IdentityServiceOptions.SectionName);
builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
builder.Services.AddSingleton(TimeProvider.System);

var connectionString = builder.Configuration.GetConnectionString("identitydb")
    ?? throw new InvalidOperationException("Connection string 'identitydb' is missing.");
builder.Services.AddDbContext<IdentityDbContext>((services, options) =>
    options.UseNpgsql(connectionString).UseTenantIsolation().UseOutboxSignal(services));

builder.Services.AddServiceTenancy<IdentityDbContext>(builder.Configuration);
builder.AddPlatformMessaging<IdentityDbContext>("identity", bus => bus.AddTerritoryReplica<IdentityDbContext>());

// Before the bus and the server start: the schema, the first-party clients and the seeded accounts.
builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, IdentitySeeder>());

builder.AddTokenServer();
builder.Services.AddOpenApi();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

var app = builder.Build();

app.UseForwardedHeaders();
app.UseAuthentication();
app.UseMultiTenancy();
app.UseRouting();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapOpenApi("/api/identity/openapi/{documentName}.json").AllowAnonymous();
app.MapTokenEndpoints();
app.MapLoginPage();
app.MapUsersEndpoints();
app.MapInvitationsEndpoints();
app.MapDistrictAdminsEndpoints();
app.MapClientsEndpoints();
app.MapAuditEndpoints();

app.Run();

/// <summary>The identity service's entry point (public for the test host).</summary>
public partial class Program;
