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
