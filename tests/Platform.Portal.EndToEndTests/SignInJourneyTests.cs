using OpenQA.Selenium;

namespace Platform.Portal.EndToEndTests;

public sealed class SignInJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public void SignIn_ThroughTheRealLoginPage_LandsOnTheHomePageOfTheDistrict()
    {
        using var browser = new Browser(platform.PublicOrigin, "sign-in");

        browser.SignIn("/", "demo-district-admin");

        browser.WaitForPath("/");
        browser.WaitForText(By.TagName("h1"), "您好");
        browser.Snap("home");
        Assert.Equal("demo", browser.Find(By.CssSelector("[data-testid=tenant]")).Text);
        // The session is an HttpOnly cookie: the page's scripts can read neither it nor any token.
        var cookies = (string)((IJavaScriptExecutor)browser.Driver).ExecuteScript("return document.cookie;")!;
        Assert.DoesNotContain("gongzhi.portal", cookies, StringComparison.Ordinal);

        browser.Open("/workbench/demands");
        browser.WaitForText(By.TagName("h1"), "诉求工作台");
        browser.Snap("workbench");

        browser.Click(By.CssSelector(".sign-out button"));
        browser.WaitForPath("/signin");
        browser.WaitForText(By.CssSelector("[role=status]"), "您已安全退出");
        browser.Snap("signed-out");
        // Signed out at the token server too: a page that needs a session asks for the district and the password again.
        browser.Open("/workbench/demands");
        browser.WaitForPath("/signin");
    }

    [Fact]
    public void OpenBackOfficePage_AsResident_ShowsTheForbiddenPage()
    {
        using var browser = new Browser(platform.PublicOrigin, "resident-forbidden", width: 360, height: 780);

        browser.SignIn("/workbench/demands", "demo-resident");

        browser.WaitForPath("/forbidden");
        browser.WaitForText(By.TagName("h1"), "无权访问");
        browser.Snap("forbidden");
    }
}
