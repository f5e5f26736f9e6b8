using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Platform.Portal.EndToEndTests;

/// <summary>
/// A demand's whole life through the portal: a resident files it on a phone, a worker walks it through (吹哨 and
/// 报到 included), the resident rates it, and anyone finds its progress by tracking number without signing in.
/// </summary>
public sealed class ResidentDemandJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public void FileWalkRateAndTrack_OnAPhoneAndTheWorkbench_EveryStepShowsWhereTheDemandIs()
    {
        var title = $"楼道灯坏了 {Guid.NewGuid():N}"[..16];
        using var resident = new Browser(platform.PublicOrigin, "resident-demand", width: 360, height: 780);
        resident.SignIn("/my/demands/new", "demo-resident");
        resident.WaitForPath("/my/demands/new");

        // Large text for the elderly, then the place, then the problem: plain forms, typed and submitted by keyboard.
        resident.Click(By.CssSelector(".top-bar .text-size"));
        resident.WaitForText(By.CssSelector(".top-bar .text-size"), "标准字号");
        resident.Type(By.Id("place"), "东湖新村");
        resident.Find(By.Id("place")).SendKeys(Keys.Enter);
        resident.WaitForText(By.CssSelector("form.file-demand"), "东湖新村（小区）");
        resident.Snap("place-found");
        resident.Find(By.XPath("//label[contains(., '东湖新村（小区）')]/input")).SendKeys(Keys.Space);
        resident.Type(By.Id("title"), title);
        resident.Type(By.Id("description"), "三楼楼道灯不亮，晚上看不见台阶。");
        Assert.False(resident.ScrollsSideways());
        resident.Snap("filled-in");
        resident.Find(By.CssSelector("form.file-demand button[type=submit]")).SendKeys(Keys.Enter);

        resident.WaitForText(By.CssSelector("[role=status].filed"), "已提交");
        var trackingNumber = resident.Find(By.CssSelector("[data-testid=tracking-number]")).Text;
        var demandPath = new Uri(resident.Driver.Url).AbsolutePath;
        Assert.False(resident.ScrollsSideways());
        resident.Snap("filed");

        using (var worker = new Browser(platform.PublicOrigin, "worker-walks-demand"))
        {
            worker.SignIn("/workbench/demands", "demo-district-admin");
            worker.WaitForText(By.TagName("h1"), "诉求工作台");
            worker.Click(By.LinkText(trackingNumber));
            worker.WaitForText(By.CssSelector("[data-testid=tracking-number]"), trackingNumber);
            Act(worker, "classify", "已分类");
            new SelectElement(worker.Find(By.Id("action-assignee-type"))).SelectByValue("department");
            worker.Type(By.Id("action-assignee-id"), "城管");
            Act(worker, "assign", "已派单");
            Act(worker, "respond", "已响应");
            worker.Type(By.Id("action-departments"), "城管、供电所");
            Act(worker, "whistle", "已吹哨");
            Assert.Equal(2, worker.Driver.FindElements(By.CssSelector("#action-department option")).Count);
            // Each department checks in (报到) in turn; the status stays until the work starts.
            worker.Click(By.CssSelector("button[value=checkin]"));
            worker.WaitForText(By.CssSelector(".summons"), "已报到");
            worker.Click(By.CssSelector("button[value=checkin]"));
            worker.WaitUntil("every summoned department checked in", driver => !driver.FindElement(By.CssSelector(".summons")).Text.Contains("未报到", StringComparison.Ordinal));
            worker.Snap("checked-in");
            Act(worker, "start", "办理中");
            Act(worker, "resolve", "已办结");
        }

        resident.Open(demandPath);
        resident.WaitForText(By.CssSelector("#rate"), "请评价办理结果");
        resident.Snap("asked-to-rate");
        // By keyboard: space picks a radio button, Enter on the button submits.
        resident.Find(By.CssSelector("input[name='Form.Satisfaction'][value=satisfied]")).SendKeys(Keys.Space);
        resident.Find(By.CssSelector("input[name='Form.Score'][value='5']")).SendKeys(Keys.Space);
        resident.Find(By.CssSelector("#rate button[type=submit]")).SendKeys(Keys.Enter);
        resident.WaitForText(By.CssSelector("[role=status].rated"), "感谢您的评价");
        resident.WaitForText(By.TagName("main"), "您的评价：满意，5 分");
        Assert.Equal("3", resident.Find(By.CssSelector(".progress-steps")).GetAttribute("data-stage"));
        Assert.False(resident.ScrollsSideways());
        resident.Snap("rated");

        using var anyone = new Browser(platform.PublicOrigin, "public-tracking", width: 360, height: 780);
        anyone.Open("/track");
        anyone.Type(By.Id("number"), trackingNumber);
        anyone.Find(By.Id("number")).SendKeys(Keys.Enter);
        anyone.WaitForText(By.CssSelector("[data-testid=tracked]"), "已办结");
        var tracked = anyone.Find(By.CssSelector("[data-testid=tracked]")).Text;
        Assert.Contains("已吹哨", tracked, StringComparison.Ordinal);
        // The public page shows the progress, never the resident's own words.
        Assert.DoesNotContain(title, tracked, StringComparison.Ordinal);
        Assert.False(anyone.ScrollsSideways());
        anyone.Snap("tracked");
    }

    [Fact]
    public void FileDemand_WithoutATitle_TheRefusalIsShownInChineseUnderTheField()
    {
        using var resident = new Browser(platform.PublicOrigin, "resident-demand-refused", width: 360, height: 780);
        resident.SignIn("/my/demands/new?place=东湖新村", "demo-resident");
        resident.WaitForText(By.CssSelector("form.file-demand"), "东湖新村（小区）");
        resident.Find(By.XPath("//label[contains(., '东湖新村（小区）')]/input")).Click();
        // The browser's own check would stop an empty title; a blank one reaches the API, which refuses it.
        resident.Type(By.Id("title"), "   ");
        resident.Click(By.CssSelector("form.file-demand button[type=submit]"));

        resident.WaitForText(By.Id("problem-title"), "请填写标题");
        resident.Snap("refused");
    }

    /// <summary>Presses the action's button on the demand's page and waits for the status it leads to.</summary>
    private static void Act(Browser worker, string action, string status)
    {
        worker.Click(By.CssSelector($"button[value={action}]"));
        worker.WaitForText(By.CssSelector("[data-testid=status]"), status);
        worker.Snap(action);
    }
}
