using System.Linq.Expressions;
using System.Text.Json;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.SocialOrgs.Domain.Incubations;

namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>Who funds a call.</summary>
public enum FunderKind
{
    /// <summary>A unit of the district (the civil-affairs bureau, …): 政府购买服务.</summary>
    DistrictUnit,

    /// <summary>A street's office.</summary>
    StreetUnit,

    /// <summary>A foundation, recorded as the funder.</summary>
    Foundation,
}

/// <summary>Where a call stands at a moment: before, in or after its window.</summary>
public enum CallPhase
{
    /// <summary>Announced; the window has not opened.</summary>
    Upcoming,

    /// <summary>Taking proposals.</summary>
    Open,

    /// <summary>The window has closed: proposals are as they are.</summary>
    Closed,
}

/// <summary>What the funding call contains besides its window, as the funder states it.</summary>
/// <param name="Title">Title, e.g. 2027年东街道公益创投.</param>
/// <param name="FunderKind">Who funds it.</param>
/// <param name="FunderName">The funder's name, e.g. 东街道办事处.</param>
/// <param name="FunderCreditCode">The funder's unified social credit code, when it has one (it identifies the party).</param>
/// <param name="Budget">The budget, yuan.</param>
/// <param name="Categories">The fields it funds.</param>
/// <param name="MinimumStatus">The least registry status a proposing organisation has (default filed).</param>
/// <param name="ExitBarDays">An organisation that exited incubation within this many days before proposing is not eligible; 0 for no bar.</param>
public sealed record CallTerms(
    string Title, FunderKind FunderKind, string FunderName, UnifiedSocialCreditCode? FunderCreditCode, decimal Budget,
    IReadOnlyCollection<ServiceCategory> Categories, OrganisationStatus MinimumStatus, int ExitBarDays);

/// <summary>
/// A venture-philanthropy call (公益创投) or a purchase of services (政府购买服务): a funder's budget for projects in some
/// categories, a window in which eligible organisations propose, and the rubric the panel scores proposals against.
/// Proposals are drafted, changed and submitted only while the window is open.
/// </summary>
public sealed class FundingCall : ITenantOwned
{
    /// <summary>The longest title or funder name.</summary>
    public const int TextMaxLength = 100;

    /// <summary>The longest bar after an exit from incubation: ten years.</summary>
    public const int MaxExitBarDays = 3650;

    private List<ServiceCategory> _categories = [];

    private FundingCall()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Who funds it.</summary>
    public FunderKind FunderKind { get; private set; }

    /// <summary>The funder's name.</summary>
    public string FunderName { get; private set; } = "";

    /// <summary>The funder's credit code, when it has one.</summary>
    public string? FunderCreditCode { get; private set; }

    /// <summary>The budget, yuan.</summary>
    public decimal Budget { get; private set; }

    /// <summary>The fields it funds, in declaration order.</summary>
    public IReadOnlyList<ServiceCategory> Categories => _categories;

    /// <summary>When the window opens.</summary>
    public DateTimeOffset OpensAt { get; private set; }

    /// <summary>When the window closes: the deadline for submissions.</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>The rubric the panel scores against.</summary>
    public Guid RubricId { get; private set; }

    /// <summary>The least registry status of a proposing organisation.</summary>
    public OrganisationStatus MinimumStatus { get; private set; }

    /// <summary>For how many days after an exit from incubation an organisation may not propose; 0 for no bar.</summary>
    public int ExitBarDays { get; private set; }

    /// <summary>Who opened it.</summary>
    public string OpenedBy { get; private set; } = "";

    /// <summary>When it was opened.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What is wrong with the terms and window, each problem (or null) with the term it concerns.</summary>
    public static IEnumerable<(string Field, string? Problem)> Checks(
        string? title, string? funderName, decimal budget, int categories, DateTimeOffset opensAt, DateTimeOffset closesAt, int exitBarDays) =>
    [
        (nameof(Title), TextProblem(title)),
        (nameof(FunderName), TextProblem(funderName)),
        (nameof(Budget), Yuan.Problem(budget)),
        (nameof(Categories), categories == 0 ? "A call funds at least one category." : null),
        (nameof(ClosesAt), closesAt <= opensAt ? "The window closes after it opens." : null),
        (nameof(ExitBarDays), exitBarDays is < 0 or > MaxExitBarDays ? $"Between 0 and {MaxExitBarDays} days." : null),
    ];

    /// <summary>Why a title or name is unacceptable, or null.</summary>
    public static string? TextProblem(string? text) => RequiredText.Problem(text, TextMaxLength);

    /// <summary>Opens a call with <paramref name="rubric"/> for the panel, proposals taken from <paramref name="opensAt"/> until <paramref name="closesAt"/>.</summary>
    /// <exception cref="DomainException">The terms or window are unacceptable (see <see cref="Checks"/>), or the window is over already.</exception>
    public static FundingCall Open(CallTerms terms, DateTimeOffset opensAt, DateTimeOffset closesAt, Rubric rubric, string openedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentException.ThrowIfNullOrWhiteSpace(openedBy);
        var (field, problem) = Checks(terms.Title, terms.FunderName, terms.Budget, terms.Categories.Count, opensAt, closesAt, terms.ExitBarDays)
            .Append<(string Field, string? Problem)>((nameof(ClosesAt), closesAt <= now ? "The window would be over already." : null))
            .FirstOrDefault(check => check.Problem is not null);
        if (problem is not null)
        {
            throw new DomainException(FundingErrors.InvalidCall, problem, JsonNamingPolicy.CamelCase.ConvertName(field));
        }

        return new FundingCall
        {
            Id = Guid.CreateVersion7(now),
            Title = terms.Title.Trim(),
            FunderKind = terms.FunderKind,
            FunderName = terms.FunderName.Trim(),
            FunderCreditCode = terms.FunderCreditCode?.Value,
            Budget = terms.Budget,
            _categories = [.. terms.Categories.Distinct().Order()],
            OpensAt = opensAt,
            ClosesAt = closesAt,
            RubricId = rubric.Id,
            MinimumStatus = terms.MinimumStatus,
            ExitBarDays = terms.ExitBarDays,
            OpenedBy = openedBy,
            CreatedAt = now,
        };
    }

    /// <summary>Where the call stands at <paramref name="now"/>.</summary>
    public CallPhase PhaseAt(DateTimeOffset now) =>
        now < OpensAt ? CallPhase.Upcoming : now < ClosesAt ? CallPhase.Open : CallPhase.Closed;

    /// <summary><see cref="PhaseAt"/> as a query filter: the calls in <paramref name="phase"/> at <paramref name="now"/>.</summary>
    public static Expression<Func<FundingCall, bool>> InPhase(CallPhase phase, DateTimeOffset now) => phase switch
    {
        CallPhase.Upcoming => call => now < call.OpensAt,
        CallPhase.Open => call => call.OpensAt <= now && now < call.ClosesAt,
        _ => call => call.ClosesAt <= now,
    };

    /// <summary>Refuses a change to a proposal outside the window.</summary>
    /// <exception cref="DomainException">The window has not opened or has closed.</exception>
    public void EnsureTakingProposals(DateTimeOffset now)
    {
        switch (PhaseAt(now))
        {
            case CallPhase.Upcoming:
                throw new DomainException(FundingErrors.CallNotYetOpen, $"The call takes proposals from {OpensAt:u}.");
            case CallPhase.Closed:
                throw new DomainException(FundingErrors.CallWindowClosed, $"The call's window closed at {ClosesAt:u}; proposals stay as they are.")
                {
                    Facts = { ["closesAt"] = ClosesAt.ToString("O") },
                };
        }
    }

    /// <summary>
    /// Why <paramref name="organisation"/> may not propose at <paramref name="now"/>, or null: its status is below the
    /// call's minimum, or it exited incubation within the call's bar.
    /// </summary>
    /// <param name="organisation">The proposing organisation.</param>
    /// <param name="incubations">Its incubations.</param>
    /// <param name="now">When it proposes.</param>
    public string? EligibilityProblem(Organisation organisation, IEnumerable<Incubation> incubations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(incubations);
        return organisation.Status < MinimumStatus
            ? $"The call takes proposals from organisations at least {MinimumStatus.ToWire()}; this one is {organisation.Status.ToWire()}."
            : incubations.Any(i => i.Status == IncubationStatus.Exited && i.EndedAt > now.AddDays(-ExitBarDays))
                ? $"The organisation exited incubation within the last {ExitBarDays} days."
                : null;
    }

    /// <summary>Refuses an organisation the call does not take.</summary>
    /// <exception cref="DomainException">See <see cref="EligibilityProblem"/>.</exception>
    public void EnsureEligible(Organisation organisation, IEnumerable<Incubation> incubations, DateTimeOffset now)
    {
        if (EligibilityProblem(organisation, incubations, now) is { } problem)
        {
            throw new DomainException(FundingErrors.NotEligible, problem);
        }
    }
}
