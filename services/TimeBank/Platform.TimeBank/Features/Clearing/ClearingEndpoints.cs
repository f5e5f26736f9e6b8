using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.TimeBank.Contracts;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Clearing;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Clearing;

/// <summary>A clearing transfer as the API shows this district's side of it.</summary>
/// <param name="Id">The client's id.</param>
/// <param name="Direction">outgoing (sent from here) or incoming (received here).</param>
/// <param name="Counterparty">The other district's identifier.</param>
/// <param name="UserId">Whose minutes move.</param>
/// <param name="Purpose">Their purpose.</param>
/// <param name="Minutes">Whole minutes.</param>
/// <param name="Status">pending, completed or rejected.</param>
/// <param name="RefusalCode">For a refusal: the receiver's problem code.</param>
/// <param name="Reason">For a refusal: why.</param>
/// <param name="CreatedAt">When this side recorded it.</param>
/// <param name="FinishedAt">When this side finished it.</param>
public sealed record ClearingTransferResponse(
    Guid Id, ClearingDirection Direction, string Counterparty, string UserId, Purpose Purpose, long Minutes, ClearingStatus Status, string? RefusalCode,
    string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public static ClearingTransferResponse Of(ClearingTransfer t) =>
        new(t.Id, t.Direction, t.Counterparty, t.UserId, t.Purpose, t.Minutes, t.Status, t.RefusalCode, t.Reason, t.CreatedAt, t.FinishedAt);
}

/// <summary>
/// Clearing between districts (通存通兑): a volunteer (or a district admin for them) sends minutes to another district,
/// the districts answer each other by events addressed to each other's tenant through the outbox, and each reports its
/// clearing balances to the other so that both reconcile without reading the other's data.
/// </summary>
internal static class ClearingEndpoints
{
    public static IEndpointRouteBuilder MapClearingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/timebank/clearing").RequireTenant().RequireAuthorization(LedgerEndpoints.UsersPolicy).WithTags("Clearing");
        RequestClearingTransfer.Map(users);
        GetClearingTransfer.Map(users);
        var admins = endpoints.MapGroup("/api/timebank/clearing").RequireTenant().RequireAuthorization(LedgerEndpoints.DistrictAdminsPolicy).WithTags("Clearing");
        ClearingReconciliation.Map(admins);
        return endpoints;
    }

    /// <summary>
    /// Queues, in the current transaction, the report of this district's clearing balance for
    /// <paramref name="counterpartyTenantId"/> after a change of <paramref name="clearingAccountId"/>.
    /// </summary>
    public static async Task ReportBalanceAsync(
        TimeBankDbContext db, Guid clearingAccountId, string ownDistrict, Guid counterpartyTenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == clearingAccountId, cancellationToken);
        db.AddIntegrationEvent(new ClearingBalanceReportedIntegrationEvent
        {
            TenantId = counterpartyTenantId, OccurredAt = now, FromDistrict = ownDistrict, Purpose = account.Purpose.ToWire(),
            ClearingMinutes = account.BalanceMinutes, Version = account.PostingCount,
        });
    }
}
