using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Property.Contracts;
using Platform.Residents.Contracts;
using Platform.Testing;

namespace Platform.Property.Tests.Api;

/// <summary>Work orders both ways over RabbitMQ with the residents service's contracts, and company machine-client isolation.</summary>
public sealed class WorkOrderTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>An area under contract with a company that has a machine client.</summary>
    private async Task<(TestCompound Compound, Guid AreaId, string CompanyCode, HttpClient Company, HttpClient Admin)> ContractedAreaAsync()
    {
        var contracted = await fixture.ContractedAreaAsync();
        return (contracted.Compound, contracted.AreaId, contracted.CompanyCode, contracted.Company, contracted.Admin);
    }

    private async Task<Guid> AssignAsync(Guid nodeId, string companyCode)
    {
        var demandId = Guid.NewGuid();
        await fixture.Bus.Publish(new DemandAssignedToPropertyCompanyIntegrationEvent
        {
            TenantId = PropertyFixture.Demo.Id, DemandId = demandId, TrackingNumber = "JS" + demandId.ToString("N")[..10], CompanyId = companyCode, NodeId = nodeId,
            Category = "设施维修", Title = "电梯故障", Description = "2号楼电梯停在5层", ResolutionDueAt = DateTimeOffset.UtcNow.AddDays(3),
        }, Cancellation);
        return demandId;
    }

    private static async Task<JsonElement> WorkOrderOfAsync(HttpClient company, Guid demandId)
    {
        var order = await Eventually.ReturnsAsync(async () =>
        {
            var page = await company.GetJsonAsync("/api/property/work-orders?pageSize=100");
            return page.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("demandId").GetGuid() == demandId).Select(o => o.GetRawText()).FirstOrDefault();
        }, Cancellation);
        return JsonDocument.Parse(order).RootElement;
    }

    [Fact]
    public async Task DemandAssigned_InAContractedArea_OpensTheCompanysWorkOrder_WhoseStepsGoBackOverTheBus()
    {
        var (compound, areaId, code, company, admin) = await ContractedAreaAsync();
        var demandId = await AssignAsync(compound.Buildings[1], code);

        var order = await WorkOrderOfAsync(company, demandId);
        Assert.Equal(("open", areaId), (order.GetProperty("status").GetString(), order.GetProperty("areaId").GetGuid()));
        var id = order.GetProperty("id").GetGuid();
        // The area's keepers see it too.
        await admin.GetJsonAsync($"/api/property/work-orders/{id}");

        await (await company.PostAsJsonAsync($"/api/property/work-orders/{id}/accept", new { note = "已接单" }, Cancellation)).AssertOkAsync();
        var accepted = await fixture.RecordedAsync<PropertyWorkOrderStatusChangedIntegrationEvent>(e => e.DemandId == demandId && e.Status == "accepted");
        Assert.Equal((code, "已接单", PropertyFixture.Demo.Id), (accepted.CompanyId, accepted.Note, accepted.TenantId));

        await (await company.PostAsync($"/api/property/work-orders/{id}/complete", null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "property.work_order_transition");
        await (await company.PostAsync($"/api/property/work-orders/{id}/start", null, Cancellation)).AssertOkAsync();
        var completed = await (await company.PostAsync($"/api/property/work-orders/{id}/complete", null, Cancellation)).AssertOkAsync();
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        await fixture.RecordedAsync<PropertyWorkOrderStatusChangedIntegrationEvent>(e => e.DemandId == demandId && e.Status == "completed");
        var done = await company.GetJsonAsync("/api/property/work-orders?status=completed&pageSize=100");
        Assert.Contains(done.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        // A keeper does not act for the company.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/property/work-orders/{id}/reject", null, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Reject_WithoutAReason_Answers400_WithOne_GoesBackAsRejected()
    {
        var (compound, _, code, company, _) = await ContractedAreaAsync();
        var demandId = await AssignAsync(compound.Buildings[0], code);
        var id = (await WorkOrderOfAsync(company, demandId)).GetProperty("id").GetGuid();

        await (await company.PostAsJsonAsync($"/api/property/work-orders/{id}/reject", new { reason = " " }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.rejection_reason");
        await (await company.PostAsJsonAsync($"/api/property/work-orders/{id}/reject", new { reason = "不属于物业服务范围" }, Cancellation)).AssertOkAsync();

        var rejected = await fixture.RecordedAsync<PropertyWorkOrderStatusChangedIntegrationEvent>(e => e.DemandId == demandId && e.Status == "rejected");
        Assert.Equal("不属于物业服务范围", rejected.Note);
    }

    [Fact]
    public async Task WorkOrder_OfAnotherCompanyOrOutsideTheWorkersTerritory_Answers404()
    {
        var (compound, _, code, company, _) = await ContractedAreaAsync();
        var (_, _, _, otherCompany, _) = await ContractedAreaAsync();
        var demandId = await AssignAsync(compound.Buildings[0], code);
        var id = (await WorkOrderOfAsync(company, demandId)).GetProperty("id").GetGuid();
        var otherCommunity = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA2);
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);

        foreach (var outsider in new[] { otherCompany, otherCommunity, otherDistrict })
        {
            await (await outsider.GetAsync($"/api/property/work-orders/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.work_order_not_found");
            var listed = await outsider.GetJsonAsync("/api/property/work-orders?pageSize=100");
            Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        }

        await (await otherCompany.PostAsync($"/api/property/work-orders/{id}/accept", null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "property.work_order_not_found");
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/property/work-orders", Cancellation)).StatusCode);
        // The company's client is no keeper of areas.
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync("/api/property/areas", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Contract_Preliminary_AfterTheOwnersOwn_Answers409()
    {
        var (_, areaId, _, _, admin) = await ContractedAreaAsync();
        var other = await (await admin.PostAsJsonAsync(
            "/api/property/companies", new { code = "pc-" + Guid.NewGuid().ToString("N")[..8], name = "另一物业", creditCode = TestHolders.CreditCode() }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);

        await (await admin.PostAsJsonAsync($"/api/property/areas/{areaId}/contracts", new { companyId = other.GetProperty("id").GetGuid(), kind = "preliminary" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "property.contract_order");
    }

    [Fact]
    public async Task CloudEvent_FromTheCompany_MovesItsWorkOrder_AndARedeliveryChangesNothing()
    {
        var (compound, _, code, company, _) = await ContractedAreaAsync();
        var demandId = await AssignAsync(compound.Buildings[0], code);
        var id = (await WorkOrderOfAsync(company, demandId)).GetProperty("id").GetGuid();
        var eventId = "evt-" + Guid.NewGuid().ToString("N");

        var accepted = await (await company.SendAsync(CloudEvent(eventId, WorkOrderStatusType, new { workOrderId = id, status = "accepted", note = "已派师傅" }), Cancellation))
            .AssertOkAsync();
        // The same event again, even with other data: answered as before, applied once.
        var redelivered = await (await company.SendAsync(CloudEvent(eventId, WorkOrderStatusType, new { workOrderId = id, status = "started" }), Cancellation))
            .AssertOkAsync();

        Assert.Equal(("accepted", "accepted"), (accepted.GetProperty("status").GetString(), redelivered.GetProperty("status").GetString()));
        var recorded = await fixture.RecordedAsync<PropertyWorkOrderStatusChangedIntegrationEvent>(e => e.DemandId == demandId && e.Status == "accepted");
        Assert.Equal("已派师傅", recorded.Note);
        Assert.Equal("accepted", (await company.GetJsonAsync($"/api/property/work-orders/{id}")).GetProperty("status").GetString());
        var started = await (await company.SendAsync(CloudEvent("evt-" + Guid.NewGuid().ToString("N"), WorkOrderStatusType, new { workOrderId = id, status = "started" }), Cancellation))
            .AssertOkAsync();
        Assert.Equal("started", started.GetProperty("status").GetString());
        Assert.Single(fixture.Events.OfType<PropertyWorkOrderStatusChangedIntegrationEvent>(), e => e.DemandId == demandId && e.Status == "accepted");
    }

    [Fact]
    public async Task CloudEvent_NotACloudEventOrOfAnUnknownType_Answers400_AndAnotherCompanysOrder404_ChangingNothing()
    {
        var (compound, _, code, company, _) = await ContractedAreaAsync();
        var (_, _, _, otherCompany, _) = await ContractedAreaAsync();
        var demandId = await AssignAsync(compound.Buildings[0], code);
        var id = (await WorkOrderOfAsync(company, demandId)).GetProperty("id").GetGuid();
        var data = new { workOrderId = id, status = "accepted" };

        await (await company.PostAsJsonAsync("/api/property/integration/events", data, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.cloud_event_refused");
        await (await company.SendAsync(CloudEvent("evt-1", "com.example.unknown", data), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.cloud_event_refused");
        await (await otherCompany.SendAsync(CloudEvent("evt-2", WorkOrderStatusType, data), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "property.work_order_not_found");

        Assert.Equal("open", (await company.GetJsonAsync($"/api/property/work-orders/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DaprSubscribe_ListsTheCompanyEventsTopic_RoutedToTheIntegrationEndpoint()
    {
        using var anonymous = fixture.Service.Factory.CreateClient();

        var subscriptions = await anonymous.GetJsonAsync("/dapr/subscribe");

        Assert.Contains(subscriptions.EnumerateArray(), s =>
            s.GetProperty("pubsubName").GetString() == "property-pubsub" && s.GetProperty("topic").GetString() == "property-company-events"
            && s.GetProperty("route").GetString() == "api/property/integration/events");
    }

    private const string WorkOrderStatusType = "cn.gongzhi.property.work_order.status";

    private static HttpRequestMessage CloudEvent(string id, string type, object data) => new(HttpMethod.Post, "/api/property/integration/events")
    {
        Content = new StringContent(
            JsonSerializer.Serialize(new { specversion = "1.0", id, type, source = "urn:company:test", datacontenttype = "application/json", data }),
            System.Text.Encoding.UTF8, "application/cloudevents+json"),
    };
}
