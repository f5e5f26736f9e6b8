using System.Net;

namespace Platform.Identity.Tests;

/// <summary>The identity service with the password grant switched off, as production may run it.</summary>
public sealed class PasswordGrantOffFixture : IAsyncLifetime
{
    public IdentityFixture Identity { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Identity.Settings["Identity:PasswordGrantEnabled"] = "false";
        await Identity.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Identity.DisposeAsync();
}

public sealed class PasswordGrantSwitchTests(PasswordGrantOffFixture fixture) : IClassFixture<PasswordGrantOffFixture>
{
    [Fact]
    public async Task PasswordGrant_SwitchedOff_IsUnsupported()
    {
        var (status, body) = await fixture.Identity.PasswordTokenAsync("operator", IdentityFixture.OperatorPassword, "system");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }
}
