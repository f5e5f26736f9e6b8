using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Organisations;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.PartyBuilding.Features.Lists;

/// <summary>A need, post or project a community lists.</summary>
/// <param name="CommunityNodeId">The community, inside the caller's scope.</param>
/// <param name="Kind">wish (微心愿), post (岗位) or project (项目).</param>
/// <param name="Category">The category's wire name, e.g. <c>building_leader</c>, <c>patrol</c>, <c>waste_sorting</c>, <c>epidemic_post</c>.</param>
/// <param name="Title">What it is, e.g. 3号楼楼栋长.</param>
/// <param name="Description">What it asks of the claimant.</param>
/// <param name="Skills">The skills it wants (may be empty).</param>
/// <param name="Capacity">How many claimants it takes (1 for a wish; default 1).</param>
/// <param name="StartsOn">The term's first day.</param>
/// <param name="EndsOn">The term's last day (at most three years later).</param>
public sealed record ListOpeningRequest(
    Guid? CommunityNodeId, OpeningKind? Kind, string? Category, string? Title, string? Description, IReadOnlyList<string>? Skills, int? Capacity,
    DateOnly? StartsOn, DateOnly? EndsOn) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(CommunityNodeId), CommunityNodeId is null ? "Required." : null),
        (nameof(Kind), Kind is null ? "Required." : null),
        (nameof(Category), ServiceRecord.CategoryProblem(Category)),
        (nameof(Title), Opening.TitleProblem(Title)),
        (nameof(Description), Opening.DescriptionProblem(Description)),
        (nameof(Skills), ReportingMember.SkillsProblem(Skills)),
        (nameof(Capacity), Capacity is null ? null : Opening.CapacityProblem(Capacity)),
        (nameof(EndsOn), Opening.TermProblem(StartsOn, EndsOn)));
}

/// <summary>The filters of the opening lists.</summary>
/// <param name="List">needs (wishes and posts: the community needs list) or projects (the project list); both when absent.</param>
/// <param name="Category">One category.</param>
/// <param name="Community">One community.</param>
/// <param name="WithRoom">Only openings whose term is not over and that have a free place.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record OpeningQuery([property: AllowedValues(null, "needs", "projects")] string? List, string? Category, Guid? Community, bool? WithRoom, int? Page, int? PageSize);

/// <summary>A listed need, post or project.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="CommunityNodeId">The community that lists it.</param>
/// <param name="Kind">wish, post or project.</param>
/// <param name="Category">The category's wire name.</param>
/// <param name="Title">What it is.</param>
/// <param name="Description">What it asks.</param>
/// <param name="Skills">The skills it wants.</param>
/// <param name="Capacity">How many claimants it takes.</param>
/// <param name="PlacesTaken">Places held by waiting and confirmed claims.</param>
/// <param name="StartsOn">The term's first day.</param>
/// <param name="EndsOn">The term's last day.</param>
/// <param name="PublishedAt">When it was listed.</param>
public sealed record OpeningResponse(
    Guid Id, Guid CommunityNodeId, OpeningKind Kind, string Category, string Title, string? Description, IReadOnlyList<string> Skills, int Capacity,
    int PlacesTaken, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset PublishedAt)
{
    public static OpeningResponse From(Opening opening, int placesTaken) => new(
        opening.Id, opening.CommunityNodeId, opening.Kind, opening.Category, opening.Title, opening.Description, opening.Skills, opening.Capacity,
        placesTaken, opening.StartsOn, opening.EndsOn, opening.PublishedAt);
}

/// <summary>The community needs list and the project list: officials list openings, everyone allowed reads them.</summary>
internal static class Openings
{
    public static void Map(RouteGroupBuilder lists)
    {
        lists.MapPost("openings", ListAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("List a wish, post or project of a community in the caller's area, with its skills, capacity and term.");
        lists.MapGet("openings", BrowseAsync)
            .WithSummary("The community needs list (list=needs: wishes and posts) and the project list (list=projects) the caller sees, with the places taken.");
        lists.MapGet("openings/{id:guid}", GetAsync).WithSummary("One opening the caller sees, with the places taken.");
    }

    private static async Task<Created<OpeningResponse>> ListAsync(
        ListOpeningRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var community = await scope.NodeAsync(request.CommunityNodeId!.Value, db, PartyBuildingErrors.InvalidNode, "communityNodeId", cancellationToken);
        if (!MemberReport.CommunityKinds.Contains(community.Kind) || community.Retired)
        {
            throw new DomainException(PartyBuildingErrors.InvalidNode, "Openings are listed by a community or a village in service.", "communityNodeId");
        }

        var opening = Opening.List(
            community, request.Kind!.Value, request.Category!, request.Title!, request.Description, request.Skills ?? [], request.Capacity ?? 1,
            request.StartsOn!.Value, request.EndsOn!.Value, caller.UserId()!, clock.GetUtcNow());
        db.Openings.Add(opening);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/partybuilding/openings/{opening.Id}", OpeningResponse.From(opening, 0));
    }

    private static async Task<Ok<PagedResult<OpeningResponse>>> BrowseAsync(
        [AsParameters] OpeningQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await ListAccess.OfAsync(caller, db, cancellationToken);
        var openings = access.Openings(db).AsNoTracking();
        openings = query.List switch
        {
            "needs" => openings.Where(o => o.Kind == OpeningKind.Wish || o.Kind == OpeningKind.Post),
            "projects" => openings.Where(o => o.Kind == OpeningKind.Project),
            _ => openings,
        };
        if (query.Category is { } category)
        {
            openings = openings.Where(o => o.Category == category.Trim());
        }

        if (query.Community is { } community)
        {
            openings = openings.Where(o => o.CommunityNodeId == community);
        }

        var rows = openings.Select(o => new { Opening = o, Taken = o.Claims.Count(c => c.Status == ClaimStatus.Claimed || c.Status == ClaimStatus.Confirmed) });
        if (query.WithRoom is true)
        {
            var today = DistrictClock.Today(clock.GetUtcNow());
            rows = rows.Where(r => r.Opening.EndsOn >= today && r.Taken < r.Opening.Capacity);
        }

        var listed = await rows.OrderByDescending(r => r.Opening.PublishedAt).ThenBy(r => r.Opening.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(r => OpeningResponse.From(r.Opening, r.Taken)));
    }

    private static async Task<Ok<OpeningResponse>> GetAsync(Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var access = await ListAccess.OfAsync(caller, db, cancellationToken);
        var opening = await access.FindOpeningAsync(id, db, cancellationToken);
        return TypedResults.Ok(OpeningResponse.From(opening, opening.PlacesTaken));
    }
}
