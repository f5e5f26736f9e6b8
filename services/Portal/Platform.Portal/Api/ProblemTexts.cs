namespace Platform.Portal.Api;

/// <summary>
/// The Chinese message for an API's problem, by its stable code; codes without their own message get the message
/// of their status. Codes are what the APIs promise to keep, so the portal never parses their English text.
/// </summary>
internal static class ProblemTexts
{
    public const string SessionEndedCode = "portal.session_ended";
    public const string UnreachableCode = "portal.unreachable";
    public const string TimedOutCode = "portal.timed_out";

    private static readonly Dictionary<string, string> ByCode = new(StringComparer.Ordinal)
    {
        ["validation_failed"] = "提交的内容有误，请按提示修改。",
        ["tenant_suspended"] = "该区已暂停使用平台。",
        ["tenant_mismatch"] = "登录的区与访问的区不一致。",
        ["too_many_requests"] = "操作太频繁，请稍后再试。",
        ["demand.not_found"] = "没有找到这件诉求，请核对编号后再试。",
        ["districts.identifier_taken"] = "这个标识已被其他区使用，请换一个。",
        ["districts.admin_code_taken"] = "这个行政区划代码已有区在使用。",
        ["districts.not_found"] = "没有找到这个区。",
        ["districts.identity_unavailable"] = "账号服务暂时不可用，区未开通，请稍后再试。",
        ["districts.admin_not_created"] = "管理员账号未能建立，区未开通，请稍后再试。",
        ["identity.login_taken"] = "这个登录名已被使用，请换一个；如果此人已有账号，请改用邀请。",
        ["imports.file_too_large"] = "文件太大，请拆分后分别导入。",
        ["imports.job_not_found"] = "没有找到这次导入。",
        // The residents service's codes are singular: resident.…, household.…
        ["resident.not_found"] = "没有找到这位居民，或其不在您负责的范围内。",
        ["household.not_found"] = "没有找到这一户，或其不在您负责的范围内。",
        ["household.number_taken"] = "这个门牌号已有另一户居住，请核对门牌号。",
        ["personal_data.reveal_forbidden"] = "您的角色只能查看打码后的个人信息。",
        [SessionEndedCode] = "登录已过期，请重新登录。",
        [UnreachableCode] = "暂时无法连接服务，请稍后再试。",
        [TimedOutCode] = "服务响应超时。如果是提交，请先查看是否已经提交成功，再决定是否重试。",
    };

    public static string Describe(string code, int status) =>
        ByCode.TryGetValue(code, out var text) ? text : status switch
        {
            StatusCodes.Status400BadRequest => "提交的内容有误。",
            StatusCodes.Status401Unauthorized => ByCode[SessionEndedCode],
            StatusCodes.Status403Forbidden => "您没有权限执行此操作。",
            StatusCodes.Status404NotFound => "未找到要访问的内容。",
            StatusCodes.Status409Conflict => "当前状态下不能执行此操作。",
            StatusCodes.Status413PayloadTooLarge => "文件太大。",
            StatusCodes.Status429TooManyRequests => ByCode["too_many_requests"],
            _ => "服务暂时出错，请稍后再试。",
        };
}
