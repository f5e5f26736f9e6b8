using CsCheck;
using Platform.TimeBank.Domain.Clearing;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Tests.Clearing;

public sealed class ClearingDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Answer_IsAppliedOnce_TheFirstWins()
    {
        var sent = ClearingTransfer.Send(Guid.CreateVersion7(), "other", Guid.CreateVersion7(), "alice", Purpose.VolunteerService, 60, "alice", Now);

        Assert.True(sent.ApplyAnswer(accepted: true, null, null, Now));
        Assert.False(sent.ApplyAnswer(accepted: false, "timebank.cap_exceeded", "late", Now));
        Assert.Equal((ClearingStatus.Completed, null), (sent.Status, sent.RefusalCode));
    }

    [Fact]
    public void Reservation_OutlivesAnyPendingTimeout_AndOnlyTheSenderReserves()
    {
        var sent = ClearingTransfer.Send(Guid.CreateVersion7(), "other", Guid.CreateVersion7(), "alice", Purpose.VolunteerService, 60, "alice", Now);
        var received = ClearingTransfer.Received(sent.Id, "demo", Guid.CreateVersion7(), "alice", Purpose.VolunteerService, 60, Now);

        var order = sent.ReservationOrder(Guid.CreateVersion7(), Guid.CreateVersion7());

        Assert.True(order.Pending);
        Assert.True(order.ExpiresAt > Now.AddYears(50));
        Assert.Throws<InvalidOperationException>(() => received.ReservationOrder(Guid.CreateVersion7(), Guid.CreateVersion7()));
        Assert.False(received.ApplyAnswer(accepted: false, "x", "y", Now));
    }

    [Fact]
    public void Reports_InAnyOrderAndRepeated_KeepTheNewest()
    {
        // Reports (version, minutes) of one balance history, delivered shuffled with repeats: the newest is kept.
        Gen.Int[1, 30].SelectMany(count => Gen.Shuffle(Enumerable.Range(1, count).SelectMany(v => new[] { v, v }).ToArray()).Select(order => (count, order)))
            .Sample(sample =>
            {
                var (count, order) = sample;
                ClearingReport? kept = null;
                foreach (var version in order)
                {
                    if (kept is null)
                    {
                        kept = ClearingReport.First("other", Purpose.VolunteerService, -10L * version, version, Now);
                    }
                    else
                    {
                        kept.Apply(-10L * version, version, Now);
                    }
                }

                return kept!.Version == count && kept.ReportedMinutes == -10L * count;
            });
    }
}
