using Platform.PersonalData;

namespace Platform.SocialOrgs.Domain;

/// <summary>
/// A person to reach at an organisation (负责人, 联络人). The phone is personal data: stored encrypted, as a lookup
/// hash and masked, and shown masked only.
/// </summary>
public sealed class OrganisationContact
{
    /// <summary>The longest contact name.</summary>
    public const int NameMaxLength = 50;

    /// <summary>The longest role description.</summary>
    public const int RoleMaxLength = 30;

    private OrganisationContact()
    {
    }

    /// <summary>Name, e.g. 李梅.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Their role in the organisation, e.g. 负责人.</summary>
    public string Role { get; private set; } = "";

    /// <summary>The phone, encrypted.</summary>
    public string PhoneProtected { get; private set; } = "";

    /// <summary>The phone's lookup hash (the same person has the same hash in every service).</summary>
    public string PhoneHash { get; private set; } = "";

    /// <summary>The phone as answers show it, 138****8000.</summary>
    public string PhoneMasked { get; private set; } = "";

    /// <summary>Why a contact's name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) => RequiredText.Problem(name, NameMaxLength);

    /// <summary>Why a contact's role is unacceptable, or null.</summary>
    public static string? RoleProblem(string? role) => RequiredText.Problem(role, RoleMaxLength);

    /// <summary>A contact with the phone protected.</summary>
    /// <exception cref="ArgumentException">The name or role is blank or too long.</exception>
    public static OrganisationContact Of(string name, string role, MobilePhone phone, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(phone);
        ArgumentNullException.ThrowIfNull(protector);
        if ((NameProblem(name) ?? RoleProblem(role)) is { } problem)
        {
            throw new ArgumentException(problem, NameProblem(name) is null ? nameof(role) : nameof(name));
        }

        return new OrganisationContact
        {
            Name = name.Trim(),
            Role = role.Trim(),
            PhoneProtected = protector.Protect(phone.Value),
            PhoneHash = protector.LookupHash(phone.Value),
            PhoneMasked = phone.Masked,
        };
    }
}
