using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Filters of <c>GET /api/timebank/accounts</c>.</summary>
/// <param name="Owner"><c>me</c>: the caller's own accounts only.</param>
/// <param name="OwnerType">volunteer, team, community or bank.</param>
/// <param name="Purpose">volunteer_service, mutual_aid or party_service.</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Accounts per page (at most 100).</param>
public sealed record AccountQuery(
    [property: AllowedValues(null, ListAccounts.Me)] string? Owner, [property: WireName(typeof(OwnerType))] string? OwnerType,
    [property: WireName(typeof(Purpose))] string? Purpose, int? Page, int? PageSize);

/// <summary>The accounts the caller sees: <c>owner=me</c> their own, <c>ownerType=bank</c> the bank's (district admins).</summary>
internal static class ListAccounts
{
    /// <summary>The one value <c>owner</c> takes.</summary>
    public const string Me = "me";

    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapGet("accounts", HandleAsync).WithSummary("The accounts the caller sees, newest first; owner=me for the caller's own, ownerType and purpose to filter.");

    private static async Task<Ok<PagedResult<AccountResponse>>> HandleAsync(
        [AsParameters] AccountQuery query, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        var accounts = access.Visible(db);
        if (query.Owner == Me)
        {
            var userId = access.UserId;
            accounts = accounts.Where(a => a.OwnerType == OwnerType.Volunteer && a.OwnerId == userId);
        }

        if (query.OwnerType is { } ownerType)
        {
            var type = WireNames.Parse<OwnerType>(ownerType);
            accounts = accounts.Where(a => a.OwnerType == type);
        }

        if (query.Purpose is { } purpose)
        {
            var p = WireNames.Parse<Purpose>(purpose);
            accounts = accounts.Where(a => a.Purpose == p);
        }

        var paging = new PageRequest(query.Page, query.PageSize);
        var page = await accounts.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(AccountResponse.Of));
    }
}
