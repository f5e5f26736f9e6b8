using Platform.Identity.Domain;
using Platform.TerritoryReplica;

namespace Platform.Identity.Tests;

public sealed class DomainRuleTests
{
    [Theory]
    [InlineData("district-admin", "district-admin", true)]
    [InlineData("district-admin", "street-admin", true)]
    [InlineData("district-admin", "resident", true)]
    [InlineData("district-admin", "platform-operator", false)]
    [InlineData("street-admin", "district-admin", false)]
    [InlineData("street-admin", "community-worker", true)]
    [InlineData("community-worker", "street-admin", false)]
    [InlineData("community-worker", "volunteer", true)]
    [InlineData("grid-worker", "resident", false)]
    [InlineData("resident", "resident", false)]
    [InlineData("district-admin", "no-such-role", false)]
    public void CanGrant_FollowsTheLadder(string granter, string role, bool allowed) =>
        Assert.Equal(allowed, PlatformRoles.CanGrant([granter], role));

    [Fact]
    public void Scope_ContainsItsSubtreeOnly()
    {
        var street = new CallerScope("/s1/");
        Assert.True(CallerScope.WholeDistrict.Contains(street));
        Assert.True(street.Contains(new CallerScope("/s1/c1/")));
        Assert.True(street.Contains(street));
        Assert.False(street.Contains(new CallerScope("/s2/c1/")));
        Assert.False(street.Contains(CallerScope.WholeDistrict));
    }

    [Fact]
    public void GrantingAuthority_RefusesHigherRolesBeforeScope()
    {
        var streetAdmin = new GrantingAuthority(["street-admin"], new CallerScope("/s1/"));

        Assert.Equal("identity.role_above_granter", streetAdmin.Refusal(["district-admin"], CallerScope.WholeDistrict)?.Code);
        Assert.Equal("identity.scope_outside_granter", streetAdmin.Refusal(["resident"], new CallerScope("/s2/"))?.Code);
        Assert.Null(streetAdmin.Refusal(["resident", "grid-worker"], new CallerScope("/s1/c9/")));
    }

    [Fact]
    public void Membership_NeedsARole_AndKeepsRolesDistinct()
    {
        Assert.Throws<ArgumentException>(() => Membership.Grant(Guid.NewGuid(), [], null, DateTimeOffset.UtcNow));

        var membership = Membership.Grant(Guid.NewGuid(), ["volunteer", "resident", "volunteer"], null, DateTimeOffset.UtcNow);

        Assert.Equal(["resident", "volunteer"], membership.Roles);
    }
}
