using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain;

namespace Platform.ServiceHost.Data;

/// <summary>Values kept whole in one <c>jsonb</c> column: read and written with their entity, never queried apart.</summary>
public static class JsonbPropertyExtensions
{
    // Enums in the column use their wire names, as on the API, so the stored JSON reads like the service's answers.
    private static readonly JsonSerializerOptions Options = new() { Converters = { new WireNameJsonConverter() } };

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
        return property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!,
            new ValueComparer<T>(
                (left, right) => JsonSerializer.Serialize(left, Options) == JsonSerializer.Serialize(right, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
    }
}
