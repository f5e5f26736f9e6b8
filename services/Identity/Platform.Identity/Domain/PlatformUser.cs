using Microsoft.AspNetCore.Identity;

namespace Platform.Identity.Domain;

/// <summary>
/// A person who signs in. The account is platform-wide (one login, one password); what the person may do in
/// a district comes from their <see cref="Membership"/> there.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    /// <summary>Name shown to other users, e.g. 张三.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Creates an account; the password is set through the user manager so that it is hashed and checked.</summary>
    public static PlatformUser Create(string login, string displayName, string? phone, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserName = login,
        DisplayName = displayName,
        PhoneNumber = phone,
        CreatedAt = now,
        LockoutEnabled = true,
    };
}
