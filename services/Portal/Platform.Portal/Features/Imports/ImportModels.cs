namespace Platform.Portal.Features.Imports;

// The import jobs of the districts and residents services as the portal reads them; states stay wire names.

public sealed record ImportJobView(
    Guid Id,
    string Kind,
    string FileName,
    string State,
    int RowsTotal,
    int RowsProcessed,
    int ErrorCount,
    IReadOnlyList<ImportRowError> Errors,
    string? ErrorReport,
    IReadOnlyDictionary<string, int> Summary,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt)
{
    public bool Finished => State is "succeeded" or "failed";

    public bool Succeeded => State == "succeeded";

    /// <summary>
    /// How far the job is, 0 to 100. A job that has checked every row is still writing them, so it shows 99 until it
    /// has finished: 100 % means applied (or refused), never "almost".
    /// </summary>
    public int Percent => Finished ? 100 : RowsTotal <= 0 ? 0 : Math.Min(99, (int)(100L * RowsProcessed / RowsTotal));

    public string StateName => State switch
    {
        "queued" => "排队中",
        "running" => "导入中",
        "succeeded" => "导入成功",
        "failed" => "未导入",
        _ => State,
    };
}

public sealed record ImportRowError(int Line, string Reason);

/// <summary>What the district imports from spreadsheets, by the kind's wire name in the portal's addresses.</summary>
public sealed record ImportKind(string Name, string Title, string ApiPrefix, string Columns, IReadOnlyList<(string Key, string Name)> SummaryNames)
{
    public static readonly ImportKind Territory = new(
        "territory", "区域导入（街道、社区、网格、小区、楼栋）", "/api/territory/imports",
        "kind,code,name,parent_code[,community_kind,governance_mode,households,floor_area]",
        [("added", "新增"), ("renamed", "改名"), ("moved", "移动"), ("attributesChanged", "属性变更"), ("unchanged", "未变")]);

    public static readonly ImportKind Residents = new(
        "residents", "居民导入", "/api/residents/imports",
        "name,id_number,phone,node_code,household,residence,tags（或 姓名,身份证号,手机号,楼栋单元编码,…）",
        [("added", "新增居民"), ("updated", "更新居民"), ("unchanged", "未变"), ("householdsAdded", "新增家庭户")]);

    public static ImportKind? Named(string? name) => name switch
    {
        "territory" => Territory,
        "residents" => Residents,
        _ => null,
    };

    /// <summary>The portal's page that follows a job of this kind.</summary>
    public string JobPage(Guid jobId) => $"/imports/{Name}/{jobId}";

    /// <summary>The portal's address of a job's error report, which it fetches with the user's token.</summary>
    public string ErrorReportPage(Guid jobId) => $"/imports/{Name}/{jobId}/errors.csv";
}
