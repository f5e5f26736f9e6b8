using Platform.Domain;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.ServiceDefaults;
using Platform.PersonalData;

namespace Platform.Residents.Features.Residents;

/// <summary>Corrections to a resident; absent fields are kept.</summary>
/// <param name="Name">New name.</param>
/// <param name="Phone">New phone; an empty string removes it.</param>
/// <param name="Residence"><c>hukou</c> or <c>resident_only</c>.</param>
/// <param name="PartyMember">Party member or not.</param>
/// <param name="Owner">Home owner or not.</param>
/// <param name="Volunteer">Volunteer or not.</param>
public sealed record UpdateResidentRequest(string? Name, string? Phone, Residence? Residence, bool? PartyMember = null, bool? Owner = null, bool? Volunteer = null)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), Name is null ? null : ResidentRules.NameProblem(Name)),
        (nameof(Phone), ResidentProblems.PhoneProblem(Phone)));
}

/// <summary>Corrects a resident's record; a request that changes nothing writes nothing.</summary>
internal static class UpdateResident
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapPatch("{id:guid}", HandleAsync).WithSummary(
            "Correct the name, phone, residence or the party-member, owner and volunteer flags; absent fields are kept, an empty phone removes it.");

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        UpdateResidentRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (resident, _) = await ResidentsInScope.FindAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return ResidentProblems.NotFound(id);
        }

        var now = clock.GetUtcNow();
        var phone = ResidentProblems.PhoneOf(request.Phone);
        var changed = request.Name is not null && resident.Rename(request.Name);
        if (request.Phone is not null && resident.PhoneHash != (phone is null ? null : protector.LookupHash(phone.Value)))
        {
            resident.ChangePhone(phone, protector);
            changed = true;
        }

        changed |= request.Residence is { } residence && resident.ChangeResidence(residence);
        changed |= resident.ChangeFlags(request.PartyMember, request.Owner, request.Volunteer);
        if (changed)
        {
            resident.Touch(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ResidentResponse.Masked(resident, DistrictClock.Today(now)));
    }
}
