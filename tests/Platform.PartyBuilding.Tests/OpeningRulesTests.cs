using CsCheck;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Tests;

/// <summary>The three lists and claims (三个清单) on the entities: capacity, who may claim, the claim's life, and matching.</summary>
public sealed class OpeningRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = DistrictClock.Today(Now);
    private static readonly TerritoryReplicaNode Street = ReportingRulesTests.Node(null, TerritoryNodeKind.Street);
    private static readonly TerritoryReplicaNode Community = ReportingRulesTests.Node(Street, TerritoryNodeKind.Community);
    private static readonly TerritoryReplicaNode OtherStreet = ReportingRulesTests.Node(null, TerritoryNodeKind.Street);
    private static readonly CommitmentText Commitment = CommitmentText.Publish(null, "我承诺……", "admin", Now);

    [Fact]
    public void Claim_BeyondTheCapacity_IsRefused_UntilAPlaceIsFreed()
    {
        var opening = Post(capacity: 2);
        var first = opening.ClaimByMember(Member(), null, null, Now);
        opening.ClaimByMember(Member(), null, null, Now);

        var full = Assert.Throws<DomainException>(() => opening.ClaimByMember(Member(), null, null, Now));
        Assert.Equal(PartyBuildingErrors.OpeningFull, full.Error);
        Assert.Equal(2, opening.Claims.Count);

        first.Decline("worker", "已安排他人", Now);
        opening.ClaimByMember(Member(), null, null, Now);
        Assert.Equal(2, opening.PlacesTaken);
    }

    [Fact]
    public void Claim_ByAMemberHoldingAPlace_OrNotConfirmedHere_IsRefused()
    {
        var opening = Post(capacity: 5);
        var member = Member();
        opening.ClaimByMember(member, null, null, Now);

        Assert.Equal(PartyBuildingErrors.AlreadyClaimed, Assert.Throws<DomainException>(() => opening.ClaimByMember(member, null, null, Now)).Error);
        Assert.Equal(PartyBuildingErrors.MemberNotReported, Assert.Throws<DomainException>(() => opening.ClaimByMember(Member(confirm: false), null, null, Now)).Error);
        Assert.Equal(1, opening.PlacesTaken);
    }

    [Fact]
    public void Claim_ByAUnit_NeedsItsStreetsConfirmation_InTheOpeningsStreet()
    {
        var opening = Post(capacity: 5);

        var claim = opening.ClaimByUnit(Unit(Street), "street-admin", null, null, Now);

        Assert.NotNull(claim.WorkplaceId);
        Assert.Equal(PartyBuildingErrors.UnitNotReported, Assert.Throws<DomainException>(() => opening.ClaimByUnit(Unit(OtherStreet), "street-admin", null, null, Now)).Error);
    }

    [Fact]
    public void Claim_ForATermOutsideTheOpenings_IsRefused()
    {
        var opening = Post(capacity: 5);

        var error = Assert.Throws<DomainException>(() => opening.ClaimByMember(Member(), opening.StartsOn.AddDays(-1), null, Now));

        Assert.Equal(PartyBuildingErrors.InvalidOpeningTerm, error.Error);
        Assert.Empty(opening.Claims);
    }

    [Fact]
    public void Claim_ConfirmedThenCompleted_FreesItsPlace_AndCountsOnTheDayItEnded()
    {
        var opening = Post(capacity: 1);
        var claim = opening.ClaimByMember(Member(), null, null, Now);
        Assert.Equal(PartyBuildingErrors.InvalidClaimTransition, Assert.Throws<DomainException>(() => claim.End(true, Today, "done", "worker", Now)).Error);

        claim.Confirm("worker", Now);
        claim.End(true, Today.AddDays(-1), "每周巡查，发现隐患3处", "worker", Now);

        Assert.Equal((ClaimStatus.Completed, Today.AddDays(-1), 0), (claim.Status, claim.EndedOn, opening.PlacesTaken));
        Assert.Equal(PartyBuildingErrors.InvalidClaimTransition, Assert.Throws<DomainException>(() => claim.Confirm("worker", Now)).Error);
    }

    [Fact]
    public void Outcome_InTheFuture_OrACompletionBeforeTheStart_OrAnAbandonmentAfterTheEnd_IsRefused()
    {
        var opening = Post(capacity: 3);
        var claim = opening.ClaimByMember(Member(), null, null, Now);
        claim.Confirm("worker", Now);

        Assert.Equal(PartyBuildingErrors.InvalidClaimOutcome, Assert.Throws<DomainException>(() => claim.End(true, Today.AddDays(1), "done", "worker", Now)).Error);
        Assert.Equal(PartyBuildingErrors.InvalidClaimOutcome, Assert.Throws<DomainException>(() => claim.End(true, opening.StartsOn.AddDays(-1), "done", "worker", Now)).Error);
        var later = Now.AddYears(2);
        Assert.Equal(PartyBuildingErrors.InvalidClaimOutcome, Assert.Throws<DomainException>(() => claim.End(false, claim.EndsOn, "不干了", "worker", later)).Error);
        Assert.Equal(ClaimStatus.Confirmed, claim.Status);
    }

    [Fact]
    public void Capacity_UnderAnySequenceOfClaimsDeclinesAndOutcomes_IsNeverExceeded_AndAClaimIsRefusedOnlyWhenFull()
    {
        // Each step: 0 claim by a new member, 1 decline a waiting claim, 2 confirm one, 3 abandon one holding a place.
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, 3].Array[1, 40]).Sample((capacity, steps) =>
        {
            var opening = Post(capacity);
            foreach (var step in steps)
            {
                var waiting = opening.Claims.FirstOrDefault(c => c.Status == ClaimStatus.Claimed);
                var holding = opening.Claims.FirstOrDefault(c => c.HoldsPlace);
                switch (step)
                {
                    case 0:
                        var taken = opening.PlacesTaken;
                        try
                        {
                            opening.ClaimByMember(Member(), null, null, Now);
                        }
                        catch (DomainException refused) when (refused.Error == PartyBuildingErrors.OpeningFull && taken == capacity)
                        {
                        }

                        break;
                    case 1 when waiting is not null:
                        waiting.Decline("worker", "另有安排", Now);
                        break;
                    case 2 when waiting is not null:
                        waiting.Confirm("worker", Now);
                        break;
                    case 3 when holding is not null:
                        holding.End(false, Today, "搬离本社区", "worker", Now);
                        break;
                }

                if (opening.PlacesTaken > capacity)
                {
                    return false;
                }
            }

            return opening.PlacesTaken == opening.Claims.Count(c => c.Status is ClaimStatus.Claimed or ClaimStatus.Confirmed);
        });
    }

    [Theory]
    [InlineData(new[] { "电工" }, new[] { "电工维修", "法律咨询" }, new[] { "电工维修" })]
    [InlineData(new[] { "Legal" }, new[] { "legal aid" }, new[] { "legal aid" })]
    [InlineData(new[] { "医疗" }, new[] { "电工" }, new string[0])]
    public void SharedSkills_ContainingEachOtherIgnoringCase_Match(string[] memberSkills, string[] wanted, string[] expected)
    {
        var opening = Opening.List(Community, OpeningKind.Post, "patrol", "民情前哨", null, wanted, 1, Today, Today.AddMonths(6), "worker", Now);

        Assert.Equal(expected, OpeningMatch.SharedSkills(opening, memberSkills));
        Assert.Equal(expected.Length > 0, OpeningMatch.Fits(opening, memberSkills));
    }

    [Fact]
    public void Resource_OfVolunteers_FitsAnyOpening_AndOthersByTheirSkill()
    {
        var opening = Opening.List(Community, OpeningKind.Wish, "wish", "修理轮椅", null, ["维修"], 1, Today, Today.AddMonths(1), "worker", Now);

        Assert.True(OpeningMatch.Fits(opening, new UnitResource(ResourceKind.Volunteers, "青年志愿者", 10)));
        Assert.True(OpeningMatch.Fits(opening, new UnitResource(ResourceKind.Skill, "家电维修", null)));
        Assert.False(OpeningMatch.Fits(opening, new UnitResource(ResourceKind.Venue, "三楼会议室", null)));
    }

    private static Opening Post(int capacity) =>
        Opening.List(Community, OpeningKind.Post, "patrol", "民情前哨巡查", null, ["巡查"], capacity, Today.AddMonths(-1), Today.AddYears(1), "worker", Now);

    private static MemberReport Member(bool confirm = true)
    {
        using var protector = ReportingRulesTests.TestProtector();
        var workplace = WorkplaceOrganisation.Register(
            "区人民医院党委", WorkplaceKind.PublicInstitution, Street, 100, new WorkplaceRecords(WorkplaceRecordsLocation.ThisDistrict, null, null), Now);
        var report = MemberReport.Submit($"user-{Guid.NewGuid():N}", ReportingRulesTests.Member(), Community, Community, workplace, Commitment, 1, protector, Now);
        if (confirm)
        {
            report.Confirm("worker", Now);
        }

        return report;
    }

    private static UnitReport Unit(TerritoryReplicaNode street)
    {
        var workplace = WorkplaceOrganisation.Register(
            "区税务局党委", WorkplaceKind.GovernmentOrgan, street, 40, new WorkplaceRecords(WorkplaceRecordsLocation.ThisDistrict, null, null), Now);
        var report = UnitReport.Submit(workplace, Today.AddMonths(-2), Today.AddYears(2), [new UnitResource(ResourceKind.Volunteers, "青年志愿者", 10)], "street-admin", Now);
        report.Confirm("street-admin", Now);
        return report;
    }
}
