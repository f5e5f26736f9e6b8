using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Features.Funding;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Contracts;

/// <summary>
/// Contracts of awarded proposals: funders sign them, record payments and accept remedial plans; the assigned evaluator
/// records evaluations; the organisation's users read theirs and submit remedial plans. Anyone else finds nothing.
/// </summary>
internal static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContractEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Evaluators are third parties with any role: being named on the contract is what admits them.
        var parties = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization().WithTags("Contracts");
        GetContract.Map(parties);
        EvaluateContract.Map(parties);
        SubmitRemedialPlan.Map(parties);

        var funders = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization(FundingEndpoints.FundersPolicy).WithTags("Contracts");
        SignContract.Map(funders);
        PayTranche.Map(funders);
        AcceptRemedialPlan.Map(funders);
        ListLatePayments.Map(funders);
        return endpoints;
    }

    /// <summary>The contract, tracked, if the caller is a funder, its evaluator or a user of its organisation.</summary>
    /// <exception cref="DomainException">No such contract the caller may see.</exception>
    public static async Task<GrantContract> FindAsync(Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var contract = await db.GrantContracts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var userId = caller.UserId()!;
        var mayRead = contract is not null && (FundingEndpoints.FunderRoles.Any(caller.IsInRole) || contract.EvaluatorUserId == userId
            || await (await OrganisationAccess.OfAsync(caller, db, cancellationToken)).Visible(db).AnyAsync(o => o.Id == contract.OrganisationId, cancellationToken));
        return mayRead ? contract! : throw new DomainException(ContractErrors.ContractNotFound, $"No contract {id} that you fund, evaluate or act for.");
    }

    /// <summary>Saves the contract, refusing a change that raced another one on it.</summary>
    /// <exception cref="DomainException">Someone changed the contract meanwhile.</exception>
    public static async Task SaveAsync(SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ContractErrors.ChangedConcurrently, "Someone else changed the contract at the same time; reload it and try again.");
        }
    }
}
