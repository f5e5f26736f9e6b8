namespace Platform.ArchitectureTests;

/// <summary>The rules are only as good as the set of projects they run over.</summary>
public sealed class ProjectDiscoveryTests
{
    [Fact]
    public void Discovery_OfTheServicesFolder_FindsEveryKindOfProject()
    {
        var names = PlatformProjects.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["Platform.Residents", "Platform.Residents.Contracts", "Platform.Identity", "Platform.Property.Contracts"]), names);
        Assert.Contains(PlatformProjects.Named("Platform.MultiTenancy"), PlatformProjects.BuildingBlocks);
        Assert.Contains(PlatformProjects.Named(ServiceBoundaryTests.TenantAndTerritoryContract), PlatformProjects.ServiceProjects);
        Assert.All(PlatformProjects.All, project => Assert.NotEmpty(project.OwnTypeNames));
    }
}
