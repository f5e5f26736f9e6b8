namespace Platform.Imports.Jobs;

/// <summary>Imports one kind of file (registered as a keyed service under the job kind).</summary>
public interface IImportHandler
{
    /// <summary>
    /// Validates the whole file and, only if every row is acceptable, applies all of it in one transaction.
    /// Runs inside the job's tenant. Rejected rows are returned, not thrown.
    /// </summary>
    Task<ImportOutcome> RunAsync(ImportWork work, IImportProgress progress, CancellationToken cancellationToken);
}

/// <summary>What a handler is given: the file and the facts captured when it was uploaded.</summary>
public sealed record ImportWork(Guid JobId, string FileName, byte[] Content, IReadOnlyDictionary<string, string> Parameters, string? RequestedBy);

/// <summary>What a handler reports back.</summary>
/// <param name="RowsTotal">Data rows in the file.</param>
/// <param name="Errors">Rejected rows; empty when the file was applied.</param>
/// <param name="Summary">What was changed, by category.</param>
public sealed record ImportOutcome(int RowsTotal, IReadOnlyList<ImportRowError> Errors, IReadOnlyDictionary<string, int> Summary)
{
    /// <summary>Whether the file was applied.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>A file refused as a whole (unreadable, wrong columns).</summary>
    public static ImportOutcome Refused(int line, string reason) => new(0, [new ImportRowError(line, reason)], new Dictionary<string, int>());
}

/// <summary>Progress of a running job, shown to the uploader while they wait.</summary>
public interface IImportProgress
{
    /// <summary>Reports rows processed so far. Cheap to call often: writes are throttled.</summary>
    ValueTask ReportAsync(int processed, int total, CancellationToken cancellationToken);
}

/// <summary>Progress that goes nowhere, for imports run directly (seeding, benchmarks).</summary>
public sealed class NoImportProgress : IImportProgress
{
    /// <summary>The shared instance.</summary>
    public static NoImportProgress Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask ReportAsync(int processed, int total, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
