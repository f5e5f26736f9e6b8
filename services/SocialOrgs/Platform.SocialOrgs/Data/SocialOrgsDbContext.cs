using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.MultiTenancy;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.SocialOrgs.Domain.Projects;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Data;

/// <summary>
/// The social-organisation database: the registry of organisations with their contacts and acting users, a replica of
/// each district's territory tree, and the tenant catalogue, outbox and inbox every service has.
/// </summary>
public sealed class SocialOrgsDbContext(DbContextOptions<SocialOrgsDbContext> options, ITenantContext tenantContext)
    : ServiceDbContext(options, tenantContext)
{
    /// <summary>The current district's social organisations.</summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>The current district's assessment rubrics.</summary>
    public DbSet<Rubric> Rubrics => Set<Rubric>();

    /// <summary>The current district's incubations.</summary>
    public DbSet<Incubation> Incubations => Set<Incubation>();

    /// <summary>The current district's funding calls.</summary>
    public DbSet<FundingCall> FundingCalls => Set<FundingCall>();

    /// <summary>The current district's proposals to funding calls.</summary>
    public DbSet<Proposal> Proposals => Set<Proposal>();

    /// <summary>The current district's review panels, one per funding call.</summary>
    public DbSet<Panel> Panels => Set<Panel>();

    /// <summary>The current district's contracts of awarded proposals.</summary>
    public DbSet<GrantContract> GrantContracts => Set<GrantContract>();

    /// <summary>The current district's projects, funded and self-run.</summary>
    public DbSet<Project> Projects => Set<Project>();

    /// <summary>Where the current district's residents' demands stand, from the residents service's events.</summary>
    public DbSet<ResidentDemand> ResidentDemands => Set<ResidentDemand>();

    /// <summary>Where the current district's deliberation topics stand, from the residents service's events.</summary>
    public DbSet<ResidentTopic> ResidentTopics => Set<ResidentTopic>();

    /// <summary>The current district's territory tree, as the Districts service reports it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyTerritoryReplica();

        modelBuilder.Entity<Organisation>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.Property(o => o.Id).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
            organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            organisation.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            organisation.Property(o => o.LegalForm).HasConversion<string>().HasMaxLength(30);
            organisation.Property(o => o.CreditCode).HasMaxLength(18);
            organisation.Property(o => o.NodePath).HasMaxLength(400).UseCollation("C");
            organisation.Property(o => o.PartyArrangement).HasConversion<string>().HasMaxLength(20);
            organisation.Property(o => o.PartyContact).HasMaxLength(Organisation.PartyContactMaxLength);
            organisation.Property<List<Guid>>("_serviceAreaIds").HasColumnName("ServiceAreaIds");
            organisation.Ignore(o => o.ServiceAreaIds);
            organisation.PrimitiveCollection<List<ServiceCategory>>("_categories").HasColumnName("Categories")
                .ElementType(element => element.HasConversion<string>());
            organisation.Ignore(o => o.Categories);
            organisation.Ignore(o => o.PartyRequirement);
            organisation.Ignore(o => o.IsPartyCovered);

            // A credit code names one legal person: once per district.
            organisation.HasIndex(o => new { o.TenantId, o.CreditCode }).IsUnique();
            organisation.HasIndex(o => new { o.TenantId, o.NodePath });

            organisation.OwnsMany(o => o.Contacts, contact =>
            {
                contact.ToTable("organisation_contacts");
                contact.WithOwner().HasForeignKey("OrganisationId");
                contact.Property<int>("Id");
                contact.HasKey("Id");
                contact.Property(c => c.Name).HasMaxLength(OrganisationContact.NameMaxLength);
                contact.Property(c => c.Role).HasMaxLength(OrganisationContact.RoleMaxLength);
                contact.Property(c => c.PhoneProtected).HasMaxLength(200);
                contact.Property(c => c.PhoneHash).HasMaxLength(64);
                contact.Property(c => c.PhoneMasked).HasMaxLength(11);
            });

            organisation.OwnsMany(o => o.Members, member =>
            {
                member.ToTable("organisation_members");
                member.WithOwner().HasForeignKey("OrganisationId");
                member.HasKey("OrganisationId", nameof(OrganisationMember.UserId));
                member.Property(m => m.UserId).HasMaxLength(OrganisationMember.UserIdMaxLength);
                member.Property(m => m.AddedBy).HasMaxLength(OrganisationMember.UserIdMaxLength);
                // A social-org user's organisations are found by their id.
                member.HasIndex(m => m.UserId);
            });
        });

        modelBuilder.Entity<Rubric>(rubric =>
        {
            rubric.ToTable("rubrics");
            rubric.Property(r => r.Id).ValueGeneratedNever();
            rubric.Property(r => r.Name).HasMaxLength(Rubric.NameMaxLength);
            rubric.OwnsMany(r => r.Criteria, criterion =>
            {
                criterion.ToTable("rubric_criteria");
                criterion.WithOwner().HasForeignKey("RubricId");
                criterion.HasKey("RubricId", nameof(RubricCriterion.Name));
                criterion.Property(c => c.Name).HasMaxLength(RubricCriterion.NameMaxLength);
            });
        });

        modelBuilder.Entity<Incubation>(incubation =>
        {
            incubation.ToTable("incubations");
            incubation.Property(i => i.Id).ValueGeneratedNever();
            incubation.Property(i => i.NodePath).HasMaxLength(400).UseCollation("C");
            incubation.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            incubation.Property(i => i.Stage).HasConversion<string>().HasMaxLength(20);
            incubation.Property(i => i.Reason).HasMaxLength(Incubation.TextMaxLength);
            incubation.Property(i => i.Space).HasMaxLength(Incubation.TextMaxLength);
            incubation.Property(i => i.Mentor).HasMaxLength(Incubation.TextMaxLength);
            incubation.Ignore(i => i.IsOpen);
            incubation.HasIndex(i => new { i.TenantId, i.OrganisationId });
            incubation.HasIndex(i => new { i.TenantId, i.NodePath });
            incubation.OwnsMany(i => i.Assessments, assessment =>
            {
                assessment.ToTable("incubation_assessments");
                assessment.WithOwner().HasForeignKey("IncubationId");
                assessment.HasKey("IncubationId", nameof(IncubationAssessment.Sequence));
                assessment.Property(a => a.Sequence).ValueGeneratedNever();
                assessment.Property(a => a.AssessedBy).HasMaxLength(OrganisationMember.UserIdMaxLength);
                assessment.Property(a => a.StageAfter).HasConversion<string>().HasMaxLength(20);
                // Each criterion's score, as the rubric named it: a JSON object, read back whole.
                assessment.Property<Dictionary<string, int>>("_scores").HasColumnName("Scores").HasColumnType("jsonb")
                    .HasConversion(
                        scores => JsonSerializer.Serialize(scores, JsonSerializerOptions.Default),
                        json => JsonSerializer.Deserialize<Dictionary<string, int>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, int>(),
                        new ValueComparer<Dictionary<string, int>>(
                            (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                            scores => scores.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
                            scores => new Dictionary<string, int>(scores, StringComparer.Ordinal)));
                assessment.Ignore(a => a.Scores);
            });
        });

        modelBuilder.Entity<FundingCall>(call =>
        {
            call.ToTable("funding_calls");
            call.Property(c => c.Id).ValueGeneratedNever();
            call.Property(c => c.Title).HasMaxLength(FundingCall.TextMaxLength);
            call.Property(c => c.FunderKind).HasConversion<string>().HasMaxLength(20);
            call.Property(c => c.FunderName).HasMaxLength(FundingCall.TextMaxLength);
            call.Property(c => c.FunderCreditCode).HasMaxLength(18);
            call.Property(c => c.Budget).HasPrecision(12, 2);
            call.Property(c => c.MinimumStatus).HasConversion<string>().HasMaxLength(20);
            call.Property(c => c.OpenedBy).HasMaxLength(OrganisationMember.UserIdMaxLength);
            call.PrimitiveCollection<List<ServiceCategory>>("_categories").HasColumnName("Categories")
                .ElementType(element => element.HasConversion<string>());
            call.Ignore(c => c.Categories);
            call.HasIndex(c => new { c.TenantId, c.ClosesAt });
        });

        modelBuilder.Entity<Proposal>(proposal =>
        {
            proposal.ToTable("proposals");
            proposal.Property(p => p.Id).ValueGeneratedNever();
            proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            proposal.Property(p => p.Title).HasMaxLength(ProposalContent.TextMaxLength);
            proposal.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
            proposal.Property(p => p.Needs).HasMaxLength(ProposalContent.NeedsMaxLength);
            proposal.Property(p => p.BeneficiaryGroup).HasMaxLength(ProposalContent.TextMaxLength);
            proposal.Property(p => p.Amount).HasPrecision(12, 2);
            proposal.Property(p => p.UpdatedBy).HasMaxLength(OrganisationMember.UserIdMaxLength);
            proposal.Property<List<Guid>>("_demandIds").HasColumnName("DemandIds");
            proposal.Ignore(p => p.DemandIds);
            proposal.Property<List<Guid>>("_topicIds").HasColumnName("TopicIds");
            proposal.Ignore(p => p.TopicIds);
            proposal.Property<List<HotSpotLink>>("_hotSpots").HasColumnName("HotSpots").IsJsonb();
            proposal.Ignore(p => p.HotSpots);
            proposal.Ignore(p => p.Links);
            // Read and written whole with the proposal, never queried on their own.
            proposal.OwnsMany(p => p.BudgetLines, line => line.ToJson());
            proposal.OwnsMany(p => p.Milestones, milestone => milestone.ToJson());
            // One proposal per organisation and call.
            proposal.HasIndex(p => new { p.TenantId, p.CallId, p.OrganisationId }).IsUnique();
            proposal.HasIndex(p => new { p.TenantId, p.OrganisationId });
        });

        modelBuilder.Entity<Panel>(panel =>
        {
            panel.ToTable("panels");
            panel.HasKey(p => p.CallId);
            panel.HasOne(p => p.Call).WithOne().HasForeignKey<Panel>(p => p.CallId);
            panel.HasOne(p => p.Rubric).WithMany().HasForeignKey(p => p.RubricId).OnDelete(DeleteBehavior.Restrict);
            panel.Property<List<string>>("_reviewers").HasColumnName("Reviewers");
            panel.Ignore(p => p.Reviewers);
            // The panel's work is read and decided whole (who may see which score, the mean, the ranking), never queried apart.
            panel.Property<List<ConflictOfInterest>>("_conflicts").HasColumnName("Conflicts").IsJsonb();
            panel.Ignore(p => p.Conflicts);
            panel.Property<List<Review>>("_reviews").HasColumnName("Reviews").IsJsonb();
            panel.Ignore(p => p.Reviews);
            panel.Property<List<RankingLine>>("_ranking").HasColumnName("Ranking").IsJsonb();
            panel.Ignore(p => p.Ranking);
            // Two reviewers scoring at once both rewrite the reviews: the second is refused rather than losing the first's.
            panel.Property<uint>("Version").IsRowVersion();
        });

        modelBuilder.Entity<GrantContract>(contract =>
        {
            contract.ToTable("grant_contracts");
            contract.Property(c => c.Id).ValueGeneratedNever();
            contract.Property(c => c.Amount).HasPrecision(12, 2);
            contract.Property(c => c.EvaluatorName).HasMaxLength(FundingCall.TextMaxLength);
            contract.Property(c => c.EvaluatorCreditCode).HasMaxLength(18);
            contract.Property(c => c.EvaluatorUserId).HasMaxLength(OrganisationMember.UserIdMaxLength);
            contract.Property(c => c.SignedBy).HasMaxLength(OrganisationMember.UserIdMaxLength);
            // Three tranches, two evaluations and a plan: read and decided with the contract (the gates), never queried apart.
            contract.Property<List<Tranche>>("_tranches").HasColumnName("Tranches").IsJsonb();
            contract.Ignore(c => c.Tranches);
            contract.Property<List<Evaluation>>("_evaluations").HasColumnName("Evaluations").IsJsonb();
            contract.Ignore(c => c.Evaluations);
            contract.Property(c => c.RemedialPlan).IsJsonb();
            contract.Property<uint>("Version").IsRowVersion();
            // An award becomes one contract.
            contract.HasIndex(c => new { c.TenantId, c.ProposalId }).IsUnique();
        });

        modelBuilder.Entity<Project>(project =>
        {
            project.ToTable("projects");
            project.Property(p => p.Id).ValueGeneratedNever();
            project.Property(p => p.Funding).HasConversion<string>().HasMaxLength(20);
            project.Property(p => p.Title).HasMaxLength(ProposalContent.TextMaxLength);
            project.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
            project.Property(p => p.Description).HasMaxLength(ProposalContent.NeedsMaxLength);
            project.Property(p => p.CreatedBy).HasMaxLength(OrganisationMember.UserIdMaxLength);
            project.Property<List<Guid>>("_demandIds").HasColumnName("DemandIds");
            project.Property<List<Guid>>("_topicIds").HasColumnName("TopicIds");
            // Milestones, reports, calls for volunteers and hot spots are read and changed with their project (the progress per
            // milestone is computed from the reports), never queried apart.
            project.Property<List<HotSpotLink>>("_hotSpots").HasColumnName("HotSpots").IsJsonb();
            project.Property<List<ProjectMilestone>>("_milestones").HasColumnName("Milestones").IsJsonb();
            project.Property<List<ActivityReport>>("_reports").HasColumnName("Reports").IsJsonb();
            project.Property<List<VolunteerRecruitment>>("_recruitments").HasColumnName("Recruitments").IsJsonb();
            project.Ignore(p => p.Milestones);
            project.Ignore(p => p.Reports);
            project.Ignore(p => p.Recruitments);
            project.Ignore(p => p.Links);
            project.Ignore(p => p.BeneficiariesServed);
            // Two members reporting at once both rewrite the reports: the second is refused rather than losing the first's.
            project.Property<uint>("Version").IsRowVersion();
            // A contract funds one project.
            project.HasIndex(p => new { p.TenantId, p.ContractId }).IsUnique();
            project.HasIndex(p => new { p.TenantId, p.OrganisationId });
        });

        modelBuilder.Entity<ResidentDemand>(demand =>
        {
            demand.ToTable("resident_demands");
            demand.Property(d => d.Id).ValueGeneratedNever();
            demand.Property(d => d.TrackingNumber).HasMaxLength(50);
            demand.Property(d => d.Category).HasMaxLength(HotSpotLink.CategoryMaxLength);
            demand.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            demand.Property(d => d.Satisfaction).HasMaxLength(30);
            demand.Ignore(d => d.IsOpen);
            // A hot spot's demands are found by their category and node.
            demand.HasIndex(d => new { d.TenantId, d.Category, d.NodeId });
        });

        modelBuilder.Entity<ResidentTopic>(topic =>
        {
            topic.ToTable("resident_topics");
            topic.Property(t => t.Id).ValueGeneratedNever();
            topic.Property(t => t.Title).HasMaxLength(ResidentTopic.TitleMaxLength);
            topic.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        });
    }
}
