using NetArchTest.Rules;

namespace Platform.ArchitectureTests;

/// <summary>Entities and their rules stay plain C#, testable without a database, a web host or a bus.</summary>
public sealed class DomainModelTests
{
    private const string DomainNamespace = @"\.Domain(\.|$)";

    /// <summary>
    /// The one domain type built on a framework: Identity's account derives from ASP.NET Core Identity's
    /// <c>IdentityUser&lt;Guid&gt;</c>, because the user manager, its EF Core stores and OpenIddict all work on that
    /// type. It may use ASP.NET Core Identity and nothing else of the frameworks below.
    /// </summary>
    private static readonly Type IdentityAccount = typeof(Identity.Domain.PlatformUser);

    private static readonly string[] InfrastructureFrameworks = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MassTransit", "Npgsql"];

    private static Types AllProjects => Types.InAssemblies(PlatformProjects.All.Select(p => p.Assembly));

    [Fact]
    public void DomainType_InAnyProject_UsesNoPersistenceWebOrMessagingFramework()
    {
        var result = AllProjects
            .That().ResideInNamespaceMatching(DomainNamespace).And().AreNotOfType(IdentityAccount)
            .ShouldNot().HaveDependencyOnAny(InfrastructureFrameworks)
            .GetResult();

        Rules.AssertNone(Rules.Violations(result, "a Domain type depends on EF Core, ASP.NET Core, MassTransit or Npgsql"));
    }

    [Fact]
    public void IdentityAccount_BuiltOnAspNetCoreIdentity_UsesNothingElseBeyondItsDomain()
    {
        var result = AllProjects
            .That().AreOfType(IdentityAccount)
            .Should().OnlyHaveDependencyOn("System", "Microsoft.AspNetCore.Identity", "Platform.Identity.Domain")
            .GetResult();

        Rules.AssertNone(Rules.Violations(result, "Identity's account uses more than ASP.NET Core Identity"));
    }
}
