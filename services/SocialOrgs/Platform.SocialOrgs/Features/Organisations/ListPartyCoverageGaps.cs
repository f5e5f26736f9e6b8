using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>An organisation whose party coverage is missing, and what it needs.</summary>
/// <param name="Id">The organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="HomeNodeId">Its home street or community.</param>
/// <param name="PartyMemberCount">Its party members.</param>
/// <param name="Required">What the rule asks of it.</param>
/// <param name="Arrangement">What is recorded, which no longer fits (its party members changed), or null.</param>
public sealed record PartyCoverageGap(Guid Id, string Name, Guid HomeNodeId, int PartyMemberCount, PartyRequirement Required, PartyArrangement? Arrangement);

/// <summary>The organisations the caller sees whose party coverage is missing (党建覆盖空白).</summary>
internal static class ListPartyCoverageGaps
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapGet("party-coverage/gaps", HandleAsync)
            .WithSummary("The organisations the caller sees with no fitting party coverage recorded, and what each needs; by name, paged.");

    private static async Task<Ok<PagedResult<PartyCoverageGap>>> HandleAsync(
        int? page, int? pageSize, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var gaps = access.Visible(db).AsNoTracking().Where(PartyCoverage.IsMissing);
        var rows = await gaps.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .ToPageAsync(paging, o => new { o.Id, o.Name, o.HomeNodeId, o.PartyMemberCount, o.PartyArrangement }, cancellationToken);
        return TypedResults.Ok(rows.Map(o =>
            new PartyCoverageGap(o.Id, o.Name, o.HomeNodeId, o.PartyMemberCount, PartyCoverage.RequiredFor(o.PartyMemberCount), o.PartyArrangement)));
    }
}
