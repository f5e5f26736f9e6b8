using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Imports.Jobs;
using Platform.Imports.Tabular;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain.Budgets;
using Platform.Residents.Features.Imports;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Budgets;

/// <summary>
/// Paper ballots of a budget from a spreadsheet (CSV in UTF-8 or GBK, or .xlsx) at <c>/api/budgets/{budgetId}/ballots/imports</c>:
/// upload, follow the job, download its error report, list the budget's jobs. Only the workers whose scope holds the
/// budget reach them; another budget answers 404.
/// </summary>
internal static class BallotImportEndpoints
{
    public static IServiceCollection AddBallotImports(this IServiceCollection services) =>
        services.AddKeyedScoped<IImportHandler, BallotImportHandler>(BallotImportHandler.Kind);

    // Mapped from the root: the job links are written from the prefix, which must be the whole path.
    public static IEndpointRouteBuilder MapBallotImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapImportJobs<ResidentsDbContext>(
                $"/api/budgets/{{{BallotImportHandler.BudgetParameter}:guid}}/ballots/imports", BallotImportHandler.Kind, _ => new Dictionary<string, string>())
            .RequireTenant()
            .RequireAuthorization(ResidentImportEndpoints.ImportersPolicy)
            .WithTags("Budgets")
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var budgetId = Guid.Parse((string)http.GetRouteValue(BallotImportHandler.BudgetParameter)!);
                return await BudgetAccess.FindAsync(budgetId, http.User, http.RequestServices.GetRequiredService<ResidentsDbContext>(), http.RequestAborted) is null
                    ? (object)BudgetAccess.NotFound(budgetId)
                    : await next(context);
            });
        return endpoints;
    }
}

/// <summary>
/// Imports a budget's paper ballots: a header naming <c>resident_id</c>/居民编号 and <c>projects</c>/项目 (codes separated by
/// <c>;</c>), then one ballot per row. Every row is checked as a ballot entered through the API would be (eligible, no
/// ballot yet by any channel, the budget's ballot rules) and a resident twice in the file is refused on the second line;
/// only if no row is refused are all the ballots counted, in one transaction that the close waits for.
/// </summary>
internal sealed class BallotImportHandler(ResidentsDbContext db, ITenantContext tenant, TimeProvider clock) : IImportHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = "budget-ballots";

    /// <summary>The job parameter naming the budget (the route parameter of the upload).</summary>
    public const string BudgetParameter = "budgetId";

    private static readonly ImportColumn ResidentColumn = new("resident_id", "居民编号", Required: true);
    private static readonly ImportColumn ProjectsColumn = new("projects", "项目", Required: true);

    public async Task<ImportOutcome> RunAsync(ImportWork work, IImportProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(progress);
        var table = TabularFile.Read(work.Content);
        if (table.Error is { } unreadable)
        {
            return ImportOutcome.Refused(unreadable.Line, unreadable.Reason);
        }

        var total = table.Rows.Count;
        var errors = new List<ImportRowError>();
        if (ImportLayout.Of(table.Header, [ResidentColumn, ProjectsColumn], errors) is not { } file)
        {
            return new ImportOutcome(total, errors, new Dictionary<string, int>());
        }

        await progress.ReportAsync(0, total, cancellationToken);
        var budgetId = Guid.Parse(work.Parameters[BudgetParameter]);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BudgetLocks.ForBallotAsync(db, tenant, budgetId, cancellationToken);
        if (await db.Budgets.SingleOrDefaultAsync(b => b.Id == budgetId, cancellationToken) is not { } budget)
        {
            return ImportOutcome.Refused(0, $"There is no budget {budgetId}.");
        }

        if (budget.Status != BudgetStatus.Open)
        {
            return ImportOutcome.Refused(0, $"Ballots are counted while the vote is open; the budget is {budget.Status.ToWire()}.");
        }

        var ballots = new List<(int Line, Guid ResidentId, string[] Projects)>();
        var firstLines = new Dictionary<Guid, int>();
        foreach (var row in table.Rows)
        {
            var residentCell = file.Cell(row, ResidentColumn).Trim();
            if (!Guid.TryParse(residentCell, out var residentId))
            {
                errors.Add(new ImportRowError(row.Line, $"{file.HeaderOf(ResidentColumn)}: '{residentCell}' is not a resident id."));
                continue;
            }

            if (!firstLines.TryAdd(residentId, row.Line))
            {
                errors.Add(new ImportRowError(row.Line, $"{file.HeaderOf(ResidentColumn)}: the resident is in the file twice (first on line {firstLines[residentId]})."));
                continue;
            }

            ballots.Add((row.Line, residentId, file.Cell(row, ProjectsColumn).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        }

        var now = clock.GetUtcNow();
        var residentIds = ballots.Select(b => b.ResidentId).ToList();
        var bornBy = DistrictClock.Today(now).AddYears(-budget.MinAge);
        var eligible = await db.Residents.InSubtree(budget.NodePath).Where(r => residentIds.Contains(r.Id) && r.BirthDate <= bornBy).Select(r => r.Id)
            .ToHashSetAsync(cancellationToken);
        var voted = await db.BudgetBallots.Where(b => b.BudgetId == budgetId && residentIds.Contains(b.ResidentId)).Select(b => b.ResidentId)
            .ToHashSetAsync(cancellationToken);
        var enteredBy = work.RequestedBy ?? Kind;
        // Held back until every row is checked: the job saves its own record through this context afterwards, which would
        // save ballots already added even when the file is refused.
        var counted = new List<BudgetBallot>();
        foreach (var (line, residentId, projects) in ballots)
        {
            try
            {
                counted.Add(budget.CastBallot(residentId, eligible.Contains(residentId), voted.Contains(residentId), projects, BudgetBallotChannel.Paper, enteredBy, now));
            }
            catch (DomainException refused)
            {
                var column = refused.Field == "projects" ? ProjectsColumn : ResidentColumn;
                errors.Add(new ImportRowError(line, $"{file.HeaderOf(column)}: {refused.Message}"));
            }
        }

        await progress.ReportAsync(total, total, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportOutcome(total, [.. errors.OrderBy(e => e.Line)], new Dictionary<string, int>());
        }

        db.BudgetBallots.AddRange(counted);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The job's own record is tracked by this context too: only the ballots are let go, so that the refusal is saved.
            foreach (var ballot in counted)
            {
                db.Entry(ballot).State = EntityState.Detached;
            }

            return ImportOutcome.Refused(0, "One of the file's residents cast a ballot while the file was being applied; nothing was imported. Upload it again.");
        }

        return new ImportOutcome(total, [], new Dictionary<string, int> { ["ballots"] = ballots.Count });
    }
}
