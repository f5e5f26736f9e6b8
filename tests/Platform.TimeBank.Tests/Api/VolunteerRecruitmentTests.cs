using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.SocialOrgs.Contracts;
using Platform.Testing;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Service;

namespace Platform.TimeBank.Tests.Api;

/// <summary>
/// A social organisation's call for volunteers, as the social-organisation service publishes it over RabbitMQ, opens an
/// activity with one shift organised by the member who asked: once, in the district it is addressed to, and not at all
/// where the node is unknown.
/// </summary>
public sealed class VolunteerRecruitmentTests(TimeBankFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private VolunteerRecruitmentRequestedIntegrationEvent Request(Guid tenantId, string organiser, string title, Guid nodeId)
    {
        var startsAt = fixture.Clock.GetUtcNow().AddDays(1);
        return new VolunteerRecruitmentRequestedIntegrationEvent
        {
            TenantId = tenantId, OccurredAt = fixture.Clock.GetUtcNow(), RecruitmentId = Guid.NewGuid(), ProjectId = Guid.NewGuid(), OrganisationId = Guid.NewGuid(),
            OrganisationName = "幸福邻里互助会", OrganiserUserId = organiser, Title = title, Category = "waste_sorting", NodeId = nodeId, Place = "3 号楼",
            ShiftStartsAt = startsAt, ShiftEndsAt = startsAt.AddHours(3), Volunteers = 8,
        };
    }

    private async Task<List<(Activity Activity, List<Shift> Shifts)>> OrganisedByAsync(string organiser, Platform.MultiTenancy.TenantInfo tenant)
    {
        var found = new List<(Activity, List<Shift>)>();
        await fixture.Service.InScopeAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<TimeBankDbContext>();
            foreach (var activity in await db.Activities.AsNoTracking().Where(a => a.OrganiserId == organiser).OrderBy(a => a.CreatedAt).ToListAsync(Cancellation))
            {
                found.Add((activity, await db.Shifts.AsNoTracking().Where(s => s.ActivityId == activity.Id).ToListAsync(Cancellation)));
            }
        });
        return found;
    }

    [Fact]
    public async Task Recruitment_OpensOneActivityWithOneShift_OrganisedByTheMemberWhoAsked_OnceAndInItsDistrictOnly()
    {
        var (organiser, token) = await fixture.Identity.MemberAsync(TimeBankFixture.Demo, PlatformRoleNames.SocialOrganisation, null);
        var request = Request(TimeBankFixture.Demo.Id, organiser, "楼道清理志愿者", TestTerritory.CommunityA1);

        await fixture.Bus.Publish(request, Cancellation);
        await fixture.Bus.Publish(request, Cancellation);
        await fixture.Bus.Publish(Request(TimeBankFixture.Other.Id, organiser, "别区的招募", TestTerritory.CommunityA1), Cancellation);
        await fixture.Bus.Publish(Request(TimeBankFixture.Demo.Id, organiser, "不存在的地点", Guid.NewGuid()), Cancellation);
        var sentinel = Request(TimeBankFixture.Demo.Id, organiser, "第二次招募", TestTerritory.CommunityA2);
        await fixture.Bus.Publish(sentinel, Cancellation);
        await fixture.WaitUntilAsync(db => db.Activities.AnyAsync(a => a.OrganiserId == organiser && a.Title == sentinel.Title, Cancellation), TimeBankFixture.Demo);

        var opened = await OrganisedByAsync(organiser, TimeBankFixture.Demo);
        Assert.Equal(["楼道清理志愿者", "第二次招募"], opened.Select(o => o.Activity.Title));
        var (activity, shifts) = opened[0];
        Assert.Equal((ActivityCategory.WasteSorting, TestTerritory.CommunityA1, "3 号楼"), (activity.Category, activity.NodeId, activity.Place));
        var shift = Assert.Single(shifts);
        // PostgreSQL keeps instants to the microsecond.
        Assert.Equal(request.ShiftStartsAt, shift.StartsAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(request.ShiftEndsAt, shift.EndsAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(8, shift.Capacity);
        Assert.Empty(await OrganisedByAsync(organiser, TimeBankFixture.Other));

        // The member organises it: they may add shifts; another organisation's member may not.
        var member = fixture.Client(token);
        var more = new { startsAt = request.ShiftStartsAt.AddDays(7), endsAt = request.ShiftEndsAt.AddDays(7), capacity = 5 };
        await (await member.PostAsJsonAsync($"/api/timebank/activities/{activity.Id}/shifts", more, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var stranger = await fixture.MemberClientAsync(PlatformRoleNames.SocialOrganisation);
        await (await stranger.PostAsJsonAsync($"/api/timebank/activities/{activity.Id}/shifts", more, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.activity_not_found");
    }
}
