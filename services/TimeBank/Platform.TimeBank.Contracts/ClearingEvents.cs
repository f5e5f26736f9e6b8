using Platform.Contracts;

namespace Platform.TimeBank.Contracts;

/// <summary>
/// Clearing between districts (通存通兑), step one: the sending district reserved a volunteer's minutes for the
/// receiving district, which this event is addressed to (<see cref="IIntegrationEvent.TenantId"/> is the receiver's).
/// The receiver credits the user from its clearing account for the sender, or refuses, and answers with
/// <see cref="ClearingTransferAnsweredIntegrationEvent"/>. It applies each <see cref="ClearingTransferId"/> once, however
/// often the request arrives.
/// </summary>
public sealed record ClearingTransferRequestedIntegrationEvent : IntegrationEvent
{
    /// <summary>The sender's client-chosen clearing transfer id, also the ledger transfer's id on both sides.</summary>
    public required Guid ClearingTransferId { get; init; }

    /// <summary>The sending district's tenant id, which the answer is addressed to.</summary>
    public required Guid FromTenantId { get; init; }

    /// <summary>The sending district's identifier, which names the receiver's clearing account for it.</summary>
    public required string FromDistrict { get; init; }

    /// <summary>The platform user id whose minutes move.</summary>
    public required string UserId { get; init; }

    /// <summary>The purpose by wire name (<see cref="ServicePurposeNames"/>); minutes keep their purpose.</summary>
    public required string Purpose { get; init; }

    /// <summary>Whole minutes, at least one.</summary>
    public required long Minutes { get; init; }
}

/// <summary>
/// Clearing step two, addressed to the sending district: the receiver credited the user (the sender posts its pending
/// transfer) or refused (the sender voids it). The sender applies the first answer for a transfer and ignores the rest.
/// </summary>
public sealed record ClearingTransferAnsweredIntegrationEvent : IntegrationEvent
{
    /// <summary>The clearing transfer answered.</summary>
    public required Guid ClearingTransferId { get; init; }

    /// <summary>The answering (receiving) district's identifier.</summary>
    public required string FromDistrict { get; init; }

    /// <summary>Whether the receiver credited the user.</summary>
    public required bool Accepted { get; init; }

    /// <summary>For a refusal: the problem code, e.g. <c>timebank.cap_exceeded</c> or <c>timebank.district_suspended</c>.</summary>
    public string? RefusalCode { get; init; }

    /// <summary>For a refusal: why, for people.</summary>
    public string? Reason { get; init; }
}

/// <summary>
/// A district reports the balance of its clearing account for the district this event is addressed to, after every
/// change of it, so that each side reconciles without reading the other's data: the two balances mirror each other.
/// <see cref="Version"/> grows with every change; a report older than the one kept is ignored.
/// </summary>
public sealed record ClearingBalanceReportedIntegrationEvent : IntegrationEvent
{
    /// <summary>The reporting district's identifier.</summary>
    public required string FromDistrict { get; init; }

    /// <summary>The purpose by wire name.</summary>
    public required string Purpose { get; init; }

    /// <summary>The reporter's clearing balance for the receiving district.</summary>
    public required long ClearingMinutes { get; init; }

    /// <summary>How many postings the reporter's clearing account had at the report: orders the reports.</summary>
    public required long Version { get; init; }
}
