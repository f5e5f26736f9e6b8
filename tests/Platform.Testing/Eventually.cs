namespace Platform.Testing;

/// <summary>Waits for asynchronous delivery without fixed sleeps.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until it returns a value, or fails the test after the timeout.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing arrived within {timeout ?? DefaultTimeout}.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds, or fails the test after the timeout.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        ReturnsAsync<object>(async () => await condition() ? new object() : null, cancellationToken, timeout);
}
