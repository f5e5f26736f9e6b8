namespace Platform.ServiceDefaults.Tests;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/workbench/demands?status=received", "/workbench/demands?status=received")]
    [InlineData("/connect/authorize?client_id=portal", "/connect/authorize?client_id=portal")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void LocalOrRoot_AnyReturnAddress_GoesOnlyToAPathOfThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, ReturnUrls.LocalOrRoot(returnUrl));
}
