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

/// <summary>The Chinese words for the registry's wire names.</summary>
internal static class ResidentVocabulary
{
    private static readonly Dictionary<string, string> TagNames = new(StringComparer.Ordinal)
    {
        ["low-income"] = "低保", ["disabled"] = "残疾", ["elderly"] = "高龄", ["minor"] = "未成年", ["special-care"] = "优抚", ["living-alone"] = "独居",
    };

    public static IEnumerable<string> Tags => TagNames.Keys;

    public static string Tag(string wireName) => TagNames.GetValueOrDefault(wireName, wireName);

    public static string Residence(string wireName) => wireName == "resident_only" ? "流动人口（非户籍）" : "户籍";
}
