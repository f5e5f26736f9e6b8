using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.PersonalData;
using Platform.Residents.Domain;

namespace Platform.Residents.Tests;

public sealed class ResidentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly PersonalDataProtector Protector = new(Options.Create(new PersonalDataOptions
    {
        Keys = new() { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        CurrentKeyId = "k1",
        LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));

    private static Resident Register(string idNumber = "11010519491231002X", string? phone = "13800138000", params string[] tags)
    {
        Assert.True(ChineseIdNumber.TryParse(idNumber, DateOnly.FromDateTime(Now.UtcDateTime), out var number, out _));
        MobilePhone? mobile = null;
        Assert.True(phone is null || MobilePhone.TryParse(phone, out mobile, out _));
        return Resident.Register(Guid.CreateVersion7(), "张三", number, mobile, new ResidentPlace(Guid.CreateVersion7(), "/a/", null), Residence.Hukou, tags, Protector, Now);
    }

    [Fact]
    public void Register_KeepsNoClearIdNumberOrPhone_ButCanRevealThem()
    {
        var resident = Register(tags: ResidentTags.LivingAlone);

        var stored = string.Join("|", resident.IdNumberProtected, resident.IdNumberHash, resident.IdNumberMasked, resident.PhoneProtected, resident.PhoneHash, resident.PhoneMasked);
        Assert.DoesNotContain("11010519491231002X", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", stored, StringComparison.Ordinal);
        Assert.Equal("110***********002X", resident.IdNumberMasked);
        Assert.Equal("138****8000", resident.PhoneMasked);
        Assert.Equal(Protector.LookupHash("11010519491231002X"), resident.IdNumberHash);
        Assert.Equal("11010519491231002X", resident.RevealIdNumber(Protector));
    }

    [Fact]
    public void Register_AddsAgeTags_AndRefusesUnknownTags()
    {
        var elderly = Register(tags: ResidentTags.LivingAlone);

        Assert.Equal([ResidentTags.Elderly, ResidentTags.LivingAlone], elderly.Tags.Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentException>(() => Register(tags: "vip"));
    }

    [Fact]
    public void TagUntagAndMove_ReportWhetherAnythingChanged()
    {
        var resident = Register("440304199001011233", phone: null);

        Assert.Null(resident.PhoneMasked);
        Assert.True(resident.Tag([ResidentTags.Disabled]));
        Assert.False(resident.Tag([ResidentTags.Disabled]));
        Assert.True(resident.Untag([ResidentTags.Disabled]));
        Assert.False(resident.Untag([ResidentTags.Disabled]));
        Assert.False(resident.MoveTo(new ResidentPlace(resident.NodeId, resident.NodePath, null)));
        var household = Household.At(Guid.CreateVersion7(), "/b/", "301", Now);
        Assert.True(resident.MoveTo(household.Place));
        Assert.Equal((household.NodeId, "/b/", household.Id), (resident.NodeId, resident.NodePath, resident.HouseholdId));
    }

    [Fact]
    public void HouseholdMove_TakesEveryMemberAlong_AndRefusesResidentsOfAnotherHousehold()
    {
        var household = Household.At(Guid.CreateVersion7(), "/a/", "301", Now);
        var (first, second, stranger) = (Register("11010519491231002X"), Register("440304199001011233"), Register());
        first.MoveTo(household.Place);
        second.MoveTo(household.Place);
        var (fromNode, newNode, later) = (household.NodeId, Guid.CreateVersion7(), Now.AddHours(1));

        Assert.Throws<ArgumentException>(() => household.Move(newNode, "/b/", "202", [first, stranger], later));
        Assert.Throws<ArgumentException>(() => household.Move(newNode, "/b/", " ", [first, second], later));
        Assert.Equal((fromNode, "301"), (household.NodeId, household.Number));

        var moves = household.Move(newNode, "/b/", " 202 ", [first, second], later);

        Assert.Equal((newNode, "/b/", "202"), (household.NodeId, household.NodePath, household.Number));
        Assert.Equal([(first, fromNode), (second, fromNode)], moves.Select(m => (m.Resident, m.FromNodeId)));
        Assert.All([first, second], member => Assert.Equal((newNode, "/b/", (Guid?)household.Id, later), (member.NodeId, member.NodePath, member.HouseholdId, member.UpdatedAt)));
    }
}
