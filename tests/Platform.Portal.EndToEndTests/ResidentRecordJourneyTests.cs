using System.Globalization;
using System.Text;
using OpenQA.Selenium;
using Platform.PersonalData;

namespace Platform.Portal.EndToEndTests;

/// <summary>A community's record kept in the portal: a resident's tags changed, the resident moved on their own, then their household moved whole.</summary>
public sealed class ResidentRecordJourneyTests(BrowserPlatform platform)
{
    private static readonly string Run = Random.Shared.Next(100, 1000).ToString(CultureInfo.InvariantCulture);

    // 东湖新村 1号楼 of the demo district's sample tree.
    private const string DemoBuilding = "110199001001C01B01";

    [Fact]
    public void TagsAndMoves_AsDistrictAdmin_AreShownOnTheCardAndTheHouseholdPage()
    {
        using var browser = new Browser(platform.PublicOrigin, "resident-record");
        var name = $"迁居测试{Run}";
        var body = string.Create(CultureInfo.InvariantCulture, $"1101051985020{Run}3");
        var idNumber = body + ChineseIdNumber.CheckCharacter(body);

        browser.SignIn("/imports/residents", "demo-district-admin");
        browser.WaitForPath("/imports/residents");
        var file = Path.Combine(Path.GetTempPath(), $"gongzhi-e2e-record-{Run}.csv");
        File.WriteAllText(file, $"姓名,身份证号,手机号,楼栋单元编码,门牌号,户籍类型,标签\r\n{name},{idNumber},,{DemoBuilding},6{Run},户籍,\r\n", new UTF8Encoding(false));
        browser.ChooseFile(By.Id("file"), file);
        browser.Click(By.CssSelector("main form button[type=submit]"));
        browser.WaitForText(By.CssSelector("[data-testid=import-state]"), "导入成功");

        browser.Open($"/residents?q={Uri.EscapeDataString(idNumber)}");
        browser.Click(By.LinkText(name));
        browser.WaitForText(By.TagName("h1"), name);
        var card = new Uri(browser.Driver.Url).AbsolutePath;
        browser.Click(By.LinkText("修改标签"));
        browser.WaitForPath($"{card}/tags");
        browser.Click(By.CssSelector("input[name='Form.Tags'][value=low-income]"));
        browser.Click(By.CssSelector("input[name='Form.Tags'][value=living-alone]"));
        browser.Snap("tags-ticked");
        browser.Click(By.CssSelector("main form button[type=submit]"));
        browser.WaitForText(By.CssSelector("[role=status]"), "标签已保存");
        browser.WaitForText(By.CssSelector("[data-testid=tags]"), "低保");
        Assert.Contains("独居", browser.Find(By.CssSelector("[data-testid=tags]")).Text, StringComparison.Ordinal);
        browser.Snap("tagged");

        // The resident alone, to another compound's building: found by the compound's name, the unit chosen below it.
        browser.Click(By.LinkText("迁移住址"));
        browser.Type(By.Id("place"), "东湖花园二");
        browser.Find(By.Id("place")).SendKeys(Keys.Enter);
        browser.WaitForText(By.CssSelector("form.move-home"), "东湖花园二 2号楼 1单元");
        browser.Find(By.XPath("//label[contains(., '东湖花园二 2号楼 1单元')]/input")).Click();
        browser.Type(By.Id("household"), $"7{Run}");
        browser.Snap("move-chosen");
        browser.Click(By.CssSelector("form.move-home button[type=submit]"));
        browser.WaitForText(By.CssSelector("[role=status]"), "住址已迁移");
        browser.WaitForText(By.TagName("main"), $"7{Run}");
        browser.Snap("moved");

        // Then the whole household, keeping its door number, to 东湖新村 3号楼.
        browser.Click(By.LinkText("本户及整户迁移"));
        browser.WaitForText(By.CssSelector("[data-testid=household-members]"), name);
        browser.Type(By.Id("place"), "110199001001C01B03");
        browser.Find(By.Id("place")).SendKeys(Keys.Enter);
        browser.WaitForText(By.CssSelector("form.move-home"), "3号楼");
        Assert.Equal($"7{Run}", browser.Find(By.Id("household")).GetAttribute("value"));
        browser.Click(By.CssSelector("form.move-home button[type=submit]"));
        browser.WaitForText(By.CssSelector("[role=status]"), "已整户迁移");
        browser.WaitForText(By.TagName("h1"), $"3号楼 7{Run}");
        browser.Snap("household-moved");
    }
}
