using System.Diagnostics.CodeAnalysis;

namespace Platform.PersonalData;

/// <summary>A mainland mobile number: eleven digits starting 13–19 (an optional +86 or 86 prefix is dropped).</summary>
public sealed class MobilePhone
{
    private MobilePhone(string value) => Value = value;

    /// <summary>The eleven digits.</summary>
    public string Value { get; }

    /// <summary>The form lists show: <c>138****8000</c>; search by the last four digits works on it.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 3), "****", Value.AsSpan(7));

    /// <summary>The last four digits, which residents and workers quote on the phone.</summary>
    public string Tail => Value[7..];

    /// <summary>Reads <paramref name="text"/> as a mobile number, ignoring spaces and dashes, or says why it is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MobilePhone? phone, [NotNullWhen(false)] out string? problem)
    {
        phone = null;
        var digits = string.Concat((text ?? "").Where(c => c is not (' ' or '-')));
        if (digits.StartsWith("+86", StringComparison.Ordinal) || (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)))
        {
            digits = digits[(digits[0] == '+' ? 3 : 2)..];
        }

        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit) || digits[0] != '1' || digits[1] < '3')
        {
            problem = "A mainland mobile number: 11 digits starting 13 to 19.";
            return false;
        }

        phone = new MobilePhone(digits);
        problem = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Masked;
}
