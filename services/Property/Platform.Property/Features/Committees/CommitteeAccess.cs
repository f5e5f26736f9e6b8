using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.Property.Contracts;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Committees;
using Platform.Property.Features.Areas;
using Platform.TerritoryReplica;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Committees;

/// <summary>Finding committees in the caller's scope, checking who they name, and saving a step with its event.</summary>
internal static class CommitteeAccess
{
    /// <summary>The committee, if the caller keeps its area; otherwise the 404 any missing committee answers.</summary>
    public static async Task<Committee> FindAsync(Guid committeeId, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        return await db.Committees.SingleOrDefaultAsync(c => c.Id == committeeId && AreaAccess.InScope(db, scope).Any(a => a.Id == c.AreaId), cancellationToken)
            ?? throw new DomainException(PropertyErrors.CommitteeNotFound, $"No committee {committeeId} in your territory.");
    }

    /// <summary>Refuses (400) owner ids that are not owners of the area (null ids, members who are not owners, are skipped).</summary>
    public static async Task EnsureOwnersOfAsync(Guid areaId, IEnumerable<Guid?> ownerIds, string field, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var distinct = ownerIds.OfType<Guid>().Distinct().ToList();
        if (await db.Owners.CountAsync(o => o.AreaId == areaId && distinct.Contains(o.Id) && o.Key != Domain.Roll.OwnerKey.Developer, cancellationToken) != distinct.Count)
        {
            throw new DomainException(PropertyErrors.CommitteeComposition, "Every owner named is an owner of the area (not the developer).", field);
        }
    }

    /// <summary>
    /// Whether <paramref name="userId"/> is a member of the area's active owners' committee: as the platform user linked
    /// to a member who is an owner, or as a member's own user.
    /// </summary>
    public static async Task<bool> IsOwnersCommitteeMemberAsync(Guid areaId, string userId, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking()
            .SingleOrDefaultAsync(c => c.AreaId == areaId && c.Kind == CommitteeKind.OwnersCommittee && c.Stage == CommitteeStage.Active, cancellationToken);
        if (committee is null)
        {
            return false;
        }

        var ownerIds = await db.Owners.Where(o => o.AreaId == areaId && o.UserId == userId).Select(o => (Guid?)o.Id).ToListAsync(cancellationToken);
        return committee.Members.Any(m => m.UserId == userId || (m.OwnerId is not null && ownerIds.Contains(m.OwnerId)));
    }

    /// <summary>Adds a committee just formed, saved with its event, answering 201.</summary>
    public static async Task<Created<CommitteeResponse>> CreatedAsync(Committee committee, Guid tenantId, PropertyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.Committees.Add(committee);
        await SaveAsync(committee, tenantId, db, now, cancellationToken);
        return TypedResults.Created($"/api/property/committees/{committee.Id}", CommitteeResponse.From(committee));
    }

    /// <summary>Saves the committee's step with its event in one transaction; a race lost to another step or committee answers 409.</summary>
    public static async Task SaveAsync(Committee committee, Guid tenantId, PropertyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.AddIntegrationEvent(new PropertyCommitteeChangedIntegrationEvent
        {
            TenantId = tenantId, OccurredAt = now, CommitteeId = committee.Id, AreaId = committee.AreaId, Kind = committee.Kind.ToWire(),
            Stage = committee.Stage.ToWire(), Ending = committee.Ending?.ToWire(), TermEndsAt = committee.TermEndsAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(PropertyErrors.CommitteeStep, "The committee changed at the same moment; read it again.");
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw UnderWay();
        }
    }

    /// <summary>The refusal of a second committee under way, or of a second active one.</summary>
    public static DomainException UnderWay() =>
        new(PropertyErrors.CommitteeUnderWay, "The area has a committee of that kind under way, or another committee is active.");
}
