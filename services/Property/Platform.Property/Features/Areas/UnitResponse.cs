using Platform.Property.Domain;
using Platform.Property.Domain.Roll;

namespace Platform.Property.Features.Areas;

/// <summary>An exclusive unit of the roll.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Code">Code, unique in the area.</param>
/// <param name="BuildingNodeId">The building.</param>
/// <param name="Area">Registered floor area in m², two decimal places.</param>
/// <param name="Delivered">Whether it has been delivered.</param>
/// <param name="OwnerId">The owner it counts for (units with the same holders, and all undelivered or unsold units, share one).</param>
/// <param name="Holders">Its holders, ID numbers masked.</param>
public sealed record UnitResponse(Guid Id, string Code, Guid BuildingNodeId, string Area, bool Delivered, Guid OwnerId, IReadOnlyList<HolderResponse> Holders)
{
    public static UnitResponse From(ExclusiveUnit unit) => new(
        unit.Id, unit.Code, unit.BuildingNodeId, WireDecimal.Of(unit.FloorArea), unit.Delivered, unit.OwnerId,
        [.. unit.Holders.Select(h => new HolderResponse(h.Kind, h.Name, h.IdNumberMasked, h.CreditCode, h.ResidentId))]);
}

/// <summary>A holder of a unit.</summary>
/// <param name="Kind">Person, company or developer.</param>
/// <param name="Name">Name.</param>
/// <param name="IdNumber">A person's ID number, masked.</param>
/// <param name="CreditCode">A company's or the developer's credit code.</param>
/// <param name="ResidentId">A person's resident record, when linked.</param>
public sealed record HolderResponse(HolderKind Kind, string Name, string? IdNumber, string? CreditCode, Guid? ResidentId);
