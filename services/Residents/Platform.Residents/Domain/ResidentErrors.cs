using Platform.Domain;

namespace Platform.Residents.Domain;

/// <summary>Every refusal concerning the resident record, each code with its kind, declared once.</summary>
public static class ResidentErrors
{
    /// <summary>404: no resident with that id in the caller's area.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("resident.not_found");

    /// <summary>404: no household with that id in the caller's area.</summary>
    public static readonly DomainError HouseholdNotFound = DomainError.NotFound("household.not_found");

    /// <summary>409: a resident with that ID number is registered in the district already.</summary>
    public static readonly DomainError IdNumberTaken = DomainError.Conflict("resident.id_number_taken");

    /// <summary>409: another household lives behind that door already.</summary>
    public static readonly DomainError DoorNumberTaken = DomainError.Conflict("household.number_taken");

    /// <summary>403: the caller's role sees personal data masked only.</summary>
    public static readonly DomainError RevealForbidden = DomainError.Forbidden("personal_data.reveal_forbidden");

    /// <summary>409: another platform account is linked to the resident already.</summary>
    public static readonly DomainError AccountLinkedElsewhere = DomainError.Conflict("resident.account_linked_elsewhere");

    /// <summary>409: the platform account acts as another resident of the district already.</summary>
    public static readonly DomainError AccountTaken = DomainError.Conflict("resident.account_taken");

    /// <summary>404: no platform account is linked to the resident.</summary>
    public static readonly DomainError AccountNotLinked = DomainError.NotFound("resident.account_not_linked");

    /// <summary>403: the caller's account is not linked to a resident record, so it cannot act as one.</summary>
    public static readonly DomainError NoLinkedResident = DomainError.Forbidden("resident.no_linked_record");
}
