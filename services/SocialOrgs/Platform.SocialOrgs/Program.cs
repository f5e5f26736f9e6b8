using Platform.PersonalData;
using Platform.ServiceHost;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Features.Contracts;
using Platform.SocialOrgs.Features.Funding;
using Platform.SocialOrgs.Features.Incubations;
using Platform.SocialOrgs.Features.Organisations;
using Platform.SocialOrgs.Features.Panels;
using Platform.SocialOrgs.Features.Projects;
using Platform.SocialOrgs.Features.Territory;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformService<SocialOrgsDbContext>("socialorgs", bus =>
{
    bus.AddTerritoryReplica<SocialOrgsDbContext>();
    bus.AddConsumer<ResidentNeedsConsumer>();
});
builder.Services.AddScoped<ISubtreeMoveHandler, SocialOrgsSubtreeMove>();

builder.Services.AddPersonalData();
// The stored-data checks of requests look at the caller's scope.
builder.Services.AddHttpContextAccessor();
builder.Services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName)
    .Validate(options => options.TargetPerCommunity > 0, "SocialOrgs:Registry:TargetPerCommunity must be positive.").ValidateOnStart();
builder.Services.AddOptions<IncubationOptions>().BindConfiguration(IncubationOptions.SectionName)
    .Validate(options => options.StuckAfter > TimeSpan.Zero, "SocialOrgs:Incubation:StuckAfter must be positive.").ValidateOnStart();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(OrganisationEndpoints.UsersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(OrganisationEndpoints.UserRoles))
    .AddPolicy(OrganisationEndpoints.OfficialsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(OrganisationEndpoints.OfficialRoles))
    .AddPolicy(FundingEndpoints.FundersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(FundingEndpoints.FunderRoles));
builder.Services.AddValidation();

var app = builder.Build();

app.UsePlatformPipeline();
app.MapOrganisationEndpoints();
app.MapIncubationEndpoints();
app.MapFundingEndpoints();
app.MapPanelEndpoints();
app.MapContractEndpoints();
app.MapProjectEndpoints();

app.Run();

/// <summary>The social-organisation service's entry point (public for the test host).</summary>
public partial class Program;
