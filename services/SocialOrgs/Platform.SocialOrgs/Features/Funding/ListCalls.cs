using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Funding;

namespace Platform.SocialOrgs.Features.Funding;

/// <summary>The filters of the call list.</summary>
/// <param name="Phase">upcoming, open or closed.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
public sealed record CallQuery([property: WireName(typeof(CallPhase))] string? Phase, int? Page, int? PageSize);

/// <summary>The district's calls, nearest deadline first.</summary>
internal static class ListCalls
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapGet("calls", HandleAsync).WithSummary("The district's funding calls, nearest deadline first; phase=open lists those taking proposals now.");

    private static async Task<Ok<PagedResult<CallResponse>>> HandleAsync(
        [AsParameters] CallQuery query, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paging = new PageRequest(query.Page, query.PageSize);
        var calls = db.FundingCalls.AsNoTracking();
        if (query.Phase is not null)
        {
            calls = calls.Where(FundingCall.InPhase(WireNames.Parse<CallPhase>(query.Phase), now));
        }

        var page = await calls.OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(c => CallResponse.From(c, now)));
    }
}

/// <summary>One call of the district.</summary>
internal static class GetCall
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapGet("calls/{id:guid}", HandleAsync).WithSummary("One funding call of the district.");

    private static async Task<Ok<CallResponse>> HandleAsync(Guid id, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(CallResponse.From(await FindAsync(id, db, cancellationToken), clock.GetUtcNow()));

    /// <summary>The call, read only.</summary>
    /// <exception cref="DomainException">The district has no such call.</exception>
    public static async Task<FundingCall> FindAsync(Guid id, SocialOrgsDbContext db, CancellationToken cancellationToken) =>
        await db.FundingCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainException(FundingErrors.CallNotFound, $"No funding call {id} in the district.");
}
