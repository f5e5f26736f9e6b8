using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Gateway.Tests;

public sealed partial class CorrelationIdTests(GatewayFactory gateway)
{
    private const string Header = "X-Correlation-Id";

    [Fact]
    public async Task Get_WithoutCorrelationId_GeneratesOneForServiceAndClient()
    {
        var response = await gateway.SendAsync("/connect/token");

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.Matches(WellFormed(), echoed.CorrelationId);
        Assert.Equal(echoed.CorrelationId, ResponseId(response));
    }

    [Fact]
    public async Task Get_WellFormedCorrelationId_KeepsIt()
    {
        const string id = "portal-7f3a.retry_2";

        var response = await gateway.SendAsync("/connect/token", configure: request => request.Headers.Add(Header, id));

        Assert.Equal(id, (await GatewayFactory.ReadEchoAsync(response)).CorrelationId);
        Assert.Equal(id, ResponseId(response));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task Get_MalformedCorrelationId_ReplacesIt(string id)
    {
        var response = await gateway.SendAsync("/connect/token", configure: request => request.Headers.TryAddWithoutValidation(Header, id));

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.NotEqual(id, echoed.CorrelationId);
        Assert.Matches(WellFormed(), echoed.CorrelationId);
        Assert.Equal(echoed.CorrelationId, ResponseId(response));
    }

    [Fact]
    public async Task Get_RejectedRequest_StillEchoesCorrelationId()
    {
        const string id = "rejected-1";

        var response = await gateway.SendAsync("/api/residents/demands", configure: request => request.Headers.Add(Header, id));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(id, ResponseId(response));
    }

    private static string? ResponseId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(Header, out var values) ? values.Single() : null;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex WellFormed();
}
