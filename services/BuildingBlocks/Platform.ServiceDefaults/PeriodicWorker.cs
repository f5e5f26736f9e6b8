using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults;

/// <summary>
/// A background loop that does a round of work, then waits for the next one: the shape of a sweep (void what is due)
/// or of a queue (run what was queued). A round that fails is logged and the loop carries on after
/// <see cref="Interval"/>, because what a round missed is due again in the next; only the host stopping ends it.
/// </summary>
/// <remarks>
/// With a <see cref="WakeUpSignal"/> the wait ends as soon as this instance signals work, so a job queued here starts at
/// once while polling still finds work queued by other instances. Every instance of a service runs its own loop: a
/// round must therefore tolerate another instance doing the same round at the same time (claim rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, or re-check under a row lock).
/// </remarks>
/// <param name="clock">The clock the pauses are measured on.</param>
/// <param name="logger">Where failed rounds are logged; the derived worker's own logger, so entries name it.</param>
/// <param name="wakeUp">Ends a wait early when signalled; <see langword="null"/> to only poll.</param>
public abstract partial class PeriodicWorker(TimeProvider clock, ILogger logger, WakeUpSignal? wakeUp = null) : BackgroundService
{
    /// <summary>The clock the pauses are measured on, for the rounds to read the time by.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The derived worker's logger.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>The pause between two rounds (and after a failed one); read before every pause, so options may change it.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One round: does whatever work is due now, then returns.</summary>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
                await PauseAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives any one failure; the work it missed is due again next round.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRoundFailed(Logger, exception, GetType().Name, Interval);
                // Not woken early: a failure that repeats (a database down) is retried at the interval, not in a spin.
                await Task.Delay(Interval, Clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private Task PauseAsync(CancellationToken stoppingToken) =>
        wakeUp is null ? Task.Delay(Interval, Clock, stoppingToken) : wakeUp.WaitAsync(Interval, stoppingToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of {Worker} failed; the next one starts in {Interval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string worker, TimeSpan interval);
}
