using System.Diagnostics.CodeAnalysis;

namespace Platform.Domain;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015) every legal person and organisation in China
/// carries: a registration authority (1 机构编制, 5 民政, 9 市场监管 …), an organisation type, the six-digit
/// region code, the nine-character organisation code and a check character, all drawn from 31 characters
/// (the digits and the capitals without I, O, S, V and Z).
/// </summary>
public sealed class UnifiedSocialCreditCode
{
    private const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // The weight of position i is 3^i mod 31, as the standard tabulates them.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The code in capitals.</summary>
    public string Value { get; }

    /// <summary>The registration authority's character (5 for civil affairs, 9 for market regulation …).</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>The six-digit administrative region code of the registering authority.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>
    /// Reads <paramref name="text"/> as a credit code, or says why it is not one. Surrounding spaces are ignored
    /// and lower-case letters are accepted.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, [NotNullWhen(false)] out string? problem)
    {
        code = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        problem = value.Length != Length ? $"A unified social credit code has {Length} characters."
            : value.AsSpan().ContainsAnyExcept(Alphabet) ? "Only digits and the capitals A–Y without I, O, S, V and Z."
            : value.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9') ? "Characters 3 to 8 are the six-digit region code."
            : CheckCharacter(value) != value[^1] ? "The check character does not match: the code has a typing error."
            : null;
        if (problem is not null)
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(value);
        return true;
    }

    /// <summary>The check character the first seventeen characters call for.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> code)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Alphabet.IndexOf(code[i]) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
