using System.Net;

namespace Platform.Gateway.Tests;

public sealed class RequestBodyLimitTests(GatewayFactory gateway)
{
    [Fact]
    public async Task Post_AnnouncedBodyOverLimit_Returns413WithoutForwarding()
    {
        var marker = Guid.NewGuid().ToString("N");

        var response = await PostAsync(gateway.CreateClient(), marker, new ByteArrayContent(new byte[GatewayFactory.MaxRequestBodySize + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request_too_large", await GatewayFactory.ReadProblemCodeAsync(response));
        Assert.False(gateway.Backend.Received(marker));
    }

    [Fact]
    public async Task Post_BodyAtLimit_IsForwarded()
    {
        var response = await PostAsync(gateway.CreateClient(), Guid.NewGuid().ToString("N"), new ByteArrayContent(new byte[GatewayFactory.MaxRequestBodySize]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // A body of unannounced length is only measured as it streams, which Kestrel does and the test server does not.
    [Fact]
    public async Task Post_ChunkedBodyOverLimitOnKestrel_Returns413()
    {
        await using var kestrel = gateway.StartOnKestrel();
        using var client = kestrel.CreateClient();
        using var body = new MemoryStream(new byte[GatewayFactory.MaxRequestBodySize + 1]);

        var response = await PostAsync(client, Guid.NewGuid().ToString("N"), new StreamContent(body), chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string marker, HttpContent body, bool chunked = false) =>
        GatewayFactory.SendAsync(client, HttpMethod.Post, $"/api/residents/{marker}", TestTokens.Create(), request =>
        {
            request.Content = body;
            request.Headers.TransferEncodingChunked = chunked;
        });
}
