extern alias districts;
extern alias residents;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Messaging.CatchUp;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Testing;
using Platform.TerritoryReplica;
using DistrictsDbContext = districts::Platform.Districts.Data.DistrictsDbContext;
using ResidentsDbContext = residents::Platform.Residents.Data.ResidentsDbContext;
using ResidentsProgram = residents::Program;

namespace Platform.CatchUp.Tests;

/// <summary>
/// A residents service that joins a platform where districts with trees already exist catches up from the
/// districts service, then follows its events. The tests run one after another: residents instances share queues.
/// </summary>
public sealed class CatchUpTests(CatchUpFixture fixture)
{
    private const string IdNumber = "11010519491231002X";
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(20);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_OnEmptyDatabaseWhileDistrictsExist_ServesTheDistrictAndPlacesResidentsInItsTree()
    {
        var district = await fixture.OnboardDistrictWithTreeAsync();
        await using var database = await fixture.Postgres.CreateDatabaseAsync("residents", Cancellation);

        await using var residents = fixture.StartResidents(database);
        using var client = CatchUpFixture.Client(residents, await fixture.Identity.MemberTokenAsync(district.Tenant, PlatformRoleNames.DistrictAdmin, null));

        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/residents", Cancellation)).StatusCode == HttpStatusCode.OK, Cancellation, WithinSeconds);
        await Eventually.HoldsAsync(
            async () => (await client.PostAsJsonAsync("/api/residents", Resident(district.Building), Cancellation)).StatusCode == HttpStatusCode.Created,
            Cancellation,
            WithinSeconds);
        var onStreet = await (await client.GetAsync($"/api/residents?node={district.Street}", Cancellation)).AssertOkAsync();
        Assert.Equal("张三", Assert.Single(onStreet.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        var elsewhere = await (await client.GetAsync($"/api/residents?node={district.OtherStreet}", Cancellation)).AssertOkAsync();
        Assert.Empty(elsewhere.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CatchUp_WhenTheTreeChangesWhileTheSnapshotIsTaken_AppliesEveryChangeExactlyOnce()
    {
        var district = await fixture.OnboardDistrictWithTreeAsync();
        await using var database = await fixture.Postgres.CreateDatabaseAsync("residents", Cancellation);
        Guid? includedRename = null;
        Guid? laterRename = null;
        // One rename commits after the replica asked to catch up but before the tree is read (the snapshot holds
        // it and its event is still queued behind the request), one after the tree was read (only its event has it).
        var interleaving = new SnapshotInterleaving(
            district.Tenant.Id,
            beforeSnapshot: async () => includedRename = await RenameAsync(district, "快照前的名字"),
            afterSnapshot: async () => laterRename = await RenameAsync(district, "快照后的名字"));

        await using var residents = fixture.StartResidents(database, services => services.AddConsumeObserver(_ => interleaving));

        // Two renames, each waiting for its event to leave the districts outbox, sit inside this catch-up: the default wait.
        await Eventually.HoldsAsync(async () => await ReplicaNameAsync(residents, district) == "快照后的名字", Cancellation);
        Assert.True(includedRename is not null && laterRename is not null, "Both renames ran during the catch-up.");
        // The rename inside the snapshot was recorded as applied by it and skipped on delivery; the later one was applied.
        Assert.Equal([nameof(TerritorySnapshot)], await InboxRecordsAsync(residents, includedRename.Value));
        Assert.Equal([nameof(TerritoryNodeRenamedIntegrationEvent)], await InboxRecordsAsync(residents, laterRename.Value));
    }

    [Fact]
    public async Task Restart_WithReplicaUpToDate_DoesNotFetchTheTreeAgain()
    {
        var district = await fixture.OnboardDistrictWithTreeAsync();
        await using var database = await fixture.Postgres.CreateDatabaseAsync("residents", Cancellation);

        var first = new CatchUpProbe();
        await using (var residents = fixture.StartResidents(database, first.Register))
        {
            // The first start fills the replica: by the snapshot, or by the tree's own events when those reach the
            // shared queue before the catch-up compares digests (both are correct; which comes first is a race).
            await first.Completed.WaitAsync(WithinSeconds, Cancellation);
            await Eventually.HoldsAsync(async () => await ReplicaCountAsync(residents, district) == district.NodeCount, Cancellation, WithinSeconds);
        }

        var second = new CatchUpProbe();
        await using (var residents = fixture.StartResidents(database, second.Register))
        {
            await second.Completed.WaitAsync(WithinSeconds, Cancellation);
            Assert.DoesNotContain(district.Tenant.Id, second.TreesRequested);
            Assert.Equal(district.NodeCount, await ReplicaCountAsync(residents, district));
        }
    }

    [Fact]
    public async Task Start_OnRestoredDatabaseThatMissedAMove_MovesTheReplicaAndTheResidentsWithIt()
    {
        var district = await fixture.OnboardDistrictWithTreeAsync();
        var token = await fixture.Identity.MemberTokenAsync(district.Tenant, PlatformRoleNames.DistrictAdmin, null);
        await using var database = await fixture.Postgres.CreateDatabaseAsync("residents", Cancellation);
        await using (var residents = fixture.StartResidents(database))
        {
            using var client = CatchUpFixture.Client(residents, token);
            await Eventually.HoldsAsync(
                async () => (await client.PostAsJsonAsync("/api/residents", Resident(district.Building), Cancellation)).StatusCode == HttpStatusCode.Created,
                Cancellation,
                WithinSeconds);
        }

        // The backup is taken now; the running database then follows the compound to the other street, and is lost.
        await using var backup = await fixture.Postgres.CopyDatabaseAsync(database, Cancellation);
        await using (var residents = fixture.StartResidents(database))
        {
            using var client = CatchUpFixture.Client(residents, token);
            (await district.Admin.PostAsJsonAsync($"/api/territory/nodes/{district.Compound}/move", new { parentId = district.OtherGrid }, Cancellation)).EnsureSuccessStatusCode();
            await Eventually.HoldsAsync(async () => (await ResidentsUnderAsync(client, district.OtherStreet)).Count == 1, Cancellation, WithinSeconds);
        }

        // Restored: the move's event was consumed by the lost database, so only the catch-up can tell.
        await using (var residents = fixture.StartResidents(backup))
        {
            using var client = CatchUpFixture.Client(residents, token);
            await Eventually.HoldsAsync(async () => (await ResidentsUnderAsync(client, district.OtherStreet)).Count == 1, Cancellation, WithinSeconds);
            Assert.Empty(await ResidentsUnderAsync(client, district.Street));
        }
    }

    private static async Task<List<JsonElement>> ResidentsUnderAsync(HttpClient client, Guid nodeId) =>
        [.. (await (await client.GetAsync($"/api/residents?node={nodeId}", Cancellation)).AssertOkAsync()).GetProperty("items").EnumerateArray()];

    private static object Resident(Guid nodeId) => new { name = "张三", idNumber = IdNumber, phone = "13800138000", nodeId };

    /// <summary>Renames the district's building in the districts service; returns the event's id once it is published.</summary>
    private async Task<Guid> RenameAsync(TestDistrict district, string name)
    {
        (await district.Admin.PatchJsonAsync($"/api/territory/nodes/{district.Building}", new { name })).EnsureSuccessStatusCode();
        var eventId = Guid.Empty;
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var scope = fixture.Districts.Services.CreateAsyncScope();
                var renames = await scope.ServiceProvider.GetRequiredService<DistrictsDbContext>().Set<OutboxMessage>().AsNoTracking()
                    .Where(m => m.TenantId == district.Tenant.Id && m.PublishedAt != null && m.EventType.Contains(nameof(TerritoryNodeRenamedIntegrationEvent)))
                    .ToListAsync(Cancellation);
                eventId = renames.Where(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("name").GetString() == name)
                    .Select(m => m.EventId).SingleOrDefault();
                return eventId != Guid.Empty;
            },
            Cancellation);
        return eventId;
    }

    private static async Task<T> InDistrictAsync<T>(WebApplicationFactory<ResidentsProgram> residents, TenantInfo? tenant, Func<ResidentsDbContext, Task<T>> query)
    {
        await using var scope = residents.Services.CreateAsyncScope();
        if (tenant is not null)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenant, "test");
        }

        return await query(scope.ServiceProvider.GetRequiredService<ResidentsDbContext>());
    }

    private static Task<string?> ReplicaNameAsync(WebApplicationFactory<ResidentsProgram> residents, TestDistrict district) =>
        InDistrictAsync(residents, district.Tenant, db => db.TerritoryNodes.Where(n => n.Id == district.Building).Select(n => n.Name).SingleOrDefaultAsync(Cancellation));

    private static Task<int> ReplicaCountAsync(WebApplicationFactory<ResidentsProgram> residents, TestDistrict district) =>
        InDistrictAsync(residents, district.Tenant, db => db.TerritoryNodes.CountAsync(Cancellation));

    private static Task<List<string>> InboxRecordsAsync(WebApplicationFactory<ResidentsProgram> residents, Guid eventId) =>
        InDistrictAsync(residents, tenant: null, db => db.Set<InboxMessage>().Where(m => m.EventId == eventId).Select(m => m.MessageType).ToListAsync(Cancellation));

    /// <summary>Runs a change in the districts service at two moments of one district's catch-up.</summary>
    private sealed class SnapshotInterleaving(Guid tenantId, Func<Task> beforeSnapshot, Func<Task> afterSnapshot) : IConsumeObserver
    {
        private int _before;
        private int _after;

        public async Task PreConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is CatchUpTerritoryReplica request && request.TenantId == tenantId && Interlocked.Exchange(ref _before, 1) == 0)
            {
                await beforeSnapshot();
            }
            else if (context.Message is TerritorySnapshot snapshot && snapshot.TenantId == tenantId && Interlocked.Exchange(ref _after, 1) == 0)
            {
                await afterSnapshot();
            }
        }

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }

    /// <summary>Sees which districts' trees a residents instance asks for, and when its catch-up has run.</summary>
    private sealed class CatchUpProbe : ITenantCatchUpStep, ISendObserver
    {
        private readonly ConcurrentQueue<Guid> _trees = new();
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<Guid> TreesRequested => _trees;

        public Task Completed => _completed.Task;

        // Registered after the service's own steps, so it runs once they have sent whatever they send.
        public void Register(IServiceCollection services)
        {
            services.AddSingleton<ITenantCatchUpStep>(this);
            services.AddSendObserver(_ => this);
        }

        public Task CatchUpAsync(DistrictCatalogSnapshot catalog, CancellationToken cancellationToken)
        {
            _completed.TrySetResult();
            return Task.CompletedTask;
        }

        public Task PreSend<T>(SendContext<T> context)
            where T : class
        {
            if (context.Message is CatchUpTerritoryReplica request)
            {
                _trees.Enqueue(request.TenantId);
            }

            return Task.CompletedTask;
        }

        public Task PostSend<T>(SendContext<T> context)
            where T : class => Task.CompletedTask;

        public Task SendFault<T>(SendContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
