using Platform.Residents.Domain;

namespace Platform.Residents.Features.Residents;

/// <summary>A resident as lists show them: ID number and phone masked unless revealed.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Name.</param>
/// <param name="IdNumber">Masked (110***********002X), or clear when revealed.</param>
/// <param name="Phone">Masked (138****8000), or clear when revealed; null when none.</param>
/// <param name="Age">Age in full years today.</param>
/// <param name="Residence">Hukou or resident-only.</param>
/// <param name="NodeId">The building or unit.</param>
/// <param name="HouseholdId">The household, if any.</param>
/// <param name="Tags">Tags.</param>
/// <param name="PartyMember">Party member (党员).</param>
/// <param name="Owner">Home owner (业主).</param>
/// <param name="Volunteer">Registered volunteer.</param>
/// <param name="RegisteredAt">When registered.</param>
/// <param name="UpdatedAt">When last changed.</param>
/// <param name="Revealed">Whether <paramref name="IdNumber"/> and <paramref name="Phone"/> are clear (an audited read).</param>
public sealed record ResidentResponse(
    Guid Id, string Name, string IdNumber, string? Phone, int Age, Residence Residence, Guid NodeId, Guid? HouseholdId,
    IReadOnlyList<string> Tags, bool PartyMember, bool Owner, bool Volunteer, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt, bool Revealed)
{
    public static ResidentResponse Masked(Resident resident, DateOnly today) => new(
        resident.Id, resident.Name, resident.IdNumberMasked, resident.PhoneMasked, AgeOn(resident.BirthDate, today), resident.Residence,
        resident.NodeId, resident.HouseholdId, resident.Tags, resident.IsPartyMember, resident.IsOwner, resident.IsVolunteer,
        resident.RegisteredAt, resident.UpdatedAt, Revealed: false);

    private static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate.AddYears(age) > today ? age - 1 : age;
    }
}
