using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Platform.AppHost.Tests;

/// <summary>The AppHost's setting for several instances of a service, read from the application model it builds.</summary>
public sealed class ReplicaSettingTests
{
    [Fact]
    public async Task Model_WithReplicasOfResidents_RunsThatManyResidentsAndOneOfTheOthers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            ["--Platform:Replicas:residents=3"], cancellationToken);

        Assert.Equal(3, Replicas(appHost, "residents"));
        Assert.Equal(1, Replicas(appHost, "districts"));
        Assert.Equal(1, Replicas(appHost, "identity"));
    }

    private static int Replicas(IDistributedApplicationTestingBuilder appHost, string service) =>
        appHost.Resources.Single(resource => resource.Name == service).TryGetLastAnnotation<ReplicaAnnotation>(out var replicas)
            ? replicas.Replicas
            : 1;
}
