using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.Identity.Audit;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.Identity.Territory;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Identity.Users;

/// <summary>
/// How a user of one district joins another: that district's user managers invite a login or a phone number,
/// and the user, signed in anywhere, sees the invitation and accepts or refuses it. Inviting never looks the
/// address up, so it answers alike for an account that exists and one that does not.
/// </summary>
internal static class InvitationsEndpoints
{
    public static IEndpointRouteBuilder MapInvitationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/identity/invitations", InviteAsync).ValidateWithStoredData<InvitationRequest, ScopeNodeCheck>()
            .RequireTenant().RequireAuthorization(UsersEndpoints.ManagersPolicy).WithTags("Users")
            .WithSummary("Invite a login or phone number to join the caller's district; the invitee accepts or refuses.");

        var received = endpoints.MapGroup("/api/identity/me/invitations").RequireTenant().WithTags("Users");
        received.MapGet("", ListReceivedAsync).WithSummary("Open invitations to the caller from any district, newest first, paged.");
        received.MapPost("{id:guid}/accept", AcceptAsync).WithSummary("Accept an invitation: the caller becomes a member of the inviting district.");
        received.MapPost("{id:guid}/refuse", RefuseAsync).WithSummary("Refuse an invitation; nothing is granted.");
        return endpoints;
    }

    private static async Task<Results<Accepted<InvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        InvitationRequest request,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        TerritoryScopes territory,
        AuditTrail audit,
        IOptions<IdentityServiceOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await territory.FindAsync(request.ScopeNodeId, cancellationToken) is not { } scope)
        {
            return TerritoryScopes.UnknownScopeNode();
        }

        if (await territory.RefuseGrantAsync(caller, request.Roles!, scope, cancellationToken) is { } refused)
        {
            return refused;
        }

        var invitation = Invitation.Issue(
            request.ByLogin ? UserValidation.NormaliseLogin(request.Login!) : null,
            request.ByLogin ? null : UserValidation.MobileNumber(request.Phone),
            request.Roles!,
            request.ScopeNodeId,
            Guid.TryParse(caller.UserId(), out var inviter) ? inviter : null,
            clock.GetUtcNow(),
            options.Value.InvitationLifetime);
        db.Invitations.Add(invitation);
        var addressee = invitation.Login is { } login ? $"login {login}" : $"phone {UserValidation.MaskPhone(invitation.Phone)}";
        audit.Add(AuditActions.InvitationSent, invitation.Id.ToString(), $"to {addressee}; {UsersEndpoints.Describe(invitation.Roles, invitation.ScopeNodeId)}");
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Accepted((string?)null, new InvitationResponse(
            invitation.Id,
            invitation.Login,
            UserValidation.MaskPhone(invitation.Phone),
            invitation.Roles,
            invitation.ScopeNodeId,
            invitation.CreatedAt,
            invitation.ExpiresAt));
    }

    private static async Task<PagedResult<ReceivedInvitationResponse>> ListReceivedAsync(
        int? page,
        int? pageSize,
        ClaimsPrincipal caller,
        IdentityDbContext db,
        UserManager<PlatformUser> users,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        if (await InviteeAsync(caller, users) is not { } invitee)
        {
            return new PagedResult<ReceivedInvitationResponse>([], paging.Page, paging.Size, 0);
        }

        // Across districts: the addressee may answer from wherever they are signed in.
        var open = from invitation in db.Invitations.IgnoreQueryFilters()
                       .Where(Invitation.AddressedTo(invitee.UserName, invitee.PhoneNumber)).Where(Invitation.OpenAt(clock.GetUtcNow()))
                   join district in db.Set<TenantRecord>() on invitation.TenantId equals district.Id
                   select new { invitation, district };
        return await open.OrderByDescending(o => o.invitation.Id).ToPageAsync(
            paging,
            o => new ReceivedInvitationResponse(
                o.invitation.Id,
                o.district.Identifier,
                o.district.Name,
                o.invitation.Roles,
                o.invitation.ScopeNodeId,
                o.invitation.CreatedAt,
                o.invitation.ExpiresAt),
            cancellationToken);
    }

    private static async Task<Results<Created<MembershipResponse>, ProblemHttpResult>> AcceptAsync(
        Guid id, ClaimsPrincipal caller, [AsParameters] AnswerServices services, CancellationToken cancellationToken)
    {
        await using var answering = await FindAsync(id, caller, services, cancellationToken);
        if (answering is null)
        {
            return NotFound();
        }

        var (district, invitee, invitation, db) = (answering.District, answering.Invitee, answering.Invitation, answering.Db);
        if (await db.Memberships.AnyAsync(m => m.UserId == invitee.Id, cancellationToken))
        {
            return AlreadyMember(district);
        }

        // An invitation answered already or expired is refused by the domain, and that refusal answered for us.
        var membership = invitation.Accept(invitee.Id, services.Clock.GetUtcNow());
        db.Memberships.Add(membership);
        answering.Audit.Add(AuditActions.InvitationAccepted, invitee.Id.ToString(), $"invitation {invitation.Id}");
        answering.Audit.Add(AuditActions.MembershipChanged, invitee.Id.ToString(), UsersEndpoints.Describe(membership));
        try
        {
            if (await answering.SaveAsync(cancellationToken) is { } lost)
            {
                return lost;
            }
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another invitation from the same district was accepted at the same moment.
            return AlreadyMember(district);
        }

        return TypedResults.Created((string?)null, new MembershipResponse(district.Identifier, membership.Roles, membership.ScopeNodeId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RefuseAsync(
        Guid id, ClaimsPrincipal caller, [AsParameters] AnswerServices services, CancellationToken cancellationToken)
    {
        await using var answering = await FindAsync(id, caller, services, cancellationToken);
        if (answering is null)
        {
            return NotFound();
        }

        answering.Invitation.Refuse(answering.Invitee.Id, services.Clock.GetUtcNow());
        answering.Audit.Add(AuditActions.InvitationRefused, answering.Invitee.Id.ToString(), $"invitation {answering.Invitation.Id}");
        return await answering.SaveAsync(cancellationToken) is { } lost ? lost : TypedResults.NoContent();
    }

    /// <summary>
    /// The invitation <paramref name="id"/> if it is addressed to the caller, loaded in a scope that runs in the
    /// inviting district (the caller's token names another one), so that the answer is written and audited there.
    /// </summary>
    private static async Task<Answering?> FindAsync(Guid id, ClaimsPrincipal caller, AnswerServices services, CancellationToken cancellationToken)
    {
        if (await InviteeAsync(caller, services.Users) is not { } invitee)
        {
            return null;
        }

        var tenantId = await services.Db.Invitations.IgnoreQueryFilters()
            .Where(Invitation.AddressedTo(invitee.UserName, invitee.PhoneNumber)).Where(i => i.Id == id)
            .Select(i => (Guid?)i.TenantId).SingleOrDefaultAsync(cancellationToken);
        if (tenantId is null || await services.Tenants.FindByIdAsync(tenantId.Value, cancellationToken) is not { } district)
        {
            return null;
        }

        var scope = services.Scopes.CreateTenantScope(district, "invitation");
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var invitation = await db.Invitations.SingleAsync(i => i.Id == id, cancellationToken);
        return new Answering(scope, district, invitee, invitation, db, scope.ServiceProvider.GetRequiredService<AuditTrail>());
    }

    /// <summary>The signed-in user; null for a machine client, whose subject is no user id.</summary>
    private static async Task<PlatformUser?> InviteeAsync(ClaimsPrincipal caller, UserManager<PlatformUser> users) =>
        Guid.TryParse(caller.UserId(), out var id) ? await users.FindByIdAsync(id.ToString()) : null;

    private static ProblemHttpResult AlreadyMember(TenantInfo district) =>
        new DomainException(IdentityErrors.AlreadyMember, $"You are already a member of {district.Identifier}.").ToProblem();

    private static ProblemHttpResult NotFound() =>
        new DomainException(IdentityErrors.InvitationNotFound, "No such invitation addressed to you.").ToProblem();

    /// <summary>What answering an invitation needs, injected as one parameter.</summary>
    internal sealed record AnswerServices(
        IdentityDbContext Db, UserManager<PlatformUser> Users, ITenantStore Tenants, IServiceScopeFactory Scopes, TimeProvider Clock);

    /// <summary>An invitation being answered, with the unit of work of its district.</summary>
    private sealed record Answering(
        AsyncServiceScope Scope, TenantInfo District, PlatformUser Invitee, Invitation Invitation, IdentityDbContext Db, AuditTrail Audit) : IAsyncDisposable
    {
        /// <summary>Saves the answer; null when saved, a <c>409</c> when another answer got there first.</summary>
        public async Task<ProblemHttpResult?> SaveAsync(CancellationToken cancellationToken)
        {
            try
            {
                await Db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateConcurrencyException)
            {
                return new DomainException(IdentityErrors.InvitationNotPending, "The invitation was answered meanwhile.").ToProblem();
            }
        }

        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
