namespace Platform.SocialOrgs.Domain.Projects;

/// <summary>
/// A hot spot (热点) as the residents service finds it: many demands of one category in one grid. It has no id of its
/// own there, so it is linked by its grid and category.
/// </summary>
/// <param name="GridId">The grid (a territory node of kind grid).</param>
/// <param name="Category">The demands' category, e.g. 环境卫生.</param>
public sealed record HotSpotLink(Guid GridId, string Category)
{
    /// <summary>The longest category.</summary>
    public const int CategoryMaxLength = 50;
}

/// <summary>
/// The residents' needs a proposal or project answers: demands (诉求), deliberation topics (议题) and hot spots, by the
/// residents service's ids. Their current status is kept from that service's events, not copied here.
/// </summary>
/// <param name="DemandIds">Demands.</param>
/// <param name="TopicIds">Deliberation topics.</param>
/// <param name="HotSpots">Hot spots.</param>
public sealed record NeedLinks(IReadOnlyList<Guid> DemandIds, IReadOnlyList<Guid> TopicIds, IReadOnlyList<HotSpotLink> HotSpots)
{
    /// <summary>The most links of all kinds together.</summary>
    public const int MaxLinks = 30;

    /// <summary>No links.</summary>
    public static NeedLinks None { get; } = new([], [], []);

    /// <summary>What is wrong with links, each problem (or null) with the part it concerns: at most <see cref="MaxLinks"/> in all, each hot spot with its grid and a category.</summary>
    public static IEnumerable<(string Field, string? Problem)> Checks(int demands, int topics, IReadOnlyList<(Guid? GridId, string? Category)> hotSpots)
    {
        ArgumentNullException.ThrowIfNull(hotSpots);
        return
        [
            (nameof(DemandIds), demands + topics + hotSpots.Count > MaxLinks ? $"At most {MaxLinks} linked demands, topics and hot spots." : null),
            (nameof(HotSpots), hotSpots.Any(s => s.GridId is null || RequiredText.Problem(s.Category, HotSpotLink.CategoryMaxLength) is not null)
                ? $"Each hot spot names its grid and a category of at most {HotSpotLink.CategoryMaxLength} characters." : null),
        ];
    }

    /// <summary>What is wrong with these links (see <see cref="Checks(int, int, IReadOnlyList{ValueTuple{Guid?, string?}})"/>).</summary>
    public IEnumerable<(string Field, string? Problem)> Checks() =>
        Checks(DemandIds.Count, TopicIds.Count, [.. HotSpots.Select(h => ((Guid?)h.GridId, (string?)h.Category))]);

    /// <summary>The same links, each once, categories trimmed.</summary>
    public NeedLinks Normalised() => new(
        [.. DemandIds.Distinct()], [.. TopicIds.Distinct()], [.. HotSpots.Select(h => h with { Category = h.Category.Trim() }).Distinct()]);
}
