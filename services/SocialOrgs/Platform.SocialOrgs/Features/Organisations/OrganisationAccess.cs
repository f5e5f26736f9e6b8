using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.SocialOrgs.Domain.Projects;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>
/// Which organisations a caller may see and act for: an official those at home in their territory scope, a
/// <c>social-org</c> user those they are a member of (a relationship, not a territory). One the caller may not see is
/// not found.
/// </summary>
/// <param name="Scope">The official's territory scope; <see cref="CallerScope.Nothing"/> for an organisation's user.</param>
/// <param name="IsOfficial">Whether the caller keeps the registry.</param>
/// <param name="UserId">The caller's user id.</param>
internal sealed record OrganisationAccess(CallerScope Scope, bool IsOfficial, string UserId)
{
    /// <summary>The caller's access.</summary>
    public static async Task<OrganisationAccess> OfAsync(ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        // The users policy admits authenticated callers only, so a subject is there.
        var userId = caller.UserId()!;
        return OrganisationEndpoints.OfficialRoles.Any(caller.IsInRole)
            ? new OrganisationAccess(await CallerScope.OfAsync(caller, db, cancellationToken), IsOfficial: true, userId)
            : new OrganisationAccess(CallerScope.Nothing, IsOfficial: false, userId);
    }

    /// <summary>The organisations the caller may see.</summary>
    public IQueryable<Organisation> Visible(SocialOrgsDbContext db) =>
        IsOfficial ? db.Organisations.InSubtree(Scope.Path) : db.Organisations.Where(o => o.Members.Any(m => m.UserId == UserId));

    /// <summary>The incubations of the organisations the caller may see.</summary>
    public IQueryable<Incubation> VisibleIncubations(SocialOrgsDbContext db) =>
        IsOfficial
            ? db.Incubations.InSubtree(Scope.Path)
            : db.Incubations.Where(i => db.Organisations.Any(o => o.Id == i.OrganisationId && o.Members.Any(m => m.UserId == UserId)));

    /// <summary>The proposals of the organisations the caller may see.</summary>
    public IQueryable<Proposal> VisibleProposals(SocialOrgsDbContext db)
    {
        var organisations = Visible(db);
        return db.Proposals.Where(p => organisations.Any(o => o.Id == p.OrganisationId));
    }

    /// <summary>The proposal, tracked for a change the caller makes.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<Proposal> FindProposalAsync(Guid id, SocialOrgsDbContext db, CancellationToken cancellationToken) =>
        await VisibleProposals(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException(FundingErrors.ProposalNotFound, $"No proposal {id} that you keep or act for.");

    /// <summary>The projects of the organisations the caller may see.</summary>
    public IQueryable<Project> VisibleProjects(SocialOrgsDbContext db)
    {
        var organisations = Visible(db);
        return db.Projects.Where(p => organisations.Any(o => o.Id == p.OrganisationId));
    }

    /// <summary>The project, tracked for a change the caller makes.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<Project> FindProjectAsync(Guid id, SocialOrgsDbContext db, CancellationToken cancellationToken) =>
        await VisibleProjects(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException(ProjectErrors.ProjectNotFound, $"No project {id} that you keep or act for.");

    /// <summary>The incubation, tracked for a change the caller makes.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<Incubation> FindIncubationAsync(Guid id, SocialOrgsDbContext db, CancellationToken cancellationToken) =>
        await VisibleIncubations(db).SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new DomainException(IncubationErrors.NotFound, $"No incubation {id} that you keep or act for.");

    /// <summary>The organisation, tracked for a change the caller makes for it.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<Organisation> FindAsync(Guid id, SocialOrgsDbContext db, CancellationToken cancellationToken) =>
        await Visible(db).SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw NotFound(id);

    /// <summary>The refusal of an organisation the caller cannot see.</summary>
    public static DomainException NotFound(Guid id) =>
        new(SocialOrgErrors.OrganisationNotFound, $"No organisation {id} that you act for or keep.");
}
