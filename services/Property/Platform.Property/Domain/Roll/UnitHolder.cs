using Platform.Domain;
using Platform.PersonalData;

namespace Platform.Property.Domain.Roll;

/// <summary>
/// One holder of an exclusive unit: a person (the ID number protected, hashed for comparison and masked for display,
/// as the resident record keeps it), a company or the developer (each known by the credit code).
/// </summary>
public sealed class UnitHolder
{
    /// <summary>The longest holder name.</summary>
    public const int NameMaxLength = 100;

    private UnitHolder()
    {
    }

    /// <summary>The unit held; set when the holder joins a unit's register.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>Person, company or developer.</summary>
    public HolderKind Kind { get; private set; }

    /// <summary>The holder's name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>A person's ID number, encrypted.</summary>
    public string? IdNumberProtected { get; private set; }

    /// <summary>A person's ID number as the keyed lookup hash: the same person has the same hash.</summary>
    public string? IdNumberHash { get; private set; }

    /// <summary>A person's ID number, masked for every answer.</summary>
    public string? IdNumberMasked { get; private set; }

    /// <summary>A company's or the developer's unified social credit code.</summary>
    public string? CreditCode { get; private set; }

    /// <summary>The resident record of a person, when linked.</summary>
    public Guid? ResidentId { get; private set; }

    /// <summary>What makes two holders the same holder: the ID number's hash, or the credit code.</summary>
    public string Identity => Kind == HolderKind.Person ? "p:" + IdNumberHash : "c:" + CreditCode;

    /// <summary>
    /// The name as other owners see it (a vote's roll): a person's with only the surname (张**), a company's or the
    /// developer's in full, since an organisation's name is public.
    /// </summary>
    public string NameShownToOwners => Kind == HolderKind.Person ? PersonName.Masked(Name) : Name;

    /// <summary>Why a holder name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A holder's name is required."
        : name.Trim().Length > NameMaxLength ? $"At most {NameMaxLength} characters."
        : null;

    /// <summary>
    /// This holder as a holder of <paramref name="unitId"/>: itself when it holds nothing yet, otherwise a copy, so the
    /// same holder given to two units (one person's several flats) is two register rows.
    /// </summary>
    internal UnitHolder Of(Guid unitId)
    {
        var holder = UnitId == Guid.Empty || UnitId == unitId ? this : (UnitHolder)MemberwiseClone();
        holder.UnitId = unitId;
        return holder;
    }

    /// <summary>A natural person holding the unit.</summary>
    public static UnitHolder Person(string name, ChineseIdNumber idNumber, PersonalDataProtector protector, Guid? residentId = null)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(protector);
        return new UnitHolder
        {
            Kind = HolderKind.Person, Name = Checked(name), ResidentId = residentId,
            IdNumberProtected = protector.Protect(idNumber.Value), IdNumberHash = protector.LookupHash(idNumber.Value), IdNumberMasked = idNumber.Masked,
        };
    }

    /// <summary>A company holding the unit.</summary>
    public static UnitHolder Company(string name, UnifiedSocialCreditCode creditCode) => Organisation(HolderKind.Company, name, creditCode);

    /// <summary>The developer holding a unit it has not sold.</summary>
    public static UnitHolder Developer(string name, UnifiedSocialCreditCode creditCode) => Organisation(HolderKind.Developer, name, creditCode);

    private static UnitHolder Organisation(HolderKind kind, string name, UnifiedSocialCreditCode creditCode)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        return new UnitHolder { Kind = kind, Name = Checked(name), CreditCode = creditCode.Value };
    }

    private static string Checked(string name) =>
        NameProblem(name) is { } problem ? throw new ArgumentException(problem, nameof(name)) : name.Trim();
}
