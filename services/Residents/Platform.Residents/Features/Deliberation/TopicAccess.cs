using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>Who sees which topics.</summary>
internal static class TopicAccess
{
    /// <summary>
    /// The topics the caller may see: every topic of the district for a resident (topics are public matters to support),
    /// the topics inside a worker's scope.
    /// </summary>
    public static async Task<IQueryable<Topic>> VisibleAsync(ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken) =>
        DemandAccess.IsWorker(caller) ? db.Topics.InSubtree((await CallerScope.OfAsync(caller, db, cancellationToken)).Path) : db.Topics;

    public static ProblemHttpResult NotFound(Guid id) =>
        new DomainException(TopicErrors.NotFound, $"No topic {id} that you can see.").ToProblem();

    public static ProblemHttpResult Forbidden(string message) => new DomainException(TopicErrors.ActionForbidden, message).ToProblem();
}
