namespace Platform.PersonalData.Tests;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李四", "李*")]
    [InlineData("王", "*")]
    [InlineData("  赵钱孙  ", "赵**")]
    [InlineData("欧阳修", "欧阳*")]
    [InlineData("诸葛孔明", "诸葛**")]
    [InlineData("司马相如", "司马**")]
    public void Masked_HanName_KeepsOnlyTheSurname(string name, string masked) =>
        Assert.Equal(masked, PersonName.Masked(name));

    [Theory]
    [InlineData("欧阳", "欧*")]
    [InlineData("上官", "上*")]
    public void Masked_NameNoLongerThanItsCompoundSurname_KeepsOneCharacter(string name, string masked) =>
        Assert.Equal(masked, PersonName.Masked(name));

    [Theory]
    [InlineData("阿依古丽·买买提", "阿***·***")]
    [InlineData("John Smith", "J*** *****")]
    public void Masked_TransliteratedName_KeepsTheFirstCharacterAndTheSeparators(string name, string masked) =>
        Assert.Equal(masked, PersonName.Masked(name));

    [Fact]
    public void Masked_CharacterOutsideTheBasicPlane_IsOneCharacter()
    {
        // 𠮷 (U+20BB7) is two UTF-16 code units but one character on the screen.
        Assert.Equal("𠮷**", PersonName.Masked("𠮷大明"));
        Assert.Equal("王*", PersonName.Masked("王𠮷"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Masked_EmptyName_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => PersonName.Masked(name));
}
