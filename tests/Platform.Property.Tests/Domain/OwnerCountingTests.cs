using Platform.Property.Domain.Roll;
using static Platform.Property.Tests.TestHolders;

namespace Platform.Property.Tests.Domain;

/// <summary>Who counts as one owner (the judicial interpretation on building co-ownership, Art. 9).</summary>
public sealed class OwnerCountingTests
{
    [Fact]
    public void Key_OfTwoUnitsOfOnePerson_IsTheSame()
    {
        Assert.Equal(OwnerKey.Of(true, [Person(1)]), OwnerKey.Of(true, [Person(1)]));
    }

    [Fact]
    public void Key_OfOnePersonAloneAndWithACoHolder_Differs()
    {
        Assert.NotEqual(OwnerKey.Of(true, [Person(1)]), OwnerKey.Of(true, [Person(1), Person(2)]));
    }

    [Fact]
    public void Key_OfTheSameCoHoldersInAnotherOrder_IsTheSame()
    {
        Assert.Equal(OwnerKey.Of(true, [Person(1), Person(2), Company(3)]), OwnerKey.Of(true, [Company(3), Person(2), Person(1)]));
    }

    [Fact]
    public void Key_OfAPersonAndACompanyWithTheSameDigits_Differs()
    {
        Assert.NotEqual(OwnerKey.Of(true, [Person(7)]), OwnerKey.Of(true, [Company(7)]));
    }

    [Fact]
    public void Key_OfAnUndeliveredUnit_IsTheDevelopersWhoeverBoughtIt()
    {
        Assert.Equal(OwnerKey.Developer, OwnerKey.Of(false, [Person(1)]));
        Assert.Equal(OwnerKey.Developer, OwnerKey.Of(false, [Person(2), Company(3)]));
        Assert.Equal(OwnerKey.Developer, OwnerKey.Of(true, [Developer()]));
    }

    [Fact]
    public void HoldersProblem_OfADeveloperWithACoHolderOrNoHolder_IsReported()
    {
        Assert.NotNull(ExclusiveUnit.HoldersProblem(holders: 2, developers: 1));
        Assert.NotNull(ExclusiveUnit.HoldersProblem(holders: 0, developers: 0));
        Assert.Null(ExclusiveUnit.HoldersProblem(holders: 3, developers: 0));
        Assert.Null(ExclusiveUnit.HoldersProblem(holders: 1, developers: 1));
    }

    [Theory]
    [InlineData("89.50", true)]
    [InlineData("0.01", true)]
    [InlineData("120", true)]
    [InlineData("89.505", false)]
    [InlineData("0", false)]
    [InlineData("0.00", false)]
    [InlineData("-3", false)]
    [InlineData("1e3", false)]
    [InlineData("八十", false)]
    [InlineData("", false)]
    public void FloorArea_AsWritten_IsAcceptedOnlyPositiveWithAtMostTwoPlaces(string text, bool accepted)
    {
        Assert.Equal(accepted, FloorArea.TryParse(text, out _, out _));
    }
}
