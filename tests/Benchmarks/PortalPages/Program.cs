using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Platform.PersonalData;
using Platform.Testing;
using Platform.Testing.AppHost;

// The portal measured in Debian's Chromium against the whole platform (issue 16): the demands list's first 50 rows
// and the dashboard of a street after N demands in it, the portal's memory per open interactive session, and the
// share of each page's server time spent in the portal rather than in the APIs it calls.
var demands = Option("--demands", 100_000);
var sessions = Option("--sessions", 20);
const int Rounds = 5;
const string Login = "demo-district-admin", Password = "Demo-Dev-2026!";

// Resolves once the table has its first rows (at most 50 a page), with performance.now() at that moment.
const string ListShownScript = """
    const done = arguments[arguments.length - 1];
    const check = () => document.readyState !== 'loading' && document.querySelectorAll('table.list tbody tr').length > 0
        ? done(performance.now()) : requestAnimationFrame(check);
    check();
    """;

// Resolves once every chart on the page has been drawn by ECharts (charts.js marks it data-drawn).
const string ChartsDrawnScript = """
    const done = arguments[arguments.length - 1];
    const check = () => {
      const charts = document.querySelectorAll('[data-chart]');
      return document.readyState === 'complete' && charts.length > 0 && [...charts].every(c => c.dataset.drawn === 'true')
        ? done(performance.now()) : requestAnimationFrame(check);
    };
    check();
    """;

var data = Path.Combine(Path.GetTempPath(), $"gongzhi-portal-bench-{Guid.NewGuid():N}");
Console.WriteLine("Starting the platform (AppHost: PostgreSQL, RabbitMQ, every service, the gateway, the portal)…");
await using var platform = await RunningPlatform.StartAsync<Projects.Platform_AppHost>(data, CancellationToken.None);
var origin = platform.GetEndpoint("gateway", "http");
using var api = new HttpClient { BaseAddress = origin, Timeout = TimeSpan.FromMinutes(2) };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());

// The demo tree's 东湖街道 and the places under it where the demands are filed.
var street = await NodeAsync("110199001000");
var places = (await api.GetFromJsonAsync<JsonElement>("/api/territory/nodes?q=110199001001C&pageSize=100")).GetProperty("items")
    .EnumerateArray().Where(n => n.GetProperty("kind").GetString() is "compound" or "building").Select(n => n.GetProperty("id").GetGuid()).ToArray();

Console.WriteLine($"Filing {demands:N0} demands in 东湖街道 through the gateway…");
var filing = Stopwatch.StartNew();
await Parallel.ForAsync(0, demands, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await FileAsync(i));
Console.WriteLine($"  filed in {filing.Elapsed.TotalSeconds:N0} s ({demands / filing.Elapsed.TotalSeconds:N0}/s)");

using var browser = Chromium();
SignIn();

var list = Measure("/workbench/demands", ListShownScript);
var listApi = await TimeApiAsync(() => [api.GetAsync("/api/demands?page=1&pageSize=50")]);
var dashboardPath = $"/dashboard?node={street}&place=%E4%B8%9C%E6%B9%96%E8%A1%97%E9%81%93";
var dashboard = Measure(dashboardPath, ChartsDrawnScript);
var window = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-30).ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture))}";
var dashboardApi = await TimeApiAsync(() =>
[
    api.GetAsync($"/api/territory/nodes/{street}"), api.GetAsync($"/api/demands/metrics?node={street}&{window}"), api.GetAsync($"/api/demands/hotspots?{window}"),
    api.GetAsync("/api/demands/rankings/daily"), api.GetAsync("/api/demands/rankings/monthly"),
]);
var perSession = await MemoryPerSessionAsync();

Console.WriteLine();
Console.WriteLine($"Demands in the district: {demands:N0} (all in 东湖街道); medians of {Rounds} navigations after one warm-up");
Report("demands list, first 50 rows shown", list.Shown, 1_000);
Report("street dashboard, every chart drawn", dashboard.Shown, 2_000);
Console.WriteLine($"  {"portal memory per interactive session",-40} {perSession / 1024.0,8:N0} KB   target < 1,024 KB   {(perSession < 1024 * 1024 ? "met" : "NOT met")}");
Ratio("demands list", list.Server, listApi);
Ratio("street dashboard", dashboard.Server, dashboardApi);
return list.Shown < 1_000 && dashboard.Shown < 2_000 && perSession < 1024 * 1024 ? 0 : 1;

async Task<string> TokenAsync()
{
    using var token = await new HttpClient { BaseAddress = origin }.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = Login, ["password"] = Password, ["tenant"] = "demo", ["scope"] = "api",
    }));
    token.EnsureSuccessStatusCode();
    return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
}

async Task<Guid> NodeAsync(string code) =>
    (await api.GetFromJsonAsync<JsonElement>($"/api/territory/nodes?q={code}")).GetProperty("items").EnumerateArray()
        .Single(n => n.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

async Task FileAsync(int i)
{
    string[] categories = ["环境卫生", "公共设施", "噪音扰民", "物业服务", "治安秩序"];
    var body = new { title = $"基准诉求 {i}", description = "portal benchmark", category = categories[i % categories.Length], channel = "hotline", nodeId = places[i % places.Length] };
    for (var attempt = 0; ; attempt++)
    {
        using var response = await api.PostAsJsonAsync("/api/demands", body);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 50)
        {
            await Task.Delay(200);
            continue;
        }

        response.EnsureSuccessStatusCode();
        return;
    }
}

ChromeDriver Chromium()
{
    var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
    options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--lang=zh-CN", "--window-size=1280,900");
    var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
    service.SuppressInitialDiagnosticInformation = true;
    return new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
}

void SignIn()
{
    browser.Navigate().GoToUrl(new Uri(origin, "/session/signin?district=demo&returnUrl=%2F"));
    Until(d => new Uri(d.Url).AbsolutePath == "/account/login");
    browser.FindElement(By.Id("login")).SendKeys(Login);
    browser.FindElement(By.Id("password")).SendKeys(Password);
    browser.FindElement(By.CssSelector("button[type=submit]")).Click();
    Until(d => new Uri(d.Url).AbsolutePath == "/");
}

// Navigates to path Rounds + 1 times; per round, milliseconds from navigation start until the script says the page is
// shown, and the server's time (request sent to first byte), the portal's work and the API calls it waits for.
(double Shown, double Server) Measure(string path, string shownScript)
{
    var shown = new List<double>();
    var server = new List<double>();
    for (var round = 0; round <= Rounds; round++)
    {
        browser.Navigate().GoToUrl(new Uri(origin, path));
        var at = Convert.ToDouble(((IJavaScriptExecutor)browser).ExecuteAsyncScript(shownScript), CultureInfo.InvariantCulture);
        var timing = (IReadOnlyDictionary<string, object>)((IJavaScriptExecutor)browser).ExecuteScript(
            "const n = performance.getEntriesByType('navigation')[0]; return { requestStart: n.requestStart, responseStart: n.responseStart };")!;
        if (round > 0)
        {
            shown.Add(at);
            server.Add(Convert.ToDouble(timing["responseStart"], CultureInfo.InvariantCulture) - Convert.ToDouble(timing["requestStart"], CultureInfo.InvariantCulture));
        }
    }

    return (Median(shown), Median(server));
}

// The API calls a page makes, made directly with the same token (a page's calls run in parallel): median milliseconds.
async Task<double> TimeApiAsync(Func<Task<HttpResponseMessage>[]> calls)
{
    var times = new List<double>();
    for (var round = 0; round <= Rounds; round++)
    {
        var watch = Stopwatch.StartNew();
        foreach (var response in await Task.WhenAll(calls()))
        {
            response.EnsureSuccessStatusCode();
            response.Dispose();
        }

        if (round > 0)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    return Median(times);
}

// Opens one resident's card (an interactive page, one live circuit each) in `sessions` tabs and divides the growth of
// the portal process's resident memory by their number.
async Task<double> MemoryPerSessionAsync()
{
    var body = string.Create(CultureInfo.InvariantCulture, $"11010519700101{Random.Shared.Next(100, 999)}");
    using var registered = await api.PostAsJsonAsync("/api/residents", new
    {
        name = "基准居民", idNumber = body + ChineseIdNumber.CheckCharacter(body), nodeId = await NodeAsync("110199001001C01B01"), household = "101",
    });
    registered.EnsureSuccessStatusCode();
    var card = $"/residents/{(await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}";
    var portal = PortalProcessId();

    browser.Navigate().GoToUrl(new Uri(origin, card));
    WaitInteractive();
    await Task.Delay(TimeSpan.FromSeconds(3));
    var before = ResidentBytes(portal);
    for (var tab = 0; tab < sessions; tab++)
    {
        browser.SwitchTo().NewWindow(WindowType.Tab);
        browser.Navigate().GoToUrl(new Uri(origin, card));
        WaitInteractive();
    }

    await Task.Delay(TimeSpan.FromSeconds(5));
    var after = ResidentBytes(portal);
    Console.WriteLine($"  portal process {portal}: {before / 1048576.0:N1} MB with one session, {after / 1048576.0:N1} MB with {sessions + 1}");
    return (double)(after - before) / sessions;
}

int PortalProcessId() =>
    platform.ResourceNotifications.TryGetCurrentState("portal", out var state)
    && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
        ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
        : throw new InvalidOperationException("The portal's process id is not known.");

static long ResidentBytes(int pid) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

// The card's reveal button answers clicks once the circuit is up: Blazor has then rendered it interactively.
void WaitInteractive() => Until(d => (bool)((IJavaScriptExecutor)d).ExecuteScript("return !!(window.Blazor && document.querySelector('h1'));")!);

void Until(Func<IWebDriver, bool> condition) => new OpenQA.Selenium.Support.UI.WebDriverWait(browser, TimeSpan.FromMinutes(2)).Until(condition);

static double Median(List<double> values) => Percentiles.Of([.. values.Order()], 0.5);

static void Report(string what, double milliseconds, double target) =>
    Console.WriteLine($"  {what,-40} {milliseconds,8:N0} ms   target < {target:N0} ms   {(milliseconds < target ? "met" : "NOT met")}");

static void Ratio(string page, double server, double apis) =>
    Console.WriteLine($"  {page + ": server time",-40} {server,8:N0} ms, of which the APIs {apis:N0} ms: portal {Math.Max(0, server - apis):N0} ms ({Math.Max(0, server - apis) / Math.Max(apis, 1):P0} of the API time)");

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
