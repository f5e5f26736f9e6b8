using Platform.Portal.Session;

namespace Platform.Portal.Tests;

public sealed class SignInEndpointsTests
{
    [Theory]
    [InlineData("/workbench/demands?status=received", "/workbench/demands?status=received")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void LocalPath_AfterSignIn_GoesOnlyToAPathOfThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInEndpoints.LocalPath(returnUrl));
}
