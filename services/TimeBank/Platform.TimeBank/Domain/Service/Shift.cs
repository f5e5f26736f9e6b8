using System.Buffers.Binary;
using System.Security.Cryptography;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.TimeBank.Domain.Service;

/// <summary>A shift's current check-in code and when it stops being shown.</summary>
/// <param name="Code">Six digits.</param>
/// <param name="ExpiresAt">When the next code replaces it (it is still accepted for one more period).</param>
public sealed record ShiftCode(string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// A shift of an activity: a time window with a capacity, its sign-ups and their check-ins and check-outs by the shift's
/// rotating code, and the organiser's approval of each volunteer's minutes.
/// </summary>
/// <remarks>
/// The code is a time-based one-time code over a secret of the shift (HMAC-SHA256 of the period number, as in RFC 6238):
/// it changes every <see cref="CodePeriod"/>, is accepted for two periods (the one shown and the one before, so a code
/// read just before it rotated still works), and a code of another shift is as wrong as a stale one.
/// </remarks>
public sealed class Shift : ITenantOwned
{
    /// <summary>How long one code is shown.</summary>
    public static readonly TimeSpan CodePeriod = TimeSpan.FromSeconds(60);

    /// <summary>How long after its end a shift may still be recorded and approved.</summary>
    public static readonly TimeSpan RecordingWindow = TimeSpan.FromDays(7);

    /// <summary>The longest shift.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

    /// <summary>The most volunteers one shift takes.</summary>
    public const int MaxCapacity = 10_000;

    /// <summary>How early before the start volunteers may check in.</summary>
    public static readonly TimeSpan EarlyCheckIn = TimeSpan.FromMinutes(30);

    private readonly List<SignUp> _signUps = [];

    private Shift()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The activity.</summary>
    public Guid ActivityId { get; private set; }

    /// <summary>When it starts.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>When it ends.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>How many volunteers it takes.</summary>
    public int Capacity { get; private set; }

    /// <summary>The secret the codes are derived from; never leaves the service.</summary>
    public byte[] CodeSecret { get; private set; } = [];

    /// <summary>The volunteers signed up.</summary>
    public IReadOnlyList<SignUp> SignUps => _signUps;

    /// <summary>The shift's length: the most minutes anyone earns on it.</summary>
    public long LengthMinutes => (long)(EndsAt - StartsAt).TotalMinutes;

    internal static Shift Of(Activity activity, DateTimeOffset startsAt, DateTimeOffset endsAt, int capacity, byte[] codeSecret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentOutOfRangeException.ThrowIfLessThan(codeSecret.Length, 16, nameof(codeSecret));
        if (Problem(startsAt, endsAt, capacity, now) is { } problem)
        {
            throw new DomainException(ServiceErrors.InvalidShift, problem);
        }

        // Kept in UTC whatever offset the organiser wrote (+08:00 in China), as PostgreSQL stores instants.
        return new Shift
        {
            Id = Guid.CreateVersion7(now), ActivityId = activity.Id, StartsAt = startsAt.ToUniversalTime(), EndsAt = endsAt.ToUniversalTime(), Capacity = capacity, CodeSecret = codeSecret,
        };
    }

    /// <summary>Why a shift is impossible, or null.</summary>
    public static string? Problem(DateTimeOffset startsAt, DateTimeOffset endsAt, int capacity, DateTimeOffset now) =>
        endsAt - startsAt < TimeSpan.FromMinutes(1) ? "A shift ends at least a minute after it starts."
        : endsAt - startsAt > MaxLength ? $"A shift lasts at most {MaxLength.TotalHours} hours."
        : endsAt + RecordingWindow < now ? $"A shift may be recorded up to {RecordingWindow.TotalDays} days after it ended."
        : capacity is < 1 or > MaxCapacity ? $"From 1 to {MaxCapacity} volunteers."
        : null;

    /// <summary>Signs <paramref name="volunteerId"/> up while there is room and the shift is not over.</summary>
    /// <exception cref="DomainException">The shift is over or full, or the volunteer signed up already.</exception>
    public SignUp SignUp(string volunteerId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(volunteerId);
        if (now >= EndsAt)
        {
            throw new DomainException(ServiceErrors.ShiftOver, $"Shift {Id} ended at {EndsAt:O}.");
        }

        if (Find(volunteerId) is not null)
        {
            throw new DomainException(ServiceErrors.AlreadySignedUp, "You are signed up for this shift already.");
        }

        if (_signUps.Count >= Capacity)
        {
            throw new DomainException(ServiceErrors.ShiftFull, $"All {Capacity} places of shift {Id} are taken.");
        }

        var signUp = new SignUp(volunteerId, now);
        _signUps.Add(signUp);
        return signUp;
    }

    /// <summary>The code to show at <paramref name="now"/>.</summary>
    public ShiftCode CodeAt(DateTimeOffset now)
    {
        var period = PeriodOf(now);
        return new ShiftCode(CodeOf(period), DateTimeOffset.FromUnixTimeSeconds((period + 1) * (long)CodePeriod.TotalSeconds));
    }

    /// <summary>Checks the volunteer in with the code they read.</summary>
    /// <exception cref="DomainException">Not signed up, a wrong or stale code, too early, after the end, or checked in already.</exception>
    public void CheckIn(string volunteerId, string? code, DateTimeOffset now)
    {
        var signUp = RequireSignUp(volunteerId);
        RequireCode(code, now);
        if (now < StartsAt - EarlyCheckIn || now >= EndsAt || signUp.CheckedInAt is not null)
        {
            throw new DomainException(ServiceErrors.CheckInOrder, signUp.CheckedInAt is null ? "Check-in opens 30 minutes before the shift and closes at its end." : "You checked in already.");
        }

        signUp.CheckedInAt = now;
    }

    /// <summary>Checks the volunteer out with the code they read.</summary>
    /// <exception cref="DomainException">Not signed up, a wrong or stale code, not checked in, or checked out already.</exception>
    public void CheckOut(string volunteerId, string? code, DateTimeOffset now)
    {
        var signUp = RequireSignUp(volunteerId);
        RequireCode(code, now);
        if (signUp.CheckedInAt is null || signUp.CheckedOutAt is not null)
        {
            throw new DomainException(ServiceErrors.CheckInOrder, signUp.CheckedInAt is null ? "Check in first." : "You checked out already.");
        }

        signUp.CheckedOutAt = now;
    }

    /// <summary>
    /// Approves a volunteer's service: <paramref name="minutes"/> if the organiser gives them (up to the shift's length),
    /// else the measured check-out − check-in, capped at the shift's length.
    /// </summary>
    /// <returns>The approved sign-up, with its minutes and the id of its service record.</returns>
    /// <exception cref="DomainException">Not signed up, approved already, more minutes than the shift, nothing measured, or the recording window closed.</exception>
    public SignUp Approve(string volunteerId, long? minutes, string approvedBy, DateTimeOffset now)
    {
        var signUp = RequireSignUp(volunteerId);
        if (now > EndsAt + RecordingWindow)
        {
            throw new DomainException(ServiceErrors.RecordingClosed, $"Shift {Id} ended more than {RecordingWindow.TotalDays} days ago.");
        }

        if (signUp.ApprovedAt is not null)
        {
            throw new DomainException(ServiceErrors.AlreadyApproved, $"The service of {volunteerId} on this shift was approved already.");
        }

        if (minutes is { } given && (given < 1 || given > LengthMinutes))
        {
            throw new DomainException(ServiceErrors.MinutesBeyondShift, $"From 1 to {LengthMinutes} minutes (the shift's length).", "minutes");
        }

        var approved = minutes ?? MeasuredMinutes(signUp) ?? throw new DomainException(ServiceErrors.NothingToApprove, $"{volunteerId} has not checked out; give the minutes explicitly.");
        if (approved < 1)
        {
            throw new DomainException(ServiceErrors.NothingToApprove, $"{volunteerId} served less than a minute.");
        }

        signUp.ApprovedMinutes = approved;
        signUp.ApprovedAt = now;
        signUp.ApprovedBy = approvedBy;
        signUp.RecordId = Guid.CreateVersion7(now);
        return signUp;
    }

    private long? MeasuredMinutes(SignUp signUp) =>
        signUp is { CheckedInAt: { } inAt, CheckedOutAt: { } outAt } ? Math.Min((long)(outAt - inAt).TotalMinutes, LengthMinutes) : null;

    private SignUp? Find(string volunteerId) => _signUps.Find(s => s.VolunteerId == volunteerId);

    private SignUp RequireSignUp(string volunteerId) =>
        Find(volunteerId) ?? throw new DomainException(ServiceErrors.NotSignedUp, $"{volunteerId} is not signed up for shift {Id}.");

    private void RequireCode(string? code, DateTimeOffset now)
    {
        var period = PeriodOf(now);
        if (code is null || !(Same(code, CodeOf(period)) || Same(code, CodeOf(period - 1))))
        {
            throw new DomainException(ServiceErrors.InvalidCode, "The code is wrong or stale; read the one the organiser shows now.", "code");
        }
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));

    private static long PeriodOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)CodePeriod.TotalSeconds;

    private string CodeOf(long period)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, period);
        var hash = HMACSHA256.HashData(CodeSecret, counter);
        // Dynamic truncation (RFC 4226): four bytes at an offset the hash itself chooses.
        var offset = hash[^1] & 0x0F;
        var value = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A volunteer's place on a shift, with their check-in, check-out and approval.</summary>
public sealed class SignUp
{
    private SignUp()
    {
    }

    internal SignUp(string volunteerId, DateTimeOffset signedUpAt)
    {
        VolunteerId = volunteerId;
        SignedUpAt = signedUpAt;
    }

    /// <summary>The volunteer's user id.</summary>
    public string VolunteerId { get; private set; } = "";

    /// <summary>When they signed up.</summary>
    public DateTimeOffset SignedUpAt { get; private set; }

    /// <summary>When they checked in.</summary>
    public DateTimeOffset? CheckedInAt { get; internal set; }

    /// <summary>When they checked out.</summary>
    public DateTimeOffset? CheckedOutAt { get; internal set; }

    /// <summary>The minutes approved.</summary>
    public long? ApprovedMinutes { get; internal set; }

    /// <summary>When the organiser approved.</summary>
    public DateTimeOffset? ApprovedAt { get; internal set; }

    /// <summary>Who approved.</summary>
    public string? ApprovedBy { get; internal set; }

    /// <summary>The service record's id, once approved: also the id of the ledger transfer that credited the minutes.</summary>
    public Guid? RecordId { get; internal set; }
}
