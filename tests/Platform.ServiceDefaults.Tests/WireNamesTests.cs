using System.Text.Json;
using Platform.Domain;

namespace Platform.ServiceDefaults.Tests;

public sealed class WireNamesTests
{
    public enum Mode
    {
        Quiet = 0,
        FiveParty = 1,
    }

    [Fact]
    public void ToWire_MultiWordMember_IsLowerSnakeCase() => Assert.Equal("five_party", Mode.FiveParty.ToWire());

    [Theory]
    [InlineData("five_party")]
    [InlineData("FIVE_PARTY")]
    [InlineData("Five_Party")]
    public void TryParse_NameInAnyCase_ReadsTheMember(string text)
    {
        Assert.True(WireNames.TryParse<Mode>(text, out var mode));
        Assert.Equal(Mode.FiveParty, mode);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("FiveParty")]
    [InlineData("quiet, five_party")]
    [InlineData(" five_party")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NumberPaddingOrOtherSpelling_IsRefused(string? text) => Assert.False(WireNames.TryParse<Mode>(text, out _));

    [Fact]
    public void Expected_ListsEveryName_InDeclarationOrder() => Assert.Equal("One of quiet, five_party.", WireNames.Expected<Mode>());

    [Fact]
    public void JsonConverter_WritesAndReadsWireNames_AndRefusesNumbers()
    {
        var options = new JsonSerializerOptions { Converters = { new WireNameJsonConverter() } };

        Assert.Equal("\"five_party\"", JsonSerializer.Serialize(Mode.FiveParty, options));
        Assert.Equal(Mode.FiveParty, JsonSerializer.Deserialize<Mode>("\"five_party\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Mode>("1", options));
    }

    [Fact]
    public void WireNameAttribute_AcceptsNamesAndAbsence_RefusesAnythingElse()
    {
        var attribute = new WireNameAttribute(typeof(Mode));

        Assert.True(attribute.IsValid("five_party"));
        Assert.True(attribute.IsValid(null));
        Assert.False(attribute.IsValid("1"));
        Assert.Equal("One of quiet, five_party.", attribute.FormatErrorMessage("mode"));
    }
}
