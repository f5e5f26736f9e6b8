using System.Net;
using System.Text;
using Platform.Domain;
using Platform.Property.Domain.Webhooks;
using Platform.Property.Features.Webhooks;

namespace Platform.Property.Tests.Domain;

/// <summary>The webhooks' rules without a server: the retry schedule into the dead list, redelivery, the signature, the address policy.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly WebhookRetrySchedule Schedule = new([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)]);

    private static (WebhookSubscription Subscription, WebhookDelivery Delivery) Queued()
    {
        var subscription = WebhookSubscription.Subscribe(Guid.NewGuid(), "https://hooks.example.com/in", [WebhookEventType.WorkOrderOpened], "sealed", "client-1", Now);
        return (subscription, subscription.Deliver(Guid.NewGuid(), WebhookEventType.WorkOrderOpened, "{}", Now));
    }

    [Fact]
    public void Failures_WaitEachDelayInTurn_ThenTheDeliveryIsDead()
    {
        var (_, delivery) = Queued();
        var took = TimeSpan.FromMilliseconds(200);

        delivery.Failed(Now, 500, "The receiver answered 500.", took, Schedule);
        Assert.Equal((WebhookDeliveryStatus.Pending, Now + took + TimeSpan.FromSeconds(10)), (delivery.Status, delivery.NextAttemptAt));
        delivery.Failed(Now.AddSeconds(11), null, "Connection refused", took, Schedule);
        Assert.Equal(Now.AddSeconds(11) + took + TimeSpan.FromMinutes(1), delivery.NextAttemptAt);
        delivery.Failed(Now.AddMinutes(2), 502, "The receiver answered 502.", took, Schedule);

        Assert.Equal((WebhookDeliveryStatus.Dead, (DateTimeOffset?)null, 3), (delivery.Status, delivery.NextAttemptAt, delivery.AttemptCount));
        Assert.Equal([500, null, 502], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal(Schedule.MaxAttempts, delivery.AttemptCount);
    }

    [Fact]
    public void Redelivery_OfADeadDelivery_StartsTheScheduleAgain_ButNotWhileItIsPending()
    {
        var (subscription, delivery) = Queued();
        Assert.Equal("property.webhook_delivery_pending", Assert.Throws<DomainException>(() => delivery.Redeliver(subscription, "client-1", Now)).Error.Code);
        for (var i = 0; i < Schedule.MaxAttempts; i++)
        {
            delivery.Failed(Now, 500, "down", TimeSpan.Zero, Schedule);
        }

        delivery.Redeliver(subscription, "client-1", Now.AddHours(1));
        Assert.Equal((WebhookDeliveryStatus.Pending, Now.AddHours(1), 0, "client-1"), (delivery.Status, delivery.NextAttemptAt, delivery.FailuresInARow, delivery.RedeliveredBy));
        delivery.Failed(Now.AddHours(1), 500, "down", TimeSpan.Zero, Schedule);
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        delivery.Succeeded(Now.AddHours(2), 204, TimeSpan.FromMilliseconds(30));
        Assert.Equal((WebhookDeliveryStatus.Delivered, Schedule.MaxAttempts + 2), (delivery.Status, delivery.AttemptCount));

        subscription.Remove(Now.AddHours(3));
        Assert.Equal("property.webhook_removed", Assert.Throws<DomainException>(() => delivery.Redeliver(subscription, "client-1", Now.AddHours(3))).Error.Code);
    }

    [Fact]
    public void AttemptLog_KeepsTheLatestAttemptsOnly()
    {
        var (_, delivery) = Queued();
        var many = new WebhookRetrySchedule([.. Enumerable.Repeat(TimeSpan.FromSeconds(1), 30)]);
        for (var i = 0; i < 25; i++)
        {
            delivery.Failed(Now.AddSeconds(i), 500 + i, "down", TimeSpan.Zero, many);
        }

        Assert.Equal(WebhookDelivery.AttemptsKept, delivery.Attempts.Count);
        Assert.Equal((505, 524, 25), (delivery.Attempts[0].StatusCode, delivery.Attempts[^1].StatusCode, delivery.AttemptCount));
    }

    [Fact]
    public void Signature_VerifiesTheBodyItSigned_AndNothingElse()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"1\"}");
        var header = WebhookSignature.Sign("whsec_a", Now, body);

        Assert.StartsWith($"t={Now.ToUnixTimeSeconds()},v1=", header);
        Assert.True(WebhookSignature.Verify("whsec_a", header, body));
        Assert.False(WebhookSignature.Verify("whsec_b", header, body));
        Assert.False(WebhookSignature.Verify("whsec_a", header, Encoding.UTF8.GetBytes("{\"id\":\"2\"}")));
        Assert.False(WebhookSignature.Verify("whsec_a", header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}"), body));
        Assert.False(WebhookSignature.Verify("whsec_a", "v1=zz", body));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("223.5.5.5", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2400:3200::1", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a00:1", false)]
    public void AddressPolicy_RefusesEveryNonPublicAddress(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookNetworkPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.example.com/in", true, null)]
    [InlineData("http://hooks.example.com/in", true, "Only https URLs receive events.")]
    [InlineData("http://hooks.example.com/in", false, null)]
    [InlineData("https://a:b@hooks.example.com/in", true, "A URL with a user name or password is refused; the signature authenticates the deliveries.")]
    [InlineData("https://hooks.example.com/in#x", true, "A URL with a fragment is refused.")]
    [InlineData("file:///etc/passwd", true, "An absolute https URL is required.")]
    public void UrlShape_IsCheckedBeforeAnyLookUp(string url, bool requireHttps, string? problem) =>
        Assert.Equal(problem, WebhookSubscription.UrlProblem(url, requireHttps));
}
