using OpenQA.Selenium;

namespace Platform.Portal.EndToEndTests;

/// <summary>A hotline call taken in the workbench, then found in the dashboard's figures and its ECharts chart, for the district and for its street chosen by name.</summary>
public sealed class WorkbenchJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public void HotlineCall_IsFiledWithATrackingNumber_AndCountsInTheDashboardsChartedRates()
    {
        using var browser = new Browser(platform.PublicOrigin, "hotline-dashboard");
        var title = $"井盖缺失 {Guid.NewGuid():N}"[..14];

        browser.SignIn("/workbench/demands/new", "demo-district-admin");
        browser.WaitForPath("/workbench/demands/new");
        browser.Type(By.Id("place"), "东湖新村");
        browser.Find(By.Id("place")).SendKeys(Keys.Enter);
        browser.WaitForText(By.CssSelector("form.file-demand"), "东湖新村（小区）");
        browser.Find(By.XPath("//label[contains(., '东湖新村（小区）')]/input")).Click();
        browser.Find(By.CssSelector("input[name='Form.Priority'][value=urgent]")).Click();
        browser.Type(By.Id("title"), title);
        browser.Type(By.Id("description"), "来电人称小区东门井盖缺失，夜间危险。");
        browser.Snap("call-taken");
        browser.Click(By.CssSelector("form.file-demand button[type=submit]"));

        browser.WaitForText(By.CssSelector("[role=status].filed"), "已受理");
        var trackingNumber = browser.Find(By.CssSelector("[data-testid=tracking-number]")).Text;
        Assert.Contains(trackingNumber, browser.Find(By.CssSelector("[role=status].filed")).Text, StringComparison.Ordinal);
        Assert.Contains("热线", browser.Find(By.TagName("main")).Text, StringComparison.Ordinal);
        browser.Snap("filed");

        browser.Open("/dashboard");
        browser.WaitForText(By.TagName("h1"), "接诉即办数据");
        // The street of the call is among today's top ten, and the rates chart is drawn by ECharts from the portal's own copy.
        browser.WaitForText(By.TagName("main"), "东湖街道");
        browser.WaitUntil("the rates chart is drawn", driver => driver.FindElements(By.CssSelector("[data-chart][data-drawn=true] svg")).Count > 0);
        browser.Snap("dashboard");

        // The street's own figures, chosen by its name; a name every compound has is offered as a choice.
        browser.Type(By.Id("place"), "东湖街道");
        browser.Find(By.Id("place")).SendKeys(Keys.Enter);
        browser.WaitForText(By.TagName("h2"), "东湖街道各下级区域");
        browser.WaitForText(By.CssSelector("table.list"), "东湖社区");
        browser.Snap("dashboard-street");
        browser.Type(By.Id("place"), "1号楼");
        browser.Find(By.Id("place")).SendKeys(Keys.Enter);
        browser.WaitForText(By.CssSelector("nav.node-choices"), "1号楼（楼栋）");
        browser.Snap("dashboard-choices");
    }
}
