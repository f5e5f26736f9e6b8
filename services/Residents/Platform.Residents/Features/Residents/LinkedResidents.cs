using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>
/// The resident record a signed-in resident acts as: the one whose linked account (<see cref="ResidentAccount"/>) is
/// the caller's. Deliberation and budgets use it so a resident casts their own ballots and nobody else's.
/// </summary>
internal static class LinkedResidents
{
    /// <summary>The caller's own resident record (tracked), or null when their account is linked to none in this district.</summary>
    public static async Task<Resident?> OfAsync(ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        return userId is null ? null : await db.Residents.SingleOrDefaultAsync(r => r.AccountUserId == userId, cancellationToken);
    }

    /// <summary>The refusal for a caller whose account is linked to no resident record.</summary>
    public static ProblemHttpResult NotLinked() => new DomainException(
        ResidentErrors.NoLinkedResident,
        "Your account is not linked to a resident record; a community worker links it after checking your identity in person.").ToProblem();
}
