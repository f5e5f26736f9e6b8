using Platform.Residents.Domain.Deliberation;

namespace Platform.Residents.Features.Deliberation;

/// <summary>A representative (议事代表) as the workers of the area see them.</summary>
/// <param name="Id">Id.</param>
/// <param name="NodeId">The area represented.</param>
/// <param name="ResidentId">The resident record, for a registered resident.</param>
/// <param name="Name">The name (the public notices show it masked).</param>
/// <param name="Organisation">The unit or organisation spoken for, if any.</param>
/// <param name="Seat"><c>residents</c>, <c>local_units</c>, <c>social_organisations</c> or <c>invitees</c>.</param>
/// <param name="Nomination"><c>party_organisation</c>, <c>residents</c> or <c>self</c>.</param>
/// <param name="TermStart">The term's first day.</param>
/// <param name="TermEnd">The term's last day.</param>
/// <param name="Status"><c>in_publicity</c>, <c>confirmed</c> or <c>rejected</c>.</param>
/// <param name="NoticeId">The nomination's public notice, to which objections are filed.</param>
/// <param name="ObjectionsUntil">The end of the objection period.</param>
/// <param name="Objections">How many objections were filed.</param>
/// <param name="NominatedAt">When nominated.</param>
/// <param name="DecidedAt">When confirmed or rejected.</param>
/// <param name="DecisionNote">How the objections were answered, or why the nominee was rejected.</param>
public sealed record RepresentativeResponse(
    Guid Id, Guid NodeId, Guid? ResidentId, string Name, string? Organisation, RepresentativeSeat Seat, RepresentativeNomination Nomination, DateOnly TermStart,
    DateOnly TermEnd, RepresentativeStatus Status, Guid NoticeId, DateTimeOffset ObjectionsUntil, int Objections, DateTimeOffset NominatedAt,
    DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public static RepresentativeResponse From(Representative representative, Guid noticeId, int objections) => new(
        representative.Id, representative.NodeId, representative.ResidentId, representative.Name, representative.Organisation, representative.Seat,
        representative.Nomination, representative.TermStart, representative.TermEnd, representative.Status, noticeId, representative.ObjectionsUntil, objections,
        representative.NominatedAt, representative.DecidedAt, representative.DecisionNote);
}
