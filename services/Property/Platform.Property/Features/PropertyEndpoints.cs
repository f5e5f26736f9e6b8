using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Property.Features.Areas;
using Platform.Property.Features.Committees;
using Platform.Property.Features.Companies;
using Platform.Property.Features.Funds;
using Platform.Property.Features.Integration;
using Platform.Property.Features.Votes;
using Platform.Property.Features.Webhooks;
using Platform.Property.Features.WorkOrders;

namespace Platform.Property.Features;

/// <summary>
/// The property service's API. Community workers, street and district admins keep the areas and rolls of their
/// territory and enter paper and proxy ballots; owners linked to the roll vote online and follow their area's votes.
/// An area outside the caller's scope answers 404 exactly like one that does not exist.
/// </summary>
internal static class PropertyEndpoints
{
    /// <summary>Policy: the workers and administrators who keep areas, rolls and votes inside their scope.</summary>
    public const string KeepersPolicy = "property.keepers";

    /// <summary>Policy: any signed-in user of the district (owners vote online; the handlers check whose units they hold).</summary>
    public const string VotersPolicy = "property.voters";

    /// <summary>Policy: who sets the district's decision rules.</summary>
    public const string RuleMakersPolicy = "property.rule_makers";

    /// <summary>Policy: property companies' machine clients, which report on their own work orders.</summary>
    public const string CompaniesPolicy = "property.companies";

    /// <summary>Policy: who reads work orders (a company its own, keepers their territory's).</summary>
    public const string WorkOrderReadersPolicy = "property.work_order_readers";

    /// <summary>Policy: the street (and the district) that forms interim committees and files owners' committees.</summary>
    public const string StreetPolicy = "property.street";

    /// <summary>The tag of the areas' and rolls' endpoints.</summary>
    public const string AreasTag = "物业管理区域 Areas and the owners' roll";

    /// <summary>Roles that keep the roll inside their scope.</summary>
    public static readonly string[] KeeperRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    public static IEndpointRouteBuilder MapPropertyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var property = endpoints.MapGroup("/api/property").RequireTenant();

        var areas = property.MapGroup("/areas").RequireAuthorization(KeepersPolicy).WithTags(AreasTag);
        CreateArea.Map(areas);
        ListAreas.Map(areas);
        GetArea.Map(areas);
        RegisterUnit.Map(areas);
        GetRoll.Map(areas);
        DraftVote.Map(areas);
        RecordFundSpending.Map(areas);
        CompanyEndpoints.MapContracts(areas);
        FormCommittee.Map(areas);

        // Statements are published by the company too and read by owners: the group of their own policies.
        Statements.Map(property.MapGroup("/areas").WithTags("公共收益与维修资金 Statements"));

        var owners = property.MapGroup("/owners").RequireAuthorization(KeepersPolicy).WithTags(AreasTag);
        LinkOwner.Map(owners);
        RollImportEndpoints.Map(endpoints);

        var votes = property.MapGroup("/votes").RequireAuthorization(VotersPolicy).WithTags("表决 Votes");
        GetVote.Map(votes);
        ChangeVoteStatus.Map(votes);
        CastBallot.Map(votes);
        ListBallots.Map(votes);
        GetTally.Map(votes);

        var committees = property.MapGroup("/committees").RequireAuthorization(KeepersPolicy).WithTags("业委会 Owners' and interim committees");
        CommitteeReports.Map(committees);
        CommitteeSteps.Map(committees);

        var companies = property.MapGroup("/companies").RequireAuthorization(RuleMakersPolicy).WithTags("物业服务企业 Property companies");
        CompanyEndpoints.MapCompanies(companies);

        var workOrders = property.MapGroup("/work-orders").RequireAuthorization(WorkOrderReadersPolicy).WithTags("工单 Work orders");
        WorkOrderEndpoints.Map(workOrders);

        var managers = property.MapGroup("/project-managers").RequireAuthorization(WorkOrderReadersPolicy).WithTags("物业服务企业 Property companies");
        ProjectManagers.Map(managers);

        var webhooks = property.MapGroup("/webhooks").RequireAuthorization(CompaniesPolicy).WithTags("Webhooks 事件推送");
        WebhookEndpoints.Map(webhooks);

        var integration = property.MapGroup("/integration").WithTags("工单 Work orders");
        ReceiveCloudEvent.Map(integration);

        var rules = property.MapGroup("/rules").RequireAuthorization(RuleMakersPolicy).WithTags("表决 Votes");
        DecisionRulesEndpoints.Map(rules);
        return endpoints;
    }
}
