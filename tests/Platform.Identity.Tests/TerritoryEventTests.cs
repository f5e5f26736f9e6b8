using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Districts.Contracts;
using Platform.Identity.Data;
using Platform.Identity.Tokens;

namespace Platform.Identity.Tests;

public sealed class TerritoryEventTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeEventsFromRabbitMq_KeepTheTerritoryCopyCurrent_IncludingSubtreeMoves()
    {
        var street = Guid.NewGuid();
        var community = Guid.NewGuid();
        var grid = Guid.NewGuid();
        var bus = fixture.Factory.Services.GetRequiredService<IBus>();
        TerritoryNodeAddedIntegrationEvent Added(Guid id, Guid? parent, TerritoryNodeKind kind, string path) =>
            new() { TenantId = fixture.Demo.Id, NodeId = id, ParentId = parent, Kind = kind, Code = id.ToString("N")[..8], Name = kind.ToString(), Path = path };

        await bus.Publish(Added(street, null, TerritoryNodeKind.Street, $"/{street}/"), Cancellation);
        await bus.Publish(Added(community, street, TerritoryNodeKind.Community, $"/{street}/{community}/"), Cancellation);
        await bus.Publish(Added(grid, community, TerritoryNodeKind.Grid, $"/{street}/{community}/{grid}/"), Cancellation);
        await bus.Publish(new TerritoryNodeMovedIntegrationEvent
        {
            TenantId = fixture.Demo.Id, NodeId = community, ParentId = fixture.SouthStreet,
            OldPath = $"/{street}/{community}/", NewPath = $"/{fixture.SouthStreet}/{community}/",
        }, Cancellation);
        await bus.Publish(new TerritoryNodeRetiredIntegrationEvent { TenantId = fixture.Demo.Id, NodeId = street }, Cancellation);

        var expected = new Dictionary<Guid, (string Path, bool Retired)>
        {
            [street] = ($"/{street}/", true),
            [community] = ($"/{fixture.SouthStreet}/{community}/", false),
            [grid] = ($"/{fixture.SouthStreet}/{community}/{grid}/", false),
        };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Dictionary<Guid, (string Path, bool Retired)> actual = [];
        while (DateTime.UtcNow < deadline)
        {
            await fixture.InScopeAsync(fixture.Demo, async services =>
                actual = await services.GetRequiredService<IdentityDbContext>().TerritoryNodes
                    .Where(n => expected.Keys.Contains(n.Id))
                    .ToDictionaryAsync(n => n.Id, n => (n.Path, n.Retired), Cancellation));
            if (expected.All(e => actual.TryGetValue(e.Key, out var value) && value == e.Value))
            {
                break;
            }

            await Task.Delay(100, Cancellation);
        }

        Assert.Equal(expected, actual);
        // The other district's copy is untouched.
        await fixture.InScopeAsync(fixture.Other, async services =>
            Assert.False(await services.GetRequiredService<IdentityDbContext>().TerritoryNodes.AnyAsync(Cancellation)));
    }
}

public sealed class SigningKeyTests
{
    [Fact]
    public void Keys_PersistAcrossLoads_AndDifferByName()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gongzhi-keys-{Guid.NewGuid():N}");
        try
        {
            var first = SigningKeys.LoadOrCreate(directory, "signing");
            var again = SigningKeys.LoadOrCreate(directory, "signing");
            var other = SigningKeys.LoadOrCreate(directory, "encryption");

            Assert.Equal(first.KeyId, again.KeyId);
            Assert.Equal(first.Rsa.ExportParameters(false).Modulus, again.Rsa.ExportParameters(false).Modulus);
            Assert.NotEqual(first.KeyId, other.KeyId);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "signing.pem")));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
