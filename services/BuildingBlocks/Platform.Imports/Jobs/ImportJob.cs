using Platform.MultiTenancy.EntityFramework;

namespace Platform.Imports.Jobs;

/// <summary>Where an import job stands.</summary>
public enum ImportJobState
{
    /// <summary>Accepted, waiting for a worker.</summary>
    Queued,

    /// <summary>Being validated or applied.</summary>
    Running,

    /// <summary>Every row was applied.</summary>
    Succeeded,

    /// <summary>Nothing was applied; <see cref="ImportJob.Errors"/> says why.</summary>
    Failed,
}

/// <summary>One rejected row: its line in the file as the user sees it, and why.</summary>
/// <param name="Line">1-based line (CSV) or row (xlsx) number; 0 for a problem with the whole file.</param>
/// <param name="Reason">What is wrong, in words the person who prepared the file understands.</param>
public sealed record ImportRowError(int Line, string Reason);

/// <summary>
/// An uploaded file and what became of it. Files are applied all or nothing, so a job either succeeds with
/// every row applied or fails with the rows that were wrong and nothing changed.
/// </summary>
public sealed class ImportJob : ITenantOwned
{
    /// <summary>Errors kept per job: enough for any real file, bounded for a file of the wrong kind.</summary>
    public const int MaxStoredErrors = 10_000;

    private ImportJob()
    {
    }

    /// <summary>The job's id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>What the file holds (e.g. <c>territory</c>); selects the handler.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The uploaded file's name, for people.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The uploaded bytes, kept until the job has finished so that it survives a restart of the service.</summary>
    public byte[] Content { get; private set; } = [];

    /// <summary>Handler-specific facts captured at upload (such as the uploader's territory scope).</summary>
    public Dictionary<string, string> Parameters { get; private set; } = [];

    /// <summary>The uploader's user id.</summary>
    public string? RequestedBy { get; private set; }

    /// <summary>Current state.</summary>
    public ImportJobState State { get; private set; }

    /// <summary>Data rows in the file (known once it has been read).</summary>
    public int RowsTotal { get; private set; }

    /// <summary>Rows checked so far; equals <see cref="RowsTotal"/> once the job has finished.</summary>
    public int RowsProcessed { get; private set; }

    /// <summary>How many errors were found (may exceed the stored ones).</summary>
    public int ErrorCount { get; private set; }

    /// <summary>The errors, in line order, at most <see cref="MaxStoredErrors"/>.</summary>
    public List<ImportRowError> Errors { get; private set; } = [];

    /// <summary>What a successful job changed, e.g. added / changed / moved / unchanged counts.</summary>
    public Dictionary<string, int> Summary { get; private set; } = [];

    /// <summary>When the file was uploaded.</summary>
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>When a worker picked the job up.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Last sign of life from the worker; a running job without one for long is picked up again.</summary>
    public DateTimeOffset? HeartbeatAt { get; private set; }

    /// <summary>When the job succeeded or failed.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Queues a file for import.</summary>
    public static ImportJob Queue(string kind, string fileName, byte[] content, IReadOnlyDictionary<string, string> parameters, string? requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        FileName = fileName,
        Content = content,
        Parameters = new Dictionary<string, string>(parameters),
        RequestedBy = requestedBy,
        State = ImportJobState.Queued,
        RequestedAt = now,
    };

    /// <summary>Records the outcome of the job.</summary>
    public void Finish(ImportOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        State = outcome.Succeeded ? ImportJobState.Succeeded : ImportJobState.Failed;
        RowsTotal = outcome.RowsTotal;
        RowsProcessed = outcome.RowsTotal;
        ErrorCount = outcome.Errors.Count;
        Errors = [.. outcome.Errors.OrderBy(e => e.Line).Take(MaxStoredErrors)];
        Summary = new Dictionary<string, int>(outcome.Summary);
        // The uploader has the file; the errors and the summary are what the job keeps of it.
        Content = [];
        FinishedAt = now;
        HeartbeatAt = now;
    }
}
