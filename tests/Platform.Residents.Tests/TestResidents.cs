using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests;

/// <summary>Residents registered through the API, and residents whose platform account is linked to their record.</summary>
internal static class TestResidents
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Registers a resident at <paramref name="nodeId"/> in <paramref name="household"/> (default: a 40-year-old named 居民); returns their id.</summary>
    public static async Task<Guid> RegisterAsync(HttpClient worker, Guid nodeId, string household, DateOnly? birthDate = null, string name = "居民") =>
        (await (await worker.PostAsJsonAsync("/api/residents", new { name, idNumber = TestPeople.IdNumber(birthDate), nodeId, household }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>Links <paramref name="userId"/>'s account to the resident, as <paramref name="linker"/>.</summary>
    public static async Task LinkAsync(HttpClient linker, Guid residentId, string userId) =>
        await (await linker.PutAsJsonAsync($"/api/residents/{residentId}/account", new { userId }, Cancellation)).AssertOkAsync();

    /// <summary>A new platform account with the resident role, linked by <paramref name="linker"/> to the resident; returns its client.</summary>
    public static async Task<HttpClient> LinkedClientAsync(ResidentsFixture fixture, HttpClient linker, Guid residentId)
    {
        var (userId, token) = await fixture.Identity.MemberAsync(ResidentsFixture.Demo, PlatformRoleNames.Resident, null);
        await LinkAsync(linker, residentId, userId);
        return fixture.Client(token);
    }
}
