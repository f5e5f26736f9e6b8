using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Companies;
using Platform.Property.Features.Areas;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Companies;

/// <summary>A property company to register.</summary>
/// <param name="Code">The code demands are assigned to it by (e.g. pc-7).</param>
/// <param name="Name">Name.</param>
/// <param name="CreditCode">统一社会信用代码.</param>
/// <param name="RedProperty">Whether it is recognised as 红色物业.</param>
/// <param name="ClientId">The machine client (registered in the identity service with scope <c>property</c>) of its own system.</param>
public sealed record RegisterCompanyRequest(string? Code, string? Name, string? CreditCode, bool? RedProperty, string? ClientId) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Code), PropertyCompany.TextProblem(Code, "code")),
        (nameof(Name), PropertyCompany.TextProblem(Name, "name")),
        (nameof(CreditCode), UnifiedSocialCreditCode.TryParse(CreditCode, out _, out var problem) ? null : problem),
        (nameof(ClientId), ClientId?.Trim().Length > PropertyCompany.TextMaxLength ? $"At most {PropertyCompany.TextMaxLength} characters." : null));
}

/// <summary>A registered company.</summary>
public sealed record CompanyResponse(Guid Id, string Code, string Name, string CreditCode, bool RedProperty, string? ClientId, DateTimeOffset RegisteredAt)
{
    public static CompanyResponse From(PropertyCompany c) => new(c.Id, c.Code, c.Name, c.CreditCode, c.RedProperty, c.ClientId, c.RegisteredAt);
}

/// <summary>A contract to sign for an area.</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="Kind"><c>preliminary</c> (the developer's) or <c>owners_signed</c>.</param>
public sealed record SignContractRequest([property: Required] Guid? CompanyId, [property: Required] ContractKind? Kind);

/// <summary>A contract of an area.</summary>
public sealed record ContractResponse(Guid Id, Guid AreaId, Guid CompanyId, ContractKind Kind, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

/// <summary>Property companies (district admins register them) and their contracts with areas (keepers of the area sign them in).</summary>
internal static class CompanyEndpoints
{
    public static void MapCompanies(IEndpointRouteBuilder companies)
    {
        companies.MapPost("", RegisterAsync).WithSummary("Register a property company with the code demands are assigned to it by and its machine client.");
        companies.MapGet("{id:guid}", GetAsync).WithSummary("A registered property company.");
    }

    public static void MapContracts(IEndpointRouteBuilder areas) =>
        areas.MapPost("{areaId:guid}/contracts", SignAsync).WithSummary(
            "Record a property service contract of the area; it replaces the active one (a preliminary contract never replaces the owners' own: 409 property.contract_order).");

    private static async Task<Results<Created<CompanyResponse>, ValidationProblem>> RegisterAsync(
        RegisterCompanyRequest request, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        UnifiedSocialCreditCode.TryParse(request.CreditCode, out var creditCode, out _);
        var company = PropertyCompany.Register(request.Code!, request.Name!, creditCode!, request.RedProperty ?? false, request.ClientId, clock.GetUtcNow());
        db.Companies.Add(company);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new DomainException(PropertyErrors.CompanyTaken, "Another company of the district has this code, credit code or machine client.");
        }

        return TypedResults.Created($"/api/property/companies/{company.Id}", CompanyResponse.From(company));
    }

    private static async Task<Ok<CompanyResponse>> GetAsync(Guid id, PropertyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(CompanyResponse.From(await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainException(PropertyErrors.CompanyNotFound, $"No company {id} in the district.")));

    private static async Task<Results<Created<ContractResponse>, ValidationProblem>> SignAsync(
        Guid areaId, SignContractRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == request.CompanyId, cancellationToken)
            ?? throw new DomainException(PropertyErrors.CompanyNotFound, $"No company {request.CompanyId} in the district.", "companyId");
        var current = await db.Contracts.SingleOrDefaultAsync(c => c.AreaId == area.Id && c.EndedAt == null, cancellationToken);
        var contract = AreaContract.Sign(area.Id, company, request.Kind!.Value, current, clock.GetUtcNow());
        db.Contracts.Add(contract);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new DomainException(PropertyErrors.ContractOrder, "Another contract of the area was recorded at the same moment.");
        }

        return TypedResults.Created(
            $"/api/property/areas/{area.Id}/contracts/{contract.Id}",
            new ContractResponse(contract.Id, contract.AreaId, contract.CompanyId, contract.Kind, contract.StartedAt, contract.EndedAt));
    }
}
