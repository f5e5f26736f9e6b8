using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>A registration (登记) with civil affairs.</summary>
/// <param name="CreditCode">The unified social credit code civil affairs issued (GB 32100, its check character verified).</param>
/// <param name="LegalForm">social_group (社会团体) or social_service_agency (社会服务机构).</param>
public sealed record RegisterOrganisationRequest(string? CreditCode, LegalForm? LegalForm) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(CreditCode), UnifiedSocialCreditCode.TryParse(CreditCode, out _, out var problem) ? null : problem),
        (nameof(LegalForm), LegalForm is null ? "Required." : null));
}

/// <summary>Records the registration of a filed organisation with civil affairs under its credit code.</summary>
internal static class RegisterOrganisation
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPost("organisations/{id:guid}/register", HandleAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Record the registration (登记) of a filed organisation with civil affairs, under its unified social credit code.");

    private static async Task<Ok<OrganisationResponse>> HandleAsync(
        Guid id,
        RegisterOrganisationRequest request,
        ClaimsPrincipal caller,
        SocialOrgsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!UnifiedSocialCreditCode.TryParse(request.CreditCode, out var code, out var problem))
        {
            throw new InvalidOperationException($"The request's validation let a malformed credit code through: {problem}");
        }

        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(id, db, cancellationToken);
        organisation.Register(code, request.LegalForm!.Value, now);
        // Checked here as well as by the index: the index decides a race, this gives the ordinary case its own answer.
        if (await db.Organisations.AnyAsync(o => o.CreditCode == code.Value && o.Id != id, cancellationToken))
        {
            throw CreditCodeTaken(code);
        }

        db.AddIntegrationEvent(OrganisationEvents.StatusChanged(tenant.TenantId!.Value, organisation, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw CreditCodeTaken(code);
        }

        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static DomainException CreditCodeTaken(UnifiedSocialCreditCode code) =>
        new(SocialOrgErrors.CreditCodeTaken, $"Another organisation of the district is registered under {code}.");
}
