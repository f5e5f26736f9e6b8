using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Fuzz;

/// <summary>Values a careless or hostile client sends, named so that a failure says which one broke what.</summary>
internal static class HostileValues
{
    private static readonly string Long = new('长', 100_000);

    /// <summary>Text for path and query parameters.</summary>
    public static IReadOnlyList<(string Name, string Value)> Text { get; } =
    [
        ("empty", ""),
        ("NUL", "a\0b"),
        ("100k characters", Long),
        ("LIKE metacharacters", "%_\\%"),
        ("SQL", "' OR 1=1; --"),
        ("negative", "-1"),
        ("int overflow", "2147483648"),
        ("int max", "2147483647"),
        ("huge number", "1e308"),
        ("malformed id", "not-a-guid"),
        ("empty guid", "00000000-0000-0000-0000-000000000000"),
        ("boolean as digit", "1"),
        ("calendar start", "0001-01-01T00:00:00Z"),
        ("calendar end", "9999-12-31"),
        ("lone surrogate", "\ud800"),
    ];

    /// <summary>JSON values for body properties.</summary>
    public static IReadOnlyList<(string Name, JsonNode? Value)> Json { get; } =
    [
        ("null", null),
        ("number instead", JsonValue.Create(12345)),
        ("negative", JsonValue.Create(-1)),
        ("int overflow", JsonValue.Create(2147483648L)),
        ("huge number", JsonValue.Create(1e308)),
        ("boolean instead", JsonValue.Create(true)),
        ("object instead", new JsonObject()),
        ("array instead", new JsonArray()),
        ("null element", new JsonArray((JsonNode?)null)),
        ("empty", JsonValue.Create("")),
        ("NUL", JsonValue.Create("a\0b")),
        ("100k characters", JsonValue.Create(Long)),
        ("LIKE and SQL", JsonValue.Create("%_' OR 1=1; --")),
        ("malformed id", JsonValue.Create("not-a-guid")),
        ("calendar start", JsonValue.Create("0001-01-01T00:00:00Z")),
        ("calendar end", JsonValue.Create("9999-12-31")),
    ];

    /// <summary>Whole bodies, whatever the operation expects.</summary>
    public static IReadOnlyList<(string Name, Func<HttpContent> Content)> Bodies { get; } =
    [
        ("empty body", () => new StringContent("", Encoding.UTF8, "application/json")),
        ("JSON null", () => new StringContent("null", Encoding.UTF8, "application/json")),
        ("JSON array", () => new StringContent("[]", Encoding.UTF8, "application/json")),
        ("broken JSON", () => new StringContent("{\"a\":", Encoding.UTF8, "application/json")),
        ("invalid UTF-8", () => Bytes([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "application/json")),
        ("bogus charset", () => Bytes("{}"u8.ToArray(), "application/json; charset=bogus")),
        ("wrong content type", () => new StringContent("{}", Encoding.UTF8, "text/plain")),
        ("form instead of JSON", () => new FormUrlEncodedContent([new("a", "b")])),
        ("multipart with a wrong boundary", () => Bytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na\r\n--y--"u8.ToArray(), "multipart/form-data; boundary=z")),
        ("oversized body", () => new StringContent("{\"a\":\"" + new string('x', 4 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json")),
    ];

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
