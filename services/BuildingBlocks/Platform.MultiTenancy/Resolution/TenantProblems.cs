using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.MultiTenancy.Resolution;

/// <summary>Problem-details answers about tenancy, each with a stable <c>code</c> clients can rely on.</summary>
public static class TenantProblems
{
    /// <summary>A problem-details result carrying <paramref name="code"/> as an extension member.</summary>
    public static ProblemHttpResult Create(int status, string code, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: code.Replace('_', ' '),
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
