using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Fuzz;

/// <summary>One request the fuzzer sends, described so that a failure names the operation and the input.</summary>
internal sealed record FuzzCase(string Operation, string Input, HttpMethod Method, string Path, Func<HttpContent?> Body);

/// <summary>
/// Reads a service's OpenAPI document and derives, for every operation, requests that each spoil one thing:
/// one parameter, one body property or the whole body, the rest filled with plausible values.
/// </summary>
internal sealed partial class OpenApiFuzzer(JsonNode document, int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Every case of every operation, in document order (deterministic for one seed and document).</summary>
    public IEnumerable<FuzzCase> Cases()
    {
        foreach (var (template, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in pathItem!.AsObject())
            {
                if (operationNode is not JsonObject operation || method == "parameters")
                {
                    continue;
                }

                foreach (var fuzzCase in CasesOf(new HttpMethod(method.ToUpperInvariant()), template, operation))
                {
                    yield return fuzzCase;
                }
            }
        }
    }

    private IEnumerable<FuzzCase> CasesOf(HttpMethod method, string template, JsonObject operation)
    {
        var name = $"{method} {template}";
        var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => (Name: (string)p["name"]!, In: (string)p["in"]!, Schema: Resolve(p["schema"])))
            .Where(p => p.In is "path" or "query")
            .ToList();
        var plausible = parameters.ToDictionary(p => p.Name, p => PlausibleText(p.Schema));
        var body = JsonBody(operation);
        var plausibleBody = body is null ? null : Plausible(body, depth: 0);
        Func<HttpContent?> bodyOf(JsonNode? json) => () => json is null ? null : new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");

        yield return new(name, "plausible values", method, Url(template, parameters, plausible), bodyOf(plausibleBody));
        foreach (var parameter in parameters)
        {
            // Kestrel itself refuses a NUL in the path (400) before any service code runs; the in-memory host cannot send one.
            foreach (var (valueName, value) in HostileValues.Text.Where(v => parameter.In != "path" || !v.Value.Contains('\0', StringComparison.Ordinal)))
            {
                var values = new Dictionary<string, string>(plausible) { [parameter.Name] = value };
                yield return new(name, $"{parameter.In} parameter '{parameter.Name}' = {valueName}", method, Url(template, parameters, values), bodyOf(plausibleBody));
            }
        }

        if (body is null)
        {
            yield break;
        }

        var url = Url(template, parameters, plausible);
        if (plausibleBody is JsonObject bodyObject)
        {
            foreach (var property in bodyObject.Select(p => p.Key).ToList())
            {
                foreach (var (valueName, value) in HostileValues.Json)
                {
                    var spoiled = bodyObject.DeepClone().AsObject();
                    spoiled[property] = value?.DeepClone();
                    yield return new(name, $"body property '{property}' = {valueName}", method, url, bodyOf(spoiled));
                }

                var missing = bodyObject.DeepClone().AsObject();
                missing.Remove(property);
                yield return new(name, $"body property '{property}' missing", method, url, bodyOf(missing));
            }
        }

        foreach (var (bodyName, content) in HostileValues.Bodies)
        {
            yield return new(name, bodyName, method, url, content);
        }
    }

    private static JsonNode? JsonBody(JsonObject operation) =>
        operation["requestBody"]?["content"] is JsonObject content
            ? content["application/json"]?["schema"] ?? content.Select(c => c.Value?["schema"]).FirstOrDefault() ?? new JsonObject()
            : null;

    private string Url(string template, IEnumerable<(string Name, string In, JsonNode? Schema)> parameters, IReadOnlyDictionary<string, string> values)
    {
        var path = PathParameter().Replace(template, match => Uri.EscapeDataString(values.GetValueOrDefault(match.Groups[1].Value, "x")));
        var query = string.Join('&', parameters.Where(p => p.In == "query").Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(values[p.Name])}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var hops = 0; schema?["$ref"] is JsonValue reference && hops < 10; hops++)
        {
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        }

        return schema;
    }

    private static string TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue single => (string)single!,
        JsonArray several => several.Select(t => (string)t!).FirstOrDefault(t => t != "null") ?? "string",
        _ => schema?["properties"] is not null ? "object" : "string",
    };

    private string PlausibleText(JsonNode? schema) => Plausible(Resolve(schema), 0) is JsonValue value ? value.ToString() : "x";

    private JsonNode? Plausible(JsonNode? schema, int depth)
    {
        schema = Resolve(schema);
        if (schema?["enum"] is JsonArray { Count: > 0 } choices)
        {
            return choices[_random.Next(choices.Count)]?.DeepClone();
        }

        if (schema?["oneOf"] is JsonArray { Count: > 0 } oneOf || schema?["anyOf"] is JsonArray { Count: > 0 } anyOf && (oneOf = anyOf) is not null)
        {
            return Plausible(oneOf.FirstOrDefault(s => TypeOf(Resolve(s)) != "null"), depth);
        }

        var format = (string?)schema?["format"];
        return TypeOf(schema) switch
        {
            "integer" => JsonValue.Create(_random.Next(1, 5)),
            "number" => JsonValue.Create(_random.Next(1, 5) + 0.5),
            "boolean" => JsonValue.Create(_random.Next(2) == 0),
            "array" when depth < 4 => new JsonArray(Plausible(schema!["items"], depth + 1)),
            "array" => new JsonArray(),
            "object" when depth < 4 => new JsonObject((schema?["properties"] as JsonObject ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Plausible(p.Value, depth + 1)))),
            "object" => new JsonObject(),
            _ => JsonValue.Create(format switch
            {
                "uuid" => Guid.CreateVersion7().ToString(),
                "date-time" => DateTimeOffset.UtcNow.AddDays(-_random.Next(30)).ToString("O"),
                "date" => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-_random.Next(30))).ToString("yyyy-MM-dd"),
                _ => $"fuzz-{_random.Next(100_000)}",
            }),
        };
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex PathParameter();
}
