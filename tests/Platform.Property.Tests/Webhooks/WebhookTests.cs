using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Property.Tests.Api;
using Platform.Residents.Contracts;
using Platform.Testing;

namespace Platform.Property.Tests.Webhooks;

/// <summary>
/// Webhooks out to a real HTTP receiver on the loopback: work-order events delivered as signed CloudEvents, retried with
/// back-off into the dead list, redelivered on request, and seen only by the company that registered them.
/// </summary>
public sealed class WebhookTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A company with a machine client holding the contract of a new area.</summary>
    private async Task<(TestCompound Compound, string Code, HttpClient Company)> CompanyAsync(TenantInfo? district = null)
    {
        var contracted = await fixture.ContractedAreaAsync(district);
        return (contracted.Compound, contracted.CompanyCode, contracted.Company);
    }

    private async Task<Guid> AssignAsync(Guid nodeId, string companyCode)
    {
        var demandId = Guid.NewGuid();
        await fixture.Bus.Publish(new DemandAssignedToPropertyCompanyIntegrationEvent
        {
            TenantId = PropertyFixture.Demo.Id, DemandId = demandId, TrackingNumber = "JS" + demandId.ToString("N")[..10], CompanyId = companyCode, NodeId = nodeId,
            Category = "设施维修", Title = "楼道灯不亮", Description = "3单元楼道灯坏了", ResolutionDueAt = DateTimeOffset.UtcNow.AddDays(3),
        }, Cancellation);
        return demandId;
    }

    private static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient company, string url, params string[] eventTypes)
    {
        var created = await (await company.PostAsJsonAsync("/api/property/webhooks", new { url, eventTypes }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    private static Task<JsonElement> DeliveriesAsync(HttpClient company, Guid webhookId, string query = "") =>
        company.GetJsonAsync($"/api/property/webhooks/{webhookId}/deliveries?pageSize=100{query}");

    // The receiver's side of the contract, written out here rather than borrowed from the service: HMAC-SHA256 with the
    // secret over "{t}.{body}", hex, in "t=…,v1=…".
    private static bool SignatureHolds(ReceivedWebhook received, string secret)
    {
        var parts = received.Headers["Gongzhi-Signature"].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var signed = Encoding.UTF8.GetBytes(parts["t"] + ".").Concat(received.Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts["t"], CultureInfo.InvariantCulture));
        return parts["v1"] == expected && age < TimeSpan.FromMinutes(5);
    }

    private static JsonElement CloudEventOf(ReceivedWebhook received) => JsonDocument.Parse(received.Body).RootElement;

    [Fact]
    public async Task NewWorkOrder_AndItsSteps_ArriveAtTheWebhook_AsSignedCloudEvents()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (compound, code, company) = await CompanyAsync();
        var (webhookId, secret) = await SubscribeAsync(company, receiver.UrlFor("/hooks/all"), "work_order_opened", "work_order_status_changed");
        Assert.StartsWith("whsec_", secret);
        // The secret is shown once: reading the webhook again does not show it.
        Assert.Equal(JsonValueKind.Null, (await company.GetJsonAsync($"/api/property/webhooks/{webhookId}")).GetProperty("secret").ValueKind);

        var demandId = await AssignAsync(compound.Buildings[0], code);
        var opened = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.At("/hooks/all").FirstOrDefault()), Cancellation);

        Assert.StartsWith("application/cloudevents+json", opened.Headers["Content-Type"]);
        Assert.True(SignatureHolds(opened, secret));
        Assert.False(SignatureHolds(opened, secret + "x"));
        var cloudEvent = CloudEventOf(opened);
        Assert.Equal(("1.0", "cn.gongzhi.property.work_order.opened"), (cloudEvent.GetProperty("specversion").GetString(), cloudEvent.GetProperty("type").GetString()));
        var data = cloudEvent.GetProperty("data");
        Assert.Equal((demandId, "open"), (data.GetProperty("demandId").GetGuid(), data.GetProperty("status").GetString()));
        var orderId = data.GetProperty("id").GetGuid();

        await (await company.PostAsJsonAsync($"/api/property/work-orders/{orderId}/accept", new { note = "马上到" }, Cancellation)).AssertOkAsync();
        var changed = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.At("/hooks/all").Skip(1).FirstOrDefault()), Cancellation);
        Assert.True(SignatureHolds(changed, secret));
        var step = CloudEventOf(changed);
        Assert.Equal("cn.gongzhi.property.work_order.status_changed", step.GetProperty("type").GetString());
        Assert.Equal(("accepted", "马上到"), (step.GetProperty("data").GetProperty("status").GetString(), step.GetProperty("data").GetProperty("note").GetString()));
        Assert.NotEqual(cloudEvent.GetProperty("id").GetString(), step.GetProperty("id").GetString());

        // The log lists both, newest first, delivered at the first attempt with the receiver's 200.
        var log = await Eventually.ReturnsAsync(async () =>
        {
            var page = await DeliveriesAsync(company, webhookId, "&status=delivered");
            return page.GetProperty("total").GetInt32() == 2 ? page.GetProperty("items").GetRawText() : null;
        }, Cancellation);
        var items = JsonDocument.Parse(log).RootElement.EnumerateArray().ToList();
        Assert.Equal(["work_order_status_changed", "work_order_opened"], items.Select(i => i.GetProperty("eventType").GetString()));
        Assert.All(items, i => Assert.Equal((1, 200), (i.GetProperty("attemptCount").GetInt32(), i.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32())));
        Assert.Equal(items[1].GetProperty("id").GetString(), opened.Headers["Gongzhi-Delivery"]);
    }

    [Fact]
    public async Task FailingReceiver_IsRetriedWithBackOff_ThenDead_AndARedeliverySendsTheSameEventAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer("/hooks/down", HttpStatusCode.ServiceUnavailable);
        var (compound, code, company) = await CompanyAsync();
        var (webhookId, secret) = await SubscribeAsync(company, receiver.UrlFor("/hooks/down"), "work_order_opened");
        // A webhook for steps only hears nothing of a new work order.
        var (stepsOnly, _) = await SubscribeAsync(company, receiver.UrlFor("/hooks/steps"), "work_order_status_changed");

        await AssignAsync(compound.Buildings[1], code);

        // The tests' schedule: two waits (0.3 s, 0.6 s), so three attempts, then the dead list.
        var dead = await Eventually.ReturnsAsync(async () =>
        {
            var page = await DeliveriesAsync(company, webhookId, "&status=dead");
            return page.GetProperty("total").GetInt32() == 1 ? page.GetProperty("items")[0].GetRawText() : null;
        }, Cancellation);
        var delivery = JsonDocument.Parse(dead).RootElement;
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(3, delivery.GetProperty("attemptCount").GetInt32());
        Assert.All(attempts, a => Assert.Equal(503, a.GetProperty("statusCode").GetInt32()));
        var received = receiver.At("/hooks/down");
        Assert.Equal(3, received.Count);
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromMilliseconds(250), "the second attempt waits the first delay");
        Assert.True(received[2].At - received[1].At >= TimeSpan.FromMilliseconds(550), "the third waits longer");
        Assert.Single(received.Select(r => CloudEventOf(r).GetProperty("id").GetString()).Distinct());
        Assert.Equal(0, (await DeliveriesAsync(company, stepsOnly)).GetProperty("total").GetInt32());

        // The receiver is mended; the company asks for the dead delivery again.
        receiver.Answer("/hooks/down", HttpStatusCode.NoContent);
        var deliveryId = delivery.GetProperty("id").GetGuid();
        var redelivered = await (await company.PostAsync($"/api/property/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", null, Cancellation)).AssertOkAsync();
        Assert.Equal("pending", redelivered.GetProperty("status").GetString());
        await Eventually.HoldsAsync(async () => (await DeliveriesAsync(company, webhookId, "&status=delivered")).GetProperty("total").GetInt32() == 1, Cancellation);

        var last = receiver.At("/hooks/down")[^1];
        Assert.True(SignatureHolds(last, secret));
        Assert.Equal(CloudEventOf(received[0]).GetProperty("id").GetString(), CloudEventOf(last).GetProperty("id").GetString());
        // A delivery being attempted, or one of another webhook, is not redelivered.
        await (await company.PostAsync($"/api/property/webhooks/{stepsOnly}/deliveries/{deliveryId}/redeliver", null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "property.webhook_not_found");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.8/hook")]
    [InlineData("http://192.168.1.20/hook")]
    [InlineData("http://[::1]:8080/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://user:secret@127.0.0.1/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("/relative/hook")]
    [InlineData("http://no-such-host.invalid/hook")]
    public async Task Subscribe_ToAPrivateAddressOrAMalformedUrl_Answers400_AndRegistersNothing(string url)
    {
        var (_, _, company) = await CompanyAsync();

        await (await company.PostAsJsonAsync("/api/property/webhooks", new { url, eventTypes = new[] { "work_order_opened" } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.webhook_url_refused");

        Assert.Equal(0, (await company.GetJsonAsync("/api/property/webhooks")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Subscribe_WithoutEventTypesOrWithAnUnknownOne_Answers400()
    {
        var (_, _, company) = await CompanyAsync();

        await (await company.PostAsJsonAsync("/api/property/webhooks", new { url = "https://example.com/hook", eventTypes = Array.Empty<string>() }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.BadRequest, (await company.PostAsJsonAsync(
            "/api/property/webhooks", new { url = "https://example.com/hook", eventTypes = new[] { "demand_filed" } }, Cancellation)).StatusCode);
        Assert.Equal(0, (await company.GetJsonAsync("/api/property/webhooks")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Webhook_OfAnotherCompanyOrDistrict_Answers404_AndKeepersMayNotRegisterOne()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, _, company) = await CompanyAsync();
        var (webhookId, _) = await SubscribeAsync(company, receiver.UrlFor("/hooks/mine"), "work_order_opened");
        var (_, _, otherCompany) = await CompanyAsync();
        var (_, _, otherDistrictsCompany) = await CompanyAsync(PropertyFixture.Other);

        foreach (var outsider in new[] { otherCompany, otherDistrictsCompany })
        {
            await (await outsider.GetAsync($"/api/property/webhooks/{webhookId}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.webhook_not_found");
            await (await outsider.GetAsync($"/api/property/webhooks/{webhookId}/deliveries", Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "property.webhook_not_found");
            await (await outsider.DeleteAsync($"/api/property/webhooks/{webhookId}", Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "property.webhook_not_found");
            var listed = await outsider.GetJsonAsync("/api/property/webhooks");
            Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), w => w.GetProperty("id").GetGuid() == webhookId);
        }

        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/property/webhooks", Cancellation)).StatusCode);
        Assert.Null((await company.GetJsonAsync($"/api/property/webhooks/{webhookId}")).GetProperty("removedAt").GetString());
    }

    [Fact]
    public async Task RemovedWebhook_GetsNoMoreDeliveries_AndKeepsItsLog()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (compound, code, company) = await CompanyAsync();
        var (removed, _) = await SubscribeAsync(company, receiver.UrlFor("/hooks/removed"), "work_order_opened");
        var (kept, _) = await SubscribeAsync(company, receiver.UrlFor("/hooks/kept"), "work_order_opened");
        await AssignAsync(compound.Buildings[0], code);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.At("/hooks/removed").Count == 1), Cancellation);

        var answer = await (await company.DeleteAsync($"/api/property/webhooks/{removed}", Cancellation)).AssertOkAsync();
        Assert.NotNull(answer.GetProperty("removedAt").GetString());
        await AssignAsync(compound.Buildings[1], code);

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.At("/hooks/kept").Count == 2), Cancellation);
        Assert.Single(receiver.At("/hooks/removed"));
        Assert.Equal(1, (await DeliveriesAsync(company, removed)).GetProperty("total").GetInt32());
    }
}
