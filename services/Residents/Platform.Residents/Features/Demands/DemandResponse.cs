using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Features.Demands;

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
