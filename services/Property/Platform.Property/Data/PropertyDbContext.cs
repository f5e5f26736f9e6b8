using Microsoft.EntityFrameworkCore;
using Platform.Imports.Jobs;
using Platform.MultiTenancy;
using Platform.Property.Domain;
using Platform.Property.Domain.Committees;
using Platform.Property.Domain.Companies;
using Platform.Property.Domain.Funds;
using Platform.Property.Domain.Roll;
using Platform.Property.Domain.Votes;
using Platform.Property.Domain.Webhooks;
using Platform.Property.Domain.WorkOrders;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Property.Data;

/// <summary>
/// The property database: areas with their owners' roll (units, holders, owners), votes with their frozen rolls and
/// ballots, the district's decision rules, maintenance-fund spendings, property companies with their contracts and
/// work orders and webhooks, owners' and interim committees, a replica of each district's territory tree,
/// roll import jobs, and the tenant catalogue, outbox and inbox every service has. Everything but the catalogue is tenant-owned.
/// </summary>
public sealed class PropertyDbContext(DbContextOptions<PropertyDbContext> options, ITenantContext tenantContext)
    : ServiceDbContext(options, tenantContext)
{
    /// <summary>The current district's property management areas.</summary>
    public DbSet<PropertyArea> Areas => Set<PropertyArea>();

    /// <summary>The current district's exclusive units with their holders.</summary>
    public DbSet<ExclusiveUnit> Units => Set<ExclusiveUnit>();

    /// <summary>The current district's owners, as the law counts them.</summary>
    public DbSet<AreaOwner> Owners => Set<AreaOwner>();

    /// <summary>The current district's votes.</summary>
    public DbSet<Vote> Votes => Set<Vote>();

    /// <summary>Each vote's roll as frozen at its opening.</summary>
    public DbSet<VoteRollEntry> VoteRolls => Set<VoteRollEntry>();

    /// <summary>The ballots cast.</summary>
    public DbSet<Ballot> Ballots => Set<Ballot>();

    /// <summary>The district's own decision rules, if it has any.</summary>
    public DbSet<DistrictDecisionRules> DecisionRules => Set<DistrictDecisionRules>();

    /// <summary>Maintenance-fund spendings.</summary>
    public DbSet<FundSpending> FundSpendings => Set<FundSpending>();

    /// <summary>The district's property companies.</summary>
    public DbSet<PropertyCompany> Companies => Set<PropertyCompany>();

    /// <summary>Property service contracts of areas.</summary>
    public DbSet<AreaContract> Contracts => Set<AreaContract>();

    /// <summary>The companies' work orders.</summary>
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();

    /// <summary>The companies' project managers of areas.</summary>
    public DbSet<ProjectManagerAppointment> ProjectManagers => Set<ProjectManagerAppointment>();

    /// <summary>Public-income and maintenance-fund statements of areas.</summary>
    public DbSet<AreaStatement> Statements => Set<AreaStatement>();

    /// <summary>The companies' webhooks.</summary>
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    /// <summary>Events on their way to the webhooks, and the log of those sent.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>Owners' committees and interim committees of the district's areas.</summary>
    public DbSet<Committee> Committees => Set<Committee>();

    /// <summary>The current district's territory tree, as the Districts service reports it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyTerritoryReplica();
        modelBuilder.ApplyImportJobs();

        modelBuilder.Entity<PropertyArea>(area =>
        {
            area.ToTable("areas");
            area.Property(a => a.Id).ValueGeneratedNever();
            area.Property(a => a.Name).HasMaxLength(PropertyArea.NameMaxLength);
            area.Property(a => a.Code).HasMaxLength(PropertyArea.CodeMaxLength);
            area.Property(a => a.DeveloperName).HasMaxLength(UnitHolder.NameMaxLength);
            area.Property(a => a.DeveloperCreditCode).HasMaxLength(18);
            area.HasIndex(a => new { a.TenantId, a.Code }).IsUnique();
            area.OwnsMany(a => a.Nodes, node =>
            {
                node.ToTable("area_nodes");
                node.WithOwner().HasForeignKey("AreaId");
                node.HasKey("AreaId", nameof(AreaNode.NodeId));
                node.Property(n => n.NodePath).HasMaxLength(400).UseCollation("C");
                // Node ids are unique across districts: the same node twice is refused whatever the tenant.
                node.HasIndex(n => n.NodeId).IsUnique();
            });
            area.Navigation(a => a.Nodes).AutoInclude();
        });

        modelBuilder.Entity<ExclusiveUnit>(unit =>
        {
            unit.ToTable("units");
            unit.Property(u => u.Id).ValueGeneratedNever();
            unit.Property(u => u.Code).HasMaxLength(ExclusiveUnit.CodeMaxLength).UseCollation("C");
            unit.Property(u => u.FloorArea).HasPrecision(12, 2);
            unit.HasIndex(u => new { u.TenantId, u.AreaId, u.Code }).IsUnique();
            unit.HasIndex(u => new { u.TenantId, u.OwnerId });
            unit.OwnsMany(u => u.Holders, holder =>
            {
                holder.ToTable("unit_holders");
                holder.WithOwner().HasForeignKey(h => h.UnitId);
                holder.Property<int>("Id");
                holder.HasKey("Id");
                holder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
                holder.Property(h => h.Name).HasMaxLength(UnitHolder.NameMaxLength);
                holder.Property(h => h.IdNumberProtected).HasMaxLength(200);
                holder.Property(h => h.IdNumberHash).HasMaxLength(64);
                holder.Property(h => h.IdNumberMasked).HasMaxLength(18);
                holder.Property(h => h.CreditCode).HasMaxLength(18);
                holder.Ignore(h => h.Identity);
                holder.Ignore(h => h.NameShownToOwners);
            });
            unit.Navigation(u => u.Holders).AutoInclude();
        });

        modelBuilder.Entity<AreaOwner>(owner =>
        {
            owner.ToTable("owners");
            owner.Property(o => o.Id).ValueGeneratedNever();
            owner.Property(o => o.Key).HasMaxLength(OwnerKey.MaxLength);
            owner.Property(o => o.UserId).HasMaxLength(100);
            owner.Property(o => o.LinkedBy).HasMaxLength(100);
            owner.HasIndex(o => new { o.TenantId, o.AreaId, o.Key }).IsUnique();
            owner.HasIndex(o => new { o.TenantId, o.UserId });
            owner.Ignore(o => o.IsDeveloper);
        });

        modelBuilder.Entity<Vote>(vote =>
        {
            vote.ToTable("votes");
            vote.Property(v => v.Id).ValueGeneratedNever();
            vote.Property(v => v.Title).HasMaxLength(Vote.TitleMaxLength);
            vote.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            vote.Property(v => v.Quorum).HasConversion(ThresholdText.DoubleConverter).HasMaxLength(40);
            vote.Property(v => v.TotalArea).HasPrecision(16, 2);
            vote.Property(v => v.CreatedBy).HasMaxLength(100);
            vote.Property(v => v.OpenedBy).HasMaxLength(100);
            vote.Property(v => v.ClosedBy).HasMaxLength(100);
            vote.HasIndex(v => new { v.TenantId, v.AreaId, v.CreatedAt });
            // Two opening (or closing) one vote at once: the second save fails instead of freezing the roll twice.
            vote.Property(v => v.Version).IsConcurrencyToken();
            vote.Property(v => v.Seats);
            vote.OwnsMany(v => v.Matters, matter =>
            {
                matter.ToTable("vote_matters");
                matter.WithOwner().HasForeignKey("VoteId");
                matter.HasKey("VoteId", nameof(VoteMatter.Key));
                matter.Property(m => m.Key).HasMaxLength(VoteMatter.KeyMaxLength);
                matter.Property(m => m.Matter).HasConversion<string>().HasMaxLength(40);
                matter.Property(m => m.Question).HasMaxLength(VoteMatter.QuestionMaxLength);
                matter.Property(m => m.Amount).HasPrecision(16, 2);
                matter.Property(m => m.Pass).HasConversion(ThresholdText.DoubleConverter).HasMaxLength(40);
            });
            vote.Navigation(v => v.Matters).AutoInclude();
        });

        modelBuilder.Entity<VoteRollEntry>(entry =>
        {
            entry.ToTable("vote_roll");
            entry.HasKey(e => new { e.VoteId, e.UnitId });
            entry.Property(e => e.UnitCode).HasMaxLength(ExclusiveUnit.CodeMaxLength).UseCollation("C");
            entry.Property(e => e.FloorArea).HasPrecision(12, 2);
            // A ballot names a unit by code; the vote's roll finds it.
            entry.HasIndex(e => new { e.TenantId, e.VoteId, e.UnitCode }).IsUnique();
        });

        modelBuilder.Entity<Ballot>(ballot =>
        {
            ballot.ToTable("ballots");
            ballot.Property(b => b.Id).ValueGeneratedNever();
            ballot.Property(b => b.UnitCode).HasMaxLength(ExclusiveUnit.CodeMaxLength);
            ballot.Property(b => b.Channel).HasConversion<string>().HasMaxLength(20);
            ballot.Property(b => b.EvidenceRef).HasMaxLength(Ballot.ReferenceMaxLength);
            ballot.Property(b => b.ProxyHolder).HasMaxLength(Ballot.ReferenceMaxLength);
            ballot.Property(b => b.CastBy).HasMaxLength(100);
            ballot.Property(b => b.Choices).IsJsonb();
            // One ballot per owner per vote, whatever the channel: the index decides between two racing.
            ballot.HasIndex(b => new { b.TenantId, b.VoteId, b.OwnerId }).IsUnique();
        });

        modelBuilder.Entity<DistrictDecisionRules>(rules =>
        {
            rules.ToTable("decision_rules");
            rules.Property(r => r.Id).ValueGeneratedNever();
            rules.Property(r => r.Quorum).HasConversion(ThresholdText.NullableDoubleConverter).HasMaxLength(40);
            rules.Property(r => r.Pass).HasColumnType("jsonb")
                .HasConversion(ThresholdText.PassConverter, JsonbValue<Dictionary<Matter, DoubleThreshold>>.Comparer);
            rules.Property(r => r.ChangedBy).HasMaxLength(100);
            rules.Ignore(r => r.Rules);
            // One set of rules per district.
            rules.HasIndex(r => r.TenantId).IsUnique();
        });

        modelBuilder.Entity<FundSpending>(spending =>
        {
            spending.ToTable("fund_spendings");
            spending.Property(s => s.Id).ValueGeneratedNever();
            spending.Property(s => s.MatterKey).HasMaxLength(VoteMatter.KeyMaxLength);
            spending.Property(s => s.Amount).HasPrecision(16, 2);
            spending.Property(s => s.Purpose).HasMaxLength(FundSpending.PurposeMaxLength);
            spending.Property(s => s.RecordedBy).HasMaxLength(100);
            spending.HasIndex(s => new { s.TenantId, s.VoteId, s.MatterKey });
            spending.HasIndex(s => new { s.TenantId, s.AreaId, s.RecordedAt });
        });

        modelBuilder.Entity<PropertyCompany>(company =>
        {
            company.ToTable("companies");
            company.Property(c => c.Id).ValueGeneratedNever();
            company.Property(c => c.Code).HasMaxLength(PropertyCompany.TextMaxLength);
            company.Property(c => c.Name).HasMaxLength(PropertyCompany.TextMaxLength);
            company.Property(c => c.CreditCode).HasMaxLength(18);
            company.Property(c => c.ClientId).HasMaxLength(100);
            company.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
            company.HasIndex(c => new { c.TenantId, c.CreditCode }).IsUnique();
            company.HasIndex(c => new { c.TenantId, c.ClientId }).IsUnique();
        });

        modelBuilder.Entity<AreaContract>(contract =>
        {
            contract.ToTable("contracts");
            contract.Property(c => c.Id).ValueGeneratedNever();
            contract.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            contract.Ignore(c => c.IsActive);
            // One active contract per area: the index decides between two signed at once.
            contract.HasIndex(c => new { c.TenantId, c.AreaId }).IsUnique().HasFilter("\"EndedAt\" IS NULL");
            contract.HasIndex(c => new { c.TenantId, c.CompanyId });
        });

        modelBuilder.Entity<Committee>(committee =>
        {
            committee.ToTable("committees");
            committee.Property(c => c.Id).ValueGeneratedNever();
            committee.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            committee.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
            committee.Property(c => c.Ending).HasConversion<string>().HasMaxLength(30);
            committee.Property(c => c.InterimReason).HasConversion<string>().HasMaxLength(30);
            committee.Property(c => c.FormedBy).HasMaxLength(100);
            committee.Property(c => c.FiledBy).HasMaxLength(100);
            committee.Property(c => c.EndedBy).HasMaxLength(100);
            committee.Property(c => c.ChangedBy).HasMaxLength(100);
            committee.Property(c => c.Version).IsConcurrencyToken();
            committee.Ignore(c => c.IsActive);
            // The members and candidates are read and written with their committee, never queried apart.
            committee.Property(c => c.PreparatoryGroup).IsJsonb();
            committee.Property(c => c.Members).IsJsonb();
            committee.Property(c => c.Candidates).IsJsonb();
            // One committee of each kind under way per area, and one active of either kind: the indexes decide races.
            committee.HasIndex(c => new { c.TenantId, c.AreaId, c.Kind }).IsUnique().HasFilter("\"EndedAt\" IS NULL AND \"Stage\" <> 'Active'")
                .HasDatabaseName("IX_committees_one_under_way");
            committee.HasIndex(c => new { c.TenantId, c.AreaId }).IsUnique().HasFilter("\"Stage\" = 'Active'").HasDatabaseName("IX_committees_one_active");
        });

        modelBuilder.Entity<WorkOrder>(order =>
        {
            order.ToTable("work_orders");
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.TrackingNumber).HasMaxLength(50);
            order.Property(o => o.Category).HasMaxLength(100);
            order.Property(o => o.Title).HasMaxLength(200);
            order.Property(o => o.Description).HasMaxLength(4000);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            order.Property(o => o.Note).HasMaxLength(WorkOrder.NoteMaxLength);
            order.Property(o => o.Version).IsConcurrencyToken();
            order.HasIndex(o => new { o.TenantId, o.DemandId }).IsUnique();
            // A company's list, newest first.
            order.HasIndex(o => new { o.TenantId, o.CompanyId, o.ReceivedAt });
            order.HasIndex(o => new { o.TenantId, o.AreaId, o.ReceivedAt });
        });

        modelBuilder.Entity<WebhookSubscription>(webhook =>
        {
            webhook.ToTable("webhook_subscriptions");
            webhook.Property(w => w.Id).ValueGeneratedNever();
            webhook.Property(w => w.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
            webhook.Property(w => w.SecretProtected).HasMaxLength(200);
            webhook.Property(w => w.CreatedBy).HasMaxLength(100);
            webhook.Property(w => w.EventTypes).IsJsonb();
            webhook.HasIndex(w => new { w.TenantId, w.CompanyId, w.CreatedAt });
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.Property(d => d.Id).ValueGeneratedNever();
            delivery.Property(d => d.EventType).HasConversion<string>().HasMaxLength(40);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.RedeliveredBy).HasMaxLength(100);
            delivery.Property(d => d.Attempts).IsJsonb();
            // A webhook's log, newest first.
            delivery.HasIndex(d => new { d.TenantId, d.SubscriptionId, d.CreatedAt });
            // The dispatcher's claim: due pending deliveries of every district.
            delivery.HasIndex(d => d.NextAttemptAt).HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_webhook_deliveries_due");
        });

        modelBuilder.Entity<ProjectManagerAppointment>(manager =>
        {
            manager.ToTable("project_managers");
            manager.Property(m => m.Id).ValueGeneratedNever();
            manager.Property(m => m.Name).HasMaxLength(ProjectManagerAppointment.NameMaxLength);
            manager.Property(m => m.ReportRecordedBy).HasMaxLength(100);
            // One manager in office per area: the index decides between two recorded at once.
            manager.HasIndex(m => new { m.TenantId, m.AreaId }).IsUnique().HasFilter("\"EndedOn\" IS NULL");
            manager.HasIndex(m => new { m.TenantId, m.CompanyId, m.TookOfficeOn });
        });

        modelBuilder.Entity<AreaStatement>(statement =>
        {
            statement.ToTable("statements");
            statement.Property(s => s.Id).ValueGeneratedNever();
            statement.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            statement.Property(s => s.OpeningBalance).HasPrecision(16, 2);
            statement.Property(s => s.ClosingBalance).HasPrecision(16, 2);
            statement.Property(s => s.PublishedBy).HasMaxLength(100);
            statement.Property(s => s.Lines).IsJsonb();
            // One statement of a kind per area and period.
            statement.HasIndex(s => new { s.TenantId, s.AreaId, s.Kind, s.PeriodStart, s.PeriodEnd }).IsUnique();
        });
    }
}
