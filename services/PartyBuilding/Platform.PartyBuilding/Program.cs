using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Features.Organisations;
using Platform.PartyBuilding.Features.Territory;
using Platform.ServiceHost;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformService<PartyBuildingDbContext>("partybuilding", bus => bus.AddTerritoryReplica<PartyBuildingDbContext>());
builder.Services.AddScoped<ISubtreeMoveHandler, PartyBuildingSubtreeMove>();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(OrganisationEndpoints.OfficialsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(OrganisationEndpoints.OfficialRoles));
builder.Services.AddValidation();

var app = builder.Build();

app.UsePlatformPipeline();
app.MapOrganisationEndpoints();

app.Run();

/// <summary>The party-building service's entry point (public for the test host).</summary>
public partial class Program;
