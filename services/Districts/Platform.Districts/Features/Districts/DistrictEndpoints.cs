using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Messaging;
using Platform.MultiTenancy.Storage;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Districts.Features.Districts;

/// <summary>Onboarding and administration of districts (tenants) by platform operators.</summary>
internal static class DistrictEndpoints
{
    public const string OperatorsPolicy = "platform-operators";

    public static IEndpointRouteBuilder MapDistrictEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var districts = endpoints.MapGroup("/api/districts").RequireAuthorization(OperatorsPolicy).WithTags("Districts");
        districts.MapPost("", OnboardAsync).WithSummary("Onboard a district and create its first district administrator.");
        districts.MapGet("", ListAsync).WithSummary("Districts, paged; filter by status or by part of the identifier, name or city.");
        districts.MapGet("{identifier}", GetAsync).WithSummary("One district.");
        districts.MapPatch("{identifier}", ChangeAsync).WithSummary("Change a district's name, city, settings or status (suspend / reactivate).");
        return endpoints;
    }

    private static async Task<Results<Created<OnboardedDistrictResponse>, ValidationProblem, ProblemHttpResult>> OnboardAsync(
        OnboardDistrictRequest request,
        DistrictsDbContext db,
        IdentityAdminClient identity,
        ITenantCatalogWriter catalog,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await EnsureFreeAsync(db, request.Identifier!, request.AdminCode!, cancellationToken);

        var district = District.Onboard(request.Identifier!, request.Name!, request.City!, request.AdminCode!, request.Settings, clock.GetUtcNow());

        // The district row is written (and its identifier held by the unique index) before Identity is asked
        // for the administrator, and committed only if Identity agreed: a refused administrator leaves nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Districts.Add(district);
        db.AddIntegrationEvent(district.Onboarded());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw IdentifierTaken(district.Identifier);
        }

        var adminName = string.IsNullOrWhiteSpace(request.AdminName) ? $"{district.Name}管理员" : request.AdminName.Trim();
        var outcome = await identity.CreateDistrictAdminAsync(district, request.AdminLogin!.Trim(), adminName, request.AdminPassword!, cancellationToken);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }

        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        await transaction.CommitAsync(cancellationToken);
        // This instance serves the district at once; every other service learns of it from the event.
        await catalog.UpsertAsync(ToTenant(district), district.UpdatedAt, cancellationToken);

        var account = outcome.Account!;
        return TypedResults.Created($"/api/districts/{district.Identifier}", new OnboardedDistrictResponse(
            district.Id, district.Identifier, district.Name, district.City, district.AdminCode, district.Status, district.Settings, district.CreatedAt, account.UserId, account.Login));
    }

    private static async Task<PagedResult<DistrictResponse>> ListAsync(
        DistrictStatus? status,
        string? q,
        int? page,
        int? pageSize,
        DistrictsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var districts = db.Districts.AsNoTracking();
        if (status is { } wanted)
        {
            districts = districts.Where(d => d.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = SqlLike.Containing(q);
            districts = districts.Where(d => EF.Functions.ILike(d.Identifier, pattern) || EF.Functions.ILike(d.Name, pattern) || EF.Functions.ILike(d.City, pattern));
        }

        var listed = await districts.OrderBy(d => d.Identifier).ToPageAsync(paging, cancellationToken);
        return listed.Map(ToResponse);
    }

    private static async Task<Ok<DistrictResponse>> GetAsync(string identifier, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Identifier == identifier.ToLowerInvariant(), cancellationToken);
        return district is null ? throw NotFound(identifier) : TypedResults.Ok(ToResponse(district));
    }

    private static async Task<Ok<DistrictResponse>> ChangeAsync(
        string identifier,
        ChangeDistrictRequest request,
        DistrictsDbContext db,
        ITenantCatalogWriter catalog,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var district = await db.Districts.SingleOrDefaultAsync(d => d.Identifier == identifier.ToLowerInvariant(), cancellationToken);
        if (district is null)
        {
            throw NotFound(identifier);
        }

        if (district.Change(request.Name, request.City, request.Status, request.Settings, clock.GetUtcNow()))
        {
            db.AddIntegrationEvent(district.Changed());
            await db.SaveChangesAsync(cancellationToken);
            await catalog.UpsertAsync(ToTenant(district), district.UpdatedAt, cancellationToken);
        }

        return TypedResults.Ok(ToResponse(district));
    }

    private static async Task EnsureFreeAsync(DistrictsDbContext db, string identifier, string adminCode, CancellationToken cancellationToken)
    {
        var taken = await db.Districts.Where(d => d.Identifier == identifier || d.AdminCode == adminCode)
            .Select(d => new { d.Identifier, d.AdminCode }).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw taken.Identifier == identifier
                ? IdentifierTaken(identifier)
                : new DomainException(DistrictErrors.AdminCodeTaken, $"District '{taken.Identifier}' already has the code {adminCode}.");
        }
    }

    private static DomainException IdentifierTaken(string identifier) =>
        new(DistrictErrors.IdentifierTaken, $"A district '{identifier}' already exists.");

    private static DomainException NotFound(string identifier) =>
        new(DistrictErrors.NotFound, $"There is no district '{identifier}'.");

    internal static TenantInfo ToTenant(District district) => new(
        district.Id,
        district.Identifier,
        district.Name,
        district.Status.ToTenantStatus(),
        district.Settings);

    private static DistrictResponse ToResponse(District district) => new(
        district.Id, district.Identifier, district.Name, district.City, district.AdminCode, district.Status, district.Settings, district.CreatedAt, district.UpdatedAt);
}
