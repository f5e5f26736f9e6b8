using Platform.Contracts;

namespace Platform.PartyBuilding.Contracts;

/// <summary>
/// A community confirmed an in-service party member's report (个人报到): from now on the member is reported there and
/// their service counts for the community. Carries no personal data: name, ID number and phone stay in the
/// party-building service.
/// </summary>
public sealed record PartyMemberReportConfirmedIntegrationEvent : IntegrationEvent
{
    /// <summary>The member report.</summary>
    public required Guid ReportId { get; init; }

    /// <summary>The member's platform user id (the access token's <c>sub</c>).</summary>
    public required string UserId { get; init; }

    /// <summary>The community (or village) reported to.</summary>
    public required Guid CommunityNodeId { get; init; }

    /// <summary>The member's workplace party organisation, as the reporting district knows it.</summary>
    public required Guid WorkplaceId { get; init; }
}
