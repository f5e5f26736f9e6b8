using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Fuzz;

/// <summary>
/// Every operation of every service's OpenAPI document, read from the running service, with hostile input as the
/// demo district's administrator: no answer may be a server error or show exception internals.
/// </summary>
public sealed partial class FuzzTests(PlatformUnderFuzz platform)
{
    private const int Seed = 19;

    // The whole suite stays within CI's few minutes; a service that needs longer reports what it did not reach.
    private static readonly TimeSpan BudgetPerService = TimeSpan.FromMinutes(2);

    public static TheoryData<string> ServiceNames => ["identity", "districts", "residents", "property", "timebank", "socialorgs", "partybuilding"];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task EveryOperation_HostileInput_NoServerErrorAndNoExceptionText(string serviceName)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var service = platform.Services.Single(s => s.Name == serviceName);
        using var client = platform.Client(service);
        client.Timeout = TimeSpan.FromSeconds(30);
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri(service.OpenApiPath, UriKind.Relative), cancellationToken))!;
        var failures = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        foreach (var fuzzCase in new OpenApiFuzzer(document, Seed).Cases())
        {
            Assert.True(clock.Elapsed < BudgetPerService, $"{serviceName}: over the time budget after {sent} requests, at {fuzzCase.Operation} with {fuzzCase.Input}.");
            using var request = new HttpRequestMessage(fuzzCase.Method, new Uri(fuzzCase.Path, UriKind.Relative)) { Content = fuzzCase.Body() };
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{fuzzCase.Operation} with {fuzzCase.Input}: {(int)response.StatusCode} {Excerpt(body)}");
            }
            else if (ExceptionText().Match(body) is { Success: true } leak)
            {
                failures.Add($"{fuzzCase.Operation} with {fuzzCase.Input}: {(int)response.StatusCode} shows '{leak.Value}' in {Excerpt(body)}");
            }
        }

        TestContext.Current.SendDiagnosticMessage($"{serviceName}: {sent} requests in {clock.Elapsed.TotalSeconds:F0} s, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"{serviceName}: {failures.Count} of {sent} answers failed:\n" + string.Join('\n', failures));
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    // Stack frames, exception type names and namespaces of the runtime and our libraries.
    [GeneratedRegex(@"\bat [\w.<>`]+\(|\.cs:line \d+|\b\w*Exception\b|\b(System|Microsoft|Npgsql|MassTransit|Platform)\.[A-Z]\w*|Nullable<")]
    private static partial Regex ExceptionText();
}
