using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>
/// What a caller may see and do in the ledger. A volunteer (also a resident or party member) sees only their own
/// accounts and the transfers touching them, and spends only from them. Community workers, street and district admins
/// see the volunteers' and teams' accounts (they belong to the whole district), the community funds inside their
/// <see cref="CallerScope"/>, and, district admins only, the bank's own accounts; they may write any transfer between
/// accounts they see. Anything else answers 404 exactly like what does not exist.
/// </summary>
internal sealed record LedgerAccess(string UserId, CallerScope Scope, bool IsStaff, bool IsDistrictAdmin)
{
    /// <summary>Roles that keep the ledger inside their scope.</summary>
    public static readonly string[] StaffRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    /// <summary>Roles that hold accounts of their own.</summary>
    public static readonly string[] VolunteerRoles = [PlatformRoleNames.Volunteer, PlatformRoleNames.Resident, PlatformRoleNames.PartyMember];

    /// <summary>Everyone who uses the ledger.</summary>
    public static readonly string[] UserRoles = [.. StaffRoles, .. VolunteerRoles];

    /// <summary>The caller's access.</summary>
    public static async Task<LedgerAccess> OfAsync(ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var isStaff = StaffRoles.Any(caller.IsInRole);
        var scope = isStaff ? await CallerScope.OfAsync(caller, db, cancellationToken) : CallerScope.Nothing;
        var isDistrictAdmin = caller.IsInRole(PlatformRoleNames.DistrictAdmin) && scope.IsWholeDistrict;
        // The users policy admits authenticated callers only, so a subject is there.
        return new LedgerAccess(caller.UserId()!, scope, isStaff, isDistrictAdmin);
    }

    /// <summary>Whether <paramref name="account"/> is the caller's own.</summary>
    public bool Owns(Account account) => account.OwnerType == OwnerType.Volunteer && account.OwnerId == UserId;

    /// <summary>Whether the caller may see <paramref name="account"/>.</summary>
    public bool Sees(Account account) => Owns(account) || (IsStaff && account.OwnerType switch
    {
        OwnerType.Bank => IsDistrictAdmin,
        OwnerType.Community => account.NodePath is { } path && Scope.Sees(path),
        _ => !Scope.IsNothing,
    });

    /// <summary>The accounts the caller sees, as a query.</summary>
    public IQueryable<Account> Visible(TimeBankDbContext db)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (!IsStaff || Scope.IsNothing)
        {
            var userId = UserId;
            return accounts.Where(a => a.OwnerType == OwnerType.Volunteer && a.OwnerId == userId);
        }

        // Community funds by the scope's key range (SubtreeRange), the rest by owner type.
        var range = SubtreeRange.Of(Scope.Path);
        var wholeDistrict = Scope.IsWholeDistrict;
        var bank = IsDistrictAdmin;
        return accounts.Where(a =>
            a.OwnerType == OwnerType.Volunteer || a.OwnerType == OwnerType.Team
            || (a.OwnerType == OwnerType.Community && (wholeDistrict || (string.Compare(a.NodePath, range.From) >= 0 && string.Compare(a.NodePath, range.To) < 0)))
            || (a.OwnerType == OwnerType.Bank && bank));
    }

    /// <summary>Account <paramref name="id"/> if the caller sees it.</summary>
    /// <exception cref="DomainException">No such account for this caller.</exception>
    public async Task<Account> FindAccountAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is not null && Sees(account) ? account : throw AccountNotFound(id);
    }

    /// <summary>Transfer <paramref name="id"/> if the caller sees one of its accounts.</summary>
    /// <exception cref="DomainException">No such transfer for this caller.</exception>
    public async Task<Transfer> FindTransferAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (transfer is not null)
        {
            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => a.Id == transfer.DebitAccountId || a.Id == transfer.CreditAccountId).ToListAsync(cancellationToken);
            if (accounts.Any(Sees))
            {
                return transfer;
            }
        }

        throw new DomainException(LedgerErrors.TransferNotFound, $"There is no transfer {id}.");
    }

    /// <summary>
    /// Checks that the caller may move minutes from <paramref name="from"/> to <paramref name="to"/>: staff between
    /// accounts they see, a volunteer from their own account to any account of the district.
    /// </summary>
    /// <exception cref="DomainException">An account is unknown to the caller.</exception>
    public async Task RequireMayTransferAsync(Guid from, Guid to, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.Id == from || a.Id == to).ToDictionaryAsync(a => a.Id, cancellationToken);
        RequireMayTransfer(from, to, accounts);
    }

    /// <summary>As <see cref="RequireMayTransferAsync"/>, over accounts already loaded (a batch's).</summary>
    /// <exception cref="DomainException">An account is unknown to the caller.</exception>
    public void RequireMayTransfer(Guid from, Guid to, IReadOnlyDictionary<Guid, Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.GetValueOrDefault(from) is not { } debited || !(Owns(debited) || (IsStaff && Sees(debited))))
        {
            throw AccountNotFound(from, "from");
        }

        if (accounts.GetValueOrDefault(to) is not { } credited || (IsStaff && !Owns(debited) && !Sees(credited)))
        {
            throw AccountNotFound(to, "to");
        }
    }

    /// <summary>Whether the caller may post or void <paramref name="transfer"/>: staff who see its debit account, or its owner.</summary>
    public async Task<bool> MayFinishAsync(Transfer transfer, TimeBankDbContext db, CancellationToken cancellationToken) =>
        Sees(await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == transfer.DebitAccountId, cancellationToken));

    private static DomainException AccountNotFound(Guid id, string? field = null) =>
        new(LedgerErrors.AccountNotFound, $"There is no account {id}.", field);
}
