using System.Text.Json;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.SocialOrgs.Domain.Projects;

namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>Where a proposal stands.</summary>
public enum ProposalStatus
{
    /// <summary>Being written; the organisation may change it while the call's window is open.</summary>
    Draft,

    /// <summary>Submitted for the panel; it no longer changes.</summary>
    Submitted,
}

/// <summary>One line of a proposal's budget.</summary>
/// <param name="Item">What the money is for, e.g. 活动物料.</param>
/// <param name="Amount">Yuan.</param>
public sealed record BudgetLine(string Item, decimal Amount);

/// <summary>A milestone the project promises.</summary>
/// <param name="Title">What is done by then, e.g. 完成 20 户入户探访.</param>
/// <param name="DueOn">By when.</param>
public sealed record Milestone(string Title, DateOnly DueOn)
{
    /// <summary>
    /// Why a list of milestones is unacceptable, or null: 1 to <see cref="ProposalContent.MaxItems"/>, each with a title and
    /// a due date, within [<paramref name="from"/>, <paramref name="to"/>] when those are given.
    /// </summary>
    public static string? ListProblem(IReadOnlyList<(string? Title, DateOnly? DueOn)> milestones, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        return milestones.Count is 0 or > ProposalContent.MaxItems ? $"Between 1 and {ProposalContent.MaxItems} milestones."
            : milestones.Select((m, i) => RequiredText.Problem(m.Title, ProposalContent.TextMaxLength) is { } title ? $"Milestone {i + 1}: {title}"
                : m.DueOn is not { } due ? $"Milestone {i + 1}: a due date is required."
                : due < from || due > to ? $"Milestone {i + 1}: due within the project's dates."
                : null).FirstOrDefault(p => p is not null);
    }
}

/// <summary>What a proposal says: the needs it addresses, whom it serves, what it costs and when it delivers.</summary>
/// <param name="Title">The project's title.</param>
/// <param name="Category">The call's category it falls in.</param>
/// <param name="Needs">The needs it addresses, in words.</param>
/// <param name="DemandIds">Residents' demands it answers (the residents service's ids).</param>
/// <param name="TopicIds">Deliberation topics it answers.</param>
/// <param name="HotSpots">Hot spots (classes of demands) it answers.</param>
/// <param name="Beneficiaries">How many people it means to serve.</param>
/// <param name="BeneficiaryGroup">Who they are, e.g. 独居老人.</param>
/// <param name="Amount">The amount asked, yuan.</param>
/// <param name="BudgetLines">The budget, which adds up to the amount asked.</param>
/// <param name="Milestones">What is delivered when.</param>
public sealed record ProposalContent(
    string Title, ServiceCategory Category, string Needs, IReadOnlyList<Guid> DemandIds, IReadOnlyList<Guid> TopicIds, IReadOnlyList<HotSpotLink> HotSpots,
    int Beneficiaries,
    string BeneficiaryGroup, decimal Amount, IReadOnlyList<BudgetLine> BudgetLines, IReadOnlyList<Milestone> Milestones)
{
    /// <summary>The longest title, beneficiary group, budget item or milestone.</summary>
    public const int TextMaxLength = 100;

    /// <summary>The longest description of needs.</summary>
    public const int NeedsMaxLength = 2000;

    /// <summary>The most budget lines or milestones.</summary>
    public const int MaxItems = 30;

    /// <summary>The residents' needs it links.</summary>
    public NeedLinks Links => new(DemandIds, TopicIds, HotSpots);

    /// <summary>What is wrong with a proposal's content, each problem (or null) with the part it concerns.</summary>
    public static IEnumerable<(string Field, string? Problem)> Checks(
        string? title, string? needs, IEnumerable<(string Field, string? Problem)> linkChecks, int beneficiaries, string? beneficiaryGroup, decimal amount,
        IReadOnlyList<(string? Item, decimal Amount)> budgetLines, IReadOnlyList<(string? Title, DateOnly? DueOn)> milestones) =>
    [
        (nameof(Title), RequiredText.Problem(title, TextMaxLength)),
        (nameof(Needs), RequiredText.Problem(needs, NeedsMaxLength)),
        .. linkChecks,
        (nameof(Beneficiaries), beneficiaries <= 0 ? "A positive number of people." : null),
        (nameof(BeneficiaryGroup), RequiredText.Problem(beneficiaryGroup, TextMaxLength)),
        (nameof(Amount), Yuan.Problem(amount)),
        (nameof(BudgetLines), BudgetProblem(amount, budgetLines)),
        (nameof(Milestones), Milestone.ListProblem(milestones)),
    ];

    /// <summary>Why budget lines are unacceptable for <paramref name="amount"/>, or null: each line a sum in yuan, together exactly the amount.</summary>
    public static string? BudgetProblem(decimal amount, IReadOnlyList<(string? Item, decimal Amount)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count is 0 or > MaxItems)
        {
            return $"Between 1 and {MaxItems} budget lines.";
        }

        var wrong = lines.Select((line, i) => RequiredText.Problem(line.Item, TextMaxLength) is { } item ? $"Line {i + 1}: {item}"
            : Yuan.Problem(line.Amount) is { } sum ? $"Line {i + 1}: {sum}" : null).FirstOrDefault(p => p is not null);
        var total = lines.Sum(line => line.Amount);
        return wrong ?? (total != amount ? $"The budget lines add up to {total} yuan, not the {amount} asked." : null);
    }
}

/// <summary>
/// An organisation's proposal to a funding call: a draft it may change while the window is open, then submitted for the
/// panel. Nothing changes once it is submitted or the window has closed.
/// </summary>
public sealed class Proposal : ITenantOwned
{
    private List<Guid> _demandIds = [];
    private List<Guid> _topicIds = [];
    private List<HotSpotLink> _hotSpots = [];
    private readonly List<BudgetLine> _budgetLines = [];
    private readonly List<Milestone> _milestones = [];

    private Proposal()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The call.</summary>
    public Guid CallId { get; private set; }

    /// <summary>The proposing organisation.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Where it stands.</summary>
    public ProposalStatus Status { get; private set; }

    /// <summary>The project's title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Its category, one the call funds.</summary>
    public ServiceCategory Category { get; private set; }

    /// <summary>The needs it addresses.</summary>
    public string Needs { get; private set; } = "";

    /// <summary>Residents' demands it answers.</summary>
    public IReadOnlyList<Guid> DemandIds => _demandIds;

    /// <summary>Deliberation topics it answers.</summary>
    public IReadOnlyList<Guid> TopicIds => _topicIds;

    /// <summary>Hot spots it answers.</summary>
    public IReadOnlyList<HotSpotLink> HotSpots => _hotSpots;

    /// <summary>The residents' needs it answers, as a project funded from it links them.</summary>
    public NeedLinks Links => new(_demandIds, _topicIds, _hotSpots);

    /// <summary>How many people it means to serve.</summary>
    public int Beneficiaries { get; private set; }

    /// <summary>Who they are.</summary>
    public string BeneficiaryGroup { get; private set; } = "";

    /// <summary>The amount asked, yuan.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The budget lines, adding up to <see cref="Amount"/>.</summary>
    public IReadOnlyList<BudgetLine> BudgetLines => _budgetLines;

    /// <summary>The milestones, by due date.</summary>
    public IReadOnlyList<Milestone> Milestones => _milestones;

    /// <summary>Who last wrote it.</summary>
    public string UpdatedBy { get; private set; } = "";

    /// <summary>When it was drafted.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When it was submitted; ties in the ranking go to the earlier submission.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>An eligible organisation drafts a proposal while the call's window is open.</summary>
    /// <exception cref="DomainException">The window is not open, the organisation is not eligible, the category is not the call's, or the content is unacceptable.</exception>
    /// <param name="call">The call.</param>
    /// <param name="organisation">The proposing organisation.</param>
    /// <param name="incubations">Its incubations, for the call's eligibility.</param>
    /// <param name="content">What the proposal says.</param>
    /// <param name="by">Who writes it.</param>
    /// <param name="now">When.</param>
    public static Proposal Draft(
        FundingCall call, Organisation organisation, IEnumerable<Incubation> incubations, ProposalContent content, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(organisation);
        call.EnsureTakingProposals(now);
        call.EnsureEligible(organisation, incubations, now);
        var proposal = new Proposal
        {
            Id = Guid.CreateVersion7(now),
            CallId = call.Id,
            OrganisationId = organisation.Id,
            Status = ProposalStatus.Draft,
            CreatedAt = now,
        };
        proposal.Revise(call, content, by, now);
        return proposal;
    }

    /// <summary>Replaces the draft's content.</summary>
    /// <exception cref="DomainException">Submitted already, the window is not open, or the content is unacceptable.</exception>
    public void Revise(FundingCall call, ProposalContent content, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        EnsureChangeable(call, now);
        var (field, problem) = ProposalContent.Checks(
                content.Title, content.Needs, content.Links.Checks(), content.Beneficiaries, content.BeneficiaryGroup, content.Amount,
                [.. content.BudgetLines.Select(l => ((string?)l.Item, l.Amount))], [.. content.Milestones.Select(m => ((string?)m.Title, (DateOnly?)m.DueOn))])
            .FirstOrDefault(check => check.Problem is not null);
        if (problem is not null)
        {
            throw new DomainException(FundingErrors.InvalidProposal, problem, JsonNamingPolicy.CamelCase.ConvertName(field));
        }

        if (!call.Categories.Contains(content.Category))
        {
            throw new DomainException(FundingErrors.CategoryNotInCall, $"The call funds {string.Join(", ", call.Categories.Select(c => c.ToWire()))}.", "category");
        }

        Title = content.Title.Trim();
        Category = content.Category;
        Needs = content.Needs.Trim();
        var links = content.Links.Normalised();
        _demandIds = [.. links.DemandIds];
        _topicIds = [.. links.TopicIds];
        _hotSpots = [.. links.HotSpots];
        Beneficiaries = content.Beneficiaries;
        BeneficiaryGroup = content.BeneficiaryGroup.Trim();
        Amount = content.Amount;
        _budgetLines.Clear();
        _budgetLines.AddRange(content.BudgetLines.Select(l => l with { Item = l.Item.Trim() }));
        _milestones.Clear();
        _milestones.AddRange(content.Milestones.Select(m => m with { Title = m.Title.Trim() }).OrderBy(m => m.DueOn));
        UpdatedBy = by;
        UpdatedAt = now;
    }

    /// <summary>Submits the draft for the panel; the organisation must still be eligible.</summary>
    /// <exception cref="DomainException">Submitted already, the window is not open, or the organisation is no longer eligible.</exception>
    public void Submit(FundingCall call, Organisation organisation, IEnumerable<Incubation> incubations, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        EnsureChangeable(call, now);
        if (organisation.Id != OrganisationId)
        {
            throw new ArgumentException("Not the proposing organisation.", nameof(organisation));
        }

        call.EnsureEligible(organisation, incubations, now);
        Status = ProposalStatus.Submitted;
        SubmittedAt = now;
        UpdatedBy = by;
        UpdatedAt = now;
    }

    private void EnsureChangeable(FundingCall call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Id != CallId)
        {
            throw new ArgumentException("Not the proposal's call.", nameof(call));
        }

        call.EnsureTakingProposals(now);
        if (Status == ProposalStatus.Submitted)
        {
            throw new DomainException(FundingErrors.ProposalSubmitted, "The proposal has been submitted; it no longer changes.");
        }
    }
}
