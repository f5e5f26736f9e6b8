namespace Platform.PersonalData.Tests;

public sealed class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, false)]
    [InlineData("11010519491231002x", 1949, 12, 31, false)]
    [InlineData(" 440304199001011233 ", 1990, 1, 1, true)]
    [InlineData("310115200012290017", 2000, 12, 29, true)]
    public void Valid_IsAcceptedWithItsBirthDateAndSex(string text, int year, int month, int day, bool male)
    {
        Assert.True(ChineseIdNumber.TryParse(text, Today, out var number, out var problem), problem);

        Assert.Equal(new DateOnly(year, month, day), number.BirthDate);
        Assert.Equal(male, number.IsMale);
        Assert.Equal(text.Trim().ToUpperInvariant(), number.Value);
    }

    [Theory]
    [InlineData("110105194912310021", "check character")]   // one digit off
    [InlineData("440304199001011234", "check character")]
    [InlineData("11010519491331002X", "date of birth")]     // month 13
    [InlineData("11010519490230002X", "date of birth")]     // 30 February
    [InlineData("110105204001010014", "date of birth")]     // born in 2040
    [InlineData("99010519491231002X", "region code")]
    [InlineData("1101051949123100", "18 characters")]
    [InlineData("11010519491231002Y", "Seventeen digits")]
    [InlineData("1101051949123100X2", "Seventeen digits")]
    [InlineData("", "18 characters")]
    [InlineData(null, "18 characters")]
    public void Invalid_IsRefusedWithTheReason(string? text, string reason)
    {
        Assert.False(ChineseIdNumber.TryParse(text, Today, out var number, out var problem));

        Assert.Null(number);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_ShowsOnlyTheFirstThreeAndLastFour()
    {
        Assert.True(ChineseIdNumber.TryParse("11010519491231002X", Today, out var number, out _));

        Assert.Equal("110***********002X", number.Masked);
        Assert.Equal(number.Masked, number.ToString());
    }
}
