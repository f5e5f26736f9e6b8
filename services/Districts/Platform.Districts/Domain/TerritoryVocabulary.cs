using Platform.Districts.Contracts;
using Platform.Domain;

namespace Platform.Districts.Domain;

/// <summary>
/// The words people use for kinds and attributes: their wire names (<see cref="WireNames"/>, as in the API) and
/// the Chinese words of spreadsheets exported by government systems, so an import (and a search) accepts either.
/// </summary>
public static class TerritoryVocabulary
{
    private static readonly Dictionary<string, TerritoryNodeKind> Kinds = Words<TerritoryNodeKind>(new()
    {
        [TerritoryNodeKind.Street] = ["街道"],
        [TerritoryNodeKind.Township] = ["乡"],
        [TerritoryNodeKind.Town] = ["镇"],
        [TerritoryNodeKind.Community] = ["社区"],
        [TerritoryNodeKind.Village] = ["村"],
        [TerritoryNodeKind.Grid] = ["网格"],
        [TerritoryNodeKind.Compound] = ["小区", "院落"],
        [TerritoryNodeKind.Building] = ["楼栋", "楼"],
        [TerritoryNodeKind.Unit] = ["单元"],
    });

    private static readonly Dictionary<string, CommunityKind> CommunityKinds = Words<CommunityKind>(new()
    {
        [CommunityKind.OldEstate] = ["老旧小区"],
        [CommunityKind.Commercial] = ["商品房"],
        [CommunityKind.Affordable] = ["保障房"],
        [CommunityKind.Relocation] = ["回迁", "拆迁"],
        [CommunityKind.WorkUnit] = ["单位"],
        [CommunityKind.UrbanVillage] = ["城中村"],
        [CommunityKind.Mixed] = ["混合"],
    });

    private static readonly Dictionary<string, GovernanceMode> GovernanceModes = Words<GovernanceMode>(new()
    {
        [GovernanceMode.QuasiProperty] = ["准物业"],
        [GovernanceMode.FiveParty] = ["五方共治"],
        [GovernanceMode.ThreeSocial] = ["三社联动"],
    });

    /// <summary>All kind names, for error messages.</summary>
    public static string KindNames { get; } = string.Join("|", WireNames.All<TerritoryNodeKind>());

    /// <summary>A kind from its English or Chinese name.</summary>
    public static bool TryParseKind(string text, out TerritoryNodeKind kind) => Kinds.TryGetValue(text, out kind);

    /// <summary>A community kind from its English or Chinese name.</summary>
    public static bool TryParseCommunityKind(string text, out CommunityKind kind) => CommunityKinds.TryGetValue(text, out kind);

    /// <summary>A governance mode from its English or Chinese name.</summary>
    public static bool TryParseGovernanceMode(string text, out GovernanceMode mode) => GovernanceModes.TryGetValue(text, out mode);

    private static Dictionary<string, TEnum> Words<TEnum>(Dictionary<TEnum, string[]> chinese)
        where TEnum : struct, Enum
    {
        var words = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            words[value.ToWire()] = value;
            foreach (var word in chinese.GetValueOrDefault(value, []))
            {
                words[word] = value;
            }
        }

        return words;
    }
}
