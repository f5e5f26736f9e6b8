using Platform.Domain;

namespace Platform.ServiceDefaults.Tests;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91330100716105852F")]
    [InlineData("91110000802100433b")]
    [InlineData(" 91110000802100433B ")]
    public void TryParse_PublishedCode_IsAccepted(string text)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(text, out var code, out _));
        Assert.Equal(text.Trim().ToUpperInvariant(), code.Value);
    }

    [Fact]
    public void TryParse_ValidCode_ExposesAuthorityAndRegion()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse("91110000802100433B", out var code, out _));
        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal("110000", code.RegionCode);
    }

    [Theory]
    [InlineData(null, "18 characters")]
    [InlineData("9111000080210043", "18 characters")]
    [InlineData("91110000802100433C", "check character")]
    [InlineData("9111000080210043IB", "Only digits")]
    [InlineData("911100A0802100433B", "region code")]
    public void TryParse_Malformed_SaysWhy(string? text, string reason)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(text, out var code, out var problem));
        Assert.Null(code);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void TryParse_EverySingleCharacterTypo_IsCaught()
    {
        const string valid = "91350100M000100Y43";
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var replacement in alphabet.Where(c => c != valid[position]))
            {
                var typo = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                Assert.False(UnifiedSocialCreditCode.TryParse(typo, out _, out _), typo);
            }
        }
    }
}
