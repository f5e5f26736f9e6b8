using Platform.Domain;

namespace Platform.TimeBank.Domain.Clearing;

/// <summary>Every refusal of clearing between districts, each code with its kind, declared once.</summary>
public static class ClearingErrors
{
    /// <summary>404: no clearing transfer with that id for this caller.</summary>
    public static readonly DomainError ClearingTransferNotFound = DomainError.NotFound("timebank.clearing_transfer_not_found");

    /// <summary>404: no other district with that identifier.</summary>
    public static readonly DomainError DistrictNotFound = DomainError.NotFound("timebank.district_not_found");

    /// <summary>The receiver's refusal: it is suspended and takes no minutes in.</summary>
    public static readonly DomainError DistrictSuspended = DomainError.Conflict("timebank.district_suspended");

    /// <summary>The receiver's refusal: it does not know the purpose named.</summary>
    public static readonly DomainError UnknownPurpose = DomainError.Invalid("timebank.unknown_purpose");
}
