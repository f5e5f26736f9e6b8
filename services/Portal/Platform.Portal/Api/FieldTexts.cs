namespace Platform.Portal.Api;

/// <summary>
/// What a request field needs, in Chinese, by its wire name. The APIs explain a refused field in English for
/// developers and give no code per field, so the portal says, for each field it shows, what a valid value is;
/// a field it has no text for gets a general message with the API's own words after it.
/// </summary>
internal static class FieldTexts
{
    private static readonly Dictionary<string, string> ByField = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "请填写标题，不超过 100 个字。",
        ["description"] = "请描述遇到的问题，不超过 2000 个字。",
        ["category"] = "请选择或填写诉求类别。",
        ["channel"] = "请选择诉求来源。",
        ["priority"] = "请选择紧急程度。",
        // A demand's place and a resident's home are both nodeId; the form's legend says which.
        ["nodeId"] = "请选择有效的地点：诉求选小区、楼栋或社区，住址选未撤销的楼栋或单元。",
        ["household"] = "请填写门牌号，不超过 20 个字。",
        ["add"] = "请只勾选列出的标签。",
        ["remove"] = "请只勾选列出的标签。",
        ["node"] = "没有找到这个区域，请填写您负责范围内区域的名称或编码。",
        ["residentId"] = "该居民不在您负责的范围内。",
        ["status"] = "请选择有效的状态。",
        ["note"] = "办理说明过长或含有不允许的字符。",
        ["assigneeType"] = "请选择承办方类型：社区、职能部门或物业公司。",
        ["assigneeId"] = "请填写承办方；派给社区时填写社区的节点编号。",
        ["departments"] = "请填写要召集的部门，多个部门用顿号或逗号分隔。",
        ["department"] = "请选择报到的部门（须是已召集、尚未报到的部门）。",
        // Both the demand that cannot be resolved and the reveal of personal data ask for one; the label says which.
        ["reason"] = "请填写原因。",
        ["satisfaction"] = "请选择满意程度：满意、基本满意或不满意。",
        ["score"] = "请打分：1 到 5 分。",
        ["identifier"] = "请填写标识：小写字母或数字开头，只含小写字母、数字和连字符。",
        ["name"] = "请填写名称。",
        ["city"] = "请填写所在城市。",
        ["adminCode"] = "请填写 6 位数字的行政区划代码。",
        ["adminLogin"] = "请填写管理员的登录名。",
        ["adminName"] = "管理员姓名过长或含有不允许的字符。",
        ["adminPassword"] = "密码至少 10 位，须含大写字母、小写字母、数字和符号。",
        ["parentId"] = "请填写新上级的编码（须在您负责的范围内，且不能是该区域自己的下级）。",
        ["attributes"] = "户数和建筑面积须为不小于 0 的数字，且该级区域可以填写。",
        ["login"] = "登录名须为 3 到 64 位字母、数字、点、下划线或连字符。",
        ["displayName"] = "请填写姓名。",
        ["password"] = "密码至少 10 位，须含大写字母、小写字母、数字和符号。",
        ["phone"] = "请填写 11 位手机号。",
        ["roles"] = "请至少选择一个角色，且只能授予您可以授予的角色。",
        ["scopeNodeId"] = "请填写您负责范围内的区域编码，或留空表示全区。",
        ["scopes"] = "请至少选择一项可使用的接口。",
        ["file"] = "请选择要导入的 CSV 或 Excel（.xlsx）文件。",
    };

    /// <summary>The Chinese message for a refused <paramref name="field"/>; <paramref name="apiMessages"/> are the API's own words.</summary>
    public static IReadOnlyList<string> Describe(string field, IReadOnlyList<string> apiMessages)
    {
        if (apiMessages.Count == 0)
        {
            return [];
        }

        return ByField.TryGetValue(BaseName(field), out var text)
            ? [text]
            : [.. apiMessages.Select(message => $"此项填写有误（{message}）")];
    }

    // tags[0] and address.street are parts of tags and address.
    private static string BaseName(string field) => field.Split('.', '[')[0];
}
