using Microsoft.EntityFrameworkCore;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Projects;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>A linked demand and where it stands now.</summary>
/// <param name="DemandId">The demand.</param>
/// <param name="TrackingNumber">Its public tracking number, once its filing is known.</param>
/// <param name="Category">Its category at filing.</param>
/// <param name="Status">received, assigned, whistled, resolved, unresolvable or closed; null while the residents service has told nothing of it.</param>
/// <param name="Satisfaction">The resident's satisfaction, once closed.</param>
/// <param name="StatusAt">When it took its latest step.</param>
public sealed record LinkedDemandResponse(Guid DemandId, string? TrackingNumber, string? Category, DemandProgress? Status, string? Satisfaction, DateTimeOffset? StatusAt);

/// <summary>A linked deliberation topic and where it stands now.</summary>
/// <param name="TopicId">The topic.</param>
/// <param name="Title">Its title, once known.</param>
/// <param name="Status">raised, adopted or completed; null while the residents service has told nothing of it.</param>
/// <param name="StatusAt">When it took its latest step.</param>
public sealed record LinkedTopicResponse(Guid TopicId, string? Title, TopicProgress? Status, DateTimeOffset? StatusAt);

/// <summary>A linked hot spot and its demands now.</summary>
/// <param name="GridId">The grid.</param>
/// <param name="GridName">Its name.</param>
/// <param name="Category">The demands' category.</param>
/// <param name="Demands">Demands of that category filed in the grid.</param>
/// <param name="Open">Those of them still being handled.</param>
public sealed record LinkedHotSpotResponse(Guid GridId, string? GridName, string Category, int Demands, int Open);

/// <summary>The residents' needs a project or proposal links, each with where it stands now.</summary>
/// <param name="Demands">Demands.</param>
/// <param name="Topics">Deliberation topics.</param>
/// <param name="HotSpots">Hot spots.</param>
public sealed record LinkedNeedsResponse(IReadOnlyList<LinkedDemandResponse> Demands, IReadOnlyList<LinkedTopicResponse> Topics, IReadOnlyList<LinkedHotSpotResponse> HotSpots)
{
    private static readonly DemandProgress[] OpenSteps = [DemandProgress.Received, DemandProgress.Assigned, DemandProgress.Whistled];

    /// <summary>The links with their state from the service's copy of the residents' demands and topics.</summary>
    public static async Task<LinkedNeedsResponse> OfAsync(NeedLinks links, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        var demandIds = links.DemandIds.ToList();
        var demands = await db.ResidentDemands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var topicIds = links.TopicIds.ToList();
        var topics = await db.ResidentTopics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var hotSpots = new List<LinkedHotSpotResponse>();
        foreach (var spot in links.HotSpots)
        {
            hotSpots.Add(await HotSpotAsync(spot, db, cancellationToken));
        }

        return new LinkedNeedsResponse(
            [.. demandIds.Select(id => demands.GetValueOrDefault(id) is { } d
                ? new LinkedDemandResponse(id, d.TrackingNumber, d.Category, d.Status, d.Satisfaction, d.StatusAt)
                : new LinkedDemandResponse(id, null, null, null, null, null))],
            [.. topicIds.Select(id => topics.GetValueOrDefault(id) is { } t
                ? new LinkedTopicResponse(id, t.Title, t.Status, t.StatusAt)
                : new LinkedTopicResponse(id, null, null, null))],
            hotSpots);
    }

    // A hot spot's demands are those of its category filed at a node of its grid (the category and place given at filing).
    private static async Task<LinkedHotSpotResponse> HotSpotAsync(HotSpotLink spot, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var grid = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == spot.GridId, cancellationToken);
        if (grid is null)
        {
            return new LinkedHotSpotResponse(spot.GridId, null, spot.Category, 0, 0);
        }

        var nodes = db.TerritoryNodes.InSubtree(n => n.Path, grid.Path).Select(n => n.Id);
        var demands = db.ResidentDemands.Where(d => d.Category == spot.Category && d.NodeId != null && nodes.Contains(d.NodeId.Value));
        return new LinkedHotSpotResponse(
            spot.GridId, grid.Name, spot.Category, await demands.CountAsync(cancellationToken),
            await demands.CountAsync(d => OpenSteps.Contains(d.Status), cancellationToken));
    }
}

/// <summary>A project in a list.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="OrganisationId">The organisation running it.</param>
/// <param name="Funding">funded or self_run.</param>
/// <param name="ContractId">The contract funding it.</param>
/// <param name="Title">Its title.</param>
/// <param name="Category">What it serves.</param>
/// <param name="StartsOn">Its first day.</param>
/// <param name="EndsOn">Its last day.</param>
/// <param name="BeneficiariesTargeted">People it means to serve.</param>
/// <param name="BeneficiariesServed">People its reported activities served (人次).</param>
/// <param name="Activities">Activities reported.</param>
/// <param name="CreatedAt">When it was set up.</param>
public sealed record ProjectSummaryResponse(
    Guid Id, Guid OrganisationId, ProjectFunding Funding, Guid? ContractId, string Title, ServiceCategory Category, DateOnly StartsOn, DateOnly EndsOn,
    int BeneficiariesTargeted, int BeneficiariesServed, int Activities, DateTimeOffset CreatedAt)
{
    public static ProjectSummaryResponse From(Project project) => new(
        project.Id, project.OrganisationId, project.Funding, project.ContractId, project.Title, project.Category, project.StartsOn, project.EndsOn,
        project.BeneficiariesTargeted, project.BeneficiariesServed, project.Reports.Count, project.CreatedAt);
}

/// <summary>A project with its milestones' progress, its reports, its calls for volunteers and the needs it links.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="OrganisationId">The organisation running it.</param>
/// <param name="Funding">funded or self_run.</param>
/// <param name="ContractId">The contract funding it.</param>
/// <param name="ProposalId">The awarded proposal it carries out.</param>
/// <param name="Title">Its title.</param>
/// <param name="Category">What it serves.</param>
/// <param name="Description">What it does and for whom.</param>
/// <param name="StartsOn">Its first day.</param>
/// <param name="EndsOn">Its last day.</param>
/// <param name="BeneficiariesTargeted">People it means to serve.</param>
/// <param name="BeneficiariesServed">People its reported activities served (人次).</param>
/// <param name="Milestones">Each milestone with the activities reported for it.</param>
/// <param name="Reports">The activities reported, in order of reporting.</param>
/// <param name="Recruitments">The calls for volunteers sent to the time bank.</param>
/// <param name="Links">The residents' needs it answers, with where they stand now.</param>
/// <param name="CreatedBy">Who set it up.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ProjectResponse(
    Guid Id, Guid OrganisationId, ProjectFunding Funding, Guid? ContractId, Guid? ProposalId, string Title, ServiceCategory Category, string Description,
    DateOnly StartsOn, DateOnly EndsOn, int BeneficiariesTargeted, int BeneficiariesServed, IReadOnlyList<MilestoneProgress> Milestones,
    IReadOnlyList<ActivityReport> Reports, IReadOnlyList<VolunteerRecruitment> Recruitments, LinkedNeedsResponse Links, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static async Task<ProjectResponse> OfAsync(Project project, SocialOrgsDbContext db, CancellationToken cancellationToken) => new(
        project.Id, project.OrganisationId, project.Funding, project.ContractId, project.ProposalId, project.Title, project.Category, project.Description,
        project.StartsOn, project.EndsOn, project.BeneficiariesTargeted, project.BeneficiariesServed, project.Progress(), project.Reports, project.Recruitments,
        await LinkedNeedsResponse.OfAsync(project.Links, db, cancellationToken), project.CreatedBy, project.CreatedAt, project.UpdatedAt);
}
