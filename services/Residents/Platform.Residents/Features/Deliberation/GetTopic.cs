using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;

namespace Platform.Residents.Features.Deliberation;

/// <summary>One topic the caller may see, with its history.</summary>
internal static class GetTopic
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapGet("{id:guid}", HandleAsync).WithSummary("One topic with its status, allowed next actions, linked demands and history.");

    private static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var topic = await (await TopicAccess.VisibleAsync(caller, db, cancellationToken)).AsSingleQuery().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return topic is null ? TopicAccess.NotFound(id) : TypedResults.Ok(TopicResponse.From(topic, withHistory: true));
    }
}
