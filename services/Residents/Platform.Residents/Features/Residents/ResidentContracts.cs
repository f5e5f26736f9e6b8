using Platform.Residents.Domain;

namespace Platform.Residents.Features.Residents;

/// <summary>A new resident.</summary>
/// <param name="Name">Name, e.g. 张三.</param>
/// <param name="IdNumber">身份证号, 18 characters.</param>
/// <param name="Phone">Mainland mobile number, optional.</param>
/// <param name="NodeId">A building or unit of the territory tree, or a household id.</param>
/// <param name="Household">Door number (室号) at that building or unit, e.g. 301; the household is created when new.</param>
/// <param name="Residence"><c>hukou</c> (default) or <c>resident_only</c>.</param>
/// <param name="Tags">Tags: low-income, disabled, elderly, minor, special-care, living-alone. Age tags are added from the birth date.</param>
/// <param name="PartyMember">A party member (党员); default false.</param>
/// <param name="Owner">A home owner (业主); default false.</param>
/// <param name="Volunteer">A registered volunteer; default false.</param>
public sealed record CreateResidentRequest(
    string? Name, string? IdNumber, string? Phone, Guid? NodeId, string? Household, Residence? Residence, IReadOnlyList<string>? Tags,
    bool? PartyMember = null, bool? Owner = null, bool? Volunteer = null);

/// <summary>Corrections to a resident; absent fields are kept.</summary>
/// <param name="Name">New name.</param>
/// <param name="Phone">New phone; an empty string removes it.</param>
/// <param name="Residence"><c>hukou</c> or <c>resident_only</c>.</param>
/// <param name="PartyMember">Party member or not.</param>
/// <param name="Owner">Home owner or not.</param>
/// <param name="Volunteer">Volunteer or not.</param>
public sealed record UpdateResidentRequest(string? Name, string? Phone, Residence? Residence, bool? PartyMember = null, bool? Owner = null, bool? Volunteer = null);

/// <summary>Where a resident or a household moves to.</summary>
/// <param name="NodeId">A building or unit, or (for a resident) a household id.</param>
/// <param name="Household">Door number at the new building or unit, for a resident joining or founding a household there.</param>
public sealed record MoveRequest(Guid? NodeId, string? Household);

/// <summary>Tags to add and to remove.</summary>
/// <param name="Add">Tags to add.</param>
/// <param name="Remove">Tags to remove.</param>
public sealed record ChangeTagsRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

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

/// <summary>One page of residents in name order; pass <paramref name="NextCursor"/> back as <c>cursor</c> for the next.</summary>
/// <param name="Items">The residents.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
public sealed record ResidentPage(IReadOnlyList<ResidentResponse> Items, string? NextCursor);

/// <summary>A household with its members.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="NodeId">The building or unit.</param>
/// <param name="Number">Door number.</param>
/// <param name="Members">The residents living there, masked.</param>
public sealed record HouseholdResponse(Guid Id, Guid NodeId, string Number, IReadOnlyList<ResidentResponse> Members);

/// <summary>One read of unmasked personal data.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="ResidentId">Whose data.</param>
/// <param name="UserId">Who read it.</param>
/// <param name="UserName">Their name.</param>
/// <param name="Fields">Which fields.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record PersonalDataAccessResponse(Guid Id, Guid ResidentId, string UserId, string? UserName, string Fields, string Reason, DateTimeOffset At)
{
    public static PersonalDataAccessResponse From(PersonalDataAccess access) =>
        new(access.Id, access.ResidentId, access.UserId, access.UserName, access.Fields, access.Reason, access.At);
}
