using System.Globalization;

namespace Platform.Reliability.Tests;

/// <summary>The environment variables that lengthen and load a run (README, "Faults and recovery").</summary>
internal static class RunSettings
{
    /// <summary>The whole number in <paramref name="variable"/>, or <paramref name="fallback"/> when it is unset or not a number.</summary>
    public static int Number(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
