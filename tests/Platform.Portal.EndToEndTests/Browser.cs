using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Platform.Portal.EndToEndTests;

/// <summary>
/// Debian's Chromium, headless, driven through Debian's chromedriver (nothing is downloaded), with a screenshot of
/// every step kept under the test output (<c>screenshots/&lt;journey&gt;/</c>) as the journey's record.
/// </summary>
public sealed class Browser : IDisposable
{
    private const string ChromiumBinary = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string DriverFile = "chromedriver";

    private const string DemoPassword = "Demo-Dev-2026!";

    private static readonly TimeSpan PatienceForPages = TimeSpan.FromSeconds(60);

    private readonly ChromeDriver _driver;
    private readonly Uri _origin;
    private readonly string _screenshots;
    private int _step;

    public Browser(Uri origin, string journey, int width = 1280, int height = 900)
    {
        _origin = origin;
        _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", journey);
        Directory.CreateDirectory(_screenshots);

        var options = new ChromeOptions { BinaryLocation = ChromiumBinary };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--lang=zh-CN", $"--window-size={width},{height}");
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, DriverFile);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _driver = new ChromeDriver(service, options, PatienceForPages);
        _driver.Manage().Timeouts().PageLoad = PatienceForPages;
        _driver.Manage().Timeouts().AsynchronousJavaScript = PatienceForPages;
        // A headless window is at least 500 px wide; a phone's viewport is set through the DevTools protocol.
        _driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 500,
        });
    }

    public IWebDriver Driver => _driver;

    public void Open(string path) => _driver.Navigate().GoToUrl(new Uri(_origin, path));

    /// <summary>Waits for the element to be shown and returns it.</summary>
    public IWebElement Find(By by) => Until<IWebElement?>($"{by} is shown", driver =>
    {
        var found = driver.FindElements(by).FirstOrDefault();
        return found is { Displayed: true } ? found : null;
    })!;

    /// <summary>Waits until the current page's path is <paramref name="path"/>.</summary>
    public void WaitForPath(string path) => Until($"the path is {path}", driver => new Uri(driver.Url).AbsolutePath == path);

    /// <summary>Waits until <paramref name="by"/> shows a text containing <paramref name="text"/>.</summary>
    public void WaitForText(By by, string text) => Until($"{by} shows '{text}'", driver =>
        driver.FindElements(by).Any(element => element.Text.Contains(text, StringComparison.Ordinal)));

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public void WaitUntil(string expectation, Func<IWebDriver, bool> condition) => Until(expectation, condition);

    /// <summary>Waits for <paramref name="condition"/>; on timeout, says where the browser is and what it shows.</summary>
    private T Until<T>(string expectation, Func<IWebDriver, T> condition)
    {
        try
        {
            var wait = new WebDriverWait(_driver, PatienceForPages);
            // A form post replaces the page while the condition reads it: an element found on the old page is then
            // stale, which means "not yet", not a failure.
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
            return wait.Until(condition);
        }
        catch (WebDriverTimeoutException timeout)
        {
            Snap("failed");
            var page = _driver.FindElements(By.TagName("body")).FirstOrDefault()?.Text;
            throw new TimeoutException($"Waited in vain for: {expectation}. At {_driver.Url}, the page shows: {page}", timeout);
        }
    }

    public void Type(By by, string text)
    {
        var field = Find(by);
        field.Clear();
        field.SendKeys(text);
    }

    public void Click(By by)
    {
        // Blazor may render the element anew between finding and clicking it (after a save, say): find it again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Find(by).Click();
                return;
            }
            catch (StaleElementReferenceException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Saves a screenshot of the page as the journey's next step.</summary>
    public void Snap(string step)
    {
        _step++;
        _driver.GetScreenshot().SaveAsFile(Path.Combine(_screenshots, $"{_step:00}-{step}.png"));
    }

    /// <summary>
    /// Opens <paramref name="page"/> signed out and signs in to <paramref name="district"/> (the demo district unless
    /// told) as <paramref name="login"/> through the portal's district question and Identity's real login page.
    /// </summary>
    public void SignIn(string page, string login, string district = "demo", string password = DemoPassword)
    {
        Open(page);
        WaitForPath("/signin");
        Snap("asked-for-district");
        Type(By.Id("district"), district);
        Click(By.CssSelector("main button[type=submit]"));

        // Identity's own login page, on the same origin.
        WaitForPath("/account/login");
        Snap("login-page");
        Type(By.Id("login"), login);
        Type(By.Id("password"), password);
        Click(By.CssSelector("button[type=submit]"));
    }

    /// <summary>Chooses <paramref name="file"/> in the file input <paramref name="by"/>, as a user picking it would.</summary>
    public void ChooseFile(By by, string file) => _driver.FindElement(by).SendKeys(file);

    /// <summary>
    /// Fetches <paramref name="path"/> from the page, with the page's cookies, and returns the answer's text: what a
    /// download link would save, without a download folder.
    /// </summary>
    public string FetchText(string path) =>
        (string)((IJavaScriptExecutor)_driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", path)!;

    /// <summary>Whether the page is wider than the viewport (a phone would scroll sideways).</summary>
    public bool ScrollsSideways() =>
        (bool)((IJavaScriptExecutor)_driver).ExecuteScript("return document.documentElement.scrollWidth > window.innerWidth;")!;

    public void Dispose() => _driver.Quit();
}
