using Platform.Domain;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.PersonalData;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Residents;

/// <summary>One page of residents in name order; pass <paramref name="NextCursor"/> back as <c>cursor</c> for the next.</summary>
/// <param name="Items">The residents.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
public sealed record ResidentPage(IReadOnlyList<ResidentResponse> Items, string? NextCursor);

/// <summary>What the resident list is asked for, under the query names the list has always had.</summary>
/// <param name="Node">A node inside the caller's scope to search below.</param>
/// <param name="Q">A name prefix, the last four digits of a phone, a full phone or an exact ID number.</param>
/// <param name="Tag">Only residents with this tag.</param>
/// <param name="PartyMember">Only party members, or only others.</param>
/// <param name="Owner">Only home owners, or only others.</param>
/// <param name="Volunteer">Only volunteers, or only others.</param>
/// <param name="Cursor">The <see cref="ResidentPage.NextCursor"/> of the previous page.</param>
/// <param name="PageSize">Residents per page, 1 to 100 (default 20).</param>
public sealed record ResidentSearch(
    [property: FromQuery(Name = "node")] Guid? Node,
    [property: FromQuery(Name = "q"), MaxLength(ResidentRules.NameMaxLength)] string? Q,
    [property: FromQuery(Name = "tag")] string? Tag,
    [property: FromQuery(Name = "partyMember")] bool? PartyMember,
    [property: FromQuery(Name = "owner")] bool? Owner,
    [property: FromQuery(Name = "volunteer")] bool? Volunteer,
    [property: FromQuery(Name = "cursor")] string? Cursor,
    [property: FromQuery(Name = "pageSize"), Range(1, PageRequest.MaxSize)] int? PageSize) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Cursor), Cursor is null || NameCursor.TryDecode(Cursor, out _) ? null : "Not a cursor this list returned."),
        (nameof(Tag), Tag is null || ResidentTags.All.Contains(Tag) ? null : $"One of {string.Join(", ", ResidentTags.All)}."));
}

/// <summary>The residents of the caller's scope (or a part of it), found by name, phone or ID number, keyset-paged.</summary>
internal static class SearchResidents
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapGet("", HandleAsync).WithSummary(
            "Residents in name order, keyset-paged. q is a name prefix, the last four digits of a phone, a full phone or an exact ID number; "
            + "tag, partyMember, owner and volunteer filter.");

    private static async Task<Results<Ok<ResidentPage>, ValidationProblem>> HandleAsync(
        [AsParameters] ResidentSearch search,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (node, q, tag, partyMember, owner, volunteer, cursor, pageSize) = search;
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var within = scope.Path;
        if (node is { } nodeId)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            if (path is null || !scope.Sees(path))
            {
                return ProblemResults.Validation("node", "No node with this id in your area.");
            }

            within = path;
        }

        var today = DistrictClock.Today(clock.GetUtcNow());
        var residents = db.Residents.AsNoTracking().InSubtree(within);
        if (!string.IsNullOrWhiteSpace(q))
        {
            residents = Matching(residents, q.Trim(), protector, today);
        }

        if (tag is not null)
        {
            residents = residents.Where(r => EF.Property<List<string>>(r, "_tags").Contains(tag));
        }

        residents = partyMember is { } isPartyMember ? residents.Where(r => r.IsPartyMember == isPartyMember) : residents;
        residents = owner is { } isOwner ? residents.Where(r => r.IsOwner == isOwner) : residents;
        residents = volunteer is { } isVolunteer ? residents.Where(r => r.IsVolunteer == isVolunteer) : residents;
        if (cursor is not null && NameCursor.TryDecode(cursor, out var after))
        {
            residents = residents.Where(r => string.Compare(r.Name, after.Name) > 0 || (r.Name == after.Name && r.Id.CompareTo(after.Id) > 0));
        }

        var size = pageSize ?? PageRequest.DefaultSize;
        var rows = await residents.OrderBy(r => r.Name).ThenBy(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = rows.Count > size ? new NameCursor(rows[size - 1].Name, rows[size - 1].Id).Encode() : null;
        return TypedResults.Ok(new ResidentPage([.. rows.Take(size).Select(r => ResidentResponse.Masked(r, today))], next));
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
}
