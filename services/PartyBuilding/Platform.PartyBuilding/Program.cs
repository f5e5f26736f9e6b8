using Platform.Contracts;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Features.Evaluation;
using Platform.PartyBuilding.Features.Feedback;
using Platform.PartyBuilding.Features.Lists;
using Platform.PartyBuilding.Features.Metrics;
using Platform.PartyBuilding.Features.Organisations;
using Platform.PartyBuilding.Features.Reporting;
using Platform.PartyBuilding.Features.Service;
using Platform.PartyBuilding.Features.Territory;
using Platform.PersonalData;
using Platform.ServiceHost;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformService<PartyBuildingDbContext>("partybuilding", bus =>
{
    bus.AddTerritoryReplica<PartyBuildingDbContext>();
    bus.AddConsumer<TimeBankServiceConsumer>();
    bus.AddConsumer<FeedbackConsumers>();
});
builder.Services.AddScoped<ISubtreeMoveHandler, PartyBuildingSubtreeMove>();
builder.Services.AddPersonalData();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(OrganisationEndpoints.OfficialsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(OrganisationEndpoints.OfficialRoles))
    .AddPolicy(ReportingEndpoints.ReadersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ReportingEndpoints.ReaderRoles))
    .AddPolicy(ReportingEndpoints.MembersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.PartyMember))
    .AddPolicy(ReportingEndpoints.DistrictAdminsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.DistrictAdmin));
builder.Services.AddValidation();

var app = builder.Build();

app.UsePlatformPipeline();
app.MapOrganisationEndpoints();
app.MapReportingEndpoints();
app.MapServiceEndpoints();
app.MapListEndpoints();
app.MapEvaluationEndpoints();
app.MapFeedbackEndpoints();
app.MapMetricsEndpoints();

app.Run();

/// <summary>The party-building service's entry point (public for the test host).</summary>
public partial class Program;
