namespace Platform.Portal.Features.Demands;

/// <summary>A demand as the plain form of a filing page posts it: the resident's own, or a caller's taken by the hotline.</summary>
public sealed class FileDemandForm
{
    /// <summary>The channels a filing page files through (wire names).</summary>
    public const string ResidentChannel = "app";
    public const string HotlineChannel = "hotline";

    /// <summary>The categories a resident picks from; workers may correct it when they classify.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["环境卫生", "物业管理", "噪音扰民", "公共设施", "道路交通", "供暖供水", "邻里纠纷", "其他"];

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public Guid? NodeId { get; set; }

    /// <summary><c>urgent</c> or <c>normal</c> (the default); the hotline sets it, residents do not.</summary>
    public string? Priority { get; set; }

    /// <summary>The request through <paramref name="channel"/>; the residents service checks every field (shape and place).</summary>
    public object ToRequest(string channel = ResidentChannel) => new
    {
        title = FormText.Trimmed(Title), description = FormText.Trimmed(Description), category = FormText.Trimmed(Category), channel, nodeId = NodeId,
        priority = FormText.Trimmed(Priority),
    };
}

/// <summary>The resident's rating at the callback (回访评价).</summary>
public sealed class CallbackForm
{
    /// <summary>The answers, by wire name, in the order the page offers them.</summary>
    public static IReadOnlyList<(string WireName, string Name)> Satisfactions { get; } =
        [("satisfied", "满意"), ("basically_satisfied", "基本满意"), ("dissatisfied", "不满意")];

    public string? Satisfaction { get; set; }

    public int? Score { get; set; }

    public string? Note { get; set; }

    public object ToRequest() => new { satisfaction = Satisfaction, score = Score, note = FormText.Trimmed(Note) };
}

/// <summary>The four stages a resident follows a demand through, from its status.</summary>
internal static class DemandProgress
{
    public static IReadOnlyList<string> Stages { get; } = ["已受理", "办理中", "已办结", "已评价结案"];

    /// <summary>The stage reached (0 to 3) by a demand in <paramref name="status"/>, <paramref name="rated"/> at the callback or not.</summary>
    public static int StageOf(string status, bool rated = false) => status switch
    {
        "closed" => 3,
        "resolved" or "unresolvable" => rated ? 3 : 2,
        "responded" or "whistled" or "in_progress" or "reopened" => 1,
        _ => 0,
    };
}

/// <summary>The residents service's public status of a demand (no personal data, no wording).</summary>
public sealed record PublicDemandStatus(string TrackingNumber, string Status, string Category, DateTimeOffset ReceivedAt, IReadOnlyList<PublicStep> Steps);

public sealed record PublicStep(string Status, DateTimeOffset At);
