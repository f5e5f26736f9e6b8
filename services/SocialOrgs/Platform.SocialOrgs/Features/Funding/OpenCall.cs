using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Contracts;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Incubations;

namespace Platform.SocialOrgs.Features.Funding;

/// <summary>A new funding call.</summary>
/// <param name="Title">Title, e.g. 2027年东街道公益创投.</param>
/// <param name="FunderKind">district_unit, street_unit or foundation.</param>
/// <param name="FunderName">The funder, e.g. 朝阳区民政局 or a foundation's name.</param>
/// <param name="FunderCreditCode">The funder's unified social credit code, when it has one.</param>
/// <param name="Budget">Yuan, to the fen.</param>
/// <param name="Categories">The fields it funds.</param>
/// <param name="OpensAt">When the window opens.</param>
/// <param name="ClosesAt">The deadline for submissions.</param>
/// <param name="RubricId">The district rubric the panel scores against.</param>
/// <param name="MinimumStatus">The least registry status of a proposing organisation (default filed).</param>
/// <param name="ExitBarDays">Days after an exit from incubation in which an organisation may not propose (default 365; 0 for no bar).</param>
public sealed record OpenCallRequest(
    string? Title, FunderKind? FunderKind, string? FunderName, string? FunderCreditCode, decimal Budget, IReadOnlyList<ServiceCategory>? Categories,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, Guid? RubricId, OrganisationStatus? MinimumStatus, int? ExitBarDays) : IValidatableObject
{
    /// <summary>The bar when the request names none: no exited incubation in the last year.</summary>
    public const int DefaultExitBarDays = 365;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        FundingCall.Checks(Title, FunderName, Budget, Categories?.Count ?? 0, OpensAt ?? default, ClosesAt ?? default, ExitBarDays ?? DefaultExitBarDays).Concat(
        [
            (nameof(FunderKind), FunderKind is null ? "Required." : null),
            (nameof(FunderCreditCode), FunderCreditCode is null || UnifiedSocialCreditCode.TryParse(FunderCreditCode, out _, out var problem) ? null : problem),
            (nameof(OpensAt), OpensAt is null ? "Required." : null),
            (nameof(ClosesAt), ClosesAt is null ? "Required." : null),
            (nameof(RubricId), RubricId is null ? "Required." : null),
        ]));

    /// <summary>The terms as the domain takes them; the request's validation has accepted them.</summary>
    public CallTerms Terms() => new(
        Title!, FunderKind!.Value, FunderName!, FunderCode(), Budget, Categories!, MinimumStatus ?? OrganisationStatus.Filed, ExitBarDays ?? DefaultExitBarDays);

    private UnifiedSocialCreditCode? FunderCode() =>
        FunderCreditCode is null ? null
        : UnifiedSocialCreditCode.TryParse(FunderCreditCode, out var code, out var problem) ? code
        : throw new InvalidOperationException($"The request's validation let a malformed credit code through: {problem}");
}

/// <summary>Refuses, with the request's shape problems, a rubric the district does not have.</summary>
internal sealed class CallRubricCheck(SocialOrgsDbContext db) : IStoredDataCheck<OpenCallRequest>
{
    public async IAsyncEnumerable<(string Field, string Problem)> ProblemsAsync(OpenCallRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (request.RubricId is { } id && !await db.Rubrics.AnyAsync(r => r.Id == id, cancellationToken))
        {
            yield return (nameof(request.RubricId), $"No rubric {id} in the district.");
        }
    }
}

/// <summary>A funder opens a call.</summary>
internal static class OpenCall
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapPost("calls", HandleAsync).RequireAuthorization(FundingEndpoints.FundersPolicy).ValidateWithStoredData<OpenCallRequest, CallRubricCheck>()
            .WithSummary("Open a funding call: funder, budget, categories, window, the panel's rubric and who may propose.");

    private static async Task<Created<CallResponse>> HandleAsync(
        OpenCallRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rubric = await db.Rubrics.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RubricId, cancellationToken)
            ?? throw new DomainException(IncubationErrors.RubricNotFound, $"No rubric {request.RubricId} in the district.", "rubricId");
        var call = FundingCall.Open(request.Terms(), request.OpensAt!.Value, request.ClosesAt!.Value, rubric, caller.UserId()!, now);
        db.FundingCalls.Add(call);
        db.AddIntegrationEvent(new FundingCallOpenedIntegrationEvent
        {
            TenantId = tenant.TenantId!.Value,
            OccurredAt = now,
            CallId = call.Id,
            Title = call.Title,
            FunderName = call.FunderName,
            Budget = call.Budget,
            Categories = [.. call.Categories.Select(c => c.ToWire())],
            OpensAt = call.OpensAt,
            ClosesAt = call.ClosesAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/socialorgs/calls/{call.Id}", CallResponse.From(call, now));
    }
}
