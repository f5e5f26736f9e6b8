using Platform.Contracts;
using Platform.MultiTenancy;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>
/// The district's hours ledger, one use case per file: accounts, transfers (idempotent by the client's id, two-phase,
/// reversible once), statements, the trial balance and the district's rules. Who sees what is <see cref="LedgerAccess"/>;
/// refusals are domain errors the service defaults answer as problems.
/// </summary>
internal static class LedgerEndpoints
{
    /// <summary>Policy: everyone who uses the ledger (volunteers, residents, party members, staff).</summary>
    public const string UsersPolicy = "timebank.users";

    /// <summary>Policy: district administrators (bank accounts, trial balance, rules).</summary>
    public const string DistrictAdminsPolicy = "timebank.district-admins";

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/timebank").RequireTenant().RequireAuthorization(UsersPolicy).WithTags("Ledger");
        OpenAccount.Map(users);
        ListAccounts.Map(users);
        GetAccount.Map(users);
        GetStatement.Map(users);
        ExportStatement.Map(users);
        CreateTransfer.Map(users);
        CreateTransferBatch.Map(users);
        GetTransfer.Map(users);
        FinishTransfer.Map(users);
        ReverseTransfer.Map(users);

        var admins = endpoints.MapGroup("/api/timebank").RequireTenant().RequireAuthorization(DistrictAdminsPolicy).WithTags("Ledger administration");
        CloseAccount.Map(admins);
        GetTrialBalance.Map(admins);
        LedgerSettings.Map(admins);
        return endpoints;
    }

    /// <summary>Adds the ledger's policies.</summary>
    public static Microsoft.AspNetCore.Authorization.AuthorizationBuilder AddLedgerPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization) => authorization
        .AddPolicy(UsersPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(LedgerAccess.UserRoles))
        .AddPolicy(DistrictAdminsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoleNames.DistrictAdmin));
}
