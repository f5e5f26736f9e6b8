using System.Security.Claims;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Companies;
using Platform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Platform.Property.Features.Companies;

/// <summary>Which company a property company's machine client speaks for: the one registered with its client id.</summary>
internal static class CompanyAccess
{
    /// <summary>The companies registered with the caller's client id (none or one).</summary>
    public static IQueryable<PropertyCompany> OfCaller(ClaimsPrincipal caller, PropertyDbContext db)
    {
        var clientId = caller.UserId();
        return db.Companies.Where(c => c.ClientId == clientId);
    }

    /// <summary>The caller's company; a client no company is registered with is refused (403).</summary>
    public static async Task<PropertyCompany> OfCallerAsync(ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken) =>
        await OfCaller(caller, db).AsNoTracking().SingleOrDefaultAsync(cancellationToken)
        ?? throw new DomainException(PropertyErrors.NotACompanyClient, "No company of the district is registered with this machine client; ask the district to register it.");
}
