using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts;

namespace Platform.Residents.Tests.Replicas;

/// <summary>What one replica did: the integration events its consumers handled and the import jobs its worker started.</summary>
public sealed class ReplicaActivity
{
    // One order across both replicas, so the test can tell whether they took turns.
    private static long s_order;
    private readonly ConcurrentQueue<(Guid EventId, long Order)> _consumed = new();
    private readonly ConcurrentQueue<Guid> _importsStarted = new();

    /// <summary>Whether a replica reports here.</summary>
    public bool Attached { get; private set; }

    /// <summary>When (in one order across all replicas) this replica handled each delivery of <paramref name="eventIds"/> it got.</summary>
    public IEnumerable<long> ConsumedAt(IReadOnlyCollection<Guid> eventIds) =>
        _consumed.Where(entry => eventIds.Contains(entry.EventId)).Select(entry => entry.Order);

    /// <summary>The import jobs this replica's worker started.</summary>
    public IReadOnlyCollection<Guid> ImportsStarted => _importsStarted;

    /// <summary>Makes the replica that <paramref name="web"/> builds report here.</summary>
    public void AttachTo(IWebHostBuilder web)
    {
        ArgumentNullException.ThrowIfNull(web);
        Attached = true;
        web.ConfigureServices(services =>
        {
            services.AddConsumeObserver(_ => new Observer(this));
            services.AddSingleton<ILoggerProvider>(new ImportWorkerLog(this));
        });
    }

    private sealed class Observer(ReplicaActivity activity) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is IIntegrationEvent integrationEvent)
            {
                activity._consumed.Enqueue((integrationEvent.EventId, Interlocked.Increment(ref s_order)));
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }

    /// <summary>Reads the import worker's "started" entries, which name the job.</summary>
    private sealed class ImportWorkerLog(ReplicaActivity activity) : ILoggerProvider, ILogger
    {
        private bool _isWorker;

        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("Platform.Imports.Jobs.ImportJobWorker", StringComparison.Ordinal)
                ? new ImportWorkerLog(activity) { _isWorker = true }
                : NullLogger;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _isWorker;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.Any(value => value is { Key: "{OriginalFormat}", Value: string format } && format.Contains(" started in tenant ", StringComparison.Ordinal))
                && values.FirstOrDefault(value => value.Key == "JobId").Value is Guid jobId)
            {
                activity._importsStarted.Enqueue(jobId);
            }
        }

        public void Dispose()
        {
        }

        private static ILogger NullLogger => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
