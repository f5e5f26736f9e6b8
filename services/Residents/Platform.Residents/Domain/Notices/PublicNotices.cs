using System.Globalization;
using System.Text;
using Platform.PersonalData;
using Platform.Residents.Domain.Budgets;
using Platform.Residents.Domain.Deliberation;

namespace Platform.Residents.Domain.Notices;

/// <summary>
/// The notices the platform publishes by itself when a representative is nominated or confirmed, a vote is decided, a
/// budget's result is computed or a task is completed. Their text is public: tallies and masked names, never a resident's
/// id, full name, ID number, phone or whoever raised a topic or cast a ballot.
/// </summary>
public static class PublicNotices
{
    /// <summary>The nominee published for objections, until the end of their objection period.</summary>
    public static Notice Nomination(Representative nominee, string areaName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(nominee);
        var body = $"{Describe(nominee)}，{NominationText(nominee.Nomination)}，拟任{areaName}议事代表，任期{Day(nominee.TermStart)}至{Day(nominee.TermEnd)}。"
            + "公示期内如有异议，请登录平台对本公示提出。";
        return Notice.Publish(
            NoticeKind.RepresentativeNomination, nominee.Id, $"{areaName}议事代表人选公示", body, nominee.NodeId, nominee.NodePath, [],
            nominee.ObjectionsUntil - now, nominee.NominatedBy, now);
    }

    /// <summary>The representative confirmed.</summary>
    public static Notice Confirmation(Representative representative, string areaName, TimeSpan period, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(representative);
        var body = $"经公示，{Describe(representative)}确认为{areaName}议事代表，"
            + $"任期{Day(representative.TermStart)}至{Day(representative.TermEnd)}。";
        return Notice.Publish(
            NoticeKind.RepresentativeConfirmation, representative.Id, $"{areaName}议事代表确认公告", body, representative.NodeId, representative.NodePath, [], period, by, now);
    }

    /// <summary>The notice a step on a topic publishes: the decision when its vote closes, the task when it completes; none for other steps.</summary>
    public static Notice? AfterStep(TopicAction action, Topic topic, TimeSpan period, string by, DateTimeOffset now) => action switch
    {
        TopicAction.Close => Decision(topic, period, by, now),
        TopicAction.Complete => TaskCompleted(topic, period, by, now),
        _ => null,
    };

    /// <summary>The vote on a topic, passed or failed, with its exact tally.</summary>
    public static Notice Decision(Topic topic, TimeSpan period, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var outcome = topic.Status == TopicStatus.Adopted ? "通过" : "未通过";
        var voters = topic.Electorate switch { Electorate.Households => "户", Electorate.Representatives => "名议事代表", _ => "人" };
        var body = $"议题“{topic.Title}”表决{outcome}。同意{topic.YesVotes}票，反对{topic.NoVotes}票，弃权{topic.AbstainVotes}票；"
            + $"有表决权{topic.ElectorateSize}{voters}，规则：{RuleText(topic.Rule!.Value)}。";
        return Notice.Publish(NoticeKind.Decision, topic.Id, $"议题表决结果：{topic.Title}", body, topic.NodeId, topic.NodePath, [], period, by, now);
    }

    /// <summary>A decided task carried out.</summary>
    public static Notice TaskCompleted(Topic topic, TimeSpan period, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var body = $"议题“{topic.Title}”决定的事项已完成，验收标准：{topic.AcceptanceCriteria}。欢迎居民对结果评价。";
        return Notice.Publish(NoticeKind.TaskCompleted, topic.Id, $"事项完成公示：{topic.Title}", body, topic.NodeId, topic.NodePath, [], period, by, now);
    }

    /// <summary>A meeting convened, announced from now until it starts: its type, time, place or link, and the titles on its agenda.</summary>
    public static Notice MeetingConvened(Meeting meeting, IReadOnlyList<Topic> agenda, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(agenda);
        var where = string.Join("，", new[] { meeting.Place is null ? null : "地点：" + meeting.Place, meeting.OnlineLink is null ? null : "线上：" + meeting.OnlineLink }.OfType<string>());
        var body = $"定于{Moment(meeting.StartsAt)}召开{meeting.Type}“{meeting.Title}”，{where}。议题："
            + string.Join("；", agenda.Select((t, i) => $"{i + 1}. {t.Title}")) + "。欢迎居民参加。";
        return Notice.Publish(NoticeKind.MeetingConvened, meeting.Id, $"{meeting.Type}通知：{meeting.Title}", body, meeting.NodeId, meeting.NodePath, [], meeting.StartsAt - now, by, now);
    }

    /// <summary>
    /// A meeting held: attendance against its roll, each resolution with the exact tally of its vote, and the minority
    /// opinions as kept; never the speakers' names.
    /// </summary>
    public static Notice MeetingMinutes(Meeting meeting, IReadOnlyCollection<Topic> agenda, TimeSpan period, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(agenda);
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{meeting.Type}“{meeting.Title}”于{Moment(meeting.OpenedAt!.Value)}召开，")
            .Append(meeting.Roll == MeetingRoll.Open ? $"到会{meeting.Attendance}人。" : $"应到{meeting.RollSize}{RollUnit(meeting.Roll)}，实到{meeting.Attendance}{RollUnit(meeting.Roll)}。");
        foreach (var resolution in meeting.Resolutions)
        {
            var title = agenda.Single(t => t.Id == resolution.TopicId).Title;
            body.Append(CultureInfo.InvariantCulture, $"\n决议（{title}）：{resolution.Text}（同意{resolution.Yes}票，反对{resolution.No}票，弃权{resolution.Abstain}票，{(resolution.Adopted ? "通过" : "未通过")}）");
        }

        foreach (var opinion in meeting.MinorityOpinions)
        {
            body.Append("\n少数意见：").Append(opinion);
        }

        return Notice.Publish(NoticeKind.MeetingMinutes, meeting.Id, $"{meeting.Type}纪要公示：{meeting.Title}", body.ToString(), meeting.NodeId, meeting.NodePath, [], period, by, now);
    }

    /// <summary>A closed budget's result with the full tally, project by project.</summary>
    public static Notice BudgetResult(Budget budget, TimeSpan period, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"共收到有效选票{budget.BallotsCounted}张，计票规则：{(budget.Rule == BudgetRule.Greedy ? "按票数依次入选" : "平等份额法")}。")
            .Append(CultureInfo.InvariantCulture, $"预算{Budget.FormatMoney(budget.Amount)}元，入选项目合计{Budget.FormatMoney(budget.Spent ?? 0)}元。");
        foreach (var code in budget.Selected)
        {
            var project = budget.Projects.Single(p => p.Code == code);
            body.Append(CultureInfo.InvariantCulture, $"\n入选 {project.Code} {project.Title}：{Budget.FormatMoney(project.Cost)}元，{project.Votes}票");
        }

        foreach (var project in budget.Projects.Where(p => p.SelectionOrder is null))
        {
            var why = project.Reason == NotSelectedReason.NotEnoughVotes ? "票数不足" : "资金不足";
            body.Append(CultureInfo.InvariantCulture, $"\n未入选 {project.Code} {project.Title}：{Budget.FormatMoney(project.Cost)}元，{project.Votes}票（{why}）");
        }

        return Notice.Publish(NoticeKind.BudgetResult, budget.Id, $"参与式预算结果公示：{budget.Title}", body.ToString(), budget.NodeId, budget.NodePath, [], period, by, now);
    }

    private static string Describe(Representative person) =>
        $"{PersonName.Masked(person.Name)}（{SeatText(person.Seat)}{(person.Organisation is null ? "" : "，" + person.Organisation)}）";

    private static string Moment(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private static string RollUnit(MeetingRoll roll) => roll switch { MeetingRoll.Households => "户", MeetingRoll.Representatives => "名代表", _ => "人" };

    private static string Day(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string SeatText(RepresentativeSeat seat) => seat switch
    {
        RepresentativeSeat.Residents => "居民代表",
        RepresentativeSeat.LocalUnits => "驻区单位代表",
        RepresentativeSeat.SocialOrganisations => "社会组织代表",
        _ => "特邀代表",
    };

    private static string NominationText(RepresentativeNomination nomination) => nomination switch
    {
        RepresentativeNomination.PartyOrganisation => "由党组织推荐",
        RepresentativeNomination.Residents => "由居民联名推荐",
        _ => "本人自荐",
    };

    private static string RuleText(DecisionRule rule) => rule switch
    {
        DecisionRule.SimpleMajority => "同意票过投票数半数",
        DecisionRule.AbsoluteMajority => "同意票过有表决权总数半数",
        _ => "同意票达投票数三分之二",
    };
}
