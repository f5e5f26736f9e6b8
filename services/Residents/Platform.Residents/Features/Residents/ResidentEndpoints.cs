using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.PersonalData;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Residents;

/// <summary>
/// The resident master record. Community workers see and change the residents of their community, street
/// admins of their street, district admins of the district; a resident outside the caller's scope answers 404
/// exactly like one that does not exist. ID numbers and phones leave the service masked, except through the
/// audited reveal.
/// </summary>
internal static class ResidentEndpoints
{
    /// <summary>Policy: the community workers and administrators who keep the record.</summary>
    public const string KeepersPolicy = "residents.keepers";

    /// <summary>Policy: who may query the personal-data access log.</summary>
    public const string AuditorsPolicy = "residents.auditors";

    /// <summary>Roles that keep the record inside their scope.</summary>
    public static readonly string[] KeeperRoles =
        [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker, PlatformRoleNames.GridWorker];

    /// <summary>Roles that may see a resident's ID number and phone in clear (grid workers may not).</summary>
    public static readonly string[] RevealerRoles =
        [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapResidentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var residents = endpoints.MapGroup("/api/residents").RequireTenant().RequireAuthorization(KeepersPolicy).WithTags("Residents");
        residents.MapPost("", CreateAsync).WithSummary("Register a resident at a building, unit or household inside the caller's scope.");
        residents.MapGet("", SearchAsync).WithSummary(
            "Residents in name order, keyset-paged. q is a name prefix, the last four digits of a phone, a full phone or an exact ID number; "
            + "tag, partyMember, owner and volunteer filter.");
        residents.MapGet("{id:guid}", GetAsync).WithSummary(
            "One resident, masked; reveal=true with a reason returns the ID number and phone in clear and is recorded in the access log.");
        residents.MapPatch("{id:guid}", UpdateAsync).WithSummary(
            "Correct the name, phone, residence or the party-member, owner and volunteer flags; absent fields are kept, an empty phone removes it.");
        residents.MapPost("{id:guid}/move", MoveAsync).WithSummary("Move a resident to another building, unit or household.");
        residents.MapPost("{id:guid}/tags", ChangeTagsAsync).WithSummary("Add and remove tags.");
        residents.MapGet("households/{id:guid}", HouseholdAsync).WithSummary("A household with its members.");
        residents.MapPost("households/{id:guid}/move", MoveHouseholdAsync).WithSummary("Move a household with all its members to another building or unit.");
        residents.MapGet("audit", AuditAsync).RequireAuthorization(AuditorsPolicy).WithSummary(
            "The personal-data access log (district admins): who saw which resident's data, when and why; newest first, paged.");
        return endpoints;
    }

    private static async Task<Results<Created<ResidentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
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
        var errors = new Dictionary<string, string[]>();
        errors.AddIf("name", ResidentRules.NameProblem(request.Name));
        ChineseIdNumber? idNumber = null;
        if (!ChineseIdNumber.TryParse(request.IdNumber, today, out idNumber, out var idProblem))
        {
            errors["idNumber"] = [idProblem];
        }

        var phone = ParsePhone(request.Phone, errors);
        errors.AddIf("tags", TagsProblem(request.Tags));
        errors.AddIf("residence", ResidenceProblem(request.Residence));
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var (place, field, placeProblem) = await ResidentPlacement.ResolveAsync(db, scope, request.NodeId, request.Household, now, cancellationToken);
        if (place is null)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { [field!] = [placeProblem!] });
        }

        var hash = protector.LookupHash(idNumber!.Value);
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
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two registrations of the same person raced; the index decided.
            return IdNumberTaken();
        }

        return TypedResults.Created($"/api/residents/{resident.Id}", ResidentResponse.Masked(resident, today));
    }

    private static async Task<Results<Ok<ResidentPage>, ValidationProblem>> SearchAsync(
        Guid? node,
        string? q,
        string? tag,
        bool? partyMember,
        bool? owner,
        bool? volunteer,
        string? cursor,
        int? pageSize,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        NameCursor after = default;
        if (cursor is not null && !NameCursor.TryDecode(cursor, out after))
        {
            errors["cursor"] = ["Not a cursor this list returned."];
        }

        errors.AddIf("tag", tag is null || ResidentTags.All.Contains(tag) ? null : $"One of {string.Join(", ", ResidentTags.All)}.");
        errors.AddIf("pageSize", pageSize is null or (>= 1 and <= MaxPageSize) ? null : $"Between 1 and {MaxPageSize}.");
        errors.AddIf("q", q is { Length: > ResidentRules.NameMaxLength } ? $"At most {ResidentRules.NameMaxLength} characters." : null);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var within = scope.Path;
        if (node is { } nodeId)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            if (path is null || !scope.Sees(path))
            {
                return ProblemResults.Validation(new Dictionary<string, string[]> { ["node"] = ["No node with this id in your area."] });
            }

            within = path;
        }

        var residents = db.Residents.AsNoTracking().InSubtree(within);
        if (!string.IsNullOrWhiteSpace(q))
        {
            residents = Matching(residents, q.Trim(), protector, DistrictClock.Today(clock.GetUtcNow()));
        }

        if (tag is not null)
        {
            residents = residents.Where(r => EF.Property<List<string>>(r, "_tags").Contains(tag));
        }

        residents = partyMember is { } isPartyMember ? residents.Where(r => r.IsPartyMember == isPartyMember) : residents;
        residents = owner is { } isOwner ? residents.Where(r => r.IsOwner == isOwner) : residents;
        residents = volunteer is { } isVolunteer ? residents.Where(r => r.IsVolunteer == isVolunteer) : residents;
        if (cursor is not null)
        {
            residents = residents.Where(r => string.Compare(r.Name, after.Name) > 0 || (r.Name == after.Name && r.Id.CompareTo(after.Id) > 0));
        }

        var size = pageSize ?? PageRequest.DefaultSize;
        var rows = await residents.OrderBy(r => r.Name).ThenBy(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        var today = DistrictClock.Today(clock.GetUtcNow());
        var next = rows.Count > size ? new NameCursor(rows[size - 1].Name, rows[size - 1].Id).Encode() : null;
        return TypedResults.Ok(new ResidentPage([.. rows.Take(size).Select(r => ResidentResponse.Masked(r, today))], next));
    }

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id,
        bool? reveal,
        string? reason,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (resident, notFound) = await FindInScopeAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return notFound!;
        }

        var masked = ResidentResponse.Masked(resident, DistrictClock.Today(now));
        if (reveal != true)
        {
            return TypedResults.Ok(masked);
        }

        if (!RevealerRoles.Any(caller.IsInRole))
        {
            return ProblemResults.Problem(
                StatusCodes.Status403Forbidden, "personal_data.reveal_forbidden", "Reveal not allowed", "Your role sees personal data masked only.");
        }

        if (PersonalDataAccess.ReasonProblem(reason) is { } reasonProblem)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["reason"] = [reasonProblem] });
        }

        // The entry is written before the data leaves: a read that cannot be recorded does not happen.
        // The keepers policy admits authenticated callers only, so a subject is there.
        var userId = caller.UserId()!;
        db.PersonalDataAccesses.Add(PersonalDataAccess.Record(resident.Id, userId, caller.Identity?.Name, ["idNumber", "phone"], reason!, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(masked with { IdNumber = resident.RevealIdNumber(protector), Phone = resident.RevealPhone(protector), Revealed = true });
    }

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id,
        UpdateResidentRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        errors.AddIf("name", request.Name is null ? null : ResidentRules.NameProblem(request.Name));
        var phone = ParsePhone(request.Phone, errors);
        errors.AddIf("residence", ResidenceProblem(request.Residence));
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var (resident, notFound) = await FindInScopeAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return notFound!;
        }

        var now = clock.GetUtcNow();
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

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id,
        MoveRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resident is null || !scope.Sees(resident.NodePath))
        {
            return NotFound(id);
        }

        var (place, field, problem) = await ResidentPlacement.ResolveAsync(db, scope, request.NodeId, request.Household, now, cancellationToken);
        if (place is null)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { [field!] = [problem!] });
        }

        var from = resident.NodeId;
        if (resident.MoveTo(place))
        {
            resident.Touch(now);
            db.AddIntegrationEvent(ResidentEvents.Moved(tenant.TenantId!.Value, resident, from, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ResidentResponse.Masked(resident, DistrictClock.Today(now)));
    }

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> ChangeTagsAsync(
        Guid id,
        ChangeTagsRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        errors.AddIf("add", TagsProblem(request.Add));
        errors.AddIf("remove", TagsProblem(request.Remove));
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var (resident, notFound) = await FindInScopeAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return notFound!;
        }

        var now = clock.GetUtcNow();
        var changed = resident.Untag(request.Remove ?? []);
        changed |= resident.Tag(request.Add ?? []);
        if (changed)
        {
            resident.Touch(now);
            db.AddIntegrationEvent(ResidentEvents.TagsChanged(tenant.TenantId!.Value, resident, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ResidentResponse.Masked(resident, DistrictClock.Today(now)));
    }

    private static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> HouseholdAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null || !scope.Sees(household.NodePath))
        {
            return HouseholdNotFound(id);
        }

        var today = DistrictClock.Today(clock.GetUtcNow());
        var members = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == id).OrderBy(r => r.BirthDate).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new HouseholdResponse(household.Id, household.NodeId, household.Number, [.. members.Select(m => ResidentResponse.Masked(m, today))]));
    }

    private static async Task<Results<Ok<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> MoveHouseholdAsync(
        Guid id,
        MoveRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null || !scope.Sees(household.NodePath))
        {
            return HouseholdNotFound(id);
        }

        // The household keeps its identity and moves whole, behind the door number given (or its own).
        var (place, field, problem) = await ResidentPlacement.ResolveAsync(db, scope, request.NodeId, householdNumber: null, now, cancellationToken);
        if (place is null || place.HouseholdId is not null)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { [field ?? ResidentPlacement.NodeField] = [problem ?? "A household moves to a building or unit."] });
        }

        var number = request.Household?.Trim() ?? household.Number;
        if (Household.NumberProblem(number) is { } numberProblem)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["household"] = [numberProblem] });
        }

        if (await db.Households.AnyAsync(h => h.NodeId == place.NodeId && h.Number == number && h.Id != id, cancellationToken))
        {
            return ProblemResults.Problem(
                StatusCodes.Status409Conflict, "household.number_taken", "Door number taken", "Another household already lives behind that door.");
        }

        household.MoveTo(place.NodeId, place.NodePath, number);
        var members = await db.Residents.Where(r => r.HouseholdId == id).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            var from = member.NodeId;
            member.MoveTo(household.Place);
            member.Touch(now);
            db.AddIntegrationEvent(ResidentEvents.Moved(tenant.TenantId!.Value, member, from, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        var today = DistrictClock.Today(now);
        return TypedResults.Ok(new HouseholdResponse(household.Id, household.NodeId, household.Number, [.. members.Select(m => ResidentResponse.Masked(m, today))]));
    }

    private static async Task<Ok<PagedResult<PersonalDataAccessResponse>>> AuditAsync(
        Guid? residentId,
        string? userId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        ResidentsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var entries = db.PersonalDataAccesses.AsNoTracking();
        entries = residentId is { } resident ? entries.Where(a => a.ResidentId == resident) : entries;
        entries = string.IsNullOrEmpty(userId) ? entries : entries.Where(a => a.UserId == userId);
        entries = from?.ToUniversalTime() is { } since ? entries.Where(a => a.At >= since) : entries;
        entries = to?.ToUniversalTime() is { } until ? entries.Where(a => a.At < until) : entries;
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<PersonalDataAccessResponse>([.. rows.Select(PersonalDataAccessResponse.From)], paging.Page, paging.Size, total));
    }

    private static IQueryable<Resident> Matching(IQueryable<Resident> residents, string q, PersonalDataProtector protector, DateOnly today)
    {
        if (ChineseIdNumber.TryParse(q, today, out var idNumber, out _))
        {
            var hash = protector.LookupHash(idNumber.Value);
            return residents.Where(r => r.IdNumberHash == hash);
        }

        if (q.Length == 4 && q.All(char.IsAsciiDigit))
        {
            return residents.Where(r => r.PhoneTail == q);
        }

        if (MobilePhone.TryParse(q, out var phone, out _))
        {
            // Through the tail's index (a few hundred residents per tail even in the largest district), then the
            // hash: an index of its own on the hash would slow every resident written for no faster search.
            var hash = protector.LookupHash(phone.Value);
            return residents.Where(r => r.PhoneTail == phone.Tail && r.PhoneHash == hash);
        }

        // A name prefix as a key range: in byte order every name starting with q lies in [q, q + U+10FFFF).
        var end = q + char.ConvertFromUtf32(0x10FFFF);
        return residents.Where(r => string.Compare(r.Name, q) >= 0 && string.Compare(r.Name, end) < 0);
    }

    private static async Task<(Resident? Resident, ProblemHttpResult? NotFound)> FindInScopeAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return resident is null || !scope.Sees(resident.NodePath) ? (null, NotFound(id)) : (resident, null);
    }

    private static MobilePhone? ParsePhone(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (MobilePhone.TryParse(text, out var phone, out var problem))
        {
            return phone;
        }

        errors["phone"] = [problem];
        return null;
    }

    private static string? TagsProblem(IReadOnlyList<string>? tags) =>
        tags?.FirstOrDefault(t => !ResidentTags.All.Contains(t)) is { } unknown
            ? $"'{unknown}' is not a tag; tags are {string.Join(", ", ResidentTags.All)}."
            : null;

    private static string? ResidenceProblem(Residence? residence) =>
        residence is { } value && !Enum.IsDefined(value) ? "hukou or resident_only." : null;

    private static ProblemHttpResult IdNumberTaken() => ProblemResults.Problem(
        StatusCodes.Status409Conflict, "resident.id_number_taken", "ID number registered", "A resident with this ID number is already registered in the district.");

    private static ProblemHttpResult NotFound(Guid id) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "resident.not_found", "Resident not found", $"No resident {id} in your area.");

    private static ProblemHttpResult HouseholdNotFound(Guid id) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "household.not_found", "Household not found", $"No household {id} in your area.");
}
