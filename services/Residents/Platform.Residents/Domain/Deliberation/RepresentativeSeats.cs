using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>How many representatives (议事代表) of each category of seat an area has at any one time.</summary>
public sealed record SeatCounts
{
    /// <summary>居民代表.</summary>
    public int Residents { get; init; }

    /// <summary>驻区单位.</summary>
    public int LocalUnits { get; init; }

    /// <summary>社会组织.</summary>
    public int SocialOrganisations { get; init; }

    /// <summary>特邀代表.</summary>
    public int Invitees { get; init; }

    /// <summary>The most seats of one category an area may have.</summary>
    public const int MaxSeats = 500;

    /// <summary>The seats of <paramref name="seat"/>.</summary>
    public int Of(RepresentativeSeat seat) => seat switch
    {
        RepresentativeSeat.Residents => Residents,
        RepresentativeSeat.LocalUnits => LocalUnits,
        RepresentativeSeat.SocialOrganisations => SocialOrganisations,
        RepresentativeSeat.Invitees => Invitees,
        _ => throw new ArgumentOutOfRangeException(nameof(seat), seat, "Not a seat category."),
    };

    /// <summary>What is wrong with the counts, or null: each is 0 to <see cref="MaxSeats"/>, and at least one seat in all.</summary>
    public string? Problem() =>
        new[] { Residents, LocalUnits, SocialOrganisations, Invitees }.Any(count => count is < 0 or > MaxSeats) ? $"Each count of seats is 0 to {MaxSeats}."
        : Residents + LocalUnits + SocialOrganisations + Invitees == 0 ? "An area has at least one seat."
        : null;
}

/// <summary>
/// The seats an area's workers set for its representatives, in place of the district's default (<see cref="DeliberationRules.Seats"/>);
/// a confirmation that would fill more seats of a category than the area has is refused.
/// </summary>
public sealed class RepresentativeSeatPlan : ITenantOwned
{
    private RepresentativeSeatPlan()
    {
    }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area (a community, a compound …).</summary>
    public Guid NodeId { get; private set; }

    /// <summary>The seats per category.</summary>
    public SeatCounts Seats { get; private set; } = null!;

    /// <summary>Who set them last.</summary>
    public string ChangedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Sets the seats of an area that had the district's default.</summary>
    /// <exception cref="DomainException">A count is negative or too big, or there is no seat at all.</exception>
    public static RepresentativeSeatPlan Set(Guid nodeId, SeatCounts seats, string changedBy, DateTimeOffset now)
    {
        var plan = new RepresentativeSeatPlan { NodeId = nodeId };
        plan.Change(seats, changedBy, now);
        return plan;
    }

    /// <summary>
    /// Changes the seats. Representatives confirmed already keep their seats even where a count goes below them; the next
    /// confirmation of the category waits until enough terms have ended.
    /// </summary>
    /// <exception cref="DomainException">A count is negative or too big, or there is no seat at all.</exception>
    public void Change(SeatCounts seats, string changedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (seats.Problem() is { } problem)
        {
            throw new DomainException(RepresentativeErrors.InvalidArgument, problem, "seats");
        }

        (Seats, ChangedBy, ChangedAt) = (seats, changedBy, now);
    }
}
