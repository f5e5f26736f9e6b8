using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>The platform account to link to a resident.</summary>
/// <param name="UserId">The user id of a platform account with the resident role (the subject of its tokens).</param>
public sealed record LinkAccountRequest([property: Required, StringLength(ResidentAccount.UserIdMaxLength)] string? UserId);

/// <summary>A resident's linked account and every link and unlink so far, newest first.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="UserId">The account linked now, or null.</param>
/// <param name="Changes">The audit trail of links and unlinks.</param>
public sealed record ResidentAccountResponse(Guid ResidentId, string? UserId, IReadOnlyList<ResidentAccountChangeResponse> Changes);

/// <summary>One link or unlink.</summary>
/// <param name="UserId">The account.</param>
/// <param name="Change"><c>linked</c> or <c>unlinked</c>.</param>
/// <param name="ByUserId">The worker who made it.</param>
/// <param name="ByUserName">Their name.</param>
/// <param name="At">When.</param>
public sealed record ResidentAccountChangeResponse(string UserId, string Change, string ByUserId, string? ByUserName, DateTimeOffset At);

/// <summary>
/// Links a platform account to a resident record, so the resident can act as themself online (their own ballots). A
/// community worker or district admin in whose scope the resident lives links it after checking the person's identity
/// face to face; one account acts as at most one resident of the district and one resident has at most one account.
/// Every link and unlink is recorded.
/// </summary>
internal static class ResidentAccount
{
    /// <summary>The longest user id accepted (the identity service's ids are GUIDs).</summary>
    public const int UserIdMaxLength = 100;

    /// <summary>Policy: who may link and unlink accounts.</summary>
    public const string LinkersPolicy = "residents.account-linkers";

    /// <summary>Roles that check identity in person and link accounts, inside their scope.</summary>
    public static readonly string[] LinkerRoles = [Platform.Contracts.PlatformRoleNames.DistrictAdmin, Platform.Contracts.PlatformRoleNames.CommunityWorker];

    public static void Map(IEndpointRouteBuilder residents)
    {
        var account = residents.MapGroup("{id:guid}/account").RequireAuthorization(LinkersPolicy);
        account.MapGet("", GetAsync).WithSummary("The account linked to the resident and the audit trail of links and unlinks.");
        account.MapPut("", LinkAsync).WithSummary(
            "Link a platform account (role resident) to the resident after checking their identity in person; "
            + "409 resident.account_taken when the account acts as another resident, resident.account_linked_elsewhere when another account is linked.");
        account.MapDelete("", UnlinkAsync).WithSummary("Unlink the resident's account; 404 resident.account_not_linked when none is linked.");
    }

    private static async Task<Results<Ok<ResidentAccountResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var (resident, _) = await ResidentsInScope.FindAsync(id, caller, db, cancellationToken);
        return resident is null ? ResidentProblems.NotFound(id) : TypedResults.Ok(await ResponseAsync(resident, db, cancellationToken));
    }

    private static async Task<Results<Ok<ResidentAccountResponse>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid id, LinkAccountRequest request, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (resident, _) = await ResidentsInScope.FindAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return ResidentProblems.NotFound(id);
        }

        var userId = request.UserId!.Trim();
        if (await db.Residents.AnyAsync(r => r.AccountUserId == userId && r.Id != resident.Id, cancellationToken))
        {
            return AccountTaken();
        }

        if (resident.LinkAccount(userId))
        {
            var worker = DemandAccess.Actor(caller);
            db.ResidentAccountChanges.Add(ResidentAccountChange.Record(resident.Id, userId, linked: true, worker.UserId, worker.Name, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation())
            {
                // The same account linked to another resident at the same moment; the index decided.
                return AccountTaken();
            }
        }

        return TypedResults.Ok(await ResponseAsync(resident, db, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlinkAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (resident, _) = await ResidentsInScope.FindAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return ResidentProblems.NotFound(id);
        }

        var userId = resident.UnlinkAccount();
        var worker = DemandAccess.Actor(caller);
        db.ResidentAccountChanges.Add(ResidentAccountChange.Record(resident.Id, userId, linked: false, worker.UserId, worker.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<ResidentAccountResponse> ResponseAsync(Resident resident, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var changes = await db.ResidentAccountChanges.AsNoTracking().Where(c => c.ResidentId == resident.Id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        return new ResidentAccountResponse(
            resident.Id,
            resident.AccountUserId,
            [.. changes.Select(c => new ResidentAccountChangeResponse(c.UserId, c.Linked ? "linked" : "unlinked", c.ByUserId, c.ByUserName, c.At))]);
    }

    private static ProblemHttpResult AccountTaken() =>
        new DomainException(ResidentErrors.AccountTaken, "This account acts as another resident of the district already; unlink it there first.", "userId").ToProblem();
}
