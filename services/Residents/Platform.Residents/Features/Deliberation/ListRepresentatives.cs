using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Residents.Features.Deliberation;

/// <summary>The filters of the representative list; a status is read by its wire name (<c>in_publicity</c>).</summary>
/// <param name="Status">One status.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">Page size, at most 100.</param>
public sealed record RepresentativeQuery([property: WireName(typeof(RepresentativeStatus))] string? Status, int? Page, int? PageSize);

/// <summary>The representatives of the areas inside a worker's scope.</summary>
internal static class ListRepresentatives
{
    public static void Map(IEndpointRouteBuilder representatives)
    {
        representatives.MapGet("", ListAsync).WithSummary("The representatives inside your scope, newest nomination first; status filters in_publicity, confirmed or rejected (workers).");
        representatives.MapGet("{id:guid}", GetAsync).WithSummary("One representative inside your scope, with the objections counted (workers).");
    }

    private static async Task<Results<Ok<PagedResult<RepresentativeResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] RepresentativeQuery query, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return RepresentativeAccess.Forbidden("Workers list representatives; residents read the public notices.");
        }

        var paging = new PageRequest(query.Page, query.PageSize);
        var representatives = (await RepresentativeAccess.InScopeAsync(caller, db, cancellationToken)).AsNoTracking();
        if (query.Status is not null)
        {
            var status = WireNames.Parse<RepresentativeStatus>(query.Status);
            representatives = representatives.Where(r => r.Status == status);
        }

        var page = await representatives.OrderByDescending(r => r.NominatedAt).ThenByDescending(r => r.Id).ToPageAsync(paging, cancellationToken);
        var notices = await RepresentativeAccess.NoticesAsync(db, [.. page.Items.Select(r => r.Id)], cancellationToken);
        return TypedResults.Ok(page.Map(r => RepresentativeResponse.From(r, notices[r.Id].NoticeId, notices[r.Id].Objections)));
    }

    private static async Task<Results<Ok<RepresentativeResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return RepresentativeAccess.Forbidden("Workers read representatives; residents read the public notices.");
        }

        var representative = await (await RepresentativeAccess.InScopeAsync(caller, db, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return representative is null ? RepresentativeAccess.NotFound(id) : TypedResults.Ok(await RepresentativeAccess.ResponseAsync(representative, db, cancellationToken));
    }
}
