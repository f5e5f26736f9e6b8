using Platform.Residents.Domain;

namespace Platform.Residents.Tests;

public sealed class ResidentValueTests
{
    [Theory]
    [InlineData(1956, 11, 24, new[] { ResidentTags.Elderly })]   // 70 today
    [InlineData(1956, 11, 25, new string[0])]                     // 70 tomorrow
    [InlineData(2008, 11, 25, new[] { ResidentTags.Minor })]     // 18 tomorrow
    [InlineData(2008, 11, 24, new string[0])]                     // 18 today
    public void AgeTags_FollowTheBirthDate(int year, int month, int day, string[] tags) =>
        Assert.Equal(tags, ResidentTags.FromAge(new DateOnly(year, month, day), new DateOnly(2026, 11, 24)));
}
