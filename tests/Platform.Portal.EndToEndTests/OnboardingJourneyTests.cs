using System.Globalization;
using System.Text;
using OpenQA.Selenium;
using Platform.PersonalData;

namespace Platform.Portal.EndToEndTests;

/// <summary>
/// A district's onboarding as its people do it in the portal: the operator opens the district, its admin imports the
/// territory and the residents and watches each job to its end, then reveals a resident's data with a reason and finds
/// that read in the audit trail.
/// </summary>
public sealed class OnboardingJourneyTests(BrowserPlatform platform)
{
    // Codes and names of this run, so that journeys run again against the same platform never collide.
    private static readonly string Run = Random.Shared.Next(100, 1000).ToString(CultureInfo.InvariantCulture);

    // A building of the demo district's sample tree.
    private const string DemoBuilding = "110199001001C01B01";

    [Fact]
    public void OnboardDistrict_AsOperator_ListsItAndSuspendsAndReactivatesIt()
    {
        using var browser = new Browser(platform.PublicOrigin, "onboard-district");
        var identifier = $"e2e-{Run}";

        browser.SignIn("/districts/new", "operator", district: "system", password: "Operator-Dev-2026!");
        browser.WaitForPath("/districts/new");
        browser.Type(By.Id("identifier"), identifier);
        browser.Type(By.Id("name"), $"测试{Run}区");
        browser.Type(By.Id("city"), "北京市");
        browser.Type(By.Id("adminCode"), $"9{Run}00");
        browser.Type(By.Id("adminLogin"), $"{identifier}-admin");
        // Too weak: the refusal comes back from Identity through the districts service, next to the field.
        browser.Type(By.Id("adminPassword"), "short");
        browser.Click(By.CssSelector("main form button[type=submit]"));
        browser.WaitForText(By.Id("problem-adminPassword"), "密码至少 10 位");
        browser.Snap("weak-password-refused");

        browser.Type(By.Id("adminPassword"), "E2e-Admin-2026!");
        browser.Click(By.CssSelector("main form button[type=submit]"));
        browser.WaitForPath("/districts");
        browser.WaitForText(By.CssSelector("[role=status]"), $"已开通 {identifier}");
        browser.Snap("onboarded");

        var row = By.CssSelector($"tr[data-district='{identifier}']");
        browser.Type(By.Id("q"), identifier);
        browser.Click(By.CssSelector("main form[method=get] button[type=submit]"));
        browser.WaitForText(row, "使用中");
        browser.Click(By.CssSelector($"tr[data-district='{identifier}'] button[type=submit]"));
        browser.WaitForText(row, "已暂停");
        browser.Snap("suspended");
        browser.Click(By.CssSelector($"tr[data-district='{identifier}'] button[type=submit]"));
        browser.WaitForText(row, "使用中");
    }

    [Fact]
    public void ImportTerritory_WatchesTheProgressToTheEnd_AndShowsWhatWasAdded()
    {
        using var browser = new Browser(platform.PublicOrigin, "territory-import");
        var street = $"1101990{Run}00";
        var (community, grid) = ($"{street}C1", $"{street}G1");
        var lines = new List<string>
        {
            "kind,code,name,parent_code,community_kind,governance_mode,households,floor_area",
            $"street,{street},测试{Run}街道,,,,,",
            $"community,{community},测试{Run}社区,{street},老旧小区,,,",
            $"grid,{grid},第一网格,{community},,,,",
        };
        for (var compound = 1; compound <= 3; compound++)
        {
            var code = $"{grid}C{compound}";
            lines.Add($"compound,{code},测试{Run}第{compound}小区,{grid},,,,");
            lines.AddRange(Enumerable.Range(1, 5).Select(building => $"building,{code}B{building},{building}号楼,{code},,,24,1560"));
        }

        browser.SignIn("/imports/territory", "demo-district-admin");
        browser.WaitForPath("/imports/territory");
        browser.ChooseFile(By.Id("file"), WriteFile("territory.csv", lines));
        browser.Snap("file-chosen");
        browser.Click(By.CssSelector("main form button[type=submit]"));

        // The job's page follows the job live; the bar ends full, on the same page, with the summary.
        browser.WaitUntil("the job's page", driver => new Uri(driver.Url).AbsolutePath.StartsWith("/imports/territory/", StringComparison.Ordinal));
        var jobPage = browser.Driver.Url;
        // The page is connected, so it follows the job rather than standing where its first rendering found it.
        browser.WaitUntil("the job's page is live", driver => driver.FindElements(By.CssSelector("[data-live=true]")).Count == 1);
        browser.WaitForText(By.CssSelector("[data-testid=import-state]"), "导入成功");
        Assert.Equal("100", browser.Find(By.CssSelector("[role=progressbar]")).GetAttribute("aria-valuenow"));
        Assert.Equal(jobPage, browser.Driver.Url);
        browser.WaitForText(By.CssSelector("[data-testid=import-summary]"), "新增：21");
        browser.Snap("territory-imported");
    }

    [Fact]
    public void ImportResidents_WithOneBadLine_ShowsThatLinesReason_ThenTheFixedFileImportsAndARevealIsAudited()
    {
        using var browser = new Browser(platform.PublicOrigin, "resident-import");
        var name = $"测试居民{Run}";
        var (idNumber, neighbour) = (IdNumber(1), IdNumber(2));
        var wrongCheck = neighbour[..^1] + (neighbour[^1] == '0' ? '1' : '0');
        const string header = "姓名,身份证号,手机号,楼栋单元编码,门牌号,户籍类型,标签";

        browser.SignIn("/imports/residents", "demo-district-admin");
        browser.WaitForPath("/imports/residents");
        browser.ChooseFile(By.Id("file"), WriteFile("residents-bad.csv", [header, $"{name},{idNumber},13912340{Run},{DemoBuilding},101,户籍,独居", $"{name}邻居,{wrongCheck},,{DemoBuilding},102,户籍,"]));
        browser.Click(By.CssSelector("main form button[type=submit]"));

        browser.WaitForText(By.CssSelector("[data-testid=import-state]"), "未导入");
        browser.WaitForText(By.CssSelector(".import-errors tbody tr"), "3");
        var refused = browser.Find(By.CssSelector(".import-errors tbody tr")).Text;
        Assert.StartsWith("3", refused, StringComparison.Ordinal);
        Assert.Single(browser.Driver.FindElements(By.CssSelector(".import-errors tbody tr")));
        browser.Snap("bad-line-refused");
        // The downloadable report holds the same line, fetched through the portal with the user's session.
        var report = browser.FetchText(new Uri(browser.Find(By.LinkText("下载全部错误（CSV）")).GetAttribute("href")!).AbsolutePath);
        Assert.StartsWith("line,reason", report.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(report.Split('\n'), line => line.StartsWith("3,", StringComparison.Ordinal));

        browser.Open("/imports/residents");
        browser.ChooseFile(By.Id("file"), WriteFile("residents.csv", [header, $"{name},{idNumber},13912340{Run},{DemoBuilding},101,户籍,独居", $"{name}邻居,{neighbour},,{DemoBuilding},102,户籍,"]));
        browser.Click(By.CssSelector("main form button[type=submit]"));
        browser.WaitForText(By.CssSelector("[data-testid=import-state]"), "导入成功");
        browser.WaitForText(By.CssSelector("[data-testid=import-summary]"), "新增居民：2");
        browser.Snap("residents-imported");

        // The registry shows the resident masked; the dialog asks why before showing the ID number in clear.
        browser.Open($"/residents?q={Uri.EscapeDataString(idNumber)}");
        browser.Click(By.LinkText(name));
        browser.WaitForText(By.CssSelector("[data-testid=id-number]"), "***********");
        browser.Click(By.XPath("//button[text()='查看完整信息']"));
        var reason = $"低保复核{Run}";
        browser.Type(By.Id("reveal-reason"), reason);
        browser.Snap("reveal-dialog");
        browser.Click(By.XPath("//button[text()='确认查看']"));
        browser.WaitForText(By.CssSelector("[data-testid=id-number]"), idNumber);
        browser.Snap("revealed");

        browser.Open("/audit");
        browser.WaitForText(By.CssSelector("[data-testid=reveals]"), reason);
        browser.Snap("audit");
    }

    private static string IdNumber(int person)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"1101051980010{person}{Run}");
        return body + ChineseIdNumber.CheckCharacter(body);
    }

    private static string WriteFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gongzhi-e2e-{Run}-{name}");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
