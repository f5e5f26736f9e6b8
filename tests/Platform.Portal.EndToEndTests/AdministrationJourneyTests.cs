using System.Globalization;
using OpenQA.Selenium;

namespace Platform.Portal.EndToEndTests;

/// <summary>A district admin finds their way in the territory tree, gives a new member two roles in one community and registers a machine client whose secret is shown once.</summary>
public sealed class AdministrationJourneyTests(BrowserPlatform platform)
{
    // The demo district's 东湖社区.
    private const string CommunityCode = "110199001001";

    [Fact]
    public void TreeUsersAndClients_AsDistrictAdmin_ShowWhatWasGivenAndTheSecretOnlyOnce()
    {
        using var browser = new Browser(platform.PublicOrigin, "administration");
        var run = Random.Shared.Next(1000, 10_000).ToString(CultureInfo.InvariantCulture);

        browser.SignIn("/territory", "demo-district-admin");
        browser.WaitForPath("/territory");
        browser.Click(By.LinkText("东湖街道（街道）"));
        browser.WaitForText(By.TagName("h2"), "东湖街道（街道）");
        browser.WaitForText(By.CssSelector("ul.tree"), "东湖社区（社区）");
        browser.Snap("street");

        browser.Open("/users/new");
        browser.Type(By.Id("login"), $"e2e.worker{run}");
        browser.Type(By.Id("displayName"), $"测试社工{run}");
        browser.Type(By.Id("password"), "E2e-Worker-2026!");
        browser.Click(By.CssSelector("input[name='Form.Roles'][value=community-worker]"));
        browser.Click(By.CssSelector("input[name='Form.Roles'][value=party-member]"));
        browser.Type(By.Id("scopeCode"), CommunityCode);
        browser.Click(By.CssSelector("main form button[type=submit]"));
        browser.WaitForText(By.CssSelector("[role=status]"), "已建立");
        Assert.Equal("社区工作者、党员", browser.Find(By.CssSelector("[data-testid=roles]")).Text);
        browser.WaitForText(By.CssSelector(".facts"), "东湖社区（社区）");
        browser.Snap("member-created");

        browser.Open("/clients");
        browser.Type(By.Id("displayName"), $"测试物业{run}");
        browser.Click(By.CssSelector("input[name='Form.Scopes'][value=property]"));
        browser.Click(By.XPath("//button[text()='登记']"));
        browser.WaitForText(By.CssSelector("[data-testid=client-secret]"), "密钥只显示这一次");
        var secret = browser.Find(By.Id("client-secret")).Text;
        Assert.True(secret.Length >= 32, "a secret is shown");
        browser.Snap("client-registered");
        browser.Open("/clients");
        browser.WaitForText(By.CssSelector("table.list"), $"测试物业{run}");
        Assert.DoesNotContain(secret, browser.Find(By.TagName("body")).Text, StringComparison.Ordinal);
    }
}
