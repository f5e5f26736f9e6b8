using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>A district's rules for one purpose.</summary>
/// <param name="Purpose">volunteer_service, mutual_aid or party_service.</param>
/// <param name="CapMinutes">Storage cap of a personal account (default 90,000 = 1,500 h).</param>
/// <param name="MinimumBalanceMinutes">Least balance of a personal account or community fund (default 0; negative allows an overdraft).</param>
/// <param name="ExpiryYears">Minutes expire this many years after they were earned; null (default): never.</param>
/// <param name="PendingTimeout">How long a pending transfer holds its minutes (default 24:00:00).</param>
public sealed record PurposeSettings(Purpose Purpose, long CapMinutes, long MinimumBalanceMinutes, int? ExpiryYears, TimeSpan PendingTimeout)
{
    public static PurposeSettings From(LedgerRules rules) => new(rules.Purpose, rules.CapMinutes, rules.MinimumBalanceMinutes, rules.ExpiryYears, rules.PendingTimeout);
}

/// <summary>The district's rules, one entry per purpose.</summary>
/// <param name="Purposes">The rules of each purpose.</param>
public sealed record SettingsResponse(IReadOnlyList<PurposeSettings> Purposes);

/// <summary>Body of <c>PUT /api/timebank/settings</c>: the rules of the purposes to change (others keep theirs).</summary>
/// <param name="Purposes">The new rules, at most one entry per purpose.</param>
public sealed record ChangeSettingsRequest([property: Required] IReadOnlyList<PurposeSettings>? Purposes) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Purposes), Purposes is null ? null
            : Purposes.Any(p => !Enum.IsDefined(p.Purpose)) ? WireNames.Expected<Purpose>()
            : Purposes.GroupBy(p => p.Purpose).Any(g => g.Count() > 1) ? "At most one entry per purpose."
            : Purposes.Select(p => LedgerRules.Problem(p.CapMinutes, p.MinimumBalanceMinutes, p.ExpiryYears, p.PendingTimeout)).FirstOrDefault(p => p is not null)));
}

/// <summary>The district's ledger rules per purpose (district admins); transfers written after a change are checked against the new rules.</summary>
internal static class LedgerSettings
{
    public static void Map(RouteGroupBuilder admins)
    {
        admins.MapGet("settings", GetAsync).WithSummary("The district's rules per purpose: cap, minimum balance, expiry, pending timeout.");
        admins.MapPut("settings", ChangeAsync).WithSummary("Change the rules of some purposes; the others keep theirs.");
    }

    private static async Task<Ok<SettingsResponse>> GetAsync(TimeBankDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CurrentAsync(db, cancellationToken));

    private static async Task<Ok<SettingsResponse>> ChangeAsync(
        ChangeSettingsRequest request, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var own = await db.LedgerRules.ToDictionaryAsync(r => r.Purpose, cancellationToken);
        foreach (var change in request.Purposes!)
        {
            if (own.TryGetValue(change.Purpose, out var rules))
            {
                rules.Change(change.CapMinutes, change.MinimumBalanceMinutes, change.ExpiryYears, change.PendingTimeout, now);
            }
            else
            {
                db.LedgerRules.Add(LedgerRules.Set(change.Purpose, change.CapMinutes, change.MinimumBalanceMinutes, change.ExpiryYears, change.PendingTimeout, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CurrentAsync(db, cancellationToken));
    }

    private static async Task<SettingsResponse> CurrentAsync(TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var own = await db.LedgerRules.AsNoTracking().ToDictionaryAsync(r => r.Purpose, cancellationToken);
        return new SettingsResponse([.. Enum.GetValues<Purpose>().Select(p => PurposeSettings.From(own.GetValueOrDefault(p) ?? LedgerRules.Defaults(p)))]);
    }
}
