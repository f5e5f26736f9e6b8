using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Residents.Tests.Notices;
using Platform.Testing;
using Platform.Testing.Services;
using static Platform.Residents.Tests.Deliberation.TopicRequests;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>
/// An area's seats bound its confirmed representatives, and those representatives serving today are the electorate of
/// a representatives' vote, on a fresh street of its own so the counts are exact.
/// </summary>
public sealed class RepresentativeElectorateApiTests(ResidentsFixture fixture)
{
    private const string Representatives = "/api/deliberation/representatives";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<(Guid Street, Guid Compound, Guid Building)> FreshStreetAsync()
    {
        var (street, community, compound, building) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishTreeAsync(
            new TerritoryTreeEvents(ResidentsFixture.Demo)
                .Add(street, null, TerritoryNodeKind.Street, "代表街道")
                .Add(community, street, TerritoryNodeKind.Community, "代表社区")
                .Add(compound, community, TerritoryNodeKind.Compound, "代表小区")
                .Add(building, compound, TerritoryNodeKind.Building, "2号楼"),
            Cancellation);
        return (street, compound, building);
    }

    private static async Task<Guid> NominateAsync(HttpClient worker, object seat) =>
        IdOf(await (await worker.PostAsJsonAsync(Representatives, seat, Cancellation)).AssertOkAsync(HttpStatusCode.Created));

    [Fact]
    public async Task Representatives_FillOnlyTheAreasSeats_AndTheServingOnesDecideARepresentativesVote()
    {
        var (street, compound, building) = await FreshStreetAsync();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street);
        var seatsPath = $"{Representatives}/seats/{compound}";
        var defaults = await (await worker.GetAsync(new Uri(seatsPath, UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.True(defaults.GetProperty("isDefault").GetBoolean());
        await (await worker.PutAsJsonAsync(seatsPath, new { residents = -1, localUnits = 1 }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "representative.invalid_argument");
        var set = await (await worker.PutAsJsonAsync(seatsPath, new { residents = 2, localUnits = 1 }, Cancellation)).AssertOkAsync();
        Assert.Equal((false, 2, 1, 0), (set.GetProperty("isDefault").GetBoolean(), set.GetProperty("seats").GetProperty("residents").GetInt32(),
            set.GetProperty("seats").GetProperty("localUnits").GetInt32(), set.GetProperty("seats").GetProperty("invitees").GetInt32()));
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await (await otherDistrict.PutAsJsonAsync(seatsPath, new { residents = 9 }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "representative.area_not_found");
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        await (await neighbour.GetAsync(new Uri(seatsPath, UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "representative.area_not_found");

        var residents = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            residents.Add(await TestResidents.RegisterAsync(worker, building, $"30{i}"));
        }

        object ResidentSeat(Guid resident) => new { nodeId = compound, residentId = resident, seat = "residents", nomination = "residents", termStart = "2026-01-01", termEnd = "2028-12-31" };
        var nominees = new List<Guid>();
        foreach (var resident in residents.Take(3))
        {
            nominees.Add(await NominateAsync(worker, ResidentSeat(resident)));
        }

        var unitDelegate = await NominateAsync(
            worker, new { nodeId = compound, name = "周" + Guid.NewGuid().ToString("N")[..6], organisation = "驻区医院", seat = "local_units", nomination = "party_organisation", termStart = "2026-01-01", termEnd = "2028-12-31" });

        // A replica of the service past the objection period confirms them; the third resident finds both residents' seats held.
        var clock = new AdvancingClock();
        clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        await using var later = fixture.StartReplica(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var laterWorker = later.Client(await fixture.MemberTokenAsync(ResidentsFixture.Demo, PlatformRoleNames.StreetAdmin, street));
        foreach (var confirmed in new[] { nominees[0], nominees[1], unitDelegate })
        {
            await (await laterWorker.PostAsJsonAsync($"{Representatives}/{confirmed}/confirm", new { }, Cancellation)).AssertOkAsync();
        }

        var full = await (await laterWorker.PostAsJsonAsync($"{Representatives}/{nominees[2]}/confirm", new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "representative.seats_full");
        Assert.Equal((2, 2), (full.GetProperty("seats").GetInt32(), full.GetProperty("taken").GetInt32()));
        var held = (await (await worker.GetAsync(new Uri(seatsPath, UriKind.Relative), Cancellation)).AssertOkAsync()).GetProperty("held");
        Assert.Equal((2, 1), (held.GetProperty("residents").GetInt32(), held.GetProperty("localUnits").GetInt32()));

        var id = await OnAgendaAsync(fixture, worker, compound, "小区停车收费方案");

        var opened = await ActAsync(worker, id, "open", new { electorate = "representatives", rule = "absolute_majority" });
        Assert.Equal(("representatives", 3), (opened.GetProperty("vote").GetProperty("electorate").GetString(), opened.GetProperty("vote").GetProperty("electorateSize").GetInt32()));

        // The unit's delegate is named by the representative's id; a resident representative may be named either way, and votes once.
        await ActAsync(worker, id, "ballot", new { representativeId = unitDelegate, choice = "yes", channel = "paper" });
        await ActAsync(worker, id, "ballot", new { residentId = residents[0], choice = "yes", channel = "paper" });
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.Conflict, "topic.already_voted", new { representativeId = nominees[0], choice = "no", channel = "paper" });
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.BadRequest, "topic.not_in_electorate", new { residentId = residents[2], choice = "no", channel = "paper" });
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.BadRequest, "topic.not_in_electorate", new { residentId = residents[3], choice = "no", channel = "paper" });
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.BadRequest, "topic.not_in_electorate", new { representativeId = nominees[1], residentId = residents[0], choice = "no", channel = "paper" });
        var representativeOnline = await TestResidents.LinkedClientAsync(fixture, await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin), residents[1]);
        await ActAsync(representativeOnline, id, "ballot", new { choice = "no" });

        // 2 yes of an electorate of 3: 2·2 > 3 passes the absolute majority.
        var closed = await ActAsync(worker, id, "close");
        Assert.Equal(("adopted", 2, 1), (closed.GetProperty("status").GetString(), closed.GetProperty("vote").GetProperty("yes").GetInt32(), closed.GetProperty("vote").GetProperty("no").GetInt32()));
        Assert.Equal(
            "议题“小区停车收费方案”表决通过。同意2票，反对1票，弃权0票；有表决权3名议事代表，规则：同意票过有表决权总数半数。",
            (await TestNotices.SingleAsync(fixture, id, "decision")).GetProperty("body").GetString());
    }
}
