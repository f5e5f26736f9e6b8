using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Domain;

/// <summary>
/// The one spelling of enum values outside the process: lower snake case (<c>OldEstate</c> is <c>old_estate</c>), in
/// JSON bodies (<see cref="WireNameJsonConverter"/>), query strings and URL segments, import files and the string
/// members of integration events. Reading ignores case but nothing else: numbers, padded names and lists
/// (<c>"3"</c>, <c>" street"</c>, <c>"street,town"</c>) never pass for a value.
/// </summary>
public static class WireNames
{
    /// <summary>The naming policy behind every wire name, the JSON converter's included.</summary>
    public static JsonNamingPolicy Policy { get; } = JsonNamingPolicy.SnakeCaseLower;

    private static readonly ConcurrentDictionary<Type, object> Tables = new();

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a named member of its enum.</exception>
    public static string ToWire<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Table<TEnum>().Names.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a named {typeof(TEnum).Name}.");

    /// <summary>Reads a wire name; false for anything that is not one of <typeparamref name="TEnum"/>'s names.</summary>
    public static bool TryParse<TEnum>([NotNullWhen(true)] string? text, out TEnum value)
        where TEnum : struct, Enum => Table<TEnum>().Values.TryGetValue(text ?? "", out value);

    /// <summary>Reads a wire name that must be valid (one already checked, or one this service wrote).</summary>
    /// <exception cref="FormatException">The text is not one of <typeparamref name="TEnum"/>'s names.</exception>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}; {Expected<TEnum>()}");

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>().Ordered;

    /// <summary>What a valid value looks like, for error messages: <c>One of street, township, town.</c></summary>
    public static string Expected<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>().Expected;

    /// <summary>The wire names of an enum type known only at run time (validation attributes name it by <see cref="Type"/>).</summary>
    internal static IWireNameTable TableOf(Type enumType) =>
        (IWireNameTable)Tables.GetOrAdd(enumType, type => Activator.CreateInstance(typeof(WireNameTable<>).MakeGenericType(type))!);

    private static WireNameTable<TEnum> Table<TEnum>()
        where TEnum : struct, Enum => (WireNameTable<TEnum>)Tables.GetOrAdd(typeof(TEnum), _ => new WireNameTable<TEnum>());

    /// <summary>A name as the JSON converter writes it: the member's own <see cref="JsonStringEnumMemberNameAttribute"/>, else the policy's.</summary>
    private static string NameOf(FieldInfo member) =>
        member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? Policy.ConvertName(member.Name);

    internal interface IWireNameTable
    {
        bool IsName(string text);

        string Expected { get; }
    }

    private sealed class WireNameTable<TEnum> : IWireNameTable
        where TEnum : struct, Enum
    {
        public WireNameTable()
        {
            var members = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);
            Names = members.ToFrozenDictionary(m => (TEnum)m.GetValue(null)!, NameOf);
            Values = members.ToFrozenDictionary(NameOf, m => (TEnum)m.GetValue(null)!, StringComparer.OrdinalIgnoreCase);
            Ordered = [.. members.Select(NameOf)];
            Expected = $"One of {string.Join(", ", Ordered)}.";
        }

        public FrozenDictionary<TEnum, string> Names { get; }

        public FrozenDictionary<string, TEnum> Values { get; }

        public IReadOnlyList<string> Ordered { get; }

        public string Expected { get; }

        public bool IsName(string text) => Values.ContainsKey(text);
    }
}

/// <summary>
/// Reads and writes every enum as its <see cref="WireNames"/> name and refuses numbers. It is the framework's string
/// enum converter under <see cref="WireNames.Policy"/>, so OpenAPI documents list the same names.
/// </summary>
public sealed class WireNameJsonConverter() : JsonStringEnumConverter(WireNames.Policy, allowIntegerValues: false);
