using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>An account as the API shows it.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="Purpose">volunteer_service, mutual_aid or party_service.</param>
/// <param name="OwnerType">volunteer, team, community or bank.</param>
/// <param name="OwnerId">The volunteer's user id, the team's id, the community's node id; for a clearing account its counterparty district; empty for the bank's other accounts.</param>
/// <param name="Kind">personal, community_fund, issuance, redemption, expiry or clearing.</param>
/// <param name="BalanceMinutes">The posted balance.</param>
/// <param name="PendingMinutes">What outgoing pending transfers reserve.</param>
/// <param name="IncomingPendingMinutes">What incoming pending transfers will add once posted (counted against the cap, not available).</param>
/// <param name="AvailableMinutes">Balance less pending: what may be spent.</param>
/// <param name="EarnedMinutes">Minutes credited for service, less their reversals.</param>
/// <param name="StarLevel">Stars (0–5) from the earned hours: 100, 300, 600, 1,000, 1,500.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="ClosedAt">When it was closed, if it was.</param>
public sealed record AccountResponse(
    Guid Id, Purpose Purpose, OwnerType OwnerType, string OwnerId, AccountKind Kind, long BalanceMinutes, long PendingMinutes, long IncomingPendingMinutes,
    long AvailableMinutes, long EarnedMinutes, int StarLevel, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    public static AccountResponse Of(Account account) => new(
        account.Id, account.Purpose, account.OwnerType, account.OwnerId, account.Kind, account.BalanceMinutes, account.PendingDebitMinutes,
        account.PendingCreditMinutes, account.AvailableMinutes, account.EarnedMinutes, account.StarLevel, account.CreatedAt, account.ClosedAt);
}

/// <summary>A transfer as the API shows it.</summary>
/// <param name="Id">The client's id.</param>
/// <param name="Status">pending, posted or voided.</param>
/// <param name="Purpose">The purpose of both accounts.</param>
/// <param name="From">The account debited.</param>
/// <param name="To">The account credited.</param>
/// <param name="Minutes">Whole minutes.</param>
/// <param name="Memo">What it is for.</param>
/// <param name="Pending">Whether it was asked for as a two-phase transfer.</param>
/// <param name="Reverses">The transfer this one reverses.</param>
/// <param name="ReversedBy">The transfer that reversed this one.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="ExpiresAt">When a pending transfer is voided unless posted before.</param>
/// <param name="FinishedAt">When it was posted or voided.</param>
public sealed record TransferResponse(
    Guid Id, TransferStatus Status, Purpose Purpose, Guid From, Guid To, long Minutes, string? Memo, bool Pending, Guid? Reverses, Guid? ReversedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? FinishedAt)
{
    public static TransferResponse Of(Transfer transfer) => new(
        transfer.Id, transfer.Status, transfer.Purpose, transfer.DebitAccountId, transfer.CreditAccountId, transfer.Minutes, transfer.Memo, transfer.Pending,
        transfer.ReversesTransferId, transfer.ReversedByTransferId, transfer.CreatedAt, transfer.ExpiresAt, transfer.FinishedAt);
}
