using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Notices;

/// <summary>A worker's own notice.</summary>
/// <param name="Title">Title, at most 200 characters.</param>
/// <param name="Body">Text, at most 8,000 characters; it is public, so it names nobody.</param>
/// <param name="NodeId">The territory node it concerns, inside the worker's scope.</param>
/// <param name="ExpiresAt">When the notice period ends (after now).</param>
/// <param name="Channels">Where else it was put up: <c>notice_board</c>, <c>sms</c>, <c>wechat</c>.</param>
public sealed record PublishNoticeRequest(string? Title, string? Body, Guid? NodeId, DateTimeOffset? ExpiresAt, IReadOnlyList<NoticeChannel>? Channels = null)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Title), string.IsNullOrWhiteSpace(Title) ? "A title is required." : null),
        (nameof(Body), string.IsNullOrWhiteSpace(Body) ? "A text is required." : null),
        (nameof(NodeId), NodeId is null ? "The territory node the notice concerns." : null),
        (nameof(ExpiresAt), ExpiresAt is null ? "When the notice period ends." : null));
}

/// <summary>Publishes a worker's notice about a node inside their scope.</summary>
internal static class PublishNotice
{
    public static void Map(IEndpointRouteBuilder notices) =>
        notices.MapPost("", HandleAsync).WithSummary("Publish a notice about a node inside your scope until expiresAt, recording the other channels used (workers).");

    private static async Task<Results<Created<NoticeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        PublishNoticeRequest request, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return new DomainException(NoticeErrors.ActionForbidden, "Workers publish notices.").ToProblem();
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (node is null || node.Retired || !scope.Sees(node.Path))
        {
            return ProblemResults.Validation("nodeId", "No active territory node with this id in your area.");
        }

        var now = clock.GetUtcNow();
        var notice = Notice.Publish(
            NoticeKind.Announcement, null, request.Title!, request.Body!, node.Id, node.Path, request.Channels ?? [], request.ExpiresAt!.Value - now,
            DemandAccess.Actor(caller).UserId, now);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notices/{notice.Id}", NoticeResponse.From(notice, 0, now));
    }
}
