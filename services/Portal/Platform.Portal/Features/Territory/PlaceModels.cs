namespace Platform.Portal.Features.Territory;

// The districts service's territory nodes as the portal reads them; kinds stay wire names.

public sealed record PlacePage(IReadOnlyList<Place> Items, int Page, int PageSize, int Total);

public sealed record Place(Guid Id, string Kind, string Code, string Name)
{
    /// <summary>Such as 东湖新村（小区）.</summary>
    public string Label => $"{Name}（{PlaceKinds.Name(Kind)}）";
}

/// <summary>The Chinese names of the territory's levels, by wire name.</summary>
internal static class PlaceKinds
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["street"] = "街道", ["township"] = "乡", ["town"] = "镇", ["community"] = "社区", ["village"] = "村", ["grid"] = "网格",
        ["compound"] = "小区", ["courtyard"] = "院落", ["building"] = "楼栋", ["unit"] = "单元", ["household"] = "户",
    };

    public static string Name(string wireName) => Names.GetValueOrDefault(wireName, wireName);
}

/// <summary>A node as the territory page shows it.</summary>
public sealed record TerritoryNodeView(
    Guid Id, string Kind, string Code, string Name, Guid? ParentId, string Path, int Depth, string Status, DateTimeOffset? RetiredAt, TerritoryAttributesView Attributes)
{
    public bool Retired => Status == "retired";
}

public sealed record TerritoryAttributesView(string? CommunityKind, string? GovernanceMode, int? Households, decimal? FloorArea);

/// <summary>The subtree under a node (or the caller's scope), to a depth.</summary>
public sealed record TreeView(Guid? RootId, int Depth, IReadOnlyList<TreeNodeView> Nodes);

public sealed record TreeNodeView(Guid Id, string Kind, string Code, string Name, string Status, IReadOnlyList<TreeNodeView> Children)
{
    public string Label => $"{Name}（{PlaceKinds.Name(Kind)}）";
}

/// <summary>What the territory page's forms post: a new name, household count and floor area, a new parent by its code, or retirement.</summary>
public sealed class TerritoryNodeForm
{
    public const string Rename = "rename";
    public const string Move = "move";
    public const string Retire = "retire";

    public string? Action { get; set; }

    public string? Name { get; set; }

    public int? Households { get; set; }

    public decimal? FloorArea { get; set; }

    public string? ParentCode { get; set; }
}
