using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.PersonalData.Tests;

public sealed class PersonalDataRegistrationTests
{
    private static readonly string Lookup = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static IHost Service(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddPersonalData();
        return builder.Build();
    }

    private static IHost ServiceWithKeys(string keyId, string lookupKey) => Service(
        ($"PersonalData:Keys:{keyId}", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
        ("PersonalData:CurrentKeyId", keyId),
        ("PersonalData:LookupKey", lookupKey));

    [Fact]
    public async Task Start_WithoutKeys_IsRefused()
    {
        using var service = Service();

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => service.StartAsync(Cancellation));

        Assert.Contains("PersonalData:CurrentKeyId", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAShortLookupKey_IsRefused()
    {
        using var service = ServiceWithKeys("k1", Convert.ToBase64String(new byte[16]));

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => service.StartAsync(Cancellation));

        Assert.Contains("PersonalData:LookupKey must be at least 32 bytes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupHash_InTwoServicesSharingTheLookupKey_IsTheSame()
    {
        using var residents = ServiceWithKeys("residents-1", Lookup);
        using var property = ServiceWithKeys("property-1", Lookup);
        await residents.StartAsync(Cancellation);
        await property.StartAsync(Cancellation);
        var residentsProtector = residents.Services.GetRequiredService<PersonalDataProtector>();
        var propertyProtector = property.Services.GetRequiredService<PersonalDataProtector>();

        Assert.Equal(residentsProtector.LookupHash("11010519491231002X"), propertyProtector.LookupHash("11010519491231002X"));
        Assert.StartsWith("v1.property-1.", propertyProtector.Protect("13800138000"), StringComparison.Ordinal);
        await residents.StopAsync(Cancellation);
        await property.StopAsync(Cancellation);
    }
}
