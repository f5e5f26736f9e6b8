using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.Districts.Contracts;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Demands;
using Platform.Residents.Features.Residents;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>A nomination for representative.</summary>
/// <param name="NodeId">The area to represent (a community, a compound …).</param>
/// <param name="ResidentId">The nominee's resident record, registered inside the area; required for a residents' seat. A resident nominating themself may leave it out.</param>
/// <param name="Name">The nominee's name when they are not a registered resident (a unit's delegate, an invitee).</param>
/// <param name="Organisation">The unit or organisation the nominee speaks for, if any.</param>
/// <param name="Seat"><c>residents</c>, <c>local_units</c>, <c>social_organisations</c> or <c>invitees</c>.</param>
/// <param name="Nomination"><c>party_organisation</c>, <c>residents</c> or <c>self</c> (a resident nominating themself: <c>self</c>, the default for them).</param>
/// <param name="TermStart">The term's first day.</param>
/// <param name="TermEnd">The term's last day.</param>
public sealed record NominateRepresentativeRequest(
    Guid? NodeId, Guid? ResidentId, string? Name, string? Organisation, RepresentativeSeat? Seat, RepresentativeNomination? Nomination, DateOnly? TermStart,
    DateOnly? TermEnd) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(NodeId), NodeId is null ? "The area to represent." : null),
        (nameof(Seat), Seat is null ? WireNames.Expected<RepresentativeSeat>() : null),
        (nameof(TermStart), TermStart is null ? "The term's first day." : null),
        (nameof(TermEnd), TermEnd is null ? "The term's last day." : null));
}

/// <summary>
/// Nominates a representative and publishes the nomination for the objection period: workers enter any nomination for an
/// area inside their scope; a resident nominates themself for an area they live in.
/// </summary>
internal static class NominateRepresentative
{
    public static void Map(IEndpointRouteBuilder representatives) =>
        representatives.MapPost("", HandleAsync).WithSummary(
            "Nominate a representative (workers for their area; a resident themself): published at once as a notice for the objection period (default 5 days). "
            + "409 representative.already_nominated for the same person in the same area for an overlapping term.");

    private static async Task<Results<Created<RepresentativeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        NominateRepresentativeRequest request, ClaimsPrincipal caller, ResidentsDbContext db, IOptions<NoticeRules> notices, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var isWorker = DemandAccess.IsWorker(caller);
        var nomination = request.Nomination;
        var residentId = request.ResidentId;
        if (!isWorker)
        {
            if (await LinkedResidents.OfAsync(caller, db, cancellationToken) is not { } self)
            {
                return LinkedResidents.NotLinked();
            }

            if (residentId is { } named && named != self.Id || nomination is not (null or RepresentativeNomination.Self))
            {
                return RepresentativeAccess.Forbidden("Residents nominate themselves; workers enter the other nominations.");
            }

            (residentId, nomination) = (self.Id, RepresentativeNomination.Self);
        }

        if (nomination is null)
        {
            return ProblemResults.Validation("nomination", WireNames.Expected<RepresentativeNomination>());
        }

        var area = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (area is null || area.Retired || isWorker && !(await CallerScope.OfAsync(caller, db, cancellationToken)).Sees(area.Path))
        {
            return ProblemResults.Validation("nodeId", "No active territory node with this id in your area.");
        }

        string name;
        if (residentId is not null)
        {
            var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == residentId, cancellationToken);
            if (resident is null || !TerritoryPath.IsWithin(resident.NodePath, area.Path))
            {
                return ProblemResults.Validation("residentId", "No resident with this id registered inside the area.");
            }

            name = resident.Name;
        }
        else if (string.IsNullOrWhiteSpace(request.Name))
        {
            return ProblemResults.Validation("name", "The nominee's name, or residentId for a registered resident.");
        }
        else
        {
            name = request.Name.Trim();
        }

        // Two nominations of one person at once must not both pass the check: nominations for one area take turns.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RepresentativeAccess.TakeAreaTurnAsync(db, area.Id, cancellationToken);

        // The earlier nominations of the same person in the area; the domain tells which of them overlap this term.
        var samePerson = db.Representatives.Where(r => r.NodeId == area.Id);
        samePerson = residentId is null ? samePerson.Where(r => r.ResidentId == null && r.Name == name) : samePerson.Where(r => r.ResidentId == residentId);
        var now = clock.GetUtcNow();
        var nominee = Representative.Nominate(
            area, residentId, name, request.Organisation, request.Seat!.Value, nomination.Value, request.TermStart!.Value, request.TermEnd!.Value,
            await samePerson.AsNoTracking().ToListAsync(cancellationToken), notices.Value.RepresentativeObjectionPeriod, DemandAccess.Actor(caller).UserId, now);
        var notice = PublicNotices.Nomination(nominee, area.Name, now);
        db.Representatives.Add(nominee);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/deliberation/representatives/{nominee.Id}", RepresentativeResponse.From(nominee, notice.Id, 0));
    }
}
