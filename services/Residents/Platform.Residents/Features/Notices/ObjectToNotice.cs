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

/// <summary>An objection to a notice.</summary>
/// <param name="Text">What is objected to, at most 2,000 characters.</param>
public sealed record ObjectionRequest(string? Text) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Text), string.IsNullOrWhiteSpace(Text) ? "Say what you object to." : null));
}

/// <summary>An objection as the workers handling it read it.</summary>
/// <param name="Id">Id.</param>
/// <param name="NoticeId">The notice.</param>
/// <param name="Text">What it says.</param>
/// <param name="FiledBy">The account that filed it.</param>
/// <param name="FiledAt">When.</param>
public sealed record ObjectionResponse(Guid Id, Guid NoticeId, string Text, string FiledBy, DateTimeOffset FiledAt)
{
    public static ObjectionResponse From(NoticeObjection objection) => new(objection.Id, objection.NoticeId, objection.Text, objection.FiledBy, objection.FiledAt);
}

/// <summary>Objections (异议) to a notice: filed by anyone signed in while it runs, read by the workers whose scope holds it.</summary>
internal static class ObjectToNotice
{
    public static void Map(IEndpointRouteBuilder notices)
    {
        notices.MapPost("{id:guid}/objections", FileAsync).WithSummary(
            "Object to a notice while its period runs (anyone signed in); 409 notice.period_over after it expires.");
        notices.MapGet("{id:guid}/objections", ListAsync).WithSummary("The objections to a notice about a node inside your scope, oldest first (workers).");
    }

    private static async Task<Results<Created<ObjectionResponse>, ValidationProblem, ProblemHttpResult>> FileAsync(
        Guid id, ObjectionRequest request, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } notice)
        {
            return ReadNotices.NotFound(id);
        }

        var objection = notice.Object(request.Text!, DemandAccess.Actor(caller).UserId, clock.GetUtcNow());
        db.NoticeObjections.Add(objection);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notices/{id}/objections/{objection.Id}", ObjectionResponse.From(objection));
    }

    private static async Task<Results<Ok<IReadOnlyList<ObjectionResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return new DomainException(NoticeErrors.ActionForbidden, "Workers read the objections.").ToProblem();
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        if (!await db.Notices.InSubtree(scope.Path).AnyAsync(n => n.Id == id, cancellationToken))
        {
            return ReadNotices.NotFound(id);
        }

        var objections = await db.NoticeObjections.AsNoTracking().Where(o => o.NoticeId == id).OrderBy(o => o.FiledAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ObjectionResponse>>([.. objections.Select(ObjectionResponse.From)]);
    }
}
