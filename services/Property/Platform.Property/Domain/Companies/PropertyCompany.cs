using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Companies;

/// <summary>
/// A property service company (物业服务企业) registered in the district: the code demands are assigned to it by, its
/// credit code, whether it is a party-building model (红色物业), and the machine client its own system calls the API with.
/// </summary>
public sealed class PropertyCompany : ITenantOwned
{
    /// <summary>The longest code or name.</summary>
    public const int TextMaxLength = 100;

    private PropertyCompany()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The code the residents service assigns demands to (e.g. pc-7), unique in the district.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Unified social credit code, unique in the district.</summary>
    public string CreditCode { get; private set; } = "";

    /// <summary>Whether the company is recognised as 红色物业.</summary>
    public bool RedProperty { get; private set; }

    /// <summary>The identity service's machine client of the company's own system, if it has one.</summary>
    public string? ClientId { get; private set; }

    /// <summary>When it was registered.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Why a code or name is unacceptable, or null.</summary>
    public static string? TextProblem(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? $"A {what} is required."
        : text.Trim().Length > TextMaxLength ? $"At most {TextMaxLength} characters."
        : null;

    /// <summary>Registers a company.</summary>
    public static PropertyCompany Register(string code, string name, UnifiedSocialCreditCode creditCode, bool redProperty, string? clientId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        if ((TextProblem(code, "code") ?? TextProblem(name, "name")) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        return new PropertyCompany
        {
            Id = Guid.CreateVersion7(now), Code = code.Trim(), Name = name.Trim(), CreditCode = creditCode.Value, RedProperty = redProperty,
            ClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId.Trim(), RegisteredAt = now,
        };
    }
}
