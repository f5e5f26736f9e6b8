using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>A user who is to act for an organisation.</summary>
/// <param name="UserId">The user's id (a platform account with the <c>social-org</c> role in the district).</param>
public sealed record AddMemberRequest([property: Required, MaxLength(OrganisationMember.UserIdMaxLength)] string? UserId);

/// <summary>Lets a user act for an organisation in the caller's scope.</summary>
internal static class AddMember
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPost("organisations/{id:guid}/members", HandleAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Let a social-org user act for the organisation.");

    private static async Task<Ok<OrganisationResponse>> HandleAsync(
        Guid id, AddMemberRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(id, db, cancellationToken);
        organisation.AddMember(request.UserId!.Trim(), access.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}

/// <summary>Ends a user's acting for an organisation in the caller's scope.</summary>
internal static class RemoveMember
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapDelete("organisations/{id:guid}/members/{userId}", HandleAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("End a user's acting for the organisation.");

    private static async Task<NoContent> HandleAsync(
        Guid id, string userId, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(id, db, cancellationToken);
        organisation.RemoveMember(userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
