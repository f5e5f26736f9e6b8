namespace Platform.ServiceDefaults.Tests;

public sealed class WritesOutliveTheirCallerTests
{
    [Fact]
    public async Task Post_WhenTheCallerGoesAway_RunsToItsEnd()
    {
        var outcome = await OutcomeOfAbandonedAsync(HttpMethod.Post);

        Assert.Equal("completed", outcome);
    }

    [Fact]
    public async Task Get_WhenTheCallerGoesAway_IsCancelled()
    {
        var outcome = await OutcomeOfAbandonedAsync(HttpMethod.Get);

        Assert.Equal("cancelled", outcome);
    }

    // Starts a request whose handler takes a second, abandons it once the handler runs, and reports how it ended.
    private static async Task<string> OutcomeOfAbandonedAsync(HttpMethod method)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcome = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (app, client) = await TestApp.StartOnKestrelAsync(app =>
        {
            app.UseWritesThatOutliveTheirCaller();
            app.MapMethods("/slow", [method.Method], async (CancellationToken cancellationToken) =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    outcome.SetResult("completed");
                }
                catch (OperationCanceledException)
                {
                    outcome.SetResult("cancelled");
                    throw;
                }
            });
        });
        await using (app)
        using (client)
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            var request = client.SendAsync(new HttpRequestMessage(method, "/slow"), abandon.Token);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await abandon.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
            return await outcome.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
    }
}
