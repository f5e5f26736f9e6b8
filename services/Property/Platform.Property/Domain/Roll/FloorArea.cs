using System.Globalization;

namespace Platform.Property.Domain.Roll;

/// <summary>
/// A registered floor area (专有部分面积) in square metres: exact, positive, at most two decimal places, as the
/// property register states it. Areas are summed and compared as decimals, never as floating point.
/// </summary>
public static class FloorArea
{
    /// <summary>The largest floor area of one unit (the column holds 10 digits before the point).</summary>
    public const decimal Max = 1_000_000m;

    /// <summary>Reads an area as written (<c>89.50</c>), or says why it is not one.</summary>
    public static bool TryParse(string? text, out decimal area, out string? problem)
    {
        area = 0;
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out area))
        {
            problem = "An area in square metres, written like 89.50.";
            return false;
        }

        problem = area.Scale > 2 ? "At most two decimal places."
            : area <= 0 ? "The area must be greater than zero."
            : area > Max ? $"At most {Max.ToString(CultureInfo.InvariantCulture)} m²."
            : null;
        return problem is null;
    }

    /// <summary>Why <paramref name="text"/> is not a floor area, or null.</summary>
    public static string? Problem(string? text) => TryParse(text, out _, out var problem) ? null : problem;
}
