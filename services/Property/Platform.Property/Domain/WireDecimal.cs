using System.Globalization;

namespace Platform.Property.Domain;

/// <summary>Areas (m²) and amounts (yuan) as the API writes them: decimal strings with two places, never floating point.</summary>
public static class WireDecimal
{
    /// <summary>The value with two decimal places, e.g. <c>89.50</c>.</summary>
    public static string Of(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
