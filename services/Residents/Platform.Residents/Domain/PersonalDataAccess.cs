using Platform.MultiTenancy.EntityFramework;

namespace Platform.Residents.Domain;

/// <summary>
/// One read of a resident's unmasked personal data (PIPL: every such read is recorded): who, when, which
/// resident, which fields and why. Append-only; district admins query them.
/// </summary>
public sealed class PersonalDataAccess : ITenantOwned
{
    /// <summary>The longest reason accepted.</summary>
    public const int ReasonMaxLength = 500;

    private PersonalDataAccess()
    {
    }

    /// <summary>Stable id, time-ordered.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The resident whose data was read.</summary>
    public Guid ResidentId { get; private set; }

    /// <summary>The reader's user id.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>The reader's name at the time.</summary>
    public string? UserName { get; private set; }

    /// <summary>The fields revealed, e.g. <c>idNumber,phone</c>.</summary>
    public string Fields { get; private set; } = "";

    /// <summary>Why the reader needed them.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Why a reason is unacceptable, or null.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "A reason is required to see unmasked personal data."
        : reason.Trim().Length > ReasonMaxLength ? $"At most {ReasonMaxLength} characters."
        : null;

    /// <summary>Records a read.</summary>
    public static PersonalDataAccess Record(Guid residentId, string userId, string? userName, IEnumerable<string> fields, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (ReasonProblem(reason) is { } problem)
        {
            throw new ArgumentException(problem, nameof(reason));
        }

        return new PersonalDataAccess
        {
            Id = Guid.CreateVersion7(now),
            ResidentId = residentId,
            UserId = userId,
            UserName = userName,
            Fields = string.Join(',', fields),
            Reason = reason.Trim(),
            At = now,
        };
    }
}
