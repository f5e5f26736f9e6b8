using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Incubations;

/// <summary>The filters of the incubation list.</summary>
/// <param name="Status">applied, rejected, in_incubation, graduated or exited.</param>
/// <param name="Stage">seed, sprout, sapling or tree.</param>
/// <param name="Stuck">true: only those in one stage longer than the district allows.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
public sealed record IncubationQuery(
    [property: WireName(typeof(IncubationStatus))] string? Status, [property: WireName(typeof(GrowthStage))] string? Stage, bool? Stuck, int? Page, int? PageSize);

/// <summary>The incubations the caller sees, those longest in their stage first.</summary>
internal static class ListIncubations
{
    public static void Map(RouteGroupBuilder incubation) =>
        incubation.MapGet("incubations", HandleAsync)
            .WithSummary("The incubations the caller keeps or acts for, longest in their stage first; stuck=true lists those in one stage too long.");

    private static async Task<Ok<PagedResult<IncubationResponse>>> HandleAsync(
        [AsParameters] IncubationQuery query,
        ClaimsPrincipal caller,
        SocialOrgsDbContext db,
        IOptions<IncubationOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stuckAfter = options.Value.StuckAfter;
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var incubations = access.VisibleIncubations(db).AsNoTracking();
        if (query.Status is not null)
        {
            var wanted = WireNames.Parse<IncubationStatus>(query.Status);
            incubations = incubations.Where(i => i.Status == wanted);
        }

        if (query.Stage is not null)
        {
            var wanted = WireNames.Parse<GrowthStage>(query.Stage);
            incubations = incubations.Where(i => i.Stage == wanted);
        }

        if (query.Stuck == true)
        {
            incubations = incubations.Where(Incubation.StuckAt(now, stuckAfter));
        }

        var page = await incubations.OrderBy(i => i.StageEnteredAt ?? i.AppliedAt).ThenBy(i => i.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(i => IncubationResponse.From(i, now, stuckAfter)));
    }
}

/// <summary>One incubation the caller keeps or acts for.</summary>
internal static class GetIncubation
{
    public static void Map(RouteGroupBuilder incubation) =>
        incubation.MapGet("incubations/{id:guid}", HandleAsync).WithSummary("One incubation the caller keeps or acts for, with its assessments.");

    private static async Task<Ok<IncubationResponse>> HandleAsync(
        Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, IOptions<IncubationOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var incubation = await access.FindIncubationAsync(id, db, cancellationToken);
        return TypedResults.Ok(IncubationResponse.From(incubation, clock.GetUtcNow(), options.Value.StuckAfter));
    }
}
