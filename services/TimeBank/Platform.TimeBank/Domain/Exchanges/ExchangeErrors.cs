using Platform.Domain;

namespace Platform.TimeBank.Domain.Exchanges;

/// <summary>Every refusal concerning exchanges between neighbours and community needs, each code with its kind, declared once.</summary>
public static class ExchangeErrors
{
    /// <summary>404: no exchange with that id in the district.</summary>
    public static readonly DomainError ExchangeNotFound = DomainError.NotFound("timebank.exchange_not_found");

    /// <summary>409: the step does not follow from where the exchange stands (e.g. confirming before it is done).</summary>
    public static readonly DomainError InvalidStep = DomainError.Conflict("timebank.exchange_invalid_step");

    /// <summary>403: the caller is not the party (or coordinator) who takes this step.</summary>
    public static readonly DomainError NotAParty = DomainError.Forbidden("timebank.exchange_not_a_party");

    /// <summary>409: nobody accepts their own offer, request or need.</summary>
    public static readonly DomainError OwnExchange = DomainError.Conflict("timebank.exchange_own");
}
