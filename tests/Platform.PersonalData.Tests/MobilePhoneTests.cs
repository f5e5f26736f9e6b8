namespace Platform.PersonalData.Tests;

public sealed class MobilePhoneTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("19912345678", "19912345678")]
    public void Phone_InUsualSpellings_IsRead(string text, string digits)
    {
        Assert.True(MobilePhone.TryParse(text, out var phone, out var problem), problem);

        Assert.Equal(digits, phone.Value);
    }

    [Theory]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("010-12345678")]
    [InlineData("1380013800a")]
    [InlineData(null)]
    public void Phone_ThatIsNotAMainlandMobile_IsRefused(string? text) =>
        Assert.False(MobilePhone.TryParse(text, out _, out _));

    [Fact]
    public void Phone_IsMaskedButKeepsItsTail()
    {
        Assert.True(MobilePhone.TryParse("13800138000", out var phone, out _));

        Assert.Equal("138****8000", phone.Masked);
        Assert.Equal("8000", phone.Tail);
    }
}
