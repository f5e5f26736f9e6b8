namespace Platform.Property.Domain.Webhooks;

/// <summary>What a company's webhook may be told about; each is delivered as a CloudEvent of <see cref="WebhookEventTypes.CloudEventType"/>.</summary>
public enum WebhookEventType
{
    /// <summary>A new work order for the company (<c>cn.gongzhi.property.work_order.opened</c>).</summary>
    WorkOrderOpened,

    /// <summary>One of the company's work orders changed status (<c>cn.gongzhi.property.work_order.status_changed</c>).</summary>
    WorkOrderStatusChanged,
}

/// <summary>The CloudEvent types of the webhook events, part of the integrators' contract.</summary>
public static class WebhookEventTypes
{
    /// <summary>The CloudEvent <c>type</c> attribute of <paramref name="type"/>.</summary>
    public static string CloudEventType(this WebhookEventType type) => type switch
    {
        WebhookEventType.WorkOrderOpened => "cn.gongzhi.property.work_order.opened",
        WebhookEventType.WorkOrderStatusChanged => "cn.gongzhi.property.work_order.status_changed",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a webhook event type."),
    };
}
