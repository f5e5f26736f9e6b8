using Platform.Domain;

namespace Platform.PartyBuilding.Domain.Reporting;

/// <summary>A resource a workplace offers its street: a venue, funds, a skill or volunteers.</summary>
/// <param name="Kind">What kind.</param>
/// <param name="Description">What it is, e.g. 三楼会议室 (周末).</param>
/// <param name="Quantity">How much: yuan for funds, heads for volunteers, none otherwise.</param>
public sealed record UnitResource(ResourceKind Kind, string Description, int? Quantity)
{
    /// <summary>The longest description.</summary>
    public const int DescriptionMaxLength = 200;

    /// <summary>Why the resource is unacceptable, or null.</summary>
    public string? Problem() =>
        TextRules.Problem(Description, DescriptionMaxLength) is { } description ? $"description: {description}"
        : Quantity is < 0 ? "quantity: Cannot be negative."
        : Kind is ResourceKind.Funds or ResourceKind.Volunteers && Quantity is null ? $"quantity: Required for {Kind.ToWire()}."
        : null;
}

/// <summary>
/// A workplace party organisation's report to the street where it sits (单位报到, DOMAIN.md §6): the co-building
/// agreement (signed on, ends on) and the resources it offers. The street confirms or returns it. A workplace has one
/// open report with its street at a time.
/// </summary>
public sealed class UnitReport : Report
{
    /// <summary>The most resources one report lists.</summary>
    public const int MaxResources = 20;

    /// <summary>The longest agreement term.</summary>
    public const int MaxTermYears = 5;

    private readonly List<UnitResource> _resources = [];

    private UnitReport()
    {
    }

    /// <summary>The workplace reporting.</summary>
    public Guid WorkplaceId { get; private set; }

    /// <summary>The street reported to, where the workplace sits.</summary>
    public Guid StreetNodeId { get; private set; }

    /// <summary>Who submitted it for the workplace.</summary>
    public string SubmittedBy { get; private set; } = "";

    /// <summary>When the co-building agreement was signed.</summary>
    public DateOnly AgreementSignedOn { get; private set; }

    /// <summary>The agreement's last day.</summary>
    public DateOnly AgreementEndsOn { get; private set; }

    /// <summary>The resources offered.</summary>
    public IReadOnlyList<UnitResource> Resources => _resources;

    /// <summary>Why an agreement term is unacceptable, or null.</summary>
    public static string? TermProblem(DateOnly? signedOn, DateOnly? endsOn) =>
        signedOn is null || endsOn is null ? "The signing date and the last day are required."
        : endsOn <= signedOn ? "The agreement ends after it is signed."
        : endsOn > signedOn.Value.AddYears(MaxTermYears) ? $"A term of at most {MaxTermYears} years."
        : null;

    /// <summary>Why a list of resources is unacceptable, or null.</summary>
    public static string? ResourcesProblem(IReadOnlyList<UnitResource>? resources) =>
        resources is null ? null
        : resources.Count > MaxResources ? $"At most {MaxResources} resources."
        : resources.Select((resource, index) => resource.Problem() is { } problem ? $"Resource {index + 1}, {problem}" : null).FirstOrDefault(p => p is not null);

    /// <summary>Submits <paramref name="workplace"/>'s report to the street where it sits.</summary>
    /// <exception cref="DomainException">The workplace sits in no street of the district, or the term is wrong.</exception>
    /// <exception cref="ArgumentException">The resources are unacceptable (the request checks them first).</exception>
    public static UnitReport Submit(
        WorkplaceOrganisation workplace, DateOnly signedOn, DateOnly endsOn, IReadOnlyList<UnitResource> resources, string submittedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workplace);
        ArgumentException.ThrowIfNullOrWhiteSpace(submittedBy);
        if (ResourcesProblem(resources) is { } resourcesProblem)
        {
            throw new ArgumentException(resourcesProblem, nameof(resources));
        }

        if (workplace.StreetNodeId is not { } streetId)
        {
            throw new DomainException(PartyBuildingErrors.InvalidAgreement, "Only a workplace that sits in a street of the district reports to it.", "workplaceId");
        }

        if (TermProblem(signedOn, endsOn) is { } termProblem)
        {
            throw new DomainException(PartyBuildingErrors.InvalidAgreement, termProblem, "agreementEndsOn");
        }

        var report = new UnitReport
        {
            Id = Guid.CreateVersion7(now),
            WorkplaceId = workplace.Id,
            StreetNodeId = streetId,
            NodePath = workplace.NodePath,
            SubmittedBy = submittedBy,
            AgreementSignedOn = signedOn,
            AgreementEndsOn = endsOn,
            Status = ReportStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        report._resources.AddRange(resources.Select(r => r with { Description = r.Description.Trim() }));
        return report;
    }
}
