using Platform.PersonalData;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Features.Budgets;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Deliberation;
using Platform.Residents.Features.Demands;
using Platform.Residents.Features.Imports;
using Platform.Residents.Features.Notices;
using Platform.Residents.Features.Residents;
using Platform.Residents.Features.Territory;
using Platform.ServiceHost;
using Platform.TerritoryReplica;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformService<ResidentsDbContext>("residents", bus =>
{
    bus.AddTerritoryReplica<ResidentsDbContext>();
    bus.AddConsumer<WorkOrderStatusConsumer>();
});
builder.Services.AddScoped<ISubtreeMoveHandler, ResidentsSubtreeMove>();

builder.Services.AddPersonalData();
builder.Services.AddOptions<DemandSlaPolicy>().BindConfiguration(DemandSlaPolicy.SectionName)
    .Validate(policy => policy.Validate().Count == 0, "Demands:Sla has a non-positive duration.").ValidateOnStart();
builder.Services.AddOptions<DeliberationRules>().BindConfiguration(DeliberationRules.SectionName)
    .Validate(rules => rules.SupportThreshold >= 1, "Deliberation:SupportThreshold must be at least 1.").ValidateOnStart();
builder.Services.AddOptions<NoticeRules>().BindConfiguration(NoticeRules.SectionName)
    .Validate(rules => rules.IsValid, "Notices:ResultPeriod and Notices:RepresentativeObjectionPeriod must be positive.").ValidateOnStart();
builder.Services.AddResidentImports();
builder.Services.AddBallotImports();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(ResidentEndpoints.KeepersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ResidentEndpoints.KeeperRoles))
    .AddPolicy(DemandEndpoints.UsersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(DemandEndpoints.UserRoles))
    .AddPolicy(ResidentAccount.LinkersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ResidentAccount.LinkerRoles))
    .AddPolicy(ResidentEndpoints.AuditorsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Platform.Contracts.PlatformRoleNames.DistrictAdmin));
builder.Services.AddValidation();

var app = builder.Build();

app.UsePlatformPipeline();
app.MapResidentEndpoints();
app.MapDemandEndpoints();
app.MapDemandMetricsEndpoints();
app.MapResidentImportEndpoints();
app.MapDeliberationEndpoints();
app.MapBudgetEndpoints();
app.MapBallotImportEndpoints();
app.MapNoticeEndpoints();

app.Run();

/// <summary>The residents service's entry point (public for the test host).</summary>
public partial class Program;
