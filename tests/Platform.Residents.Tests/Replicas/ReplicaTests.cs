using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy.Storage;
using Platform.Residents.Contracts;
using Platform.Residents.Data;
using Platform.Testing;
using Platform.Testing.Services;

namespace Platform.Residents.Tests.Replicas;

/// <summary>
/// Two replicas of the residents service on one database and one broker, as two pods of its Deployment run: requests
/// land on either, the outbox relay publishes each event once with one relay active at a time, consumers compete
/// without applying an event twice, ordered consumers stay on one replica, and an import job runs on one worker.
/// </summary>
public sealed class ReplicaTests(TwoReplicasFixture fixture) : IClassFixture<TwoReplicasFixture>
{
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(5);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static object NewDemand(int number) =>
        new { title = $"楼道堆物 {number}", description = "3单元楼道堆放杂物，影响通行", category = "环境卫生", channel = "app", nodeId = TestTerritory.BuildingA1, priority = "normal" };

    private async Task<(HttpClient First, HttpClient Second)> WorkersAsync()
    {
        var token = await fixture.MemberTokenAsync(TwoReplicasFixture.Demo, PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        return (fixture.Service.Client(token), fixture.Replica.Client(token));
    }

    [Fact]
    public async Task Request_ToEitherReplica_SeesWhatTheOtherWrote()
    {
        var (first, second) = await WorkersAsync();

        var filed = await (await first.PostAsJsonAsync("/api/demands", NewDemand(0), Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var id = filed.GetProperty("id").GetGuid();
        var read = await (await second.GetAsync(new Uri($"/api/demands/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        var classified = await (await second.PostAsJsonAsync($"/api/demands/{id}/classify", new { category = "环境卫生", priority = "urgent" }, Cancellation)).AssertOkAsync();
        var again = await (await first.GetAsync(new Uri($"/api/demands/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();

        Assert.Equal(filed.GetProperty("trackingNumber").GetString(), read.GetProperty("trackingNumber").GetString());
        Assert.Equal("classified", classified.GetProperty("status").GetString());
        Assert.Equal("classified", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FileDemands_OnBothReplicas_PublishesEveryEventExactlyOnce()
    {
        const int PerReplica = 40;
        var (first, second) = await WorkersAsync();

        var filings = Enumerable.Range(0, 2 * PerReplica).Select(async number =>
        {
            var client = number % 2 == 0 ? first : second;
            var filed = await (await client.PostAsJsonAsync("/api/demands", NewDemand(number), Cancellation)).AssertOkAsync(HttpStatusCode.Created);
            return filed.GetProperty("id").GetGuid();
        });
        var ids = (await Task.WhenAll(filings)).ToHashSet();

        await Eventually.HoldsAsync(
            () => Task.FromResult(ids.All(id => fixture.Events.OfType<DemandReceivedIntegrationEvent>().Any(e => e.DemandId == id))), Cancellation);
        // Anything published twice would have arrived by now, as fast as the first copy did.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        var received = fixture.Events.OfType<DemandReceivedIntegrationEvent>().Where(e => ids.Contains(e.DemandId)).ToList();
        Assert.Equal(ids.Count, received.Count);
        Assert.Equal(ids.Count, received.Select(e => e.EventId).Distinct().Count());
        await using var db = await OpenAsync();
        Assert.Equal(0L, await CountAsync(db, """SELECT count(*) FROM outbox_messages WHERE "PublishedAt" IS NULL"""));
    }

    [Fact]
    public async Task Relay_WhileAnotherSessionHoldsTheLock_WaitsAndTakesOverWithinSecondsOfItsEnd()
    {
        var (first, _) = await WorkersAsync();
        // This session plays the active relay of a third replica, caught in the middle of its batch.
        // Its transaction is never ended by the test: it goes with the session, as a dead process's does.
        await using var active = await OpenAsync();
        var batch = await active.BeginTransactionAsync(Cancellation);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({OutboxRelay<ResidentsDbContext>.AdvisoryLockKey})", active, batch))
        {
            await take.ExecuteNonQueryAsync(Cancellation);
        }

        var filed = await (await first.PostAsJsonAsync("/api/demands", NewDemand(1000), Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var id = filed.GetProperty("id").GetGuid();
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        Assert.DoesNotContain(fixture.Events.OfType<DemandReceivedIntegrationEvent>(), e => e.DemandId == id);

        // The active relay's process dies: PostgreSQL ends its session, and with it the transaction and the lock.
        var pid = active.ProcessID;
        await using (var observer = await OpenAsync())
        {
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", observer);
            await terminate.ExecuteNonQueryAsync(Cancellation);
        }

        var died = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await CountAsync(active, "SELECT 1"));
        await fixture.RecordedAsync<DemandReceivedIntegrationEvent>(e => e.DemandId == id);
        Assert.InRange(DateTime.UtcNow - died, TimeSpan.Zero, TakeoverBound);
    }

    [Fact]
    public async Task DistrictEvents_DeliveredTwiceToTwoReplicas_AreSharedBetweenThemAndAppliedOnce()
    {
        const int Districts = 30;
        var onboarded = Enumerable.Range(0, Districts)
            .Select(n => new DistrictOnboardedIntegrationEvent { TenantId = Guid.CreateVersion7(), Identifier = $"replica-{Guid.NewGuid():N}"[..20], Name = $"副本区{n}" })
            .ToList();

        // Every event twice, as a redelivery after a lost acknowledgement would bring it, possibly to the other replica.
        foreach (var district in onboarded.Concat(onboarded))
        {
            await fixture.Bus.Publish(district, Cancellation);
        }

        var tenantIds = onboarded.Select(d => d.TenantId).ToList();
        var eventIds = onboarded.Select(d => d.EventId).ToList();
        await fixture.WaitUntilAsync(async db => await db.Set<TenantRecord>().CountAsync(t => tenantIds.Contains(t.Id), Cancellation) == Districts, tenant: null);
        // Anything applied twice would be by now.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);

        var (firstShare, secondShare) = (fixture.First.ConsumedAt(eventIds).Count(), fixture.Second.ConsumedAt(eventIds).Count());
        Assert.True(firstShare > 0 && secondShare > 0, $"One replica consumed nothing ({firstShare} and {secondShare} of {2 * Districts}).");
        await fixture.Service.InScopeAsync(null, async services =>
        {
            var db = services.GetRequiredService<ResidentsDbContext>();
            Assert.Equal(Districts, await db.Set<TenantRecord>().CountAsync(t => tenantIds.Contains(t.Id), Cancellation));
            Assert.Equal(Districts, await db.Set<InboxMessage>().CountAsync(m => eventIds.Contains(m.EventId), Cancellation));
        });
    }

    [Fact]
    public async Task TerritoryEvents_WithTwoReplicasListening_AreAppliedByOneAtATimeInTurn()
    {
        var tree = new TerritoryTreeEvents(TwoReplicasFixture.Demo);
        var street = Guid.CreateVersion7();
        tree.Add(street, null, TerritoryNodeKind.Street, "副本街道");
        for (var n = 0; n < 19; n++)
        {
            tree.Add(Guid.CreateVersion7(), street, TerritoryNodeKind.Community, $"副本社区{n}");
        }

        var nodes = tree.Events;
        foreach (var node in nodes)
        {
            await fixture.Bus.Publish(node, Cancellation);
        }

        var last = nodes[^1].NodeId;
        await fixture.WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == last, Cancellation), TwoReplicasFixture.Demo);
        var eventIds = nodes.Select(node => node.EventId).ToHashSet();
        var handledBy = fixture.First.ConsumedAt(eventIds).Select(order => (Order: order, Replica: 1))
            .Concat(fixture.Second.ConsumedAt(eventIds).Select(order => (Order: order, Replica: 2)))
            .OrderBy(entry => entry.Order)
            .Select(entry => entry.Replica)
            .ToList();

        // Single active consumer: the queue feeds one replica while the other stands by; it may fail over once (the
        // active one's channel was restarted), but the two never take messages in turn, which would reorder them.
        Assert.Equal(nodes.Count, handledBy.Count);
        var switches = handledBy.Zip(handledBy.Skip(1)).Count(pair => pair.First != pair.Second);
        Assert.True(switches <= 1, $"The replicas took node events in turn: {string.Join(",", handledBy)}.");
    }

    [Fact]
    public async Task ImportJobs_QueuedOnBothReplicas_EachRunOnOneWorkerOnly()
    {
        const int Jobs = 6;
        var token = await fixture.MemberTokenAsync(TwoReplicasFixture.Demo, PlatformRoleNames.DistrictAdmin, null);
        var (first, second) = (fixture.Service.Client(token), fixture.Replica.Client(token));

        var uploads = Enumerable.Range(0, Jobs).Select(n => (n % 2 == 0 ? first : second).ImportAsync(
            "/api/residents/imports",
            Encoding.UTF8.GetBytes($"name,id_number,phone,node_code,household,residence,tags\r\n张{n},{TestPeople.IdNumber()},,T{TestTerritory.UnitA1.ToString()[^4..]},,户籍,\r\n"),
            $"residents-{n}.csv"));
        var finished = await Task.WhenAll(uploads);

        Assert.All(finished, job => Assert.Equal("succeeded", job.GetProperty("state").GetString()));
        var jobIds = finished.Select(job => job.GetProperty("id").GetGuid()).ToList();
        var started = fixture.First.ImportsStarted.Concat(fixture.Second.ImportsStarted).Where(jobIds.Contains).ToList();
        Assert.Equal(Jobs, started.Count);
        Assert.Equal(Jobs, started.Distinct().Count());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Service.ConnectionString);
        await connection.OpenAsync(Cancellation);
        return connection;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
