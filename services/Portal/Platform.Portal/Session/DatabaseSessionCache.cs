using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Portal.Data;

namespace Platform.Portal.Session;

/// <summary>
/// The cache beneath <see cref="SessionTicketStore"/>, in the portal's database, so that every replica finds a session
/// whichever replica started it or refreshed its tokens last. Entries expire at an absolute time only: a session's
/// sliding lifetime is the cookie's, which renews the entry with a new absolute expiry.
/// </summary>
internal sealed class DatabaseSessionCache(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock) : IDistributedCache
{
    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        var now = clock.GetUtcNow();
        return await db.Sessions.AsNoTracking()
            .Where(s => s.Key == key && (s.ExpiresAt == null || s.ExpiresAt > now))
            .Select(s => s.Ticket)
            .SingleOrDefaultAsync(token);
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var expiresAt = ExpiryOf(options);
        await using var db = await contexts.CreateDbContextAsync(token);
        // One statement, so that two replicas renewing one session at once cannot both insert it.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sessions ("Key", "Ticket", "ExpiresAt") VALUES ({key}, {value}, {expiresAt})
            ON CONFLICT ("Key") DO UPDATE SET "Ticket" = excluded."Ticket", "ExpiresAt" = excluded."ExpiresAt"
            """,
            token);
    }

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        await db.Sessions.Where(s => s.Key == key).ExecuteDeleteAsync(token);
    }

    // Nothing slides here (see the remarks), so there is nothing to refresh.
    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public void Refresh(string key)
    {
    }

    private DateTimeOffset? ExpiryOf(DistributedCacheEntryOptions options)
    {
        if (options.SlidingExpiration is not null)
        {
            throw new NotSupportedException("Sessions expire at an absolute time; the cookie's renewal slides them.");
        }

        return options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? clock.GetUtcNow() + relative : null);
    }
}
