using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Districts.Contracts;

// Catch-up of a late-joining service (a new service on a running platform, a database restored from a backup).
//
// Every service keeps copies of what the Districts service owns: the tenant catalogue (all services) and the
// territory replica (services that place records in the tree). Events keep the copies current, but events
// reach only a queue that existed when they were published, so a service that starts late has to catch up
// first. It does so over the bus, with request/response (no HTTP, no user token, no new secret: the broker
// credentials every service already holds are the trust boundary, exactly as for the events themselves):
//
// 1. At every start the service asks for the catalogue (DistrictCatalogRequest). The answer lists every
//    district with the facts its onboarding and status events carry, stamped with the same AsOf, and a digest
//    of its territory tree. The catalogue is upserted with the usual "older report never wins" rule, so the
//    answer and the live events commute: whichever arrives last, the newest facts stay.
// 2. For each district whose tree digest differs from the digest of the local replica (empty, behind, or
//    damaged), the service sends itself a catch-up command on the replica's own queue. That queue applies one
//    message at a time in order, so the catch-up is serialised with the live territory events: no event is
//    applied while a snapshot is being installed. A second start with an up-to-date replica sends nothing.
// 3. The replica's consumer, on that command, asks for the district's tree (TerritorySnapshotRequest). The
//    Districts service reads the tree and the ids of every event of the district in its outbox in one
//    repeatable-read transaction. Because an outbox row commits in the same transaction as the change it
//    reports, those ids are exactly the events whose effect the snapshot already contains.
// 4. The consumer installs the tree (and moves its own records whose nodes moved) and records those ids in
//    its inbox, in one transaction. Events still queued behind the command are then either in that list (the
//    inbox skips them: no duplicate) or committed after the snapshot (applied normally, in order: no gap).
//    Events queued before the command were published, hence committed, before the snapshot was read: the
//    snapshot contains them, and installing it overwrites whatever they did to the not yet complete copy.
//
// When the Districts service does not answer, the service runs and serves meanwhile: the catalogue request is
// asked again with growing pauses, and a tree request that fails all its retries leaves the command in the error
// queue, to be asked again at the next start (the digest still differs). Events of a district the catalogue
// does not know yet are retried and may reach the error queue before the catalogue arrives; the snapshot holds
// their effect (they were published, so committed, before it was read), so nothing is lost.

/// <summary>
/// Asks the Districts service for every district (request/response over the bus); answered with a
/// <see cref="DistrictCatalogSnapshot"/>. Sent by a service at start to catch its tenant catalogue up.
/// </summary>
/// <param name="RequestedBy">The asking service's name, for the Districts service's logs.</param>
public sealed record DistrictCatalogRequest(string RequestedBy);

/// <summary>Every district as the Districts service knows it now.</summary>
/// <param name="Districts">All districts, in no particular order.</param>
public sealed record DistrictCatalogSnapshot(IReadOnlyList<DistrictSnapshot> Districts);

/// <summary>One district in a <see cref="DistrictCatalogSnapshot"/>: what its onboarding and status events carry.</summary>
/// <param name="TenantId">The district's tenant id.</param>
/// <param name="Identifier">The district's slug.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status">Current status.</param>
/// <param name="Settings">Complete, current settings.</param>
/// <param name="AsOf">When these facts last changed; the same instant as the latest event's <c>OccurredAt</c>.</param>
/// <param name="TerritoryDigest">The <see cref="TerritoryDigest"/> of the district's tree now.</param>
public sealed record DistrictSnapshot(
    Guid TenantId,
    string Identifier,
    string Name,
    DistrictStatus Status,
    IReadOnlyDictionary<string, string> Settings,
    DateTimeOffset AsOf,
    string TerritoryDigest);

/// <summary>
/// Asks the Districts service for one district's whole territory tree (request/response over the bus);
/// answered with a <see cref="TerritorySnapshot"/>.
/// </summary>
/// <param name="TenantId">The district.</param>
public sealed record TerritorySnapshotRequest(Guid TenantId);

/// <summary>A district's whole territory tree, read in one transaction together with <see cref="IncludedEventIds"/>.</summary>
/// <param name="TenantId">The district.</param>
/// <param name="Nodes">Every node, retired ones included, parents before children.</param>
/// <param name="IncludedEventIds">
/// The ids of the district's events whose effect <see cref="Nodes"/> already shows (every one still in the
/// Districts service's outbox when the tree was read). A follower records them as applied.
/// </param>
public sealed record TerritorySnapshot(Guid TenantId, IReadOnlyList<TerritoryNodeState> Nodes, IReadOnlyList<Guid> IncludedEventIds);

/// <summary>The state of one territory node that other services replicate.</summary>
/// <param name="NodeId">The node's id.</param>
/// <param name="ParentId">The parent node, null directly under the district.</param>
/// <param name="Kind">The node's kind.</param>
/// <param name="Code">External code, unique within the district.</param>
/// <param name="Name">Display name.</param>
/// <param name="Path">Materialised path (<see cref="TerritoryPath"/>).</param>
/// <param name="Retired">Whether the node is retired.</param>
public sealed record TerritoryNodeState(Guid NodeId, Guid? ParentId, TerritoryNodeKind Kind, string Code, string Name, string Path, bool Retired);

/// <summary>
/// A fingerprint of a territory tree as replicated: equal digests mean the same nodes with the same state.
/// The Districts service computes it over its tree and a follower over its replica, so a follower can tell
/// whether it is behind without fetching the tree.
/// </summary>
public static class TerritoryDigest
{
    /// <summary>The digest of <paramref name="nodes"/> (in any order); hexadecimal SHA-256.</summary>
    public static string Of(IEnumerable<TerritoryNodeState> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var node in nodes.OrderBy(n => n.NodeId))
        {
            // Each field is length-prefixed, so no name or code can make two different trees read the same.
            foreach (var field in new[]
            {
                node.NodeId.ToString("N"),
                node.ParentId?.ToString("N") ?? "",
                ((int)node.Kind).ToString(CultureInfo.InvariantCulture),
                node.Code,
                node.Name,
                node.Path,
                node.Retired ? "1" : "0",
            })
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{field.Length.ToString(CultureInfo.InvariantCulture)}:{field}"));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
