using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Body of <c>POST /api/timebank/accounts</c>.</summary>
/// <param name="Purpose">volunteer_service, mutual_aid or party_service.</param>
/// <param name="OwnerType">volunteer (default), team, community or bank.</param>
/// <param name="OwnerId">The volunteer's user id (default: the caller), the team's id or the community's node id; none for the bank.</param>
/// <param name="Kind">For the bank: issuance, redemption or expiry.</param>
public sealed record OpenAccountRequest(Purpose? Purpose, OwnerType? OwnerType, string? OwnerId, AccountKind? Kind) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Purpose), Purpose is { } purpose && Enum.IsDefined(purpose) ? null : WireNames.Expected<Purpose>()),
        (nameof(OwnerId), OwnerId is { Length: > Account.OwnerIdMaxLength } ? $"At most {Account.OwnerIdMaxLength} characters."
            : OwnerType is Domain.Ledger.OwnerType.Team or Domain.Ledger.OwnerType.Community && !Guid.TryParse(OwnerId, out _) ? "The team's or community's id." : null),
        (nameof(Kind), OwnerType == Domain.Ledger.OwnerType.Bank && Kind is not (AccountKind.Issuance or AccountKind.Redemption or AccountKind.Expiry)
            ? "The bank opens issuance, redemption or expiry accounts here; clearing accounts open with their first clearing transfer." : null));
}

/// <summary>
/// Opens an account, or answers the one that exists (one per owner, kind and purpose): a volunteer their own, staff a
/// volunteer's, a team's or a community fund in their scope, district admins the bank's.
/// </summary>
internal static class OpenAccount
{
    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapPost("accounts", HandleAsync).WithSummary("Open an account (201), or get the one the owner has for that purpose (200).");

    private static async Task<Results<Created<AccountResponse>, Ok<AccountResponse>>> HandleAsync(
        OpenAccountRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        var purpose = request.Purpose!.Value;
        var now = clock.GetUtcNow();
        var account = (request.OwnerType ?? OwnerType.Volunteer) switch
        {
            OwnerType.Volunteer when request.OwnerId is null || request.OwnerId == access.UserId => Account.OfVolunteer(access.UserId, purpose, now),
            OwnerType.Volunteer when access.IsStaff && !access.Scope.IsNothing => Account.OfVolunteer(request.OwnerId!, purpose, now),
            OwnerType.Team when access.IsStaff && !access.Scope.IsNothing => Account.OfTeam(Guid.Parse(request.OwnerId!), purpose, now),
            OwnerType.Community when access.IsStaff => Account.FundOf(Guid.Parse(request.OwnerId!), await CommunityPathAsync(Guid.Parse(request.OwnerId!), access, db, cancellationToken), purpose, now),
            OwnerType.Bank when access.IsDistrictAdmin => Account.OfBank(request.Kind!.Value, purpose, now),
            _ => throw new DomainException(LedgerErrors.NotAllowed, "Your role may not open this kind of account."),
        };

        var (opened, isNew) = await ledger.FindOrOpenAsync(account, cancellationToken);
        var response = AccountResponse.Of(opened);
        return isNew ? TypedResults.Created($"/api/timebank/accounts/{opened.Id}", response) : TypedResults.Ok(response);
    }

    private static async Task<string> CommunityPathAsync(Guid nodeId, LedgerAccess access, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, cancellationToken);
        return node is { Kind: TerritoryNodeKind.Community or TerritoryNodeKind.Village, Retired: false } && access.Scope.Sees(node.Path)
            ? node.Path
            : throw new DomainException(LedgerErrors.CommunityNotFound, $"There is no community {nodeId} in your area.", "ownerId");
    }
}
