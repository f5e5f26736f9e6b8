using Platform.Identity.Data;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Identity.Audit;

/// <summary>An audit entry as district admins read it.</summary>
public sealed record AuditEntryResponse(Guid Id, DateTimeOffset At, string Action, Guid? ActorId, string? Subject, string? Detail);

/// <summary>The audit trail of the caller's district, for its administrators.</summary>
internal static class AuditEndpoints
{
    public const string AuditorsPolicy = "auditors";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/identity/audit", ListAsync)
            .RequireTenant().RequireAuthorization(AuditorsPolicy).WithTags("Audit")
            .WithSummary("Logins, user, membership and client changes in the caller's district, newest first, paged.");
        return endpoints;
    }

    private static async Task<PagedResult<AuditEntryResponse>> ListAsync(
        string? action, int? page, int? pageSize, IdentityDbContext db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var entries = db.AuditEntries.Where(e => e.TenantId == tenant.TenantId);
        if (!string.IsNullOrWhiteSpace(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        return await entries.OrderByDescending(e => e.Id)
            .ToPageAsync(paging, e => new AuditEntryResponse(e.Id, e.At, e.Action, e.ActorId, e.Subject, e.Detail), cancellationToken);
    }
}
