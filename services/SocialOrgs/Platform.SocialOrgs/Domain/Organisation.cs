using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Domain;

/// <summary>
/// A community social organisation in the district's registry (DOMAIN.md §4): what it is, where it is at home and
/// whom it serves, how it stands in the status lifecycle (<see cref="OrganisationStatus"/>, forward one step at a
/// time, registration only with a civil-affairs credit code), its members and party members with the party coverage
/// they call for, its contacts (personal data, protected) and the users who act for it.
/// </summary>
public sealed class Organisation : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The most contacts an organisation lists.</summary>
    public const int MaxContacts = 5;

    /// <summary>The most service areas an organisation lists.</summary>
    public const int MaxServiceAreas = 20;

    /// <summary>The longest name of a joint branch or an instructor.</summary>
    public const int PartyContactMaxLength = 100;

    // GB 32100: registration authority 5 is civil affairs (民政); under it, type 1 is 社会团体 and 2 民办非企业单位 (社会服务机构).
    private const char CivilAffairsAuthority = '5';

    /// <summary>The kinds of node an organisation can be at home in: a street (or township, town), a community or a village.</summary>
    public static readonly IReadOnlySet<TerritoryNodeKind> HomeNodeKinds = new HashSet<TerritoryNodeKind>
    {
        TerritoryNodeKind.Street, TerritoryNodeKind.Township, TerritoryNodeKind.Town, TerritoryNodeKind.Community, TerritoryNodeKind.Village,
    };

    private readonly List<OrganisationContact> _contacts = [];
    private readonly List<OrganisationMember> _members = [];
    private List<Guid> _serviceAreaIds = [];
    private List<ServiceCategory> _categories = [];

    private Organisation()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Name, e.g. 幸福邻里互助会.</summary>
    public string Name { get; private set; } = "";

    /// <summary>What it does.</summary>
    public OrganisationKind Kind { get; private set; }

    /// <summary>Where it stands in the registry.</summary>
    public OrganisationStatus Status { get; private set; }

    /// <summary>Its legal form, once registered.</summary>
    public LegalForm? LegalForm { get; private set; }

    /// <summary>Its unified social credit code, once registered.</summary>
    public string? CreditCode { get; private set; }

    /// <summary>When it was filed (备案).</summary>
    public DateTimeOffset? FiledAt { get; private set; }

    /// <summary>When it was registered (登记).</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>Its home street or community.</summary>
    public Guid HomeNodeId { get; private set; }

    /// <summary>The home node's materialised path: an official's scope sees the organisations at home in it.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The territory nodes it serves (communities, grids, compounds …), in the order given.</summary>
    public IReadOnlyList<Guid> ServiceAreaIds => _serviceAreaIds;

    /// <summary>The fields it serves, in declaration order.</summary>
    public IReadOnlyList<ServiceCategory> Categories => _categories;

    /// <summary>How many members it has (people, not platform users).</summary>
    public int MemberCount { get; private set; }

    /// <summary>How many of them are party members (党员).</summary>
    public int PartyMemberCount { get; private set; }

    /// <summary>How party work reaches it, when recorded.</summary>
    public PartyArrangement? PartyArrangement { get; private set; }

    /// <summary>The joint branch's or the instructor's name, with <see cref="PartyArrangement"/>.</summary>
    public string? PartyContact { get; private set; }

    /// <summary>Whom to reach there, phones protected.</summary>
    public IReadOnlyList<OrganisationContact> Contacts => _contacts;

    /// <summary>The users who act for it.</summary>
    public IReadOnlyList<OrganisationMember> Members => _members;

    /// <summary>When it entered the registry.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>What the party-coverage rule asks of it now.</summary>
    public PartyRequirement PartyRequirement => PartyCoverage.RequiredFor(PartyMemberCount);

    /// <summary>Whether what is recorded fulfils <see cref="PartyRequirement"/>.</summary>
    public bool IsPartyCovered => PartyCoverage.Fulfils(PartyArrangement, PartyMemberCount);

    /// <summary>Why a name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A name is required."
        : name.Trim().Length > NameMaxLength ? $"At most {NameMaxLength} characters."
        : null;

    /// <summary>Why member counts are unacceptable, or null.</summary>
    public static string? MemberCountsProblem(int members, int partyMembers) =>
        members < 0 || partyMembers < 0 ? "Counts cannot be negative."
        : partyMembers > members ? "There cannot be more party members than members."
        : null;

    /// <summary>Why <paramref name="home"/> cannot be an organisation's home, or null.</summary>
    public static string? HomeNodeProblem(TerritoryReplicaNode home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return home.Retired || !HomeNodeKinds.Contains(home.Kind)
            ? "An organisation is at home in a street, township, town, community or village that is not retired."
            : null;
    }

    /// <summary>Enters an organisation in the registry, unregistered, at home in <paramref name="home"/>.</summary>
    /// <exception cref="DomainException">The home node is not a street or community, the counts or service areas are wrong.</exception>
    /// <exception cref="ArgumentException">The name or a contact is unacceptable (the request checks them first).</exception>
    public static Organisation Enter(
        string name, OrganisationKind kind, TerritoryReplicaNode home, IReadOnlyCollection<TerritoryReplicaNode> serviceAreas,
        IEnumerable<ServiceCategory> categories, int memberCount, int partyMemberCount, IReadOnlyCollection<OrganisationContact> contacts,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(home);
        if (HomeNodeProblem(home) is { } problem)
        {
            throw new DomainException(SocialOrgErrors.InvalidHomeNode, problem, "homeNodeId");
        }

        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Status = OrganisationStatus.Unregistered,
            HomeNodeId = home.Id,
            NodePath = home.Path,
            CreatedAt = now,
        };
        organisation.Describe(name, kind, serviceAreas, categories, now);
        organisation.Count(memberCount, partyMemberCount, now);
        organisation.ReplaceContacts(contacts, now);
        return organisation;
    }

    /// <summary>Changes what the organisation is and whom it serves.</summary>
    /// <exception cref="DomainException">A service area is retired, or there are too many.</exception>
    public void Describe(string name, OrganisationKind kind, IReadOnlyCollection<TerritoryReplicaNode> serviceAreas, IEnumerable<ServiceCategory> categories, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(serviceAreas);
        ArgumentNullException.ThrowIfNull(categories);
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        // An area retired after it was listed stays listed; a retired one is never added.
        if (serviceAreas.Count > MaxServiceAreas || serviceAreas.Any(area => area.Retired && !_serviceAreaIds.Contains(area.Id)))
        {
            throw new DomainException(
                SocialOrgErrors.InvalidServiceArea, $"At most {MaxServiceAreas} service areas, none of them newly added retired.", "serviceAreaIds");
        }

        Name = name.Trim();
        Kind = kind;
        _serviceAreaIds = [.. serviceAreas.Select(area => area.Id).Distinct()];
        _categories = [.. categories.Distinct().Order()];
        UpdatedAt = now;
    }

    /// <summary>Records how many members and party members the organisation has; the party coverage due follows.</summary>
    /// <exception cref="DomainException">A negative count, or more party members than members.</exception>
    public void Count(int memberCount, int partyMemberCount, DateTimeOffset now)
    {
        if (MemberCountsProblem(memberCount, partyMemberCount) is { } problem)
        {
            throw new DomainException(SocialOrgErrors.InvalidMemberCounts, problem, "partyMemberCount");
        }

        MemberCount = memberCount;
        PartyMemberCount = partyMemberCount;
        UpdatedAt = now;
    }

    /// <summary>Replaces the contacts.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxContacts"/> (the request checks it first).</exception>
    public void ReplaceContacts(IReadOnlyCollection<OrganisationContact> contacts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.Count > MaxContacts)
        {
            throw new ArgumentException($"At most {MaxContacts} contacts.", nameof(contacts));
        }

        _contacts.Clear();
        _contacts.AddRange(contacts);
        UpdatedAt = now;
    }

    /// <summary>Records how party work reaches the organisation, which must suit its party members.</summary>
    /// <exception cref="DomainException">An own branch for fewer than three party members, or a joint branch or instructor for three or more.</exception>
    public void ArrangePartyWork(PartyArrangement arrangement, string partyContact, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(partyContact) || partyContact.Trim().Length > PartyContactMaxLength)
        {
            throw new ArgumentException($"The branch's or instructor's name, at most {PartyContactMaxLength} characters.", nameof(partyContact));
        }

        if (!PartyCoverage.Fulfils(arrangement, PartyMemberCount))
        {
            throw arrangement == Domain.PartyArrangement.OwnBranch
                ? new DomainException(
                    SocialOrgErrors.OwnBranchNeedsThreePartyMembers,
                    $"An own branch needs at least {PartyCoverage.OwnBranchThreshold} party members; the organisation has {PartyMemberCount}.")
                : new DomainException(
                    SocialOrgErrors.OwnBranchRequired,
                    $"With {PartyMemberCount} party members the organisation forms its own branch (at least {PartyCoverage.OwnBranchThreshold}).");
        }

        PartyArrangement = arrangement;
        PartyContact = partyContact.Trim();
        UpdatedAt = now;
    }

    /// <summary>Records the filing (备案) at the street or community.</summary>
    /// <exception cref="DomainException">The organisation is not unregistered.</exception>
    public void File(DateTimeOffset now)
    {
        EnsureStatus(OrganisationStatus.Unregistered, "filed");
        Status = OrganisationStatus.Filed;
        FiledAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Records the registration (登记) with civil affairs under <paramref name="code"/>, which civil affairs (registration
    /// authority 5) must have issued for <paramref name="form"/> (type 1 社会团体, 2 社会服务机构).
    /// </summary>
    /// <exception cref="DomainException">The organisation is not filed, or the code is not a civil-affairs code for the form.</exception>
    public void Register(UnifiedSocialCreditCode code, LegalForm form, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(code);
        EnsureStatus(OrganisationStatus.Filed, "registered");
        var type = CreditCodeTypeOf(form);
        if (code.RegistrationAuthority != CivilAffairsAuthority || code.Value[1] != type)
        {
            throw new DomainException(
                SocialOrgErrors.CreditCodeNotForLegalForm,
                $"A {form.ToWire()} registered with civil affairs has a credit code starting {CivilAffairsAuthority}{type}; this one starts {code.Value[..2]}.",
                "creditCode");
        }

        Status = OrganisationStatus.Registered;
        LegalForm = form;
        CreditCode = code.Value;
        RegisteredAt = now;
        UpdatedAt = now;
    }

    /// <summary>Whether <paramref name="userId"/> acts for the organisation.</summary>
    public bool HasMember(string userId) => _members.Any(member => member.UserId == userId);

    /// <summary>Lets a user act for the organisation.</summary>
    /// <exception cref="DomainException">They do already.</exception>
    public void AddMember(string userId, string addedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(addedBy);
        if (HasMember(userId))
        {
            throw new DomainException(SocialOrgErrors.AlreadyMember, $"User {userId} acts for this organisation already.");
        }

        _members.Add(new OrganisationMember(userId, addedBy, now));
        UpdatedAt = now;
    }

    /// <summary>Ends a user's acting for the organisation.</summary>
    /// <exception cref="DomainException">They do not.</exception>
    public void RemoveMember(string userId, DateTimeOffset now)
    {
        if (_members.RemoveAll(member => member.UserId == userId) == 0)
        {
            throw new DomainException(SocialOrgErrors.MemberNotFound, $"User {userId} does not act for this organisation.");
        }

        UpdatedAt = now;
    }

    private static char CreditCodeTypeOf(LegalForm form) => form switch
    {
        Domain.LegalForm.SocialGroup => '1',
        Domain.LegalForm.SocialServiceAgency => '2',
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Not a legal form."),
    };

    private void EnsureStatus(OrganisationStatus required, string step)
    {
        if (Status != required)
        {
            throw new DomainException(
                SocialOrgErrors.InvalidStatusTransition,
                $"Only an organisation that is {required.ToWire()} can be {step}; this one is {Status.ToWire()}.")
            {
                Facts = { ["status"] = Status.ToWire() },
            };
        }
    }
}
