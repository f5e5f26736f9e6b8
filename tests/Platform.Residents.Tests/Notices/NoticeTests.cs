using Platform.Domain;
using Platform.Residents.Domain.Notices;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Notices;

/// <summary>A notice's period: objections from publication until, not including, its expiry.</summary>
public sealed class NoticeTests
{
    private static Notice Publish(TimeSpan period) => Notice.Publish(
        NoticeKind.Announcement, null, "停水通知", "12月5日9时至17时停水。", NodeId, NodePath, [NoticeChannel.Wechat, NoticeChannel.NoticeBoard, NoticeChannel.Wechat], period,
        "u-worker", Now);

    [Fact]
    public void Object_DuringThePeriod_IsFiled_AndAtItsExpiry_IsRefused()
    {
        var notice = Publish(TimeSpan.FromDays(3));

        var objection = notice.Object("  时间太长  ", "u-resident", Now + TimeSpan.FromDays(3) - TimeSpan.FromTicks(1));
        Assert.Equal((notice.Id, "时间太长", "u-resident"), (objection.NoticeId, objection.Text, objection.FiledBy));

        var late = Assert.ThrowsAny<DomainException>(() => notice.Object("晚了", "u-resident", Now + TimeSpan.FromDays(3)));
        Assert.Equal("notice.period_over", late.Error.Code);
        Assert.False(notice.IsRunning(Now + TimeSpan.FromDays(3)));
        Assert.True(notice.IsRunning(Now));
    }

    [Fact]
    public void Publish_KeepsEachChannelOnce_AndRefusesAnExpiryNotAfterPublication()
    {
        Assert.Equal([NoticeChannel.NoticeBoard, NoticeChannel.Wechat], Publish(TimeSpan.FromHours(1)).Channels);

        var refused = Assert.ThrowsAny<DomainException>(() => Publish(TimeSpan.Zero));
        Assert.Equal(("notice.invalid_argument", "expiresAt"), (refused.Error.Code, refused.Field));
    }

    [Fact]
    public void Object_Blank_IsRefused()
    {
        var refused = Assert.ThrowsAny<DomainException>(() => Publish(TimeSpan.FromDays(1)).Object(" ", "u-resident", Now));
        Assert.Equal(("notice.invalid_argument", "text"), (refused.Error.Code, refused.Field));
    }
}
