using System.ComponentModel.DataAnnotations;

namespace Platform.Domain;

/// <summary>
/// Request validation: a string (a query parameter, a route segment, a member read as text) must be one of an
/// enum's <see cref="WireNames"/> names, or absent. The handler then reads it once with <see cref="WireNames.Parse{TEnum}"/>.
/// </summary>
/// <param name="enumType">The enum whose names are allowed.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class WireNameAttribute(Type enumType) : ValidationAttribute
{
    private readonly WireNames.IWireNameTable _names = WireNames.TableOf(
        enumType is { IsEnum: true } ? enumType : throw new ArgumentException("An enum type is required.", nameof(enumType)));

    /// <summary>The enum whose names are allowed.</summary>
    public Type EnumType { get; } = enumType;

    /// <inheritdoc />
    public override bool IsValid(object? value) => value is null || (value is string text && _names.IsName(text));

    /// <inheritdoc />
    public override string FormatErrorMessage(string name) => ErrorMessage ?? _names.Expected;
}
