using Platform.PartyBuilding.Domain.Reporting;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>How a report was decided.</summary>
/// <param name="Status">submitted, confirmed, returned or ended.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="DecidedBy">Who confirmed or returned it.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="ReturnReason">Why it was returned.</param>
/// <param name="EndedAt">When it ended.</param>
public sealed record ReportStateResponse(
    ReportStatus Status, DateTimeOffset SubmittedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? ReturnReason, DateTimeOffset? EndedAt)
{
    public static ReportStateResponse From(Report report) =>
        new(report.Status, report.SubmittedAt, report.DecidedBy, report.DecidedAt, report.ReturnReason, report.EndedAt);
}

/// <summary>A member's report; ID number and phone masked.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="UserId">The member's user id.</param>
/// <param name="Name">Name.</param>
/// <param name="IdNumber">Masked ID number.</param>
/// <param name="Phone">Masked phone.</param>
/// <param name="Employment">in_service or retired.</param>
/// <param name="Branch">care (关爱型), employment (就业型) or service (服务型), as of today.</param>
/// <param name="Skills">Skills offered.</param>
/// <param name="Availability">When they can serve.</param>
/// <param name="CommunityNodeId">The community reported to.</param>
/// <param name="AddressNodeId">The address in it.</param>
/// <param name="WorkplaceId">The workplace party organisation.</param>
/// <param name="CommitmentVersion">The commitment version signed.</param>
/// <param name="CommitmentText">The commitment text signed.</param>
/// <param name="State">How it was decided.</param>
public sealed record MemberReportResponse(
    Guid Id, string UserId, string Name, string IdNumber, string Phone, EmploymentStatus Employment, MemberBranch Branch, IReadOnlyList<string> Skills,
    string? Availability, Guid CommunityNodeId, Guid AddressNodeId, Guid WorkplaceId, int CommitmentVersion, string CommitmentText, ReportStateResponse State)
{
    public static MemberReportResponse From(MemberReport report, DateOnly today) => new(
        report.Id, report.UserId, report.Name, report.IdNumberMasked, report.PhoneMasked, report.Employment, report.BranchOn(today), report.Skills,
        report.Availability, report.CommunityNodeId, report.AddressNodeId, report.WorkplaceId, report.CommitmentVersion, report.CommitmentText,
        ReportStateResponse.From(report));
}

/// <summary>A workplace's report to its street.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="WorkplaceId">The workplace.</param>
/// <param name="StreetNodeId">The street reported to.</param>
/// <param name="SubmittedBy">Who submitted it for the workplace.</param>
/// <param name="AgreementSignedOn">When the co-building agreement was signed.</param>
/// <param name="AgreementEndsOn">Its last day.</param>
/// <param name="Resources">The resources offered.</param>
/// <param name="State">How it was decided.</param>
public sealed record UnitReportResponse(
    Guid Id, Guid WorkplaceId, Guid StreetNodeId, string SubmittedBy, DateOnly AgreementSignedOn, DateOnly AgreementEndsOn, IReadOnlyList<UnitResource> Resources,
    ReportStateResponse State)
{
    public static UnitReportResponse From(UnitReport report) => new(
        report.Id, report.WorkplaceId, report.StreetNodeId, report.SubmittedBy, report.AgreementSignedOn, report.AgreementEndsOn, report.Resources,
        ReportStateResponse.From(report));
}
