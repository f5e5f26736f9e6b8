using System.Reflection;

namespace Platform.ArchitectureTests;

/// <summary>A project under <c>services/</c>, as the test project's build found it (see the .csproj).</summary>
/// <param name="Name">The project and assembly name, which is also its root namespace.</param>
/// <param name="Assembly">The built assembly.</param>
/// <param name="IsBuildingBlock">Whether it lives in <c>services/BuildingBlocks/</c>; otherwise it belongs to a service.</param>
internal sealed record PlatformProject(string Name, Assembly Assembly, bool IsBuildingBlock)
{
    private readonly Lazy<string[]> _ownTypeNames = new(() =>
        [.. Assembly.GetTypes().Where(t => !t.IsNested && t.Namespace is { } ns && (ns == Name || ns.StartsWith(Name + ".", StringComparison.Ordinal))).Select(t => t.FullName!)]);

    /// <summary>For a service's project (<c>Platform.&lt;Service&gt;[.&lt;Part&gt;]</c>), the service it belongs to.</summary>
    public string? Service => IsBuildingBlock ? null : Name.Split('.')[1];

    /// <summary>Whether this is a service's contract with the others (<c>Platform.&lt;Service&gt;.Contracts</c>).</summary>
    public bool IsServiceContracts => !IsBuildingBlock && Name.EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>
    /// Full names of the types the project declares in its root namespace. Types the compiler and source generators
    /// emit outside it (the global <c>Program</c>, request-delegate interceptors) have the same names in every web
    /// project, so a dependency on one says nothing about which project it points to.
    /// </summary>
    public IReadOnlyList<string> OwnTypeNames => _ownTypeNames.Value;
}

/// <summary>The projects under test, loaded once.</summary>
internal static class PlatformProjects
{
    private const string BuildingBlockKind = "building-block";
    private const string ServiceKind = "service";

    public static IReadOnlyList<PlatformProject> All { get; } =
    [
        .. typeof(PlatformProjects).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(project => project.Value is BuildingBlockKind or ServiceKind)
            .Select(project => new PlatformProject(project.Key, Assembly.Load(project.Key), project.Value == BuildingBlockKind))
            .OrderBy(project => project.Name, StringComparer.Ordinal),
    ];

    public static IEnumerable<PlatformProject> BuildingBlocks => All.Where(p => p.IsBuildingBlock);

    public static IEnumerable<PlatformProject> ServiceProjects => All.Where(p => !p.IsBuildingBlock);

    /// <summary>Each service with its projects (the API, its Contracts, any other part).</summary>
    public static IEnumerable<IGrouping<string, PlatformProject>> Services => ServiceProjects.GroupBy(p => p.Service!, StringComparer.Ordinal);

    public static PlatformProject Named(string name) => All.Single(p => p.Name == name);
}
