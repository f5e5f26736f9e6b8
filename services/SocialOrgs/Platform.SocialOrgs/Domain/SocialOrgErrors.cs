using Platform.Domain;

namespace Platform.SocialOrgs.Domain;

/// <summary>Every refusal of the social-organisation registry, each code with its kind, declared once.</summary>
public static class SocialOrgErrors
{
    /// <summary>404: no organisation with that id that the caller may act for.</summary>
    public static readonly DomainError OrganisationNotFound = DomainError.NotFound("socialorgs.organisation_not_found");

    /// <summary>409: the status does not allow the step (filing twice, registering before filing).</summary>
    public static readonly DomainError InvalidStatusTransition = DomainError.Conflict("socialorgs.invalid_status_transition");

    /// <summary>400: the credit code is not one civil affairs issues for the legal form given.</summary>
    public static readonly DomainError CreditCodeNotForLegalForm = DomainError.Invalid("socialorgs.credit_code_not_for_legal_form");

    /// <summary>409: another organisation of the district carries that credit code.</summary>
    public static readonly DomainError CreditCodeTaken = DomainError.Conflict("socialorgs.credit_code_taken");

    /// <summary>400: a home node that is not a street, township, town, community or village of the caller's area.</summary>
    public static readonly DomainError InvalidHomeNode = DomainError.Invalid("socialorgs.invalid_home_node");

    /// <summary>400: a service area that is not a node of the district, or is retired.</summary>
    public static readonly DomainError InvalidServiceArea = DomainError.Invalid("socialorgs.invalid_service_area");

    /// <summary>400: more party members than members, or a negative count.</summary>
    public static readonly DomainError InvalidMemberCounts = DomainError.Invalid("socialorgs.invalid_member_counts");

    /// <summary>409: an own branch recorded for fewer than three party members.</summary>
    public static readonly DomainError OwnBranchNeedsThreePartyMembers = DomainError.Conflict("socialorgs.own_branch_needs_three_party_members");

    /// <summary>409: a joint branch or instructor recorded for three or more party members, who must form their own branch.</summary>
    public static readonly DomainError OwnBranchRequired = DomainError.Conflict("socialorgs.own_branch_required");

    /// <summary>409: the user acts for the organisation already.</summary>
    public static readonly DomainError AlreadyMember = DomainError.Conflict("socialorgs.already_member");

    /// <summary>404: the user is not a member of the organisation.</summary>
    public static readonly DomainError MemberNotFound = DomainError.NotFound("socialorgs.member_not_found");
}
