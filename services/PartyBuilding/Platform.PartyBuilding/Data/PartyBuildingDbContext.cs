using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Evaluation;
using Platform.PartyBuilding.Domain.Feedback;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Data;

/// <summary>
/// The party-building database: the community-side party organisations and the workplace party organisations, a
/// replica of each district's territory tree, and the tenant catalogue, outbox and inbox every service has.
/// </summary>
public sealed class PartyBuildingDbContext(DbContextOptions<PartyBuildingDbContext> options, ITenantContext tenantContext)
    : ServiceDbContext(options, tenantContext)
{
    /// <summary>The current district's community-side party organisations.</summary>
    public DbSet<PartyOrganisation> PartyOrganisations => Set<PartyOrganisation>();

    /// <summary>The workplace party organisations the current district's members belong to.</summary>
    public DbSet<WorkplaceOrganisation> Workplaces => Set<WorkplaceOrganisation>();

    /// <summary>The current district's commitment texts, every version.</summary>
    public DbSet<CommitmentText> CommitmentTexts => Set<CommitmentText>();

    /// <summary>The current district's members' reports to their communities.</summary>
    public DbSet<MemberReport> MemberReports => Set<MemberReport>();

    /// <summary>The current district's workplaces' reports to their streets.</summary>
    public DbSet<UnitReport> UnitReports => Set<UnitReport>();

    /// <summary>The current district's members' service records, from the time bank and from the communities.</summary>
    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();

    /// <summary>Time-bank reversals that arrived before their records.</summary>
    public DbSet<EarlyServiceReversal> EarlyServiceReversals => Set<EarlyServiceReversal>();

    /// <summary>The current district's points rules, every version.</summary>
    public DbSet<PointsRule> PointsRules => Set<PointsRule>();

    /// <summary>The feedback reports the current district sent to its members' workplaces.</summary>
    public DbSet<FeedbackReport> FeedbackReports => Set<FeedbackReport>();

    /// <summary>The feedback reports other districts sent to the current district's workplaces.</summary>
    public DbSet<ReceivedFeedback> ReceivedFeedback => Set<ReceivedFeedback>();

    /// <summary>The needs, posts and projects the current district's communities list for claiming.</summary>
    public DbSet<Opening> Openings => Set<Opening>();

    /// <summary>The claims of the current district's openings.</summary>
    public DbSet<OpeningClaim> Claims => Set<OpeningClaim>();

    /// <summary>The communities' grades of their reported members, per quarter and year.</summary>
    public DbSet<MemberEvaluation> MemberEvaluations => Set<MemberEvaluation>();

    /// <summary>The yearly evaluations of units and communities by each other.</summary>
    public DbSet<MutualEvaluation> MutualEvaluations => Set<MutualEvaluation>();

    /// <summary>The current district's territory tree, as the Districts service reports it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyTerritoryReplica();

        modelBuilder.Entity<PartyOrganisation>(organisation =>
        {
            organisation.ToTable("party_organisations");
            organisation.Property(o => o.Id).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(PartyOrganisation.NameMaxLength);
            organisation.Property(o => o.Level).HasConversion<string>().HasMaxLength(30);
            organisation.Property(o => o.NodePath).HasMaxLength(400).UseCollation("C");
            // A node has one party organisation.
            organisation.HasIndex(o => new { o.TenantId, o.NodeId }).IsUnique();
            organisation.HasIndex(o => new { o.TenantId, o.NodePath });
            organisation.HasIndex(o => new { o.TenantId, o.ParentId });
        });

        modelBuilder.Entity<WorkplaceOrganisation>(workplace =>
        {
            workplace.ToTable("workplace_organisations");
            workplace.Property(w => w.Id).ValueGeneratedNever();
            workplace.Property(w => w.Name).HasMaxLength(WorkplaceOrganisation.NameMaxLength);
            workplace.Property(w => w.Kind).HasConversion<string>().HasMaxLength(30);
            workplace.Property(w => w.NodePath).HasMaxLength(400).UseCollation("C");
            workplace.Property(w => w.RecordsLocation).HasConversion<string>().HasMaxLength(20);
            workplace.Ignore(w => w.Records);
            workplace.HasIndex(w => new { w.TenantId, w.NodePath });
        });

        modelBuilder.Entity<CommitmentText>(commitment =>
        {
            commitment.ToTable("commitment_texts");
            commitment.HasKey(c => new { c.TenantId, c.Version });
            commitment.Property(c => c.Text).HasMaxLength(CommitmentText.TextMaxLength);
            commitment.Property(c => c.PublishedBy).HasMaxLength(UserIdMaxLength);
        });

        modelBuilder.Entity<MemberReport>(report =>
        {
            MapReport(report);
            report.ToTable("member_reports");
            report.Property(r => r.UserId).HasMaxLength(UserIdMaxLength);
            report.Property(r => r.Name).HasMaxLength(ReportingMember.NameMaxLength);
            report.Property(r => r.IdNumberProtected).HasMaxLength(200);
            report.Property(r => r.IdNumberHash).HasMaxLength(64);
            report.Property(r => r.IdNumberMasked).HasMaxLength(18);
            report.Property(r => r.PhoneProtected).HasMaxLength(200);
            report.Property(r => r.PhoneMasked).HasMaxLength(11);
            report.Property(r => r.Employment).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.Availability).HasMaxLength(ReportingMember.AvailabilityMaxLength);
            report.Property(r => r.CommitmentText).HasMaxLength(CommitmentText.TextMaxLength);
            report.PrimitiveCollection<List<string>>("_skills").HasColumnName("Skills");
            report.Ignore(r => r.Skills);
            // One community at a time: at most one submitted or confirmed report per member (the index decides a race).
            report.HasIndex(r => new { r.TenantId, r.UserId }).IsUnique().HasFilter(OpenReportFilter).HasDatabaseName("IX_member_reports_open_per_member");
            report.HasIndex(r => new { r.TenantId, r.UserId, r.SubmittedAt });
            report.HasIndex(r => new { r.TenantId, r.WorkplaceId });
            report.HasIndex(r => r.IdNumberHash);
        });

        modelBuilder.Entity<UnitReport>(report =>
        {
            MapReport(report);
            report.ToTable("unit_reports");
            report.Property(r => r.SubmittedBy).HasMaxLength(UserIdMaxLength);
            report.OwnsMany(r => r.Resources, resource =>
            {
                resource.ToJson("Resources");
                resource.Property(r => r.Kind).HasConversion<string>();
            });
            // One open report per workplace (the index decides a race).
            report.HasIndex(r => new { r.TenantId, r.WorkplaceId }).IsUnique().HasFilter(OpenReportFilter).HasDatabaseName("IX_unit_reports_open_per_workplace");
        });

        modelBuilder.Entity<ServiceRecord>(record =>
        {
            record.ToTable("service_records");
            // The time bank's record id for its records: a redelivery under a new event id finds the row.
            record.Property(r => r.Id).ValueGeneratedNever();
            record.Property(r => r.UserId).HasMaxLength(UserIdMaxLength);
            record.Property(r => r.NodePath).HasMaxLength(400).UseCollation("C");
            record.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
            record.Property(r => r.Category).HasMaxLength(ServiceRecord.CategoryMaxLength);
            record.Property(r => r.Title).HasMaxLength(ServiceRecord.TitleMaxLength);
            record.Property(r => r.Evidence).HasMaxLength(ServiceRecord.EvidenceMaxLength);
            record.Property(r => r.RecordedBy).HasMaxLength(UserIdMaxLength);
            record.Property(r => r.RatedBy).HasMaxLength(UserIdMaxLength);
            record.Property(r => r.ReversedBy).HasMaxLength(UserIdMaxLength);
            record.HasIndex(r => new { r.TenantId, r.MemberReportId, r.ServiceDate });
            record.HasIndex(r => new { r.TenantId, r.NodePath, r.ServiceDate });
        });

        modelBuilder.Entity<EarlyServiceReversal>(reversal =>
        {
            reversal.ToTable("early_service_reversals");
            reversal.HasKey(r => r.RecordId);
            reversal.Property(r => r.ReversedBy).HasMaxLength(UserIdMaxLength);
        });

        modelBuilder.Entity<PointsRule>(rule =>
        {
            rule.ToTable("points_rules");
            rule.HasKey(r => new { r.TenantId, r.Version });
            rule.Property(r => r.PublishedBy).HasMaxLength(UserIdMaxLength);
            rule.OwnsMany(r => r.CategoryRates, rate => rate.ToJson("CategoryRates"));
        });

        modelBuilder.Entity<Opening>(opening =>
        {
            opening.ToTable("openings");
            opening.Property(o => o.Id).ValueGeneratedNever();
            opening.Property(o => o.NodePath).HasMaxLength(400).UseCollation("C");
            opening.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            opening.Property(o => o.Category).HasMaxLength(ServiceRecord.CategoryMaxLength);
            opening.Property(o => o.Title).HasMaxLength(Opening.TitleMaxLength);
            opening.Property(o => o.Description).HasMaxLength(Opening.DescriptionMaxLength);
            opening.Property(o => o.PublishedBy).HasMaxLength(UserIdMaxLength);
            opening.PrimitiveCollection<List<string>>("_skills").HasColumnName("Skills");
            opening.Ignore(o => o.Skills);
            opening.Ignore(o => o.PlacesTaken);
            opening.HasMany(o => o.Claims).WithOne().HasForeignKey(c => c.OpeningId);
            opening.Navigation(o => o.Claims).UsePropertyAccessMode(PropertyAccessMode.Field);
            opening.HasIndex(o => new { o.TenantId, o.NodePath, o.EndsOn });
        });

        modelBuilder.Entity<OpeningClaim>(claim =>
        {
            claim.ToTable("claims");
            claim.Property(c => c.Id).ValueGeneratedNever();
            claim.Property(c => c.NodePath).HasMaxLength(400).UseCollation("C");
            claim.Property(c => c.UserId).HasMaxLength(UserIdMaxLength);
            claim.Property(c => c.ClaimedBy).HasMaxLength(UserIdMaxLength);
            claim.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            claim.Property(c => c.DecidedBy).HasMaxLength(UserIdMaxLength);
            claim.Property(c => c.DeclineReason).HasMaxLength(OpeningClaim.NoteMaxLength);
            claim.Property(c => c.Outcome).HasMaxLength(OpeningClaim.NoteMaxLength);
            claim.Property(c => c.OutcomeRecordedBy).HasMaxLength(UserIdMaxLength);
            claim.Ignore(c => c.HoldsPlace);
            claim.HasIndex(c => new { c.TenantId, c.MemberReportId, c.EndedOn });
            claim.HasIndex(c => new { c.TenantId, c.WorkplaceId });
            claim.HasIndex(c => new { c.TenantId, c.NodePath });
        });

        modelBuilder.Entity<MemberEvaluation>(evaluation =>
        {
            evaluation.ToTable("member_evaluations");
            evaluation.Property(e => e.Id).ValueGeneratedNever();
            evaluation.Property(e => e.NodePath).HasMaxLength(400).UseCollation("C");
            evaluation.Property(e => e.UserId).HasMaxLength(UserIdMaxLength);
            evaluation.Property(e => e.Period).HasMaxLength(PeriodMaxLength);
            evaluation.Property(e => e.Grade).HasConversion<string>().HasMaxLength(30);
            evaluation.Property(e => e.Comment).HasMaxLength(EvaluationRules.CommentMaxLength);
            evaluation.Property(e => e.EvaluatedBy).HasMaxLength(UserIdMaxLength);
            // One grade per member report and period (the index decides a race).
            evaluation.HasIndex(e => new { e.TenantId, e.MemberReportId, e.Period }).IsUnique();
            evaluation.HasIndex(e => new { e.TenantId, e.Period, e.NodePath });
        });

        modelBuilder.Entity<MutualEvaluation>(evaluation =>
        {
            evaluation.ToTable("mutual_evaluations");
            evaluation.Property(e => e.Id).ValueGeneratedNever();
            evaluation.Property(e => e.NodePath).HasMaxLength(400).UseCollation("C");
            evaluation.Property(e => e.Direction).HasConversion<string>().HasMaxLength(30);
            evaluation.Property(e => e.Grade).HasConversion<string>().HasMaxLength(30);
            evaluation.Property(e => e.Comment).HasMaxLength(EvaluationRules.CommentMaxLength);
            evaluation.Property(e => e.EvaluatedBy).HasMaxLength(UserIdMaxLength);
            evaluation.HasIndex(e => new { e.TenantId, e.Year, e.WorkplaceId, e.CommunityNodeId, e.Direction }).IsUnique();
            evaluation.HasIndex(e => new { e.TenantId, e.NodePath });
        });

        modelBuilder.Entity<FeedbackReport>(report =>
        {
            report.ToTable("feedback_reports");
            report.Property(r => r.Id).ValueGeneratedNever();
            report.Property(r => r.MemberName).HasMaxLength(ReportingMember.NameMaxLength);
            report.Property(r => r.NodePath).HasMaxLength(400).UseCollation("C");
            report.Property(r => r.Period).HasMaxLength(PeriodMaxLength);
            report.ComplexProperty(r => r.Figures, figures =>
            {
                figures.Property(f => f.Grade).HasConversion<string>().HasMaxLength(30);
                figures.Property(f => f.EvaluationComment).HasMaxLength(EvaluationRules.CommentMaxLength);
            });
            report.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.AcknowledgementRecordedBy).HasMaxLength(UserIdMaxLength);
            report.Property(r => r.AcknowledgementNote).HasMaxLength(FeedbackReport.NoteMaxLength);
            report.Ignore(r => r.AcknowledgedOnTime);
            // One report per member report and period, however often the community sends the period's feedback.
            report.HasIndex(r => new { r.TenantId, r.MemberReportId, r.Period }).IsUnique();
            report.HasIndex(r => new { r.TenantId, r.Period, r.NodePath });
        });

        modelBuilder.Entity<ReceivedFeedback>(received =>
        {
            received.ToTable("received_feedback");
            // The sending district's report id: a redelivery finds the row.
            received.Property(r => r.Id).ValueGeneratedNever();
            received.Property(r => r.NodePath).HasMaxLength(400).UseCollation("C");
            received.Property(r => r.MemberName).HasMaxLength(ReportingMember.NameMaxLength);
            received.Property(r => r.CommunityName).HasMaxLength(200);
            received.Property(r => r.Period).HasMaxLength(PeriodMaxLength);
            received.ComplexProperty(r => r.Figures, figures =>
            {
                figures.Property(f => f.Grade).HasConversion<string>().HasMaxLength(30);
                figures.Property(f => f.EvaluationComment).HasMaxLength(EvaluationRules.CommentMaxLength);
            });
            received.Property(r => r.AcknowledgedBy).HasMaxLength(UserIdMaxLength);
            received.Property(r => r.Note).HasMaxLength(FeedbackReport.NoteMaxLength);
            received.HasIndex(r => new { r.TenantId, r.WorkplaceId, r.Period });
        });
    }

    private const int UserIdMaxLength = 100;

    private const int PeriodMaxLength = 7;

    // Report.OpenStatuses, as the status column spells them.
    private static readonly string OpenReportFilter = $"\"Status\" IN ({string.Join(", ", Report.OpenStatuses.Select(status => $"'{status}'"))})";

    private static void MapReport<TReport>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TReport> report)
        where TReport : Report
    {
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.NodePath).HasMaxLength(400).UseCollation("C");
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.DecidedBy).HasMaxLength(UserIdMaxLength);
        report.Property(r => r.ReturnReason).HasMaxLength(Report.ReasonMaxLength);
        report.Ignore(r => r.IsOpen);
        report.HasIndex(r => new { r.TenantId, r.NodePath });
    }
}
