using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>Who sees which meetings: the workers whose scope holds the meeting's node (residents read the public notices).</summary>
internal static class MeetingAccess
{
    public static async Task<IQueryable<Meeting>> InScopeAsync(ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken) =>
        db.Meetings.InSubtree((await CallerScope.OfAsync(caller, db, cancellationToken)).Path);

    /// <summary>The electorate whose members make a meeting's roll; null for an open meeting.</summary>
    public static Electorate? ElectorateOf(MeetingRoll roll) => roll switch
    {
        MeetingRoll.Representatives => Electorate.Representatives,
        MeetingRoll.Residents => Electorate.Residents,
        MeetingRoll.Households => Electorate.Households,
        _ => null,
    };

    public static ProblemHttpResult NotFound(Guid id) => new DomainException(MeetingErrors.NotFound, $"No meeting {id} in your area.").ToProblem();

    public static ProblemHttpResult Forbidden() => new DomainException(MeetingErrors.ActionForbidden, "Workers convene and record meetings; residents read the public notices.").ToProblem();
}
