namespace Platform.Portal.Features.Residents;

/// <summary>One entry of Identity's audit trail (logins, users, memberships, clients).</summary>
public sealed record AccountAuditView(Guid Id, DateTimeOffset At, string Action, Guid? ActorId, string? Subject, string? Detail);

public sealed record AccountAuditPage(IReadOnlyList<AccountAuditView> Items, int Page, int PageSize, int Total);
