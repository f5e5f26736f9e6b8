using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.SocialOrgs.Domain;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Tests;

/// <summary>The registry's rules on the entity alone: status lifecycle, credit codes, party coverage, members.</summary>
public sealed class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static TerritoryReplicaNode Node(TerritoryNodeKind kind, bool retired = false)
    {
        var id = Guid.NewGuid();
        return new TerritoryReplicaNode { Id = id, Kind = kind, Code = "C", Name = "节点", Path = TerritoryPath.Of(null, id), Retired = retired };
    }

    private static Organisation Enter(int members = 10, int partyMembers = 0, TerritoryNodeKind home = TerritoryNodeKind.Community) =>
        Organisation.Enter("幸福邻里互助会", OrganisationKind.MutualAid, Node(home), [], [ServiceCategory.Elderly], members, partyMembers, [], Now);

    private static UnifiedSocialCreditCode Code(string text) =>
        UnifiedSocialCreditCode.TryParse(text, out var code, out var problem) ? code : throw new ArgumentException(problem, nameof(text));

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void Enter_AtACommunity_IsUnregisteredWithNoCreditCode()
    {
        var organisation = Enter();

        Assert.Equal(OrganisationStatus.Unregistered, organisation.Status);
        Assert.Null(organisation.CreditCode);
        Assert.Null(organisation.FiledAt);
    }

    [Theory]
    [InlineData(TerritoryNodeKind.Grid)]
    [InlineData(TerritoryNodeKind.Building)]
    [InlineData(TerritoryNodeKind.Compound)]
    public void Enter_AtANodeBelowACommunity_IsRefused(TerritoryNodeKind kind)
    {
        var refusal = Refused(() => Enter(home: kind));

        Assert.Equal(SocialOrgErrors.InvalidHomeNode, refusal.Error);
        Assert.Equal("homeNodeId", refusal.Field);
    }

    [Fact]
    public void Enter_AtARetiredStreet_IsRefused() =>
        Assert.Equal(SocialOrgErrors.InvalidHomeNode, Refused(() =>
            Organisation.Enter("互助会", OrganisationKind.Interest, Node(TerritoryNodeKind.Street, retired: true), [], [], 0, 0, [], Now)).Error);

    [Theory]
    [InlineData(3, 4)]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    public void Enter_WithImpossibleMemberCounts_IsRefused(int members, int partyMembers) =>
        Assert.Equal(SocialOrgErrors.InvalidMemberCounts, Refused(() => Enter(members, partyMembers)).Error);

    [Fact]
    public void Lifecycle_FiledThenRegisteredWithACivilAffairsCode_RecordsEachStep()
    {
        var organisation = Enter();
        var code = TestCodes.CreditCode('5', '2');

        organisation.File(Now);
        organisation.Register(Code(code), LegalForm.SocialServiceAgency, Now.AddDays(30));

        Assert.Equal(OrganisationStatus.Registered, organisation.Status);
        Assert.Equal(code, organisation.CreditCode);
        Assert.Equal(LegalForm.SocialServiceAgency, organisation.LegalForm);
        Assert.Equal(Now, organisation.FiledAt);
        Assert.Equal(Now.AddDays(30), organisation.RegisteredAt);
    }

    [Fact]
    public void Register_BeforeFiling_IsRefusedWithTheStatus()
    {
        var organisation = Enter();

        var refusal = Refused(() => organisation.Register(Code(TestCodes.CreditCode()), LegalForm.SocialGroup, Now));

        Assert.Equal(SocialOrgErrors.InvalidStatusTransition, refusal.Error);
        Assert.Equal("unregistered", refusal.Facts["status"]);
        Assert.Equal(OrganisationStatus.Unregistered, organisation.Status);
        Assert.Null(organisation.CreditCode);
    }

    [Fact]
    public void File_Twice_IsRefused()
    {
        var organisation = Enter();
        organisation.File(Now);

        Assert.Equal(SocialOrgErrors.InvalidStatusTransition, Refused(() => organisation.File(Now)).Error);
    }

    [Fact]
    public void Register_Twice_IsRefused()
    {
        var organisation = Enter();
        organisation.File(Now);
        organisation.Register(Code(TestCodes.CreditCode()), LegalForm.SocialGroup, Now);

        Assert.Equal(SocialOrgErrors.InvalidStatusTransition, Refused(() => organisation.Register(Code(TestCodes.CreditCode()), LegalForm.SocialGroup, Now)).Error);
    }

    [Theory]
    [InlineData('9', '1', LegalForm.SocialGroup)] // issued by market regulation: a company, not a social organisation
    [InlineData('5', '2', LegalForm.SocialGroup)] // a social service agency's code for a social group
    [InlineData('5', '1', LegalForm.SocialServiceAgency)]
    [InlineData('5', '3', LegalForm.SocialGroup)] // a foundation's code
    public void Register_WithACodeNotIssuedForTheLegalForm_IsRefusedAndStaysFiled(char authority, char type, LegalForm form)
    {
        var organisation = Enter();
        organisation.File(Now);

        var refusal = Refused(() => organisation.Register(Code(TestCodes.CreditCode(authority, type)), form, Now));

        Assert.Equal(SocialOrgErrors.CreditCodeNotForLegalForm, refusal.Error);
        Assert.Equal("creditCode", refusal.Field);
        Assert.Equal(OrganisationStatus.Filed, organisation.Status);
    }

    [Fact]
    public void CreditCode_WithOneCharacterMistyped_FailsTheCheckCharacter()
    {
        var code = TestCodes.CreditCode();
        var mistyped = code[..10] + (code[10] == 'A' ? 'B' : 'A') + code[11..];

        Assert.True(UnifiedSocialCreditCode.TryParse(code, out _, out _));
        Assert.False(UnifiedSocialCreditCode.TryParse(mistyped, out _, out var problem));
        Assert.Contains("check character", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, PartyRequirement.JointBranchOrInstructor)]
    [InlineData(2, PartyRequirement.JointBranchOrInstructor)]
    [InlineData(3, PartyRequirement.OwnBranch)]
    [InlineData(12, PartyRequirement.OwnBranch)]
    public void PartyRequirement_FollowsThePartyMembers(int partyMembers, PartyRequirement required)
    {
        var organisation = Enter(members: 20, partyMembers: partyMembers);

        Assert.Equal(required, organisation.PartyRequirement);
        Assert.False(organisation.IsPartyCovered);
    }

    [Theory]
    [InlineData(3, PartyArrangement.OwnBranch)]
    [InlineData(2, PartyArrangement.JointBranch)]
    [InlineData(0, PartyArrangement.Instructor)]
    public void ArrangePartyWork_FittingThePartyMembers_Covers(int partyMembers, PartyArrangement arrangement)
    {
        var organisation = Enter(members: 20, partyMembers: partyMembers);

        organisation.ArrangePartyWork(arrangement, "东街道社会组织联合党支部", Now);

        Assert.True(organisation.IsPartyCovered);
        Assert.True(PartyCoverage.Fulfils(organisation.PartyArrangement, organisation.PartyMemberCount));
    }

    [Fact]
    public void ArrangePartyWork_OwnBranchWithTwoPartyMembers_IsRefused()
    {
        var organisation = Enter(members: 20, partyMembers: 2);

        Assert.Equal(SocialOrgErrors.OwnBranchNeedsThreePartyMembers, Refused(() => organisation.ArrangePartyWork(PartyArrangement.OwnBranch, "支部", Now)).Error);
        Assert.Null(organisation.PartyArrangement);
    }

    [Theory]
    [InlineData(PartyArrangement.JointBranch)]
    [InlineData(PartyArrangement.Instructor)]
    public void ArrangePartyWork_OtherThanOwnBranchWithThreePartyMembers_IsRefused(PartyArrangement arrangement)
    {
        var organisation = Enter(members: 20, partyMembers: 3);

        Assert.Equal(SocialOrgErrors.OwnBranchRequired, Refused(() => organisation.ArrangePartyWork(arrangement, "王老师", Now)).Error);
    }

    [Fact]
    public void PartyCoverage_WhenPartyMembersGrowPastTwo_BecomesMissingUntilAnOwnBranchIsRecorded()
    {
        var organisation = Enter(members: 20, partyMembers: 1);
        organisation.ArrangePartyWork(PartyArrangement.Instructor, "王老师", Now);

        organisation.Count(20, 3, Now);

        Assert.False(organisation.IsPartyCovered);
        Assert.True(PartyCoverage.IsMissing.Compile()(organisation));
        organisation.ArrangePartyWork(PartyArrangement.OwnBranch, "互助会党支部", Now);
        Assert.False(PartyCoverage.IsMissing.Compile()(organisation));
    }

    [Fact]
    public void Members_AddedOnceAndRemoved_ActOnlyWhileMembers()
    {
        var organisation = Enter();

        organisation.AddMember("user-1", "worker", Now);

        Assert.True(organisation.HasMember("user-1"));
        Assert.Equal(SocialOrgErrors.AlreadyMember, Refused(() => organisation.AddMember("user-1", "worker", Now)).Error);
        organisation.RemoveMember("user-1", Now);
        Assert.False(organisation.HasMember("user-1"));
        Assert.Equal(SocialOrgErrors.MemberNotFound, Refused(() => organisation.RemoveMember("user-1", Now)).Error);
    }

    [Fact]
    public void Describe_WithARetiredServiceArea_IsRefused()
    {
        var organisation = Enter();

        var refusal = Refused(() => organisation.Describe("互助会", OrganisationKind.Interest, [Node(TerritoryNodeKind.Community, retired: true)], [], Now));

        Assert.Equal(SocialOrgErrors.InvalidServiceArea, refusal.Error);
        Assert.Empty(organisation.ServiceAreaIds);
    }
}
