using Platform.Residents.Data;
using Platform.Testing.Services;

namespace Platform.Residents.Tests.Replicas;

/// <summary>
/// The residents service as two replicas of one Deployment: a second instance on the first one's database and queues,
/// in an environment of their own (database, virtual host, identity), so that no other test's messages reach them.
/// Each replica counts what it consumed and which import jobs it started.
/// </summary>
public sealed class TwoReplicasFixture : ResidentsFixture
{
    /// <summary>What the first instance (<see cref="ServiceFixture{TProgram, TContext}.Service"/>) did.</summary>
    public ReplicaActivity First { get; } = new();

    /// <summary>What the second instance did.</summary>
    public ReplicaActivity Second { get; } = new();

    /// <summary>The second instance.</summary>
    public ServiceInstance<Program, ResidentsDbContext> Replica { get; private set; } = null!;

    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder web)
    {
        base.Configure(web);
        // The first instance starts during InitializeAsync, before any replica exists: it is the only one without activity yet.
        if (!First.Attached)
        {
            First.AttachTo(web);
        }
    }

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        await base.ArrangeAsync(cancellationToken);
        Replica = StartReplica(Second.AttachTo);
        await Replica.WaitUntilAsync(_ => Task.FromResult(true), tenant: null);
    }
}
