using System.Security.Cryptography;
using Platform.Domain;

namespace Platform.Residents.Features.Demands;

/// <summary>The numbers residents quote for their demands, drawn at random and unique per district.</summary>
internal static class DemandTrackingNumbers
{
    /// <summary>How many times a save is tried with a fresh number before the collision is let through.</summary>
    public const int Attempts = 4;

    // yyMMdd and eight random digits: short enough to read out on the phone, and unguessable enough that
    // a neighbour cannot walk through today's demands.
    public static string New(DateTimeOffset now) =>
        $"{DistrictClock.Today(now):yyMMdd}{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}";
}
