using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Portal.Api;
using Platform.Portal.Session;

namespace Platform.Portal.Tests;

/// <summary>
/// An API that does not answer in time: the portal's own client, as the portal registers it, gives up within its time
/// limit and the page gets a problem to show (504, <c>portal.timed_out</c>), never an exception.
/// </summary>
public sealed class ApiTimeoutTests : IAsyncDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(300);

    private readonly StallingGateway _gateway = new();
    private readonly WebApplication _portal;

    public ApiTimeoutTests()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Gateway"] = "http://gateway.test/",
            ["Portal:ApiAttemptTimeout"] = AttemptTimeout.ToString(),
            // Required, never opened: the calls here need no session.
            ["ConnectionStrings:portaldb"] = "Host=portal-db.test",
        });
        builder.Services.AddRazorComponents();
        builder.AddPortalSession();
        builder.AddGatewayApi();
        builder.Services.AddHttpClient<GatewayApi>().ConfigurePrimaryHttpMessageHandler(() => _gateway);
        _portal = builder.Build();
    }

    [Fact]
    public async Task Read_ThatNeverAnswers_IsShownAsTimedOutWithinTheLimit()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<GatewayApi>();
        var watch = Stopwatch.StartNew();

        var result = await api.GetAnonymousAsync<object>("/t/demo/api/demands/track/D20261202-0001", TestContext.Current.CancellationToken);

        watch.Stop();
        Assert.False(result.Succeeded);
        Assert.Equal((504, ProblemTexts.TimedOutCode), (result.Problem.Status, result.Problem.Code));
        Assert.Contains("超时", result.Problem.Message, StringComparison.Ordinal);
        // However the read is retried, the whole call is bounded: twice the attempt's limit, and a little for the machine.
        Assert.True(_gateway.Calls >= 1);
        Assert.InRange(watch.Elapsed, AttemptTimeout, AttemptTimeout * 2 + TimeSpan.FromSeconds(2));
    }

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>A gateway that takes every request and never answers.</summary>
    private sealed class StallingGateway : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new UnreachableException();
        }
    }
}
