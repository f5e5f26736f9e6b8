using Platform.Identity;
using Platform.Identity.Audit;
using Platform.Identity.Clients;
using Platform.Identity.Data;
using Platform.Identity.Seeding;
using Platform.Identity.Tokens;
using Platform.Identity.Users;
using Platform.ServiceHost;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

// The first-party clients and the seeded accounts exist before the server accepts requests.
builder.AddPlatformService<IdentityDbContext>("identity", bus => bus.AddTerritoryReplica<IdentityDbContext>(), ServiceAuthentication.OwnTokenServer)
    .SeedWith<IdentitySeeder>();
builder.Services.AddOptions<IdentityServiceOptions>().BindConfiguration(IdentityServiceOptions.SectionName);
builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
builder.Services.AddValidation();
builder.AddTokenServer();

var app = builder.Build();

app.UsePlatformPipeline(pipeline =>
{
    // Behind the gateway: the issuer and the login page's links use the caller's scheme and host.
    pipeline.BeforeAuthentication = web => web.UseForwardedHeaders();
    pipeline.AfterAuthorization = web => web.UseAntiforgery();
});
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
