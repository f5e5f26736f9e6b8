namespace Platform.Portal.Features.Demands;

/// <summary>The actions' wire names (the residents service's URL segments).</summary>
internal static class DemandActions
{
    public const string Classify = "classify";
    public const string Assign = "assign";
    public const string Respond = "respond";
    public const string Whistle = "whistle";
    public const string Checkin = "checkin";
    public const string Start = "start";
    public const string Resolve = "resolve";
    public const string Unresolvable = "unresolvable";
    public const string Callback = "callback";
    public const string Reopen = "reopen";
    public const string Close = "close";

    /// <summary>The workers' actions in the order the workflow reaches them (the callback is the resident's).</summary>
    public static IReadOnlyList<string> WorkerOrder { get; } = [Classify, Assign, Respond, Whistle, Checkin, Start, Resolve, Unresolvable, Reopen, Close];
}

/// <summary>The Chinese names of statuses, actions and channels, by wire name.</summary>
internal static class DemandVocabulary
{
    private static readonly Dictionary<string, string> Statuses = new(StringComparer.Ordinal)
    {
        ["received"] = "已受理", ["classified"] = "已分类", ["assigned"] = "已派单", ["responded"] = "已响应",
        ["whistled"] = "已吹哨", ["in_progress"] = "办理中", ["resolved"] = "已办结", ["unresolvable"] = "无法解决",
        ["closed"] = "已结案", ["reopened"] = "已重启",
    };

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["file"] = "提交诉求", [DemandActions.Classify] = "分类", [DemandActions.Assign] = "派单", [DemandActions.Respond] = "响应",
        [DemandActions.Whistle] = "吹哨", [DemandActions.Checkin] = "报到", [DemandActions.Start] = "开始办理",
        [DemandActions.Resolve] = "办结", [DemandActions.Unresolvable] = "无法解决", [DemandActions.Callback] = "回访评价",
        [DemandActions.Reopen] = "重启办理", [DemandActions.Close] = "结案", ["work_order"] = "物业工单",
    };

    private static readonly Dictionary<string, string> Channels = new(StringComparer.Ordinal)
    {
        ["app"] = "居民端", ["hotline"] = "热线", ["patrol"] = "巡查", ["visit"] = "走访", ["deliberation"] = "议事",
    };

    public static IReadOnlyCollection<string> StatusNames => Statuses.Keys;

    public static string Status(string wireName) => Statuses.GetValueOrDefault(wireName, wireName);

    public static string Action(string wireName) => Actions.GetValueOrDefault(wireName, wireName);

    public static string Channel(string wireName) => Channels.GetValueOrDefault(wireName, wireName);
}
