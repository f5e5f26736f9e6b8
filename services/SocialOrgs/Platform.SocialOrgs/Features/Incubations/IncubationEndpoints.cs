using Platform.MultiTenancy;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Incubations;

/// <summary>
/// The incubation centre: the district's assessment rubrics, and each organisation's way from application to graduation
/// or exit. Officials run it for the organisations of their scope; an organisation's users apply and follow their own.
/// </summary>
internal static class IncubationEndpoints
{
    public static IEndpointRouteBuilder MapIncubationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var incubation = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization(OrganisationEndpoints.UsersPolicy).WithTags("Incubation");
        Rubrics.Map(incubation);
        ApplyForIncubation.Map(incubation);
        ListIncubations.Map(incubation);
        GetIncubation.Map(incubation);
        RunIncubation.Map(incubation);
        AssessIncubation.Map(incubation);
        return endpoints;
    }
}

/// <summary>The incubation settings (section <c>SocialOrgs:Incubation</c>).</summary>
public sealed class IncubationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SocialOrgs:Incubation";

    /// <summary>How long an organisation may stay in one growth stage before it is flagged as stuck (default 180 days).</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromDays(180);
}
