using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.ServiceDefaults;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>A new version of the district's commitment text.</summary>
/// <param name="Text">The text members sign (承诺书).</param>
public sealed record PublishCommitmentRequest(string? Text) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Text), CommitmentText.TextProblem(Text)));
}

/// <summary>The commitment text members sign.</summary>
/// <param name="Version">Its version, from 1.</param>
/// <param name="Text">The text.</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record CommitmentResponse(int Version, string Text, DateTimeOffset PublishedAt)
{
    public static CommitmentResponse From(CommitmentText commitment) => new(commitment.Version, commitment.Text, commitment.PublishedAt);
}

/// <summary>The district's commitment text (承诺书): the current version members sign, and a new version published by a district admin.</summary>
internal static class Commitment
{
    public static void Map(RouteGroupBuilder reporting)
    {
        reporting.MapGet("commitment", GetAsync).WithSummary("The commitment text members sign now, with its version.");
        reporting.MapPost("commitment", PublishAsync).RequireAuthorization(ReportingEndpoints.DistrictAdminsPolicy)
            .WithSummary("Publish a new version of the commitment text; reports submitted from now on sign it.");
    }

    /// <summary>The district's current commitment, or null before the first is published.</summary>
    public static Task<CommitmentText?> CurrentAsync(PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        db.CommitmentTexts.OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Ok<CommitmentResponse>> GetAsync(PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(CommitmentResponse.From(
            await CurrentAsync(db, cancellationToken)
                ?? throw new DomainException(PartyBuildingErrors.CommitmentNotPublished, "The district has published no commitment yet.")));

    private static async Task<Created<CommitmentResponse>> PublishAsync(
        PublishCommitmentRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var commitment = CommitmentText.Publish(await CurrentAsync(db, cancellationToken), request.Text!, caller.UserId()!, clock.GetUtcNow());
        db.CommitmentTexts.Add(commitment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two publications at once: the key (district, version) lets one of them in.
            throw new DomainException(PartyBuildingErrors.CommitmentNotCurrent, $"Version {commitment.Version} was published a moment ago; read it and publish again.");
        }
        return TypedResults.Created("/api/partybuilding/commitment", CommitmentResponse.From(commitment));
    }
}
