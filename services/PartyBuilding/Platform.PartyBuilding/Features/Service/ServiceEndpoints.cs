using System.ComponentModel.DataAnnotations;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Reporting;

namespace Platform.PartyBuilding.Features.Service;

/// <summary>
/// Service and points (党员积分): the reported members' service records (from the time bank, or recorded by the community
/// with evidence) and their ratings, the district's points rules, and each member's points for a quarter or a year. An
/// official sees the service of the member reports inside their scope, a member their own; anything else answers 404.
/// </summary>
internal static class ServiceEndpoints
{
    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var service = endpoints.MapGroup("/api/partybuilding").RequireTenant().RequireAuthorization(ReportingEndpoints.ReadersPolicy).WithTags("Service and points");
        ServiceRecords.Map(service);
        PointsRules.Map(service);
        MemberPoints.Map(service);
        return endpoints;
    }
}

/// <summary>A period query parameter: a year (<c>2026</c>) or a quarter (<c>2026-Q4</c>); absent is accepted.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class ServicePeriodAttribute() : ValidationAttribute("A year (2026) or a quarter (2026-Q4).")
{
    /// <inheritdoc />
    public override bool IsValid(object? value) => value is null || (value is string text && ServicePeriod.TryParse(text, out _));
}
