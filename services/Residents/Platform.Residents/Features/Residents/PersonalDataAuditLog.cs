using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Residents.Features.Residents;

/// <summary>One read of unmasked personal data.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="ResidentId">Whose data.</param>
/// <param name="UserId">Who read it.</param>
/// <param name="UserName">Their name.</param>
/// <param name="Fields">Which fields.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record PersonalDataAccessResponse(Guid Id, Guid ResidentId, string UserId, string? UserName, string Fields, string Reason, DateTimeOffset At)
{
    public static PersonalDataAccessResponse From(PersonalDataAccess access) =>
        new(access.Id, access.ResidentId, access.UserId, access.UserName, access.Fields, access.Reason, access.At);
}

/// <summary>The personal-data access log of the district, for the district admins who audit it.</summary>
internal static class PersonalDataAuditLog
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapGet("audit", HandleAsync).RequireAuthorization(ResidentEndpoints.AuditorsPolicy).WithSummary(
            "The personal-data access log (district admins): who saw which resident's data, when and why; newest first, paged.");

    private static async Task<Ok<PagedResult<PersonalDataAccessResponse>>> HandleAsync(
        Guid? residentId,
        string? userId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        ResidentsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var entries = db.PersonalDataAccesses.AsNoTracking();
        entries = residentId is { } resident ? entries.Where(a => a.ResidentId == resident) : entries;
        entries = string.IsNullOrEmpty(userId) ? entries : entries.Where(a => a.UserId == userId);
        entries = from?.ToUniversalTime() is { } since ? entries.Where(a => a.At >= since) : entries;
        entries = to?.ToUniversalTime() is { } until ? entries.Where(a => a.At < until) : entries;
        var listed = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(PersonalDataAccessResponse.From));
    }
}
