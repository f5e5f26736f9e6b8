using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Companies;

/// <summary>Who signed a property service contract for an area.</summary>
public enum ContractKind
{
    /// <summary>前期物业服务合同: signed by the developer before the owners decide.</summary>
    Preliminary,

    /// <summary>Signed by the owners (through their committee) after their assembly chose the company.</summary>
    OwnersSigned,
}

/// <summary>
/// A company's property service contract for an area. An area has one active contract: a new one ends the current one;
/// the developer's preliminary contract is replaced by an owners-signed one, never the other way round.
/// </summary>
public sealed class AreaContract : ITenantOwned
{
    private AreaContract()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>The company.</summary>
    public Guid CompanyId { get; private set; }

    /// <summary>Preliminary or owners-signed.</summary>
    public ContractKind Kind { get; private set; }

    /// <summary>When it took effect.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When a later contract replaced it; null while active.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Whether it is the area's contract in force.</summary>
    public bool IsActive => EndedAt is null;

    /// <summary>Signs a contract for an area, ending <paramref name="current"/> (the area's active contract, if any).</summary>
    public static AreaContract Sign(Guid areaId, PropertyCompany company, ContractKind kind, AreaContract? current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (current is { Kind: ContractKind.OwnersSigned } && kind == ContractKind.Preliminary)
        {
            throw new DomainException(PropertyErrors.ContractOrder, "The owners have signed a contract; a preliminary contract no longer replaces it.", "kind");
        }

        current?.End(now);
        return new AreaContract { Id = Guid.CreateVersion7(now), AreaId = areaId, CompanyId = company.Id, Kind = kind, StartedAt = now };
    }

    private void End(DateTimeOffset now) => EndedAt = now;
}
