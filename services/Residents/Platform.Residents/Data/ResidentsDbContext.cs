using Microsoft.EntityFrameworkCore;
using Platform.Imports.Jobs;
using Platform.MultiTenancy;
using Platform.Residents.Domain;
using Platform.Residents.Domain.Budgets;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Residents;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Residents.Data;

/// <summary>
/// The residents database: the resident master record with households and the personal-data access log, the
/// demands with their append-only history, deliberation topics with representatives, budgets, public notices, a replica of each district's territory tree, import jobs, and the tenant catalogue, outbox and inbox every
/// service has. Everything but the catalogue is tenant-owned.
/// </summary>
public sealed class ResidentsDbContext(DbContextOptions<ResidentsDbContext> options, ITenantContext tenantContext)
    : ServiceDbContext(options, tenantContext)
{
    /// <summary>The current district's residents.</summary>
    public DbSet<Resident> Residents => Set<Resident>();

    /// <summary>Every link and unlink of a platform account to a resident.</summary>
    public DbSet<ResidentAccountChange> ResidentAccountChanges => Set<ResidentAccountChange>();

    /// <summary>The current district's households.</summary>
    public DbSet<Household> Households => Set<Household>();

    /// <summary>Every read of unmasked personal data.</summary>
    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();

    /// <summary>The current district's demands (诉求) with their history.</summary>
    public DbSet<Demand> Demands => Set<Demand>();

    /// <summary>The current district's deliberation topics (议题) with their history.</summary>
    public DbSet<Topic> Topics => Set<Topic>();

    /// <summary>Who supports which topic, one row per resident and topic.</summary>
    public DbSet<TopicSupport> TopicSupports => Set<TopicSupport>();

    /// <summary>The ballots of topic votes, one per voter (resident or household) and topic.</summary>
    public DbSet<TopicBallot> TopicBallots => Set<TopicBallot>();

    /// <summary>Residents' ratings of completed topics, one per resident and topic.</summary>
    public DbSet<TopicRating> TopicRatings => Set<TopicRating>();

    /// <summary>The current district's participatory budgets with their projects.</summary>
    public DbSet<Budget> Budgets => Set<Budget>();

    /// <summary>The ballots of participatory budgets, one per resident and budget.</summary>
    public DbSet<BudgetBallot> BudgetBallots => Set<BudgetBallot>();

    /// <summary>The current district's representatives (议事代表), nominated, confirmed or rejected.</summary>
    public DbSet<Representative> Representatives => Set<Representative>();

    /// <summary>The current district's deliberation meetings (议事会议).</summary>
    public DbSet<Meeting> Meetings => Set<Meeting>();

    /// <summary>Who attended which meeting, one row per attendee.</summary>
    public DbSet<MeetingAttendance> MeetingAttendances => Set<MeetingAttendance>();

    /// <summary>The seats areas set for their representatives, in place of the district's default.</summary>
    public DbSet<RepresentativeSeatPlan> RepresentativeSeatPlans => Set<RepresentativeSeatPlan>();

    /// <summary>The current district's public notices (公示).</summary>
    public DbSet<Notice> Notices => Set<Notice>();

    /// <summary>The objections filed to notices.</summary>
    public DbSet<NoticeObjection> NoticeObjections => Set<NoticeObjection>();

    /// <summary>The current district's territory tree, as the Districts service reports it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyImportJobs();
        modelBuilder.ApplyTerritoryReplica();

        modelBuilder.Entity<Resident>(resident =>
        {
            resident.ToTable("residents");
            resident.Property(r => r.Id).ValueGeneratedNever();
            resident.Property(r => r.Name).HasMaxLength(ResidentRules.NameMaxLength).UseCollation("C");
            resident.Property(r => r.NodePath).HasMaxLength(400).UseCollation("C");
            resident.Property(r => r.IdNumberProtected).HasMaxLength(200);
            resident.Property(r => r.IdNumberHash).HasMaxLength(64);
            resident.Property(r => r.IdNumberMasked).HasMaxLength(18);
            resident.Property(r => r.PhoneProtected).HasMaxLength(200);
            resident.Property(r => r.PhoneHash).HasMaxLength(64);
            resident.Property(r => r.PhoneMasked).HasMaxLength(11);
            resident.Property(r => r.PhoneTail).HasMaxLength(4);
            resident.Property(r => r.Residence).HasConversion<string>().HasMaxLength(20);
            resident.Property<List<string>>("_tags").HasColumnName("Tags");
            resident.Property(r => r.AccountUserId).HasMaxLength(ResidentAccount.UserIdMaxLength);
            resident.Ignore(r => r.Tags);

            // One person once per district: the keyed hash is the only form of the ID number that can be compared.
            resident.HasIndex(r => new { r.TenantId, r.IdNumberHash }).IsUnique();
            // Name search is a prefix search in byte order, so a scope's residents by name are one index range.
            resident.HasIndex(r => new { r.TenantId, r.Name, r.Id });
            resident.HasIndex(r => new { r.TenantId, r.NodePath });
            resident.HasIndex(r => new { r.TenantId, r.HouseholdId });
            // Also serves the search by full phone, which filters the tail's residents by the phone's hash.
            resident.HasIndex(r => new { r.TenantId, r.PhoneTail });
            // One account acts as one resident of a district; the resolver finds the caller's record by it.
            resident.HasIndex(r => new { r.TenantId, r.AccountUserId }).IsUnique().HasFilter("\"AccountUserId\" IS NOT NULL");
        });

        modelBuilder.Entity<ResidentAccountChange>(change =>
        {
            change.ToTable("resident_account_changes");
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.UserId).HasMaxLength(ResidentAccount.UserIdMaxLength);
            change.Property(c => c.ByUserId).HasMaxLength(100);
            change.Property(c => c.ByUserName).HasMaxLength(100);
            change.HasIndex(c => new { c.TenantId, c.ResidentId, c.At });
        });

        modelBuilder.Entity<Household>(household =>
        {
            household.ToTable("households");
            household.Property(h => h.Id).ValueGeneratedNever();
            household.Property(h => h.NodePath).HasMaxLength(400).UseCollation("C");
            household.Property(h => h.Number).HasMaxLength(Household.NumberMaxLength);
            household.HasIndex(h => new { h.TenantId, h.NodeId, h.Number }).IsUnique();
            household.Ignore(h => h.Place);
        });

        modelBuilder.Entity<PersonalDataAccess>(access =>
        {
            access.ToTable("personal_data_accesses");
            access.Property(a => a.Id).ValueGeneratedNever();
            access.Property(a => a.UserId).HasMaxLength(100);
            access.Property(a => a.UserName).HasMaxLength(100);
            access.Property(a => a.Fields).HasMaxLength(100);
            access.Property(a => a.Reason).HasMaxLength(PersonalDataAccess.ReasonMaxLength);
            access.HasIndex(a => new { a.TenantId, a.At });
            access.HasIndex(a => new { a.TenantId, a.ResidentId });
        });

        modelBuilder.Entity<Demand>(demand =>
        {
            demand.ToTable("demands");
            demand.Property(d => d.Id).ValueGeneratedNever();
            demand.Property(d => d.TrackingNumber).HasMaxLength(Demand.MaxTrackingNumberLength);
            demand.HasIndex(d => new { d.TenantId, d.TrackingNumber }).IsUnique();
            demand.Property(d => d.Title).HasMaxLength(Demand.MaxTitleLength);
            demand.Property(d => d.Description).HasMaxLength(Demand.MaxDescriptionLength);
            demand.Property(d => d.Category).HasMaxLength(Demand.MaxCategoryLength);
            demand.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
            demand.Property(d => d.Priority).HasConversion<string>().HasMaxLength(20);
            demand.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            demand.Property(d => d.AssigneeType).HasConversion<string>().HasMaxLength(20);
            demand.Property(d => d.AssigneeId).HasMaxLength(Demand.MaxAssigneeIdLength);
            demand.Property(d => d.Satisfaction).HasConversion<string>().HasMaxLength(20);
            demand.Property(d => d.UnresolvableReason).HasMaxLength(Demand.MaxReasonLength);
            demand.Property(d => d.FiledBy).HasMaxLength(100);
            demand.Property(d => d.NodePath).HasMaxLength(400).UseCollation("C");
            // Two workers acting on one demand at once: the second save fails instead of overwriting the first.
            demand.Property(d => d.Version).IsConcurrencyToken();
            demand.Ignore(d => d.AllowedActions);
            demand.Ignore(d => d.HasPendingSummons);
            demand.Ignore(d => d.PendingDepartments);
            demand.Ignore(d => d.WasRespondedOnTime);

            // Scope lists and metrics read a subtree in a period; hot spots group a grid's categories in a window.
            demand.HasIndex(d => new { d.TenantId, d.NodePath, d.ReceivedAt });
            demand.HasIndex(d => new { d.TenantId, d.ReceivedAt });
            demand.HasIndex(d => new { d.TenantId, d.GridId, d.Category, d.ReceivedAt });
            demand.HasIndex(d => new { d.TenantId, d.FiledBy });

            demand.OwnsMany(d => d.History, history =>
            {
                history.ToTable("demand_history");
                history.WithOwner().HasForeignKey("DemandId");
                history.HasKey("DemandId", nameof(DemandHistoryEntry.Sequence));
                history.Property(h => h.Sequence).ValueGeneratedNever();
                history.Property(h => h.Action).HasMaxLength(20);
                history.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(20);
                history.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20);
                history.Property(h => h.ActorId).HasMaxLength(100);
                history.Property(h => h.ActorName).HasMaxLength(100);
                history.Property(h => h.Note).HasMaxLength(Demand.MaxNoteLength);
                history.Property<List<string>>("_attachments").HasColumnName("Attachments");
                history.Ignore(h => h.Attachments);
            });

            demand.OwnsMany(d => d.Summons, summons =>
            {
                summons.ToTable("demand_summons");
                summons.WithOwner().HasForeignKey("DemandId");
                summons.Property<int>("Id");
                summons.HasKey("Id");
                summons.Property(s => s.Department).HasMaxLength(Demand.MaxDepartmentLength);
                summons.Property(s => s.SummonedBy).HasMaxLength(100);
                summons.Ignore(s => s.IsPending);
            });
        });

        modelBuilder.Entity<Topic>(topic =>
        {
            topic.ToTable("topics");
            topic.Property(t => t.Id).ValueGeneratedNever();
            topic.Property(t => t.Title).HasMaxLength(Topic.MaxTitleLength);
            topic.Property(t => t.Description).HasMaxLength(Topic.MaxDescriptionLength);
            topic.Property(t => t.Category).HasMaxLength(Topic.MaxCategoryLength);
            topic.Property(t => t.NodePath).HasMaxLength(400).UseCollation("C");
            topic.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
            topic.Property(t => t.Origin).HasConversion<string>().HasMaxLength(20);
            topic.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            topic.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
            topic.Property(t => t.Scale).HasConversion<string>().HasMaxLength(20);
            topic.Property(t => t.DismissalReason).HasMaxLength(Topic.MaxReasonLength);
            topic.Property(t => t.RaisedBy).HasMaxLength(100);
            topic.Property<List<Guid>>("_linkedDemandIds").HasColumnName("LinkedDemandIds");
            topic.Ignore(t => t.LinkedDemandIds);
            topic.Ignore(t => t.AllowedActions);
            topic.Ignore(t => t.Tally);
            topic.Ignore(t => t.AverageRating);
            topic.Property(t => t.Electorate).HasConversion<string>().HasMaxLength(20);
            topic.Property(t => t.Rule).HasConversion<string>().HasMaxLength(30);
            topic.Property(t => t.AssigneeType).HasConversion<string>().HasMaxLength(30);
            topic.Property(t => t.AssigneeId).HasMaxLength(Topic.MaxAssigneeIdLength);
            topic.Property(t => t.AcceptanceCriteria).HasMaxLength(Topic.MaxCriteriaLength);
            topic.Property(t => t.TaskBudget).HasPrecision(14, 2);
            // Two supports or a support and a classification at once: the second save fails instead of losing a count.
            topic.Property(t => t.Version).IsConcurrencyToken();
            topic.HasIndex(t => new { t.TenantId, t.NodePath, t.RaisedAt });
            topic.HasIndex(t => new { t.TenantId, t.RaisedAt });

            topic.OwnsMany(t => t.History, history =>
            {
                history.ToTable("topic_history");
                history.WithOwner().HasForeignKey("TopicId");
                history.HasKey("TopicId", nameof(TopicHistoryEntry.Sequence));
                history.Property(h => h.Sequence).ValueGeneratedNever();
                history.Property(h => h.Action).HasMaxLength(20);
                history.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(20);
                history.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20);
                history.Property(h => h.ActorId).HasMaxLength(100);
                history.Property(h => h.ActorName).HasMaxLength(100);
                history.Property(h => h.Details).HasMaxLength(100);
                history.Property(h => h.Note).HasMaxLength(Topic.MaxNoteLength);
                history.Property<List<string>>("_attachments").HasColumnName("Attachments");
                history.Ignore(h => h.Attachments);
            });
        });

        modelBuilder.Entity<TopicSupport>(support =>
        {
            support.ToTable("topic_supports");
            support.HasKey(s => new { s.TopicId, s.UserId });
            support.Property(s => s.UserId).HasMaxLength(100);
            support.HasOne<Topic>().WithMany().HasForeignKey(s => s.TopicId);
        });

        modelBuilder.Entity<TopicBallot>(ballot =>
        {
            ballot.ToTable("topic_ballots");
            // One ballot per voter (resident or household) whatever the channel: online and paper cannot both count.
            ballot.HasKey(b => new { b.TopicId, b.VoterKey });
            ballot.Property(b => b.Choice).HasConversion<string>().HasMaxLength(20);
            ballot.Property(b => b.Channel).HasConversion<string>().HasMaxLength(20);
            ballot.Property(b => b.EnteredBy).HasMaxLength(100);
            ballot.HasOne<Topic>().WithMany().HasForeignKey(b => b.TopicId);
        });

        modelBuilder.Entity<TopicRating>(rating =>
        {
            rating.ToTable("topic_ratings");
            rating.HasKey(r => new { r.TopicId, r.UserId });
            rating.Property(r => r.UserId).HasMaxLength(100);
            rating.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId);
        });

        modelBuilder.Entity<Budget>(budget =>
        {
            budget.ToTable("budgets");
            budget.Property(b => b.Id).ValueGeneratedNever();
            budget.Property(b => b.Title).HasMaxLength(Budget.MaxTitleLength);
            budget.Property(b => b.Fund).HasConversion<string>().HasMaxLength(30);
            budget.Property(b => b.Amount).HasPrecision(14, 2);
            budget.Property(b => b.Spent).HasPrecision(14, 2);
            budget.Property(b => b.MinSpendShare).HasPrecision(5, 4);
            budget.Property(b => b.NodePath).HasMaxLength(400).UseCollation("C");
            budget.Property(b => b.Rule).HasConversion<string>().HasMaxLength(20);
            budget.Property(b => b.BallotKind).HasConversion<string>().HasMaxLength(20);
            budget.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            budget.Property(b => b.CreatedBy).HasMaxLength(100);
            budget.Ignore(b => b.Selected);
            budget.HasIndex(b => new { b.TenantId, b.NodePath, b.CreatedAt });
            budget.OwnsMany(b => b.Projects, project =>
            {
                project.ToTable("budget_projects");
                project.WithOwner().HasForeignKey("BudgetId");
                project.HasKey("BudgetId", nameof(BudgetProjectEntry.Code));
                // Codes are case-sensitive: P1 and p1 are two projects.
                project.Property(p => p.Code).HasMaxLength(20).UseCollation("C");
                project.Property(p => p.Title).HasMaxLength(Budget.MaxTitleLength);
                project.Property(p => p.Cost).HasPrecision(14, 2);
                project.Property(p => p.Reason).HasConversion<string>().HasMaxLength(20);
            });
        });

        modelBuilder.Entity<BudgetBallot>(ballot =>
        {
            ballot.ToTable("budget_ballots");
            // One ballot per resident whatever the channel: a paper ballot and an online one cannot both count.
            ballot.HasKey(b => new { b.BudgetId, b.ResidentId });
            ballot.Property(b => b.Channel).HasConversion<string>().HasMaxLength(20);
            ballot.Property(b => b.EnteredBy).HasMaxLength(100);
            ballot.HasOne<Budget>().WithMany().HasForeignKey(b => b.BudgetId);
        });

        modelBuilder.Entity<Representative>(representative =>
        {
            representative.ToTable("representatives");
            representative.Property(r => r.Id).ValueGeneratedNever();
            representative.Property(r => r.NodePath).HasMaxLength(400).UseCollation("C");
            representative.Property(r => r.Name).HasMaxLength(Representative.MaxNameLength);
            representative.Property(r => r.Organisation).HasMaxLength(Representative.MaxNameLength);
            representative.Property(r => r.Seat).HasConversion<string>().HasMaxLength(30);
            representative.Property(r => r.Nomination).HasConversion<string>().HasMaxLength(30);
            representative.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            representative.Property(r => r.NominatedBy).HasMaxLength(100);
            representative.Property(r => r.DecidedBy).HasMaxLength(100);
            representative.Property(r => r.DecisionNote).HasMaxLength(Representative.MaxNoteLength);
            // A nomination looks up the area's earlier nominations of the same person.
            representative.HasIndex(r => new { r.TenantId, r.NodeId, r.ResidentId });
            representative.HasIndex(r => new { r.TenantId, r.NodePath, r.NominatedAt });
        });

        modelBuilder.Entity<Meeting>(meeting =>
        {
            meeting.ToTable("meetings");
            meeting.Property(m => m.Id).ValueGeneratedNever();
            meeting.Property(m => m.NodePath).HasMaxLength(400).UseCollation("C");
            meeting.Property(m => m.Level).HasConversion<string>().HasMaxLength(20);
            meeting.Property(m => m.Type).HasMaxLength(Meeting.MaxTypeLength);
            meeting.Property(m => m.Roll).HasConversion<string>().HasMaxLength(20);
            meeting.Property(m => m.Quorum).HasConversion<string>().HasMaxLength(20);
            meeting.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            meeting.Property(m => m.Title).HasMaxLength(Meeting.MaxTitleLength);
            meeting.Property(m => m.Place).HasMaxLength(Meeting.MaxPlaceLength);
            meeting.Property(m => m.OnlineLink).HasMaxLength(Meeting.MaxPlaceLength);
            meeting.Property(m => m.ConvenedBy).HasMaxLength(100);
            meeting.Property(m => m.Minutes).HasMaxLength(Meeting.MaxMinutesLength);
            meeting.Property(m => m.CancelReason).HasMaxLength(Meeting.MaxReasonLength);
            meeting.Property<List<Guid>>("_agendaTopicIds").HasColumnName("AgendaTopicIds");
            meeting.Ignore(m => m.AgendaTopicIds);
            meeting.Property<List<string>>("_minorityOpinions").HasColumnName("MinorityOpinions");
            meeting.Ignore(m => m.MinorityOpinions);
            meeting.OwnsMany(m => m.Speakers, speaker => speaker.ToJson());
            meeting.OwnsMany(m => m.Resolutions, resolution => resolution.ToJson());
            // Two attendances at once: the second save fails instead of losing a count.
            meeting.Property(m => m.Version).IsConcurrencyToken();
            meeting.HasIndex(m => new { m.TenantId, m.NodePath, m.StartsAt });
        });

        modelBuilder.Entity<MeetingAttendance>(attendance =>
        {
            attendance.ToTable("meeting_attendances");
            // An attendee (representative, resident or household) counts once.
            attendance.HasKey(a => new { a.MeetingId, a.AttendeeKey });
            attendance.Property(a => a.RecordedBy).HasMaxLength(100);
            attendance.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId);
        });

        modelBuilder.Entity<RepresentativeSeatPlan>(plan =>
        {
            plan.ToTable("representative_seat_plans");
            plan.HasKey(p => new { p.TenantId, p.NodeId });
            plan.ComplexProperty(p => p.Seats);
            plan.Property(p => p.ChangedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<Notice>(notice =>
        {
            notice.ToTable("notices");
            notice.Property(n => n.Id).ValueGeneratedNever();
            notice.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
            notice.Property(n => n.Title).HasMaxLength(Notice.MaxTitleLength);
            notice.Property(n => n.Body).HasMaxLength(Notice.MaxBodyLength);
            notice.Property(n => n.NodePath).HasMaxLength(400).UseCollation("C");
            notice.Property(n => n.PublishedBy).HasMaxLength(100);
            notice.Property<List<string>>("_channels").HasColumnName("Channels");
            notice.Ignore(n => n.Channels);
            // The public list is the newest first, of the district or of a subtree.
            notice.HasIndex(n => new { n.TenantId, n.PublishedAt });
            notice.HasIndex(n => new { n.TenantId, n.NodePath, n.PublishedAt });
            notice.HasIndex(n => new { n.TenantId, n.SubjectId });
        });

        modelBuilder.Entity<NoticeObjection>(objection =>
        {
            objection.ToTable("notice_objections");
            objection.Property(o => o.Id).ValueGeneratedNever();
            objection.Property(o => o.Text).HasMaxLength(NoticeObjection.MaxTextLength);
            objection.Property(o => o.FiledBy).HasMaxLength(100);
            objection.HasIndex(o => new { o.TenantId, o.NoticeId, o.FiledAt });
            objection.HasOne<Notice>().WithMany().HasForeignKey(o => o.NoticeId);
        });
    }
}
