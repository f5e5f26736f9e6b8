namespace Platform.Portal.Features.Residents;

// The residents service's records as the registry's pages read them: ID number and phone masked unless revealed.

public sealed record ResidentPage(IReadOnlyList<ResidentView> Items, string? NextCursor);

public sealed record ResidentView(
    Guid Id,
    string Name,
    string IdNumber,
    string? Phone,
    int Age,
    string Residence,
    Guid NodeId,
    Guid? HouseholdId,
    IReadOnlyList<string> Tags,
    bool PartyMember,
    bool Owner,
    bool Volunteer,
    DateTimeOffset RegisteredAt,
    bool Revealed);

public sealed record HouseholdView(Guid Id, Guid NodeId, string Number, IReadOnlyList<ResidentView> Members);

/// <summary>One read of unmasked personal data, from the residents service's access log.</summary>
public sealed record PersonalDataAccessView(Guid Id, Guid ResidentId, string UserId, string? UserName, string Fields, string Reason, DateTimeOffset At);

public sealed record PersonalDataAccessPage(IReadOnlyList<PersonalDataAccessView> Items, int Page, int PageSize, int Total);

/// <summary>The tags form: the tags ticked, among those people choose (<see cref="ResidentVocabulary.ChosenTags"/>).</summary>
public sealed class ResidentTagsForm
{
    public List<string> Tags { get; set; } = [];

    /// <summary>
    /// Adds what is ticked and removes every other chosen tag, so that the resident ends with exactly what the form
    /// showed, whatever changed meanwhile; the age tags are left to the service.
    /// </summary>
    public object ToRequest()
    {
        var ticked = ResidentVocabulary.ChosenTags.Where(Tags.Contains).ToArray();
        return new { add = ticked, remove = ResidentVocabulary.ChosenTags.Except(ticked).ToArray() };
    }
}

/// <summary>A move as the move forms post it: the building or unit chosen and the door number there.</summary>
public sealed class HomeMoveForm
{
    public Guid? NodeId { get; set; }

    /// <summary>The door number; blank keeps a household's own number, and registers a resident at the building or unit only.</summary>
    public string? Household { get; set; }

    public object ToRequest() => new { nodeId = NodeId, household = FormText.Trimmed(Household) };
}

/// <summary>The Chinese words for the registry's wire names.</summary>
internal static class ResidentVocabulary
{
    private static readonly Dictionary<string, string> TagNames = new(StringComparer.Ordinal)
    {
        ["low-income"] = "低保", ["disabled"] = "残疾", ["elderly"] = "高龄", ["minor"] = "未成年", ["special-care"] = "优抚", ["living-alone"] = "独居",
    };

    // The residents service sets these from the date of birth and ignores what anyone asks for them.
    private static readonly HashSet<string> AgeTags = new(StringComparer.Ordinal) { "elderly", "minor" };

    public static IEnumerable<string> Tags => TagNames.Keys;

    /// <summary>The tags people give and take away; the others follow from the age.</summary>
    public static IEnumerable<string> ChosenTags => TagNames.Keys.Where(tag => !AgeTags.Contains(tag));

    public static bool FollowsFromAge(string wireName) => AgeTags.Contains(wireName);

    public static string Tag(string wireName) => TagNames.GetValueOrDefault(wireName, wireName);

    public static string Residence(string wireName) => wireName == "resident_only" ? "流动人口（非户籍）" : "户籍";
}
