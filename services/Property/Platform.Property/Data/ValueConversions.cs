using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.Domain;
using Platform.Property.Domain.Votes;

namespace Platform.Property.Data;

/// <summary>Thresholds stored as they are written (<c>&gt;=2/3 &gt;=2/3</c>: the area's, then the owners').</summary>
internal static class ThresholdText
{
    public static readonly ValueConverter<DoubleThreshold, string> DoubleConverter = new(t => Write(t), text => Read(text));

    public static readonly ValueConverter<DoubleThreshold?, string?> NullableDoubleConverter =
        new(t => t == null ? null : Write(t.Value), text => text == null ? null : Read(text));

    public static readonly ValueConverter<Dictionary<Matter, DoubleThreshold>, string> PassConverter = new(
        pass => JsonSerializer.Serialize(pass.ToDictionary(p => p.Key.ToWire(), p => Write(p.Value)), JsonSerializerOptions.Default),
        text => JsonSerializer.Deserialize<Dictionary<string, string>>(text, JsonSerializerOptions.Default)!
            .ToDictionary(p => WireNames.Parse<Matter>(p.Key), p => Read(p.Value)));

    public static string Write(DoubleThreshold threshold) => $"{threshold.Area} {threshold.Owners}";

    public static DoubleThreshold Read(string text)
    {
        var parts = text.Split(' ');
        return Threshold.TryParse(parts[0], out var area, out _) && Threshold.TryParse(parts[1], out var owners, out _)
            ? new DoubleThreshold(area, owners)
            : throw new FormatException($"Stored threshold '{text}' is malformed.");
    }
}
