using System.Text.Json;

namespace Platform.Portal.Api;

/// <summary>
/// An API's refusal as the portal shows it: the problem details' stable <c>code</c>, a Chinese message for
/// people, and the messages per request field, which forms show next to the field with that wire name.
/// </summary>
public sealed class ApiProblem
{
    private readonly Dictionary<string, string[]> _fields;

    public ApiProblem(int status, string code, string message, IReadOnlyDictionary<string, string[]>? fields = null, JsonElement? body = null)
    {
        Status = status;
        Code = code;
        Message = message;
        _fields = new Dictionary<string, string[]>(fields ?? new Dictionary<string, string[]>(), StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    /// <summary>A refusal the portal finds itself before asking an API (no file chosen, no node with a typed code), shaped as the APIs' own.</summary>
    public static ApiProblem InvalidField(string field, string message) => new(
        StatusCodes.Status400BadRequest, "validation_failed", ProblemTexts.Describe("validation_failed", StatusCodes.Status400BadRequest),
        new Dictionary<string, string[]> { [field] = [message] });

    public int Status { get; }

    /// <summary>The stable code (<c>validation_failed</c>, <c>demands.transition_not_allowed</c>, …).</summary>
    public string Code { get; }

    /// <summary>What went wrong, in Chinese.</summary>
    public string Message { get; }

    /// <summary>The whole problem document, for the members a page needs (<c>allowedActions</c>).</summary>
    public JsonElement? Body { get; }

    public IReadOnlyDictionary<string, string[]> Fields => _fields;

    /// <summary>
    /// What to show under the input of the field with wire name <paramref name="field"/> (its nested members too, such
    /// as <c>tags[0]</c>), in Chinese (<see cref="FieldTexts"/>).
    /// </summary>
    public IReadOnlyList<string> For(string field) =>
        FieldTexts.Describe(field, [.. _fields.Where(entry => IsFieldOrMember(entry.Key, field)).SelectMany(entry => entry.Value)]);

    /// <summary>
    /// What to show above a form for the fields none of <paramref name="shownFields"/> covers, so that no refusal is
    /// lost because the form has no input for its field.
    /// </summary>
    public IReadOnlyList<string> NotOn(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToArray();
        return [.. _fields.Where(entry => !shown.Any(field => IsFieldOrMember(entry.Key, field))).SelectMany(entry => FieldTexts.Describe(entry.Key, entry.Value))];
    }

    private static bool IsFieldOrMember(string key, string field) =>
        key.Equals(field, StringComparison.OrdinalIgnoreCase)
        || (key.Length > field.Length && key.StartsWith(field, StringComparison.OrdinalIgnoreCase) && key[field.Length] is '.' or '[');
}
