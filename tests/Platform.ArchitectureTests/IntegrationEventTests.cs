using MassTransit;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;
using Platform.Contracts;

namespace Platform.ArchitectureTests;

/// <summary>
/// An integration event belongs to the service that publishes it: it is declared in that service's <c>.Contracts</c>,
/// and only that service creates it. Consumers only receive it.
/// </summary>
public sealed class IntegrationEventTests
{
    /// <summary>Every concrete event type, by full name, with the project that declares it.</summary>
    private static readonly Dictionary<string, PlatformProject> DeclaringProject = PlatformProjects.All
        .SelectMany(project => project.Assembly.GetTypes()
            .Where(type => typeof(IIntegrationEvent).IsAssignableFrom(type) && !type.IsAbstract && !type.IsInterface)
            .Select(type => (type.FullName!, project)))
        .ToDictionary(StringComparer.Ordinal);

    [Fact]
    public void IntegrationEvent_AnywhereButAServiceContract_IsNotDeclared()
    {
        var result = Types.InAssemblies(PlatformProjects.All.Where(p => !p.IsServiceContracts).Select(p => p.Assembly))
            .ShouldNot().MeetCustomRule(type => IsEvent(type) || (type.Name.EndsWith("IntegrationEvent", StringComparison.Ordinal) && !type.IsAbstract && !type.IsInterface))
            .GetResult();

        Rules.AssertNone(Rules.Violations(result, "an integration event is declared outside a service's .Contracts"));
    }

    [Fact]
    public void IntegrationEvent_InAServiceContract_IsNamedAsAnEvent()
    {
        var result = Types.InAssemblies(PlatformProjects.ServiceProjects.Where(p => p.IsServiceContracts).Select(p => p.Assembly))
            .That().MeetCustomRule(IsEvent)
            .Should().HaveNameEndingWith("IntegrationEvent").And().BeSealed()
            .GetResult();

        Rules.AssertNone(Rules.Violations(result, "an integration event is not a sealed type named …IntegrationEvent"));
    }

    [Fact]
    public void IntegrationEvent_CreatedAnywhere_IsCreatedOnlyByTheServiceThatDeclaresIt()
    {
        var services = PlatformProjects.Services.Where(HasCode).SelectMany(service => Rules.Violations(
            Types.InAssemblies(service.Where(p => !p.IsServiceContracts).Select(p => p.Assembly))
                .Should().MeetCustomRule(type => CreatesOnlyEventsOf(type, service.Key))
                .GetResult(),
            $"{service.Key} creates another service's event"));
        var buildingBlocks = Rules.Violations(
            Types.InAssemblies(PlatformProjects.BuildingBlocks.Select(p => p.Assembly))
                .Should().MeetCustomRule(type => CreatesOnlyEventsOf(type, service: null))
                .GetResult(),
            "a building block creates an event");

        Rules.AssertNone(services.Concat(buildingBlocks));
    }

    [Fact]
    public void ServiceContract_OfAServiceWithCode_DeclaresOnlyEventsTheServiceCreates()
    {
        // A contract whose service has no code yet (Platform.Property.Contracts before the Property service) has
        // nobody to publish its events, so there is nothing to compare it with.
        var violations = PlatformProjects.Services.Where(HasCode).SelectMany(service =>
        {
            var created = service.Where(p => !p.IsServiceContracts).SelectMany(EventsCreatedIn).ToHashSet(StringComparer.Ordinal);
            return DeclaringProject.Where(e => e.Value.Service == service.Key && !created.Contains(e.Key))
                .Select(e => $"{e.Value.Name} declares {e.Key}, which {service.Key} never creates: declare it in the .Contracts of the service that publishes it");
        });

        Rules.AssertNone(violations);
    }

    [Fact]
    public void IntegrationEvent_OnTheWire_IsNamedAfterTheContractThatDeclaresIt()
    {
        // MassTransit names a message (its URN, and the exchange it is published to) after its namespace and type. In
        // its contract's root namespace an event travels as urn:message:Platform.<Service>.Contracts:<Name>: the
        // publisher and every consumer meet on that one exchange, and the wire name says who publishes the event.
        var violations = DeclaringProject.Where(e => e.Value.IsServiceContracts).Select(e =>
        {
            var type = e.Value.Assembly.GetType(e.Key, throwOnError: true)!;
            var urn = MessageUrn.ForTypeString(type);
            var expected = $"urn:message:{e.Value.Name}:{type.Name}";
            return urn == expected ? null : $"{e.Key} travels as {urn}, not {expected}: keep events in their contract's root namespace";
        }).OfType<string>();

        Rules.AssertNone(violations);
    }

    private static bool IsEvent(TypeDefinition type) => DeclaringProject.ContainsKey(type.FullName);

    private static bool HasCode(IGrouping<string, PlatformProject> service) => service.Any(p => !p.IsServiceContracts);

    private static CustomRuleResult CreatesOnlyEventsOf(TypeDefinition type, string? service)
    {
        var foreign = EventsCreatedBy(type).Where(e => DeclaringProject[e].Service != service).Distinct(StringComparer.Ordinal).ToList();
        return new CustomRuleResult(foreign.Count == 0, foreign.Count == 0 ? null : $"creates {string.Join(", ", foreign)}");
    }

    /// <summary>
    /// The events whose constructors the type's code calls, including code the compiler moves into nested types
    /// (lambdas, iterators, async methods).
    /// </summary>
    private static IEnumerable<string> EventsCreatedBy(TypeDefinition type) =>
        type.Methods.Where(method => method.HasBody)
            .SelectMany(method => method.Body.Instructions)
            .Where(instruction => instruction.OpCode == OpCodes.Newobj)
            .Select(instruction => ((MethodReference)instruction.Operand).DeclaringType.FullName)
            .Where(DeclaringProject.ContainsKey)
            .Concat(type.NestedTypes.Where(nested => nested.Name.StartsWith('<')).SelectMany(EventsCreatedBy));

    private static List<string> EventsCreatedIn(PlatformProject project)
    {
        using var module = ModuleDefinition.ReadModule(project.Assembly.Location);
        return [.. module.GetTypes().SelectMany(EventsCreatedBy)];
    }
}
