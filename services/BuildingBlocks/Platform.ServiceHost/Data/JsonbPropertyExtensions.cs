using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.Domain;

namespace Platform.ServiceHost.Data;

/// <summary>Values kept whole in one <c>jsonb</c> column: read and written with their entity, never queried apart.</summary>
public static class JsonbPropertyExtensions
{
    /// <summary>
    /// Stores the property as <c>jsonb</c>, serialised with wire names, and tracks changes by comparing the JSON (so a
    /// list changed in place is saved).
    /// </summary>
    /// <typeparam name="T">The property's type, one System.Text.Json reads back.</typeparam>
    /// <param name="property">The property.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static PropertyBuilder<T> IsJsonb<T>(this PropertyBuilder<T> property) where T : class?
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasColumnType("jsonb").HasConversion(JsonbValue<T>.Converter, JsonbValue<T>.Comparer);
    }
}

/// <summary>
/// How a value of <typeparamref name="T"/> is written to a <c>jsonb</c> column and compared by its JSON; for a column
/// that needs a converter of its own but the same change tracking.
/// </summary>
/// <typeparam name="T">The property's type, one System.Text.Json reads back.</typeparam>
public static class JsonbValue<T> where T : class?
{
    /// <summary>Writes the value as JSON with wire names, and reads it back.</summary>
    public static readonly ValueConverter<T, string> Converter = new(
        value => JsonSerializer.Serialize(value, JsonbOptions.Value),
        json => JsonSerializer.Deserialize<T>(json, JsonbOptions.Value)!);

    /// <summary>Two values are equal when their JSON is; a snapshot is a deep copy through JSON.</summary>
    public static readonly ValueComparer<T> Comparer = new(
        (left, right) => JsonSerializer.Serialize(left, JsonbOptions.Value) == JsonSerializer.Serialize(right, JsonbOptions.Value),
        value => JsonSerializer.Serialize(value, JsonbOptions.Value).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonbOptions.Value), JsonbOptions.Value)!);
}

internal static class JsonbOptions
{
    // Enums in the column use their wire names, as on the API, so the stored JSON reads like the service's answers.
    // Reading ignores the case of property names: columns written before this mapping was shared used camelCase.
    public static readonly JsonSerializerOptions Value = new() { Converters = { new WireNameJsonConverter() }, PropertyNameCaseInsensitive = true };
}
