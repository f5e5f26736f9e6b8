using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.ServiceDefaults.Tests;

public sealed class PeriodicWorkerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithNothingSignalled_RunsARoundEveryInterval()
    {
        using var worker = new CountingWorker(TimeSpan.FromMilliseconds(50));
        await worker.StartAsync(Cancellation);

        await worker.WaitForRoundsAsync(3);
        await worker.StopAsync(Cancellation);

        Assert.True(worker.Rounds >= 3);
    }

    [Fact]
    public async Task Notify_WhileWaitingALongInterval_StartsTheNextRoundAtOnce()
    {
        var signal = new WakeUpSignal();
        using var worker = new CountingWorker(TimeSpan.FromHours(1), signal);
        await worker.StartAsync(Cancellation);
        await worker.WaitForRoundsAsync(1);

        signal.Notify();
        await worker.WaitForRoundsAsync(2);
        await worker.StopAsync(Cancellation);

        Assert.Equal(2, worker.Rounds);
    }

    [Fact]
    public async Task RunRound_WhenARoundThrows_LogsItAndRunsTheNextAfterTheInterval()
    {
        var log = new RecordingLogger();
        using var worker = new CountingWorker(TimeSpan.FromMilliseconds(50), log: log) { FailingRounds = 2 };
        await worker.StartAsync(Cancellation);

        await worker.WaitForRoundsAsync(4);
        await worker.StopAsync(Cancellation);

        Assert.Equal(2, log.Errors.Count);
        Assert.All(log.Errors, entry => Assert.Contains(nameof(CountingWorker), entry, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_DuringALongPause_EndsTheLoopPromptly()
    {
        using var worker = new CountingWorker(TimeSpan.FromHours(1));
        await worker.StartAsync(Cancellation);
        await worker.WaitForRoundsAsync(1);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        await worker.StopAsync(deadline.Token);

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(1, worker.Rounds);
    }

    private sealed class CountingWorker(TimeSpan interval, WakeUpSignal? signal = null, ILogger? log = null)
        : PeriodicWorker(TimeProvider.System, log ?? NullLogger.Instance, signal)
    {
        private readonly SemaphoreSlim _roundEnded = new(0);
        private int _rounds;

        public int FailingRounds { get; init; }

        public int Rounds => Volatile.Read(ref _rounds);

        protected override TimeSpan Interval => interval;

        public async Task WaitForRoundsAsync(int count)
        {
            while (Rounds < count)
            {
                Assert.True(await _roundEnded.WaitAsync(TimeSpan.FromSeconds(30), Cancellation), $"Only {Rounds} rounds ran.");
            }
        }

        protected override Task RunRoundAsync(CancellationToken cancellationToken)
        {
            var round = Interlocked.Increment(ref _rounds);
            _roundEnded.Release();
            return round <= FailingRounds ? throw new InvalidOperationException($"Round {round} failed.") : Task.CompletedTask;
        }

        public override void Dispose()
        {
            _roundEnded.Dispose();
            base.Dispose();
        }
    }

    private sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error && exception is InvalidOperationException)
            {
                Errors.Enqueue(formatter(state, exception));
            }
        }
    }
}
