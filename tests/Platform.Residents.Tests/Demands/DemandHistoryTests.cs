using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Demands;

public sealed class DemandHistoryTests
{
    private static readonly DemandActor Worker = new("u-worker", "李强");
    private static readonly DemandActor Officer = new("u-officer", null);

    [Fact]
    public void File_RecordsTheFilingAsTheFirstEntry()
    {
        var demand = File();

        var entry = Assert.Single(demand.History);
        Assert.Equal((1, "file", (DemandStatus?)null, DemandStatus.Received), (entry.Sequence, entry.Action, entry.FromStatus, entry.ToStatus));
        Assert.Equal(("u-clerk", "王芳", Now, "hotline"), (entry.ActorId, entry.ActorName, entry.At, entry.Details));
        Assert.Equal(1, demand.Version);
    }

    [Fact]
    public void EveryAction_AppendsOneNumberedEntry_WithActorTimeNoteAttachmentsAndDetails()
    {
        var demand = File();
        var t = Now;
        demand.Classify("供暖", null, null, null, Sla, Clerk, t = t.AddHours(1), "转供暖类");
        demand.Assign(AssigneeType.PropertyCompany, "pc-7", Clerk, t = t.AddHours(1));
        demand.Respond(Worker, t = t.AddHours(1), " 已电话联系 ", ["att/1.jpg", " att/2.jpg "]);
        demand.Whistle(["城管", "公安"], Worker, t = t.AddHours(1));
        demand.CheckIn("公安", Officer, t = t.AddHours(1));
        demand.CheckIn("城管", Officer, t = t.AddHours(1));
        demand.Start(Worker, t = t.AddHours(1));
        demand.Resolve(Worker, t = t.AddHours(1), "已修复", ["att/3.jpg"]);
        demand.Callback(Satisfaction.Satisfied, 5, Clerk, t = t.AddHours(1));
        demand.Close(Clerk, t = t.AddHours(1));

        Assert.Equal(Enumerable.Range(1, 11), demand.History.Select(e => e.Sequence));
        Assert.Equal(11, demand.Version);
        Assert.Equal(
            ["file", "classify", "assign", "respond", "whistle", "checkin", "checkin", "start", "resolve", "callback", "close"],
            demand.History.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(0, 11).Select(h => Now.AddHours(h)), demand.History.Select(e => e.At));
        Assert.Equal(
            ["hotline", "供暖", "property_company:pc-7", null, "城管,公安", "公安", "城管", null, null, "satisfied/5", null],
            demand.History.Select(e => e.Details));
        Assert.Equal(
            ["u-clerk", "u-clerk", "u-clerk", "u-worker", "u-worker", "u-officer", "u-officer", "u-worker", "u-worker", "u-clerk", "u-clerk"],
            demand.History.Select(e => e.ActorId));
        Assert.Null(demand.History[5].ActorName);
        Assert.Equal("李强", demand.History[3].ActorName);
        Assert.Equal("已电话联系", demand.History[3].Note);
        Assert.Equal(["att/1.jpg", "att/2.jpg"], demand.History[3].Attachments);
        Assert.Equal("转供暖类", demand.History[1].Note);
        Assert.Empty(demand.History[2].Attachments);
        Assert.All(demand.History.Skip(1).Zip(demand.History), pair => Assert.Equal(pair.Second.ToStatus, pair.First.FromStatus));
    }

    [Fact]
    public void LaterActions_LeaveEarlierEntriesUntouched()
    {
        var (demand, at) = In("assigned");
        var earlier = demand.History.ToList();
        var values = earlier.Select(e => (e.Sequence, e.Action, e.FromStatus, e.ToStatus, e.ActorId, e.At, e.Note, e.Details)).ToList();

        demand.Respond(Clerk, at.AddMinutes(1), "note");
        demand.Start(Clerk, at.AddMinutes(2));

        Assert.Equal(earlier, demand.History.Take(earlier.Count));
        Assert.Equal(values, demand.History.Take(earlier.Count).Select(e => (e.Sequence, e.Action, e.FromStatus, e.ToStatus, e.ActorId, e.At, e.Note, e.Details)));
    }

    public static TheoryData<string?, string[]?> MalformedNotesAndAttachments => new()
    {
        { new string('x', Demand.MaxNoteLength + 1), null },
        { null, [.. Enumerable.Range(1, Demand.MaxAttachments + 1).Select(i => $"att/{i}.jpg")] },
        { null, [new string('a', Demand.MaxAttachmentLength + 1)] },
        { null, ["att/1.jpg", " "] },
    };

    [Theory]
    [MemberData(nameof(MalformedNotesAndAttachments))]
    public void OverlongNotesAndBadAttachments_AreValidationProblems_AndRecordNothing(string? note, string[]? attachments)
    {
        var (demand, at) = In("assigned");

        var refusal = Assert.Throws<DemandRuleException>(() => demand.Respond(Clerk, at, note, attachments));

        Assert.Equal((DemandProblemCodes.InvalidArgument, false), (refusal.Code, refusal.IsConflict));
        Assert.Equal((DemandStatus.Assigned, 3, (DateTimeOffset?)null), (demand.Status, demand.History.Count, demand.RespondedAt));
    }

    [Fact]
    public void TenAttachmentsOfTwoHundredCharacters_AreAccepted()
    {
        var (demand, at) = In("assigned");

        demand.Respond(Clerk, at, new string('x', Demand.MaxNoteLength), [.. Enumerable.Repeat(new string('a', Demand.MaxAttachmentLength), Demand.MaxAttachments)]);

        Assert.Equal(Demand.MaxAttachments, demand.History[^1].Attachments.Count);
    }

    [Fact]
    public void AnActorWithoutAUserId_IsAProgrammingError()
    {
        var (demand, at) = In("assigned");

        Assert.Throws<ArgumentException>(() => demand.Respond(new DemandActor(" ", "X"), at));
        Assert.Throws<ArgumentNullException>(() => demand.Respond(null!, at));
        Assert.Equal(3, demand.History.Count);
    }
}
