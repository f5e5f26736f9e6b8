namespace Platform.ServiceDefaults;

/// <summary>
/// Wakes a background loop as soon as there is work for it, so the work starts within milliseconds instead of
/// at the next poll; polling stays as the safety net for work this instance was not told about. Several
/// notifications before the loop wakes count as one.
/// </summary>
public class WakeUpSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>There may be work waiting.</summary>
    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread signalled at the same moment; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first; true when it was a notification.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
