using Platform.Domain;

namespace Platform.TimeBank.Domain.Ledger;

/// <summary>Every refusal of the ledger, each code with its kind, declared once.</summary>
public static class LedgerErrors
{
    /// <summary>404: no account with that id that the caller may see.</summary>
    public static readonly DomainError AccountNotFound = DomainError.NotFound("timebank.account_not_found");

    /// <summary>404: no transfer with that id that the caller may see.</summary>
    public static readonly DomainError TransferNotFound = DomainError.NotFound("timebank.transfer_not_found");

    /// <summary>404: no community node with that id in the caller's scope.</summary>
    public static readonly DomainError CommunityNotFound = DomainError.NotFound("timebank.community_not_found");

    /// <summary>403: the caller may not open or use that kind of account.</summary>
    public static readonly DomainError NotAllowed = DomainError.Forbidden("timebank.not_allowed");

    /// <summary>409: the transfer id is taken by a transfer with other fields.</summary>
    public static readonly DomainError TransferExistsWithDifferentFields = DomainError.Conflict("timebank.transfer_exists_with_different_fields");

    /// <summary>409: the pending transfer was posted or voided already.</summary>
    public static readonly DomainError TransferAlreadyFinished = DomainError.Conflict("timebank.transfer_already_finished");

    /// <summary>409: the pending transfer's timeout passed; it is voided.</summary>
    public static readonly DomainError TransferExpired = DomainError.Conflict("timebank.transfer_expired");

    /// <summary>409: only a posted transfer can be reversed.</summary>
    public static readonly DomainError TransferNotPosted = DomainError.Conflict("timebank.transfer_not_posted");

    /// <summary>409: the transfer was reversed already (a transfer is reversed whole, once).</summary>
    public static readonly DomainError TransferAlreadyReversed = DomainError.Conflict("timebank.transfer_already_reversed");

    /// <summary>409: a reversal is not reversed; post a new transfer instead.</summary>
    public static readonly DomainError ReversalNotReversible = DomainError.Conflict("timebank.reversal_not_reversible");

    /// <summary>409: the debit would take the account below its minimum balance.</summary>
    public static readonly DomainError InsufficientBalance = DomainError.Conflict("timebank.insufficient_balance");

    /// <summary>409: the credit would take the account above its storage cap.</summary>
    public static readonly DomainError CapExceeded = DomainError.Conflict("timebank.cap_exceeded");

    /// <summary>409: the account is closed.</summary>
    public static readonly DomainError AccountClosed = DomainError.Conflict("timebank.account_closed");

    /// <summary>409: an account is closed only when nothing is on it or reserved on it.</summary>
    public static readonly DomainError AccountNotEmpty = DomainError.Conflict("timebank.account_not_empty");

    /// <summary>400: the accounts and the transfer are not all of one purpose.</summary>
    public static readonly DomainError PurposeMismatch = DomainError.Invalid("timebank.purpose_mismatch");

    /// <summary>400: a transfer from an account to itself.</summary>
    public static readonly DomainError SameAccount = DomainError.Invalid("timebank.same_account");

    /// <summary>400: a statement's period ends before it starts, or holds too many postings for one file.</summary>
    public static readonly DomainError InvalidPeriod = DomainError.Invalid("timebank.invalid_period");

    /// <summary>400: the settings break a rule (cap below minimum, timeout out of range).</summary>
    public static readonly DomainError InvalidSettings = DomainError.Invalid("timebank.invalid_settings");
}
