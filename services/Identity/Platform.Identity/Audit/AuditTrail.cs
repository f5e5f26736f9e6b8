using System.Security.Claims;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.MultiTenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Audit;

/// <summary>
/// Adds audit entries to the unit of work, so that an entry is saved together with the change it describes
/// (or not at all). The district and actor come from the current request.
/// </summary>
internal sealed class AuditTrail(IdentityDbContext db, ITenantContext tenant, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds an entry; it is written by the next <c>SaveChanges</c>.</summary>
    public void Add(string action, string? subject, string? detail = null, Guid? actorId = null) =>
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), action, tenant.TenantId, actorId ?? CurrentActor(), subject, detail));

    /// <summary>Adds an entry and saves it straight away (for events that change nothing else, such as a failed login).</summary>
    public async Task RecordAsync(string action, string? subject, string? detail, Guid? actorId, CancellationToken cancellationToken)
    {
        Add(action, subject, detail, actorId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Guid? CurrentActor() =>
        Guid.TryParse(http.HttpContext?.User.FindFirstValue(Claims.Subject), out var id) ? id : null;
}
