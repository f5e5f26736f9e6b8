using NetArchTest.Rules;

namespace Platform.ArchitectureTests;

/// <summary>Which project may use which: services meet only through contracts, building blocks serve all services alike.</summary>
public sealed class ServiceBoundaryTests
{
    /// <summary>
    /// The one service contract that building blocks may use. Platform.Districts.Contracts is the platform's tenant and
    /// territory contract: Platform.MultiTenancy keeps every service's tenant catalogue, and Platform.TerritoryReplica
    /// its copy of the territory tree, from these events, the same way in every service. The events stay in the
    /// Districts service's contracts because Districts alone publishes them.
    /// </summary>
    internal const string TenantAndTerritoryContract = "Platform.Districts.Contracts";

    private const string SharedContractBase = "Platform.Contracts";

    [Fact]
    public void Dependency_OnAnotherService_GoesOnlyThroughItsContracts()
    {
        var violations = PlatformProjects.Services.SelectMany(service =>
        {
            string[] otherServicesInternals =
            [
                .. PlatformProjects.ServiceProjects.Where(p => p.Service != service.Key && !p.IsServiceContracts).SelectMany(p => p.OwnTypeNames),
            ];
            return otherServicesInternals.Length == 0 ? [] : Rules.Violations(
                Types.InAssemblies(service.Select(p => p.Assembly)).ShouldNot().HaveDependencyOnAny(otherServicesInternals).GetResult(),
                $"{service.Key} uses another service's internals instead of its .Contracts");
        });

        Rules.AssertNone(violations);
    }

    [Fact]
    public void Dependency_FromABuildingBlock_ReachesNoServiceButTheTenantAndTerritoryContract()
    {
        string[] services = [.. PlatformProjects.ServiceProjects.Where(p => p.Name != TenantAndTerritoryContract).SelectMany(p => p.OwnTypeNames)];

        var result = Types.InAssemblies(PlatformProjects.BuildingBlocks.Select(p => p.Assembly)).ShouldNot().HaveDependencyOnAny(services).GetResult();

        Rules.AssertNone(Rules.Violations(result, "a building block depends on a service"));
    }

    [Fact]
    public void Dependency_FromAServiceContract_ReachesNothingButTheSharedContractBase()
    {
        // A contract is referenced by its consumers (building blocks too, for the tenant and territory contract): it
        // must bring no other project's types along, or a consumer would reach them through it.
        var violations = PlatformProjects.ServiceProjects.Where(p => p.IsServiceContracts).SelectMany(contract =>
        {
            string[] others = [.. PlatformProjects.All.Where(p => p.Name != contract.Name && p.Name != SharedContractBase).SelectMany(p => p.OwnTypeNames)];
            return Rules.Violations(
                Types.InAssembly(contract.Assembly).ShouldNot().HaveDependencyOnAny(others).GetResult(),
                $"{contract.Name} depends on another project than {SharedContractBase}");
        });

        Rules.AssertNone(violations);
    }
}
