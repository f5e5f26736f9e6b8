using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Funds;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Property.Features.Areas;

/// <summary>A statement line as sent: income positive, spending negative.</summary>
public sealed record StatementLineRequest(string? Item, decimal? Amount);

/// <summary>A statement to publish.</summary>
/// <param name="Kind"><c>public_income</c> or <c>maintenance_fund</c>.</param>
/// <param name="PeriodStart">The first day of the period.</param>
/// <param name="PeriodEnd">The last day of the period (today at the latest).</param>
/// <param name="OpeningBalance">The balance before the period, yuan.</param>
/// <param name="Lines">1 to 200 lines.</param>
public sealed record PublishStatementRequest(
    [property: Required] StatementKind? Kind, [property: Required] DateOnly? PeriodStart, [property: Required] DateOnly? PeriodEnd, decimal? OpeningBalance,
    [property: Required] IReadOnlyList<StatementLineRequest>? Lines) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(OpeningBalance), OpeningBalance is null ? null : AreaStatement.AmountProblem(OpeningBalance)),
        (nameof(Lines), Lines is null ? null
            : Lines.Count is 0 or > AreaStatement.MaxLines ? $"1 to {AreaStatement.MaxLines} lines."
            : Lines.Select(l => AreaStatement.ItemProblem(l.Item) ?? AreaStatement.AmountProblem(l.Amount)).FirstOrDefault(p => p is not null)));
}

/// <summary>A line of a published statement; amounts as decimal strings.</summary>
public sealed record StatementLineResponse(string Item, string Amount);

/// <summary>A published statement.</summary>
public sealed record StatementResponse(
    Guid Id, Guid AreaId, StatementKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, string OpeningBalance, IReadOnlyList<StatementLineResponse> Lines,
    string ClosingBalance, DateTimeOffset PublishedAt)
{
    public static StatementResponse From(AreaStatement s) => new(
        s.Id, s.AreaId, s.Kind, s.PeriodStart, s.PeriodEnd, WireDecimal.Of(s.OpeningBalance), [.. s.Lines.Select(l => new StatementLineResponse(l.Item, WireDecimal.Of(l.Amount)))],
        WireDecimal.Of(s.ClosingBalance), s.PublishedAt);
}

/// <summary>The statement filters.</summary>
public sealed record StatementQuery([property: WireName(typeof(StatementKind))] string? Kind, int? Page, int? PageSize);

/// <summary>
/// Public-income (公共收益) and maintenance-fund statements of an area: published by the area's keepers or by the company
/// holding its contract, read by them and by the area's owners.
/// </summary>
internal static class Statements
{
    public static void Map(IEndpointRouteBuilder areas)
    {
        areas.MapPost("{areaId:guid}/statements", PublishAsync).RequireAuthorization(PropertyEndpoints.WorkOrderReadersPolicy).WithSummary(
            "Publish a public-income or maintenance-fund statement of the area for a period (the keepers, or the company holding the contract).");
        areas.MapGet("{areaId:guid}/statements", ListAsync).RequireAuthorization(PropertyEndpoints.VotersPolicy).WithSummary(
            "The area's statements, newest period first, paged: for its owners, its keepers and its company. Filter: kind.");
    }

    private static async Task<Created<StatementResponse>> PublishAsync(
        Guid areaId, PublishStatementRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var area = await AreaAccess.FindForAudienceAsync(areaId, caller, db, owners: false, cancellationToken);
        var statement = AreaStatement.Publish(
            area.Id, request.Kind!.Value, request.PeriodStart!.Value, request.PeriodEnd!.Value, request.OpeningBalance ?? 0m,
            [.. request.Lines!.Select(l => new StatementLine(l.Item!, l.Amount!.Value))], caller.UserId()!, clock.GetUtcNow());
        db.Statements.Add(statement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new DomainException(PropertyErrors.StatementExists, "The area has a statement of this kind for this period already.");
        }

        return TypedResults.Created($"/api/property/areas/{area.Id}/statements/{statement.Id}", StatementResponse.From(statement));
    }

    private static async Task<Ok<PagedResult<StatementResponse>>> ListAsync(
        Guid areaId, [AsParameters] StatementQuery query, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var area = await AreaAccess.FindForAudienceAsync(areaId, caller, db, owners: true, cancellationToken);
        var statements = db.Statements.AsNoTracking().Where(s => s.AreaId == area.Id);
        if (query.Kind is not null)
        {
            var kind = WireNames.Parse<StatementKind>(query.Kind);
            statements = statements.Where(s => s.Kind == kind);
        }

        var listed = await statements.OrderByDescending(s => s.PeriodEnd).ThenByDescending(s => s.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(StatementResponse.From));
    }
}
