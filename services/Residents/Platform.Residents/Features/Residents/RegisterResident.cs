using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.PersonalData;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Residents;

/// <summary>A new resident.</summary>
/// <param name="Name">Name, e.g. 张三.</param>
/// <param name="IdNumber">身份证号, 18 characters.</param>
/// <param name="Phone">Mainland mobile number, optional.</param>
/// <param name="NodeId">A building or unit of the territory tree, or a household id.</param>
/// <param name="Household">Door number (室号) at that building or unit, e.g. 301; the household is created when new.</param>
/// <param name="Residence"><c>hukou</c> (default) or <c>resident_only</c>.</param>
/// <param name="Tags">Tags: low-income, disabled, elderly, minor, special-care, living-alone. Age tags are added from the birth date.</param>
/// <param name="PartyMember">A party member (党员); default false.</param>
/// <param name="Owner">A home owner (业主); default false.</param>
/// <param name="Volunteer">A registered volunteer; default false.</param>
public sealed record CreateResidentRequest(
    string? Name, string? IdNumber, string? Phone, Guid? NodeId, string? Household, Residence? Residence, IReadOnlyList<string>? Tags,
    bool? PartyMember = null, bool? Owner = null, bool? Volunteer = null) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An ID number's birth date cannot lie in the future: the check needs the day it is in the district.
        var today = DistrictClock.Today(validationContext.GetRequiredService<TimeProvider>().GetUtcNow());
        return FieldChecks.Problems(
            (nameof(Name), ResidentRules.NameProblem(Name)),
            (nameof(IdNumber), ChineseIdNumber.TryParse(IdNumber, today, out _, out var idNumberProblem) ? null : idNumberProblem),
            (nameof(Phone), ResidentProblems.PhoneProblem(Phone)),
            (nameof(Tags), ResidentProblems.TagsProblem(Tags)));
    }
}

/// <summary>Registers a resident inside the caller's scope; one ID number is registered once per district.</summary>
internal static class RegisterResident
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapPost("", HandleAsync).WithSummary("Register a resident at a building, unit or household inside the caller's scope.");

    private static async Task<Results<Created<ResidentResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateResidentRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DistrictClock.Today(now);
        // The request's validation has read the ID number and the phone; here their values are taken (a day that turned
        // between the two reads can still refuse an ID number born today).
        if (!ChineseIdNumber.TryParse(request.IdNumber, today, out var idNumber, out var idProblem))
        {
            return ProblemResults.Validation("idNumber", idProblem);
        }

        var phone = ResidentProblems.PhoneOf(request.Phone);
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var (place, field, placeProblem) = await ResidentPlacement.ResolveAsync(db, scope, request.NodeId, request.Household, now, cancellationToken);
        if (place is null)
        {
            return ProblemResults.Validation(field!, placeProblem!);
        }

        var hash = protector.LookupHash(idNumber.Value);
        if (await db.Residents.AnyAsync(r => r.IdNumberHash == hash, cancellationToken))
        {
            return IdNumberTaken();
        }

        var resident = Resident.Register(
            tenant.TenantId!.Value, request.Name!, idNumber, phone, place, request.Residence ?? Residence.Hukou, request.Tags ?? [], protector, now);
        resident.ChangeFlags(request.PartyMember, request.Owner, request.Volunteer);
        db.Residents.Add(resident);
        db.AddIntegrationEvent(ResidentEvents.Registered(tenant.TenantId.Value, resident));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two registrations of the same person raced; the index decided.
            return IdNumberTaken();
        }

        return TypedResults.Created($"/api/residents/{resident.Id}", ResidentResponse.Masked(resident, today));
    }

    private static ProblemHttpResult IdNumberTaken() =>
        new DomainException(ResidentErrors.IdNumberTaken, "A resident with this ID number is already registered in the district.").ToProblem();
}
