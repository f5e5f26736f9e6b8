using System.Numerics;

namespace Platform.Residents.Domain.Budgets;

/// <summary>An exact rational number, always in lowest terms with a positive denominator (the budget rules' arithmetic).</summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction's denominator is not zero.");
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (denominator.Sign < 0)
        {
            divisor = -divisor;
        }

        (Numerator, Denominator) = (numerator / divisor, denominator / divisor);
    }

    /// <summary>Zero.</summary>
    public static Fraction Zero { get; } = new(0, 1);

    /// <summary>The numerator.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, positive.</summary>
    public BigInteger Denominator { get; }

    /// <summary>The fraction <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    public static Fraction Of(BigInteger numerator, BigInteger denominator) => new(numerator, denominator);

    /// <summary>The exact value of a decimal.</summary>
    public static Fraction Of(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        return new(bits[3] < 0 ? -magnitude : magnitude, BigInteger.Pow(10, scale));
    }

    public static Fraction operator +(Fraction a, Fraction b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) => new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    /// <summary>The smaller of two fractions.</summary>
    public static Fraction Min(Fraction a, Fraction b) => a <= b ? a : b;

    /// <inheritdoc />
    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
}
