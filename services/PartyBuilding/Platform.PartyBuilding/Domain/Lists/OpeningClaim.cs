using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Lists;

/// <summary>Where a claim stands.</summary>
public enum ClaimStatus
{
    /// <summary>Claimed, waiting for the community to confirm; it holds a place.</summary>
    Claimed,

    /// <summary>The community confirmed it; it holds a place until its outcome.</summary>
    Confirmed,

    /// <summary>The community declined it, with a reason; the place is free again.</summary>
    Declined,

    /// <summary>Served to its end: it earns the points per completed claim.</summary>
    Completed,

    /// <summary>Given up before its term ended: it costs the deduction per abandoned claim.</summary>
    Abandoned,
}

/// <summary>
/// A member's or a unit's claim (认领) of a place on an opening, for a term inside the opening's. The community confirms
/// or declines it, then records its outcome: completed, or abandoned before its term. Completed and abandoned claims
/// count for the member's points in the period of the day they ended.
/// </summary>
public sealed class OpeningClaim : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest reason or outcome note.</summary>
    public const int NoteMaxLength = 500;

    private OpeningClaim()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The opening claimed.</summary>
    public Guid OpeningId { get; private set; }

    /// <summary>The opening's path: the officials who see the opening see its claims.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The member's report, for a member's claim.</summary>
    public Guid? MemberReportId { get; private set; }

    /// <summary>The member's user id, for a member's claim.</summary>
    public string? UserId { get; private set; }

    /// <summary>The workplace, for a unit's claim.</summary>
    public Guid? WorkplaceId { get; private set; }

    /// <summary>Who claimed: the member, or the official acting for the unit.</summary>
    public string ClaimedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset ClaimedAt { get; private set; }

    /// <summary>The term's first day.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The term's last day.</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>Where it stands.</summary>
    public ClaimStatus Status { get; private set; }

    /// <summary>Who confirmed or declined it.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why it was declined.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>The district date it was completed or abandoned on, which decides the period it counts in.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>What came of it (what was done, or why it was given up).</summary>
    public string? Outcome { get; private set; }

    /// <summary>Who recorded the outcome.</summary>
    public string? OutcomeRecordedBy { get; private set; }

    /// <summary>Whether it holds one of the opening's places.</summary>
    public bool HoldsPlace => Status is ClaimStatus.Claimed or ClaimStatus.Confirmed;

    /// <summary>Why a reason or an outcome note is unacceptable, or null.</summary>
    public static string? NoteProblem(string? note) => TextRules.Problem(note, NoteMaxLength);

    internal static OpeningClaim ByMember(Opening opening, MemberReport report, (DateOnly StartsOn, DateOnly EndsOn) term, DateTimeOffset now) =>
        Create(opening, term, report.UserId, now, memberReportId: report.Id, userId: report.UserId, workplaceId: null);

    internal static OpeningClaim ByUnit(Opening opening, UnitReport report, string claimedBy, (DateOnly StartsOn, DateOnly EndsOn) term, DateTimeOffset now) =>
        Create(opening, term, claimedBy, now, memberReportId: null, userId: null, workplaceId: report.WorkplaceId);

    /// <summary>The community confirms the claim.</summary>
    /// <exception cref="DomainException">It is not waiting for confirmation.</exception>
    public void Confirm(string decidedBy, DateTimeOffset now)
    {
        EnsureStatus("confirmed", ClaimStatus.Claimed);
        Decide(ClaimStatus.Confirmed, decidedBy, now);
    }

    /// <summary>The community declines the claim with <paramref name="reason"/>; its place is free again.</summary>
    /// <exception cref="DomainException">It is not waiting for confirmation.</exception>
    public void Decline(string decidedBy, string reason, DateTimeOffset now)
    {
        ThrowIfBadNote(reason);
        EnsureStatus("declined", ClaimStatus.Claimed);
        Decide(ClaimStatus.Declined, decidedBy, now);
        DeclineReason = reason.Trim();
    }

    /// <summary>
    /// Records the claim's outcome on the day it ended (which may be before it is recorded, as paper records come in late):
    /// completed, served from its first day on; or abandoned, a waiting or confirmed claim given up before its last day.
    /// Either frees its place; the day decides the period whose points it counts in.
    /// </summary>
    /// <exception cref="DomainException">The claim is not confirmed (for completion) or holds no place (for abandonment), or the day does not fit.</exception>
    public void End(bool completed, DateOnly endedOn, string outcome, string recordedBy, DateTimeOffset now)
    {
        ThrowIfBadNote(outcome);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        EnsureStatus(completed ? "completed" : "abandoned", completed ? new[] { ClaimStatus.Confirmed } : new[] { ClaimStatus.Claimed, ClaimStatus.Confirmed });
        if (endedOn > DistrictClock.Today(now))
        {
            throw new DomainException(PartyBuildingErrors.InvalidClaimOutcome, "Record an outcome once it has happened.", "endedOn");
        }

        if (completed ? endedOn < StartsOn : endedOn >= EndsOn)
        {
            throw new DomainException(
                PartyBuildingErrors.InvalidClaimOutcome,
                completed ? $"A claim is completed once served, from {StartsOn:yyyy-MM-dd} on." : $"A claim is abandoned before its last day, {EndsOn:yyyy-MM-dd}; served to it, it is completed.",
                "endedOn");
        }

        Status = completed ? ClaimStatus.Completed : ClaimStatus.Abandoned;
        EndedOn = endedOn;
        Outcome = outcome.Trim();
        OutcomeRecordedBy = recordedBy;
    }

    private static OpeningClaim Create(
        Opening opening, (DateOnly StartsOn, DateOnly EndsOn) term, string claimedBy, DateTimeOffset now, Guid? memberReportId, string? userId, Guid? workplaceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimedBy);
        return new OpeningClaim
        {
            Id = Guid.CreateVersion7(now),
            OpeningId = opening.Id,
            MemberReportId = memberReportId,
            UserId = userId,
            WorkplaceId = workplaceId,
            NodePath = opening.NodePath,
            ClaimedBy = claimedBy,
            ClaimedAt = now,
            StartsOn = term.StartsOn,
            EndsOn = term.EndsOn,
            Status = ClaimStatus.Claimed,
        };
    }

    private static void ThrowIfBadNote(string note)
    {
        if (NoteProblem(note) is { } problem)
        {
            throw new ArgumentException(problem, nameof(note));
        }
    }

    private void Decide(ClaimStatus status, string decidedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        Status = status;
        DecidedBy = decidedBy;
        DecidedAt = now;
    }

    private void EnsureStatus(string step, params ClaimStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(PartyBuildingErrors.InvalidClaimTransition, $"A {Status.ToWire()} claim cannot be {step}.") { Facts = { ["status"] = Status.ToWire() } };
        }
    }
}
