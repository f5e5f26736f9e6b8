using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Imports.Jobs;

/// <summary>
/// A job as the uploader sees it: its state (queued, running, succeeded or failed), progress in rows, the
/// first errors by line (all of them are in the CSV at <c>ErrorReport</c>) and, once applied, what changed.
/// </summary>
public sealed record ImportJobResponse(
    Guid Id,
    string Kind,
    string FileName,
    ImportJobState State,
    int RowsTotal,
    int RowsProcessed,
    int ErrorCount,
    IReadOnlyList<ImportRowError> Errors,
    string? ErrorReport,
    IReadOnlyDictionary<string, int> Summary,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>
/// The HTTP face of a service's imports: upload a file (multipart field <c>file</c>) and get 202 with the job,
/// follow the job's progress, download its error report, list recent jobs.
/// </summary>
public static class ImportJobEndpoints
{
    /// <summary>
    /// Maps the import endpoints under <paramref name="prefix"/> for jobs of <paramref name="kind"/>.
    /// <paramref name="parameters"/> captures what the handler must know about the uploader (such as their scope).
    /// A prefix may have route parameters (<c>/api/property/areas/{areaId:guid}/roll/imports</c>): their values join the
    /// job's parameters under the same names, and the jobs listed and found under a prefix are those uploaded to it
    /// with the same values. Whether the caller may reach those values (404 otherwise) is the service's to check, with
    /// a filter on the returned group.
    /// </summary>
    public static RouteGroupBuilder MapImportJobs<TContext>(
        this IEndpointRouteBuilder endpoints, string prefix, string kind, Func<ClaimsPrincipal, IReadOnlyDictionary<string, string>> parameters)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = new ImportJobApi<TContext>(prefix, kind, parameters);
        var group = endpoints.MapGroup(prefix).WithTags("Imports");
        group.MapPost("", api.UploadAsync)
            .DisableAntiforgery()
            .WithSummary("Upload a CSV (UTF-8 or GBK) or .xlsx file; it is validated whole and applied all or nothing by a background job.");
        group.MapGet("", api.ListAsync).WithSummary("This district's import jobs, newest first.");
        group.MapGet("{id:guid}", api.GetAsync).WithSummary("A job's state, progress and first errors.");
        group.MapGet("{id:guid}/errors", api.ErrorReportAsync).WithSummary("Every error of a job as CSV (line, reason), to fix the file and upload it again.");
        return group;
    }

    /// <summary>Registers the job worker and its options for <typeparamref name="TContext"/>, whose model applies <see cref="ImportJobModel.ApplyImportJobs"/>.</summary>
    public static IServiceCollection AddImportJobs<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddOptions<ImportJobOptions>().BindConfiguration(ImportJobOptions.SectionName);
        services.AddSingleton<ImportJobSignal>();
        services.AddHostedService<ImportJobWorker<TContext>>();
        return services;
    }
}

/// <summary>
/// The import endpoints of one kind of job. The DbContext is taken from the request's services instead of being
/// a handler parameter because ASP.NET Core's route-handler analyzer fails on parameters of a generic type.
/// </summary>
internal sealed class ImportJobApi<TContext>(string prefix, string kind, Func<ClaimsPrincipal, IReadOnlyDictionary<string, string>> parameters)
    where TContext : DbContext
{
    private readonly RoutePattern _prefix = RoutePatternFactory.Parse(prefix);

    private const int ErrorsShown = 100;

    // Room for the multipart boundaries and part headers around the file.
    private const long MultipartOverhead = 64 * 1024;

    public async Task<Results<Accepted<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal caller, ImportJobSignal signal, IOptions<ImportJobOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return ProblemResults.Validation("file", "Upload the file as multipart/form-data in a field named 'file'.");
        }

        var db = request.HttpContext.RequestServices.GetRequiredService<TContext>();
        // The server's body limit and the form reader's own (30 and 128 MiB by default) would otherwise cut off a
        // file that MaxFileBytes allows, with a misleading error; they are only ever raised here, never lowered.
        var limit = options.Value.MaxFileBytes + MultipartOverhead;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } bodyLimit } body && bodyLimit < limit)
        {
            body.MaxRequestBodySize = limit;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = Math.Max(limit, FormOptions.DefaultMultipartBodyLengthLimit) }, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // A boundary that does not match the header surfaces as an unexpected end of the body (IOException).
            return ProblemResults.Validation("file", "The upload is not valid multipart/form-data.");
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return ProblemResults.Validation("file", "Required, and not empty.");
        }

        if (file.Length > options.Value.MaxFileBytes)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "imports.file_too_large", "File too large", $"At most {options.Value.MaxFileBytes / (1024 * 1024)} MiB; split the file.");
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellationToken);
        var routed = RouteParameters(request.HttpContext);
        var jobParameters = new Dictionary<string, string>(parameters(caller));
        foreach (var (name, value) in routed)
        {
            jobParameters[name] = value;
        }

        var job = ImportJob.Queue(kind, Path.GetFileName(file.FileName), content.ToArray(), jobParameters, caller.UserId(), clock.GetUtcNow());
        db.Set<ImportJob>().Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        var path = ResolvedPrefix(routed);
        return TypedResults.Accepted($"{request.PathBase}{path}/{job.Id}", Completed(ToResponse(job), path));
    }

    public async Task<PagedResult<ImportJobResponse>> ListAsync(int? page, int? pageSize, HttpContext http, CancellationToken cancellationToken)
    {
        var routed = RouteParameters(http);
        var paging = new PageRequest(page, pageSize);
        var jobs = Jobs(http, routed);
        var rows = await jobs.OrderByDescending(j => j.RequestedAt).ThenBy(j => j.Id).ToPageAsync(paging, AsResponse, cancellationToken);
        var path = ResolvedPrefix(routed);
        return rows.Map(job => Completed(job, path));
    }

    public async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CancellationToken cancellationToken)
    {
        var routed = RouteParameters(http);
        return await Responses(Jobs(http, routed).Where(j => j.Id == id)).SingleOrDefaultAsync(cancellationToken) is { } job
            ? TypedResults.Ok(Completed(job, ResolvedPrefix(routed)))
            : NotFound(id);
    }

    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> ErrorReportAsync(Guid id, HttpContext http, CancellationToken cancellationToken)
    {
        var job = await Jobs(http, RouteParameters(http)).Where(j => j.Id == id)
            .Select(j => new { j.FileName, j.Errors }).SingleOrDefaultAsync(cancellationToken);
        return job is null
            ? NotFound(id)
            : TypedResults.File(ErrorReport(job.Errors), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(job.FileName)}-errors.csv");
    }

    // Everything but the file itself, which can be megabytes. One mapping serves queries (translated to SQL)
    // and a job already in memory (compiled once).
    private static readonly Expression<Func<ImportJob, ImportJobResponse>> AsResponse = j => new ImportJobResponse(
        j.Id, j.Kind, j.FileName, j.State, j.RowsTotal, j.RowsProcessed, j.ErrorCount, j.Errors, null, j.Summary, j.RequestedAt, j.StartedAt, j.FinishedAt);

    private static readonly Func<ImportJob, ImportJobResponse> ToResponse = AsResponse.Compile();

    private static IQueryable<ImportJobResponse> Responses(IQueryable<ImportJob> jobs) => jobs.Select(AsResponse);

    private static ImportJobResponse Completed(ImportJobResponse job, string path) => job with
    {
        Errors = [.. job.Errors.Take(ErrorsShown)],
        ErrorReport = job.ErrorCount > 0 ? $"{path}/{job.Id}/errors" : null,
    };

    /// <summary>This kind's jobs uploaded under the same route values (all of them when the prefix has none).</summary>
    private IQueryable<ImportJob> Jobs(HttpContext http, IReadOnlyDictionary<string, string> routed)
    {
        var jobs = http.RequestServices.GetRequiredService<TContext>().Set<ImportJob>();
        var scoped = routed.Count == 0
            ? jobs
            : jobs.FromSql($"SELECT * FROM import_jobs WHERE \"Parameters\" @> {JsonSerializer.Serialize(routed, JsonSerializerOptions.Web)}::jsonb");
        return scoped.Where(j => j.Kind == kind);
    }

    /// <summary>The values of the prefix's route parameters in this request.</summary>
    private Dictionary<string, string> RouteParameters(HttpContext http) =>
        _prefix.Parameters.ToDictionary(p => p.Name, p => Convert.ToString(http.GetRouteValue(p.Name), CultureInfo.InvariantCulture) ?? "");

    /// <summary>The prefix with its route parameters filled in, as links to a job are written.</summary>
    private string ResolvedPrefix(IReadOnlyDictionary<string, string> routed) => routed.Count == 0
        ? prefix
        : "/" + string.Join('/', _prefix.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternParameterPart parameter => Uri.EscapeDataString(routed[parameter.Name]),
            RoutePatternLiteralPart literal => literal.Content,
            _ => "",
        }))));

    /// <summary>The error report, one line per refused row, for a spreadsheet.</summary>
    private static byte[] ErrorReport(IEnumerable<ImportRowError> errors)
    {
        var csv = new StringBuilder("line,reason\r\n");
        foreach (var error in errors)
        {
            csv.Append(error.Line).Append(',').Append(CsvText.Quoted(error.Reason)).Append("\r\n");
        }

        return CsvText.ForSpreadsheets(csv);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "imports.job_not_found", "Import job not found", $"There is no import job {id}.");
}
