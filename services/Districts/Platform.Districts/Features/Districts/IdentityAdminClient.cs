using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Platform.Districts.Domain;
using Platform.ServiceDefaults;

namespace Platform.Districts.Features.Districts;

/// <summary>
/// Creates a district's first administrator in the Identity service, on behalf of the operator whose request
/// is being served (their access token is relayed, so Identity applies its own authorization and audit).
/// </summary>
internal sealed class IdentityAdminClient(HttpClient http, IHttpContextAccessor accessor, ILogger<IdentityAdminClient> logger)
{
    /// <summary>Name of the HTTP client; its base address is <c>Identity:Authority</c>.</summary>
    public const string ClientName = "identity-admin";

    // Identity's field names and the onboarding request's names for the same things.
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["login"] = "adminLogin",
        ["password"] = "adminPassword",
        ["displayName"] = "adminName",
    };

    /// <summary>Creates (or, for a retried onboarding, finds) the administrator.</summary>
    public async Task<IdentityOutcome> CreateDistrictAdminAsync(District district, string login, string displayName, string password, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/district-admins")
        {
            Content = JsonContent.Create(new
            {
                districtId = district.Id,
                districtIdentifier = district.Identifier,
                login,
                displayName,
                password,
            }),
        };
        if (accessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "Identity is unreachable; district {Identifier} not onboarded", district.Identifier);
            return IdentityOutcome.Unavailable();
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var account = await response.Content.ReadFromJsonAsync<AdminAccount>(cancellationToken);
                return new IdentityOutcome(account!, null, null);
            }

            var problem = await ReadProblemAsync(response, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.BadRequest when problem.TryGetProperty("errors", out var errors) => new IdentityOutcome(null, ProblemResults.Validation(Rename(errors)), null),
                HttpStatusCode.Conflict => new IdentityOutcome(null, null, ProblemResults.Problem(
                    StatusCodes.Status409Conflict, Text(problem, "code") ?? "identity.login_taken", Text(problem, "title") ?? "Login taken", Text(problem, "detail"))),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new IdentityOutcome(null, null, ProblemResults.Problem(
                    StatusCodes.Status403Forbidden, "districts.admin_not_created", "Identity refused to create the administrator", Text(problem, "detail"))),
                _ => Unexpected(district, response.StatusCode),
            };
        }
    }

    private IdentityOutcome Unexpected(District district, HttpStatusCode status)
    {
        logger.LogWarning("Identity answered {Status}; district {Identifier} not onboarded", (int)status, district.Identifier);
        return IdentityOutcome.Unavailable();
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static Dictionary<string, string[]> Rename(JsonElement errors) =>
        errors.EnumerateObject().ToDictionary(
            field => FieldNames.GetValueOrDefault(field.Name, field.Name),
            field => field.Value.EnumerateArray().Select(message => message.GetString() ?? "").ToArray());

    private static string? Text(JsonElement problem, string member) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(member, out var value) ? value.GetString() : null;
}

/// <summary>The administrator's account in Identity.</summary>
internal sealed record AdminAccount(Guid UserId, string Login);

/// <summary>Either the account, or why Identity would not create it.</summary>
internal sealed record IdentityOutcome(AdminAccount? Account, ValidationProblem? Invalid, ProblemHttpResult? Refused)
{
    public static IdentityOutcome Unavailable() => new(null, null, ProblemResults.Problem(
        StatusCodes.Status503ServiceUnavailable,
        "districts.identity_unavailable",
        "Identity service unavailable",
        "The district was not created because its administrator could not be created. Try again shortly."));
}
