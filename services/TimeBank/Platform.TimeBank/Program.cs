using Platform.ServiceHost;
using Platform.TerritoryReplica;
using Platform.TimeBank.Data;
using Platform.TimeBank.Features.Clearing;
using Platform.TimeBank.Features.Exchanges;
using Platform.TimeBank.Features.Ledger;
using Platform.TimeBank.Features.Service;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformService<TimeBankDbContext>("timebank", bus =>
{
    bus.AddTerritoryReplica<TimeBankDbContext>();
    bus.AddConsumer<ClearingTransferRequestedConsumer>();
    bus.AddConsumer<ClearingTransferAnsweredConsumer>();
    bus.AddConsumer<ClearingBalanceReportedConsumer>();
    bus.AddConsumer<VolunteerRecruitmentConsumer>();
});
builder.Services.AddScoped<LedgerWriter>();
builder.Services.AddOptions<LedgerJobOptions>().BindConfiguration(LedgerJobOptions.SectionName);
builder.Services.AddHostedService<PendingTransferExpiry>();
builder.Services.AddHostedService<EarnedMinutesExpiry>();
builder.Services.AddAuthorizationBuilder().AddLedgerPolicies()
    .AddPolicy(ServiceEndpoints.OrganisersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ServiceEndpoints.OrganiserRoles));
builder.Services.AddValidation();

var app = builder.Build();

app.UsePlatformPipeline();
app.MapLedgerEndpoints();
app.MapServiceEndpoints();
app.MapExchangeEndpoints();
app.MapClearingEndpoints();

app.Run();

/// <summary>The time bank service's entry point (public for the test host).</summary>
public partial class Program;
