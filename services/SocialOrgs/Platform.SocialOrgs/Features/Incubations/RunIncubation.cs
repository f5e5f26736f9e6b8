using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Incubations;

/// <summary>The intake review's decision.</summary>
/// <param name="Accept">true to accept into incubation, false to reject.</param>
/// <param name="Reason">Why it was rejected (required then).</param>
public sealed record ReviewApplicationRequest([property: Required] bool? Accept, [property: MaxLength(Incubation.TextMaxLength)] string? Reason);

/// <summary>The support given in incubation; what is left out stays.</summary>
/// <param name="Space">The space provided.</param>
/// <param name="Mentor">The mentor assigned.</param>
/// <param name="SeedFund">The seed fund granted, yuan.</param>
public sealed record SupportRequest(
    [property: MaxLength(Incubation.TextMaxLength)] string? Space,
    [property: MaxLength(Incubation.TextMaxLength)] string? Mentor,
    decimal? SeedFund);

/// <summary>Why an organisation leaves incubation.</summary>
/// <param name="Reason">The reason.</param>
public sealed record ExitRequest([property: MaxLength(Incubation.TextMaxLength)] string? Reason);

/// <summary>The officials' steps through an incubation: intake review, support, training, graduation, exit.</summary>
internal static class RunIncubation
{
    public static void Map(RouteGroupBuilder incubation)
    {
        incubation.MapPost("incubations/{id:guid}/review", ReviewAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("The intake review: accept into incubation (seed stage) or reject with a reason.");
        incubation.MapPatch("incubations/{id:guid}/support", SupportAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Record the space, mentor and seed fund given in incubation.");
        incubation.MapPost("incubations/{id:guid}/training", TrainAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Record attendance at a capacity-training session.");
        incubation.MapPost("incubations/{id:guid}/graduate", GraduateAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Graduate the organisation: it must be registered and its latest assessment must reach the rubric's graduation threshold.");
        incubation.MapPost("incubations/{id:guid}/exit", ExitAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("The organisation leaves incubation without graduating, with a reason.");
    }

    private static Task<Ok<IncubationResponse>> ReviewAsync(Guid id, ReviewApplicationRequest request, [AsParameters] Step step) =>
        step.RunAsync(id, (incubation, now) =>
        {
            if (request.Accept == true)
            {
                incubation.Accept(now);
            }
            else
            {
                incubation.Reject(request.Reason ?? "", now);
            }

            return Task.CompletedTask;
        });

    private static Task<Ok<IncubationResponse>> SupportAsync(Guid id, SupportRequest request, [AsParameters] Step step) =>
        step.RunAsync(id, (incubation, _) =>
        {
            incubation.Support(request.Space, request.Mentor, request.SeedFund);
            return Task.CompletedTask;
        });

    private static Task<Ok<IncubationResponse>> TrainAsync(Guid id, [AsParameters] Step step) =>
        step.RunAsync(id, (incubation, _) =>
        {
            incubation.AttendTraining();
            return Task.CompletedTask;
        });

    private static Task<Ok<IncubationResponse>> GraduateAsync(Guid id, [AsParameters] Step step) =>
        step.RunAsync(id, async (incubation, now) =>
        {
            var organisation = await step.Db.Organisations.SingleAsync(o => o.Id == incubation.OrganisationId, step.CancellationToken);
            var latestRubricId = incubation.Assessments.LastOrDefault()?.RubricId;
            var rubric = latestRubricId is { } rubricId ? await step.Db.Rubrics.SingleAsync(r => r.Id == rubricId, step.CancellationToken) : null;
            incubation.Graduate(organisation, rubric, now);
        });

    private static Task<Ok<IncubationResponse>> ExitAsync(Guid id, ExitRequest request, [AsParameters] Step step) =>
        step.RunAsync(id, (incubation, now) =>
        {
            incubation.Exit(request.Reason ?? "", now);
            return Task.CompletedTask;
        });

    /// <summary>What every step needs: find the incubation in the caller's scope, change it, save, answer it.</summary>
    internal sealed record Step(
        ClaimsPrincipal Caller, SocialOrgsDbContext Db, IOptions<IncubationOptions> Options, TimeProvider Clock, CancellationToken CancellationToken)
    {
        public async Task<Ok<IncubationResponse>> RunAsync(Guid id, Func<Incubation, DateTimeOffset, Task> change)
        {
            var now = Clock.GetUtcNow();
            var access = await OrganisationAccess.OfAsync(Caller, Db, CancellationToken);
            var incubation = await access.FindIncubationAsync(id, Db, CancellationToken);
            await change(incubation, now);
            await Db.SaveChangesAsync(CancellationToken);
            return TypedResults.Ok(IncubationResponse.From(incubation, now, Options.Value.StuckAfter));
        }
    }
}
