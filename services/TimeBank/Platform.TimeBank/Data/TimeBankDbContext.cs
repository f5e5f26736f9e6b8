using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;
using Platform.TimeBank.Domain.Clearing;
using Platform.TimeBank.Domain.Exchanges;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Domain.Service;

namespace Platform.TimeBank.Data;

/// <summary>
/// The time bank's database: each district's double-entry ledger (accounts, transfers, their immutable postings and
/// the district's rules per purpose), a replica of its territory tree, and the tenant catalogue, outbox and inbox every
/// service has. Everything but the catalogue is tenant-owned.
/// </summary>
public sealed class TimeBankDbContext(DbContextOptions<TimeBankDbContext> options, ITenantContext tenantContext)
    : ServiceDbContext(options, tenantContext)
{
    /// <summary>The accounts' table, which <see cref="Features.Ledger.LedgerWriter"/> locks rows of by name.</summary>
    public const string AccountsTable = "accounts";

    /// <summary>The transfers' table.</summary>
    public const string TransfersTable = "transfers";

    /// <summary>The shifts' table, whose rows an approval locks.</summary>
    public const string ShiftsTable = "shifts";

    /// <summary>The exchanges' table, whose rows each step of an exchange locks.</summary>
    public const string ExchangesTable = "exchanges";

    /// <summary>The postings' table, which the database refuses to change or delete rows of.</summary>
    public const string PostingsTable = "postings";

    /// <summary>The current district's accounts.</summary>
    public DbSet<Account> Accounts => Set<Account>();

    /// <summary>The current district's transfers.</summary>
    public DbSet<Transfer> Transfers => Set<Transfer>();

    /// <summary>The current district's postings.</summary>
    public DbSet<Posting> Postings => Set<Posting>();

    /// <summary>The current district's own rules, per purpose.</summary>
    public DbSet<LedgerRules> LedgerRules => Set<LedgerRules>();

    /// <summary>The current district's volunteer activities.</summary>
    public DbSet<Activity> Activities => Set<Activity>();

    /// <summary>The current district's shifts with their sign-ups.</summary>
    public DbSet<Shift> Shifts => Set<Shift>();

    /// <summary>The current district's exchanges between neighbours and community needs.</summary>
    public DbSet<Exchange> Exchanges => Set<Exchange>();

    /// <summary>The current district's sides of clearing transfers with other districts.</summary>
    public DbSet<ClearingTransfer> ClearingTransfers => Set<ClearingTransfer>();

    /// <summary>The clearing balances other districts last reported to the current one.</summary>
    public DbSet<ClearingReport> ClearingReports => Set<ClearingReport>();

    /// <summary>The current district's territory tree, as the Districts service reports it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyTerritoryReplica();

        modelBuilder.Entity<Account>(account =>
        {
            account.ToTable(AccountsTable, table =>
            {
                table.HasCheckConstraint("ck_accounts_pending_debit", "\"PendingDebitMinutes\" >= 0");
                table.HasCheckConstraint("ck_accounts_pending_credit", "\"PendingCreditMinutes\" >= 0");
            });
            account.Property(a => a.Id).ValueGeneratedNever();
            account.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(20);
            account.Property(a => a.OwnerType).HasConversion<string>().HasMaxLength(20);
            account.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            account.Property(a => a.OwnerId).HasMaxLength(Account.OwnerIdMaxLength);
            account.Property(a => a.NodePath).HasMaxLength(400).UseCollation("C");
            account.Ignore(a => a.AvailableMinutes);
            account.Ignore(a => a.StarLevel);
            // One account per owner, kind and purpose: two first uses at once make one account, the index decides.
            account.HasIndex(a => new { a.OwnerType, a.OwnerId, a.Kind, a.Purpose }).IsUnique();
        });

        modelBuilder.Entity<Transfer>(transfer =>
        {
            transfer.ToTable(TransfersTable, table => table.HasCheckConstraint("ck_transfers_minutes", "\"Minutes\" > 0"));
            // Client-chosen ids are unique per district only: another district's id must not collide, nor leak.
            transfer.HasKey(t => new { t.TenantId, t.Id });
            transfer.Property(t => t.Id).ValueGeneratedNever();
            transfer.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
            transfer.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            transfer.Property(t => t.Memo).HasMaxLength(Transfer.MemoMaxLength);
            transfer.Property(t => t.CreatedBy).HasMaxLength(100);
            // A transfer is reversed once, even by two reversals racing.
            transfer.HasIndex(t => t.ReversesTransferId).IsUnique().HasFilter("\"ReversesTransferId\" IS NOT NULL");
            transfer.HasIndex(t => new { t.TenantId, t.Status, t.ExpiresAt });
            transfer.HasIndex(t => new { t.TenantId, t.DebitAccountId });
            transfer.HasIndex(t => new { t.TenantId, t.CreditAccountId });
        });

        modelBuilder.Entity<Posting>(posting =>
        {
            posting.ToTable(PostingsTable, table => table.HasCheckConstraint("ck_postings_amount", "\"AmountMinutes\" <> 0"));
            // The statement's keyset, and a second guard against two writers numbering one account's postings alike.
            posting.HasKey(p => new { p.AccountId, p.Sequence });
            posting.HasIndex(p => new { p.TenantId, p.TransferId });
            // The expiry round's probe: an account's credits by date.
            posting.HasIndex(p => new { p.AccountId, p.PostedAt }).HasFilter("\"AmountMinutes\" > 0");
        });

        modelBuilder.Entity<Activity>(activity =>
        {
            activity.ToTable("activities");
            activity.Property(a => a.Id).ValueGeneratedNever();
            activity.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength);
            activity.Property(a => a.Place).HasMaxLength(Activity.PlaceMaxLength);
            activity.Property(a => a.Category).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.OrganiserId).HasMaxLength(100);
            activity.Property(a => a.NodePath).HasMaxLength(400).UseCollation("C");
            activity.HasIndex(a => new { a.TenantId, a.NodePath });
            activity.HasIndex(a => new { a.TenantId, a.OrganiserId });
        });

        modelBuilder.Entity<Shift>(shift =>
        {
            shift.ToTable(ShiftsTable);
            shift.Property(s => s.Id).ValueGeneratedNever();
            shift.Property(s => s.CodeSecret).HasMaxLength(64);
            shift.HasIndex(s => new { s.TenantId, s.ActivityId, s.StartsAt });
            shift.Ignore(s => s.LengthMinutes);
            shift.OwnsMany(s => s.SignUps, signUp =>
            {
                signUp.ToTable("shift_signups");
                signUp.WithOwner().HasForeignKey("ShiftId");
                signUp.HasKey("ShiftId", nameof(SignUp.VolunteerId));
                // A volunteer's own sign-ups and service record are looked up by volunteer across all shifts.
                signUp.HasIndex(u => u.VolunteerId);
                signUp.Property(u => u.VolunteerId).HasMaxLength(100);
                signUp.Property(u => u.ApprovedBy).HasMaxLength(100);
            });
            shift.Navigation(s => s.SignUps).HasField("_signUps");
        });

        modelBuilder.Entity<Exchange>(exchange =>
        {
            exchange.ToTable(ExchangesTable, table => table.HasCheckConstraint("ck_exchanges_minutes", "\"Minutes\" > 0"));
            exchange.Property(e => e.Id).ValueGeneratedNever();
            exchange.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            exchange.Property(e => e.Category).HasConversion<string>().HasMaxLength(20);
            exchange.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            exchange.Property(e => e.Description).HasMaxLength(Exchange.DescriptionMaxLength);
            exchange.Property(e => e.NodePath).HasMaxLength(400).UseCollation("C");
            exchange.Property(e => e.PostedBy).HasMaxLength(100);
            exchange.Property(e => e.ProviderId).HasMaxLength(100);
            exchange.Property(e => e.ReceiverId).HasMaxLength(100);
            exchange.Property(e => e.DisputedBy).HasMaxLength(100);
            exchange.Property(e => e.FinishedBy).HasMaxLength(100);
            exchange.Property(e => e.DisputeReason).HasMaxLength(Exchange.NoteMaxLength);
            exchange.Property(e => e.ResolutionNote).HasMaxLength(Exchange.NoteMaxLength);
            exchange.Ignore(e => e.HoldsReservation);
            // The board lists open exchanges of a subtree newest first; a resident's own by poster, provider or receiver.
            exchange.HasIndex(e => new { e.TenantId, e.Status, e.NodePath });
            exchange.HasIndex(e => new { e.TenantId, e.PostedBy });
            exchange.HasIndex(e => new { e.TenantId, e.ProviderId });
            exchange.HasIndex(e => new { e.TenantId, e.ReceiverId });
        });

        modelBuilder.Entity<ClearingTransfer>(clearing =>
        {
            clearing.ToTable("clearing_transfers", table => table.HasCheckConstraint("ck_clearing_transfers_minutes", "\"Minutes\" > 0"));
            // The sender's client-chosen id names the move on both sides; each district holds one side of it.
            clearing.HasKey(t => new { t.TenantId, t.Id });
            clearing.Property(t => t.Id).ValueGeneratedNever();
            clearing.Property(t => t.Direction).HasConversion<string>().HasMaxLength(20);
            clearing.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            clearing.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
            clearing.Property(t => t.Counterparty).HasMaxLength(Account.OwnerIdMaxLength);
            clearing.Property(t => t.UserId).HasMaxLength(Account.OwnerIdMaxLength);
            clearing.Property(t => t.RequestedBy).HasMaxLength(100);
            clearing.Property(t => t.RefusalCode).HasMaxLength(100);
            clearing.Property(t => t.Reason).HasMaxLength(500);
            // The reconciliation lists what is in flight.
            clearing.HasIndex(t => new { t.TenantId, t.Status });
        });

        modelBuilder.Entity<ClearingReport>(report =>
        {
            report.ToTable("clearing_reports");
            report.Property(r => r.Id).ValueGeneratedNever();
            report.Property(r => r.Counterparty).HasMaxLength(Account.OwnerIdMaxLength);
            report.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(20);
            report.HasIndex(r => new { r.TenantId, r.Counterparty, r.Purpose }).IsUnique();
        });

        modelBuilder.Entity<LedgerRules>(rules =>
        {
            rules.ToTable("ledger_rules");
            rules.Property(r => r.Id).ValueGeneratedNever();
            rules.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(20);
            rules.HasIndex(r => r.Purpose).IsUnique();
        });
    }
}
