using Platform.Testing;

namespace Platform.Residents.Tests;

public sealed class OpenApiTests(ResidentsFixture fixture)
{
    [Fact]
    public async Task Document_NamesTheQueryParametersAsClientsSendThem()
    {
        using var anonymous = fixture.Service.Factory.CreateClient();

        var document = await (await anonymous.GetAsync(new Uri("/api/residents/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).AssertOkAsync();

        var search = document.GetProperty("paths").GetProperty("/api/residents").GetProperty("get").GetProperty("parameters").EnumerateArray();
        Assert.Equal(["node", "q", "tag", "partyMember", "owner", "volunteer", "cursor", "pageSize"], search.Select(p => p.GetProperty("name").GetString()));
    }
}
