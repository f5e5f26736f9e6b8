using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Residents.Features.Residents;

namespace Platform.Residents.Features.Demands;

/// <summary>
/// Demands (诉求, 接诉即办): filing, the workflow's transitions with their append-only history, lists with the
/// overdue flag, and the public status by tracking number. Residents file and follow their own demands (and rate
/// them at the callback); workers see and act on the demands inside their scope.
/// </summary>
internal static class DemandEndpoints
{
    /// <summary>Policy: who may use the demand API at all.</summary>
    public const string UsersPolicy = "demands.users";

    /// <summary>Roles that handle demands inside their scope.</summary>
    public static readonly string[] WorkerRoles = ResidentEndpoints.KeeperRoles;

    /// <summary>Roles that may use the demand API.</summary>
    public static readonly string[] UserRoles = [.. WorkerRoles, PlatformRoleNames.Resident];

    public static IEndpointRouteBuilder MapDemandEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var demands = endpoints.MapGroup("/api/demands").RequireTenant().WithTags("Demands");
        var users = demands.MapGroup("").RequireAuthorization(UsersPolicy);
        FileDemand.Map(users);
        ListDemands.Map(users);
        GetDemand.Map(users);
        ActOnDemand.Map(users);
        TrackDemand.Map(demands);
        return endpoints;
    }
}
