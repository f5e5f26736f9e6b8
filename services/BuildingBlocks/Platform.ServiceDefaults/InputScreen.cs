using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Platform.ServiceDefaults;

/// <summary>Switches the input screen off, for a host that only forwards requests (the gateway).</summary>
public sealed class InputScreenOptions
{
    /// <summary>Whether requests are screened; on by default.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Refuses, before any endpoint runs, what no service can store or compute with: a charset other than UTF-8
/// (415), and in the path, the query, a URL-encoded form or a JSON body a NUL character, a date outside
/// <see cref="InputBounds"/>, or a null element in a JSON list (400 <c>validation_failed</c>, naming each field).
/// </summary>
/// <remarks>
/// One place for every service, so that no endpoint has to remember these and a new service gets them by
/// calling <see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/>. A JSON body is buffered and
/// read once more here; it stays readable for the endpoint. A body that is not JSON at all is left to the
/// endpoint's binding, which refuses it with its own 400.
/// </remarks>
internal sealed class InputScreenMiddleware(RequestDelegate next, IOptions<InputScreenOptions> options)
{
    private const string NullElementProblem = "The list contains an empty (null) element.";
    private const string InvalidUtf8Problem = "The text is not valid UTF-8.";
    private const string UnreadableFormProblem = "The form cannot be read: a value contains a NUL character (%00) or the form has more or longer values than accepted.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!options.Value.Enabled)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType);
        if (mediaType?.Charset.Value is { Length: > 0 } charset && !IsUtf8(charset))
        {
            await ProblemResults.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_charset", "Unsupported charset", "Send text as UTF-8.").ExecuteAsync(context);
            return;
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Path.Value is { } path && path.Contains('\0', StringComparison.Ordinal))
        {
            errors["path"] = ["The path contains a NUL character (U+0000), which is not accepted."];
        }

        ScreenPairs(request.Query, errors);
        if (request.HasFormContentType && mediaType!.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await ScreenFormAsync(request, errors, context.RequestAborted);
        }
        else if (IsJson(mediaType))
        {
            await ScreenJsonAsync(request, errors, context.RequestAborted);
        }

        if (errors.Count > 0)
        {
            await ProblemResults.Validation(errors).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"') is var name
        && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase) || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));

    private static bool IsJson(MediaTypeHeaderValue? mediaType) =>
        mediaType?.MediaType.Value is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static void ScreenPairs(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> pairs, Dictionary<string, string[]> errors)
    {
        foreach (var (key, values) in pairs)
        {
            errors.AddIf(key, InputBounds.ProblemWith(key));
            foreach (var value in values)
            {
                errors.AddIf(key, InputBounds.ProblemWith(value));
            }
        }
    }

    private static async Task ScreenFormAsync(HttpRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        try
        {
            ScreenPairs(await request.ReadFormAsync(cancellationToken), errors);
        }
        catch (InvalidDataException)
        {
            // The form reader refuses a NUL (%00) and a form beyond its value limits itself, without naming the field.
            errors["form"] = [UnreadableFormProblem];
        }
    }

    private static async Task ScreenJsonAsync(HttpRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            ScreenElement(document.RootElement, "", errors);
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint's binding says so, with the place where it broke.
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static void ScreenElement(JsonElement element, string path, Dictionary<string, string[]> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryDecode(() => property.Name, out var name))
                    {
                        errors.AddIf(path.Length == 0 ? "body" : path, InvalidUtf8Problem);
                        continue;
                    }

                    var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
                    errors.AddIf(propertyPath, InputBounds.ProblemWith(name));
                    ScreenElement(property.Value, propertyPath, errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        errors[itemPath] = [NullElementProblem];
                    }

                    ScreenElement(item, itemPath, errors);
                }

                break;
            case JsonValueKind.String:
                errors.AddIf(path.Length == 0 ? "body" : path, TryDecode(element.GetString, out var text) ? InputBounds.ProblemWith(text) : InvalidUtf8Problem);
                break;
        }
    }

    // The JSON reader checks structure, not the bytes inside strings; decoding them finds invalid UTF-8.
    private static bool TryDecode(Func<string?> decode, out string text)
    {
        try
        {
            text = decode() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }
}
