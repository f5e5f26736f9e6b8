using System.Text.Json;

namespace Platform.Residents.Domain.Demands;

/// <summary>Enum values as the HTTP layer writes them, so history details read the same as API answers.</summary>
internal static class WireName
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
