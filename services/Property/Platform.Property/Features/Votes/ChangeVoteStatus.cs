using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Votes;
using Platform.Property.Features.Committees;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Votes;

/// <summary>Opens a vote (freezing the roll) or closes it early (recording who did: a keeper or an owners'-committee member).</summary>
internal static class ChangeVoteStatus
{
    public static void Map(IEndpointRouteBuilder votes)
    {
        votes.MapPost("{voteId:guid}/open", OpenAsync).RequireAuthorization(PropertyEndpoints.KeepersPolicy)
            .WithSummary("Open a draft vote until its closing time, freezing the roll; opening before opensAt moves opensAt to now.");
        votes.MapPost("{voteId:guid}/close", CloseAsync).WithSummary(
            "Close an open vote before its closing time, by a member of the area's owners' committee or a keeper, recording who did (it closes by itself at closesAt).");
    }

    private static async Task<Ok<VoteResponse>> OpenAsync(
        Guid voteId, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var vote = await VoteAccess.FindKeptAsync(voteId, caller, db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.AreaId == vote.AreaId)
            .Select(u => new { u.Id, u.Code, u.OwnerId, u.BuildingNodeId, u.FloorArea })
            .ToListAsync(cancellationToken);
        vote.Open(units.Sum(u => u.FloorArea), units.Select(u => u.OwnerId).Distinct().Count(), caller.UserId()!, now);
        db.VoteRolls.AddRange(units.Select(u => VoteRollEntry.Freeze(vote.Id, u.Id, u.Code, u.OwnerId, u.BuildingNodeId, u.FloorArea)));
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(VoteResponse.From(vote, now));
    }

    private static async Task<Ok<VoteResponse>> CloseAsync(
        Guid voteId, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (vote, keeps) = await VoteAccess.FindAsync(voteId, caller, db, cancellationToken);
        if (!keeps && !await CommitteeAccess.IsOwnersCommitteeMemberAsync(vote.AreaId, caller.UserId()!, db, cancellationToken))
        {
            throw new DomainException(PropertyErrors.CloseForbidden, "A vote is closed early by its area's owners' committee or those who keep the area.");
        }

        vote.CloseEarly(caller.UserId()!, now);
        await SaveAsync(db, cancellationToken);
        return TypedResults.Ok(VoteResponse.From(vote, now));
    }

    private static async Task SaveAsync(PropertyDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException
            || exception.IsUniqueViolation())
        {
            // The version check, or the frozen roll's key, caught a second opening.
            throw new DomainException(PropertyErrors.VoteChanged, "Someone else opened or closed the vote at the same moment.");
        }
    }
}
