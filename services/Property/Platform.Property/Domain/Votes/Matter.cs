namespace Platform.Property.Domain.Votes;

/// <summary>What owners decide jointly: the items of Civil Code Art. 278, in its order.</summary>
public enum Matter
{
    /// <summary>(1) 制定和修改业主大会议事规则.</summary>
    RulesOfProcedure,

    /// <summary>(2) 制定和修改管理规约.</summary>
    ManagementCovenant,

    /// <summary>(3) 选举业主委员会或者更换业主委员会成员.</summary>
    ElectCommittee,

    /// <summary>(4) 选聘和解聘物业服务企业或者其他管理人.</summary>
    HireOrDismissManager,

    /// <summary>(5) 使用建筑物及其附属设施的维修资金.</summary>
    UseMaintenanceFund,

    /// <summary>(6) 筹集建筑物及其附属设施的维修资金.</summary>
    RaiseMaintenanceFund,

    /// <summary>(7) 改建、重建建筑物及其附属设施.</summary>
    Rebuild,

    /// <summary>(8) 改变共有部分的用途或者利用共有部分从事经营活动.</summary>
    ChangeCommonUse,

    /// <summary>(9) 有关共有和共同管理权利的其他重大事项.</summary>
    OtherMajor,
}

/// <summary>Which pass rule of Art. 278 a matter falls under.</summary>
public enum PassRule
{
    /// <summary>Items 6–8: at least three quarters of the participating area and owners.</summary>
    ThreeQuarters,

    /// <summary>Every other item: more than half of the participating area and owners.</summary>
    Majority,
}

/// <summary>How the law treats each matter.</summary>
public static class Matters
{
    /// <summary>The pass rule of <paramref name="matter"/>.</summary>
    public static PassRule RuleOf(Matter matter) =>
        matter is Matter.RaiseMaintenanceFund or Matter.Rebuild or Matter.ChangeCommonUse ? PassRule.ThreeQuarters : PassRule.Majority;

    /// <summary>Whether the matter spends or raises money, so that it names an amount.</summary>
    public static bool NamesAmount(Matter matter) => matter is Matter.UseMaintenanceFund or Matter.RaiseMaintenanceFund;
}
