using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Features.Demands;

/// <summary>A new demand.</summary>
/// <param name="Title">Short title, at most 100 characters.</param>
/// <param name="Description">What the problem is, at most 2,000 characters.</param>
/// <param name="Category">Category, e.g. 环境卫生, 供暖, 噪音.</param>
/// <param name="Channel">app, hotline, patrol, visit or deliberation.</param>
/// <param name="NodeId">The territory node the demand is about.</param>
/// <param name="ResidentId">The resident concerned, if known (workers only).</param>
/// <param name="Priority">normal (default) or urgent; urgent demands must be answered within 2 hours.</param>
public sealed record FileDemandRequest(
    string? Title, string? Description, string? Category, DemandChannel? Channel, Guid? NodeId, Guid? ResidentId, DemandPriority? Priority);

/// <summary>
/// The body of <c>POST /api/demands/{id}/{action}</c>; each action reads the fields it needs:
/// classify <c>category</c> (and optionally <c>nodeId</c>), assign <c>assigneeType</c> + <c>assigneeId</c>,
/// whistle <c>departments</c>, checkin <c>department</c>, unresolvable <c>reason</c>, callback <c>satisfaction</c> + <c>score</c>.
/// Every action takes an optional <c>note</c> and <c>attachments</c> (references to stored files).
/// </summary>
/// <param name="Note">Free note for the history.</param>
/// <param name="Attachments">References to attached files (at most 10).</param>
/// <param name="Category">classify: the category.</param>
/// <param name="NodeId">classify: the corrected node.</param>
/// <param name="AssigneeType">assign: community, department or property_company.</param>
/// <param name="AssigneeId">assign: the community node id, the department's name or the company id.</param>
/// <param name="Departments">whistle: the departments summoned, e.g. 城管, 公安.</param>
/// <param name="Department">checkin: the department checking in.</param>
/// <param name="Reason">unresolvable: why.</param>
/// <param name="Satisfaction">callback: satisfied, basically_satisfied or dissatisfied.</param>
/// <param name="Score">callback: 1 to 5.</param>
public sealed record DemandActionRequest(
    string? Note,
    IReadOnlyList<string>? Attachments,
    string? Category,
    Guid? NodeId,
    AssigneeType? AssigneeType,
    string? AssigneeId,
    IReadOnlyList<string>? Departments,
    string? Department,
    string? Reason,
    Satisfaction? Satisfaction,
    int? Score);

/// <summary>Whether a demand missed its deadlines (as of the answer).</summary>
/// <param name="Response">Not answered by the response deadline.</param>
/// <param name="Resolution">Not concluded by the resolution deadline.</param>
public sealed record OverdueFlags(bool Response, bool Resolution);

/// <summary>A department summoned by a whistle and when it checked in.</summary>
/// <param name="Department">The department.</param>
/// <param name="SummonedAt">When summoned.</param>
/// <param name="CheckedInAt">When it checked in (报到); null while pending.</param>
public sealed record SummonsResponse(string Department, DateTimeOffset SummonedAt, DateTimeOffset? CheckedInAt);

/// <summary>One step of a demand's history.</summary>
/// <param name="Sequence">1, 2, 3…</param>
/// <param name="Action">file, a transition's name, or work_order.</param>
/// <param name="FromStatus">Status before.</param>
/// <param name="ToStatus">Status after.</param>
/// <param name="ActorId">Who.</param>
/// <param name="ActorName">Their name.</param>
/// <param name="At">When.</param>
/// <param name="Note">Note.</param>
/// <param name="Attachments">Attachment references.</param>
/// <param name="Details">What the step set, e.g. the assignee or the departments.</param>
public sealed record HistoryResponse(
    int Sequence, string Action, DemandStatus? FromStatus, DemandStatus ToStatus, string ActorId, string? ActorName, DateTimeOffset At,
    string? Note, IReadOnlyList<string> Attachments, string? Details);

/// <summary>A demand as workers and its filer see it.</summary>
public sealed record DemandResponse(
    Guid Id,
    string TrackingNumber,
    DemandStatus Status,
    string Title,
    string Description,
    string Category,
    DemandChannel Channel,
    DemandPriority Priority,
    Guid NodeId,
    Guid? GridId,
    Guid? ResidentId,
    AssigneeType? AssigneeType,
    string? AssigneeId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ResponseDueAt,
    DateTimeOffset ResolutionDueAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    string? UnresolvableReason,
    Satisfaction? Satisfaction,
    int? Score,
    int ReopenCount,
    OverdueFlags Overdue,
    IReadOnlyList<DemandAction> AllowedActions,
    IReadOnlyList<SummonsResponse> Summons,
    IReadOnlyList<HistoryResponse>? History)
{
    public static DemandResponse From(Demand demand, DateTimeOffset now, bool withHistory) => new(
        demand.Id, demand.TrackingNumber, demand.Status, demand.Title, demand.Description, demand.Category, demand.Channel, demand.Priority,
        demand.NodeId, demand.GridId, demand.ResidentId, demand.AssigneeType, demand.AssigneeId, demand.ReceivedAt, demand.ResponseDueAt,
        demand.ResolutionDueAt, demand.RespondedAt, demand.ResolvedAt, demand.ClosedAt, demand.UnresolvableReason, demand.Satisfaction,
        demand.SatisfactionScore, demand.ReopenCount, new OverdueFlags(demand.IsResponseOverdue(now), demand.IsResolutionOverdue(now)),
        demand.AllowedActions,
        [.. demand.Summons.Select(s => new SummonsResponse(s.Department, s.SummonedAt, s.CheckedInAt))],
        withHistory
            ? [.. demand.History.OrderBy(h => h.Sequence).Select(h => new HistoryResponse(h.Sequence, h.Action, h.FromStatus, h.ToStatus, h.ActorId, h.ActorName, h.At, h.Note, h.Attachments, h.Details))]
            : null);
}

/// <summary>
/// What anyone holding a tracking number may see: the progress, nothing about the person or the problem's
/// wording (which may name people).
/// </summary>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="Status">Current status.</param>
/// <param name="Category">Category.</param>
/// <param name="ReceivedAt">When received.</param>
/// <param name="Steps">Each status change and when.</param>
public sealed record PublicDemandStatus(string TrackingNumber, DemandStatus Status, string Category, DateTimeOffset ReceivedAt, IReadOnlyList<PublicStep> Steps);

/// <summary>One public step.</summary>
/// <param name="Status">Status reached.</param>
/// <param name="At">When.</param>
public sealed record PublicStep(DemandStatus Status, DateTimeOffset At);
