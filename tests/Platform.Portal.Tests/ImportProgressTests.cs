using Bunit;
using Platform.Portal.Components.Imports;
using Platform.Portal.Features.Imports;

namespace Platform.Portal.Tests;

/// <summary>The import job's progress as its page shows it while the job runs and once it has finished.</summary>
public sealed class ImportProgressTests : PortalComponentTests
{
    private static ImportJobView Job(string state, int total, int processed, IReadOnlyList<ImportRowError>? errors = null, int? errorCount = null,
        IReadOnlyDictionary<string, int>? summary = null) => new(
        Guid.NewGuid(), "residents", "居民.csv", state, total, processed, errorCount ?? errors?.Count ?? 0, errors ?? [],
        errors is { Count: > 0 } ? "/api/residents/imports/x/errors" : null, summary ?? new Dictionary<string, int>(), DateTimeOffset.UtcNow, null);

    private IRenderedComponent<ImportProgress> Show(ImportJobView job) =>
        Render<ImportProgress>(p => p.Add(c => c.Job, job).Add(c => c.Kind, ImportKind.Residents));

    private static string Percent(IRenderedComponent<ImportProgress> shown) => shown.Find("[role=progressbar]").GetAttribute("aria-valuenow")!;

    [Theory]
    [InlineData(0, 0, "0")]
    [InlineData(1_000, 250, "25")]
    [InlineData(3, 2, "66")]
    public void Render_RunningJob_ShowsTheShareOfRowsChecked(int total, int processed, string expected)
    {
        var shown = Show(Job("running", total, processed));

        Assert.Equal(expected, Percent(shown));
        Assert.Contains("导入中", shown.Find("[data-testid=import-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunningJobWithEveryRowChecked_StaysBelowFullUntilTheRowsAreWritten()
    {
        var shown = Show(Job("running", 2, 2));

        Assert.Equal("99", Percent(shown));
        Assert.Empty(shown.FindAll("[data-testid=import-summary]"));
    }

    [Fact]
    public void Render_SucceededJob_IsFullAndSaysWhatChangedInChinese()
    {
        var shown = Show(Job("succeeded", 3, 3, summary: new Dictionary<string, int> { ["added"] = 2, ["updated"] = 1, ["unchanged"] = 0, ["householdsAdded"] = 1 }));

        Assert.Equal("100", Percent(shown));
        Assert.Equal(["新增居民：2", "更新居民：1", "未变：0", "新增家庭户：1"], shown.FindAll("[data-testid=import-summary] li").Select(li => li.TextContent));
        Assert.Empty(shown.FindAll(".import-errors"));
    }

    [Fact]
    public void Render_FailedJob_ListsEveryShownLineWithItsReason_AndLinksTheWholeReportThroughThePortal()
    {
        var job = Job("failed", 120, 120, [new ImportRowError(0, "Required column missing: id_number."), new ImportRowError(3, "Invalid ID number.")], errorCount: 140);

        var shown = Show(job);

        Assert.Equal("100", Percent(shown));
        Assert.Equal(["整个文件Required column missing: id_number.", "3Invalid ID number."], shown.FindAll(".import-errors tbody tr").Select(tr => tr.TextContent));
        Assert.Contains("140 处错误", shown.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal("前 2 处错误", shown.Find(".import-errors caption").TextContent);
        // The browser has no token for the API: the link is the portal's, which fetches the report for the user.
        Assert.Equal($"/imports/residents/{job.Id}/errors.csv", shown.Find("a[download]").GetAttribute("href"));
        Assert.Empty(shown.FindAll("[data-testid=import-summary]"));
    }
}
