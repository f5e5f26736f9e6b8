using Platform.Domain;

namespace Platform.Districts.Domain;

/// <summary>A change that would break a rule of the territory tree; its error is one of <see cref="TerritoryErrors"/>.</summary>
public sealed class TerritoryRuleException(DomainError error, string message) : DomainException(error, message);

/// <summary>The territory's domain errors, each code with the kind of answer it calls for.</summary>
public static class TerritoryErrors
{
    /// <summary>400: a node of this kind cannot sit under that parent (or directly under the district).</summary>
    public static readonly DomainError KindNotAllowedHere = DomainError.Invalid("territory.kind_not_allowed_here");

    /// <summary>400: an attribute that nodes of this kind do not have.</summary>
    public static readonly DomainError AttributeNotApplicable = DomainError.Invalid("territory.attribute_not_applicable");

    /// <summary>400: an attribute out of range.</summary>
    public static readonly DomainError InvalidAttribute = DomainError.Invalid("territory.invalid_attribute");

    /// <summary>409: moving a node under itself or one of its descendants.</summary>
    public static readonly DomainError MoveIntoOwnSubtree = DomainError.Conflict("territory.move_into_own_subtree");

    /// <summary>409: retiring a node whose children are still active.</summary>
    public static readonly DomainError HasActiveChildren = DomainError.Conflict("territory.has_active_children");

    /// <summary>409: placing a node under a retired one.</summary>
    public static readonly DomainError ParentRetired = DomainError.Conflict("territory.parent_retired");

    /// <summary>409: another node of the district has the code.</summary>
    public static readonly DomainError CodeTaken = DomainError.Conflict("territory.code_taken");

    /// <summary>404: no such node, or none the caller can see (the two are not told apart).</summary>
    public static readonly DomainError NodeNotFound = DomainError.NotFound("territory.node_not_found");

    /// <summary>403: the caller's role and territory do not allow the change.</summary>
    public static readonly DomainError OutsideScope = DomainError.Forbidden("territory.outside_scope");

    /// <summary>400: a tree request that would return more nodes than one answer holds.</summary>
    public static readonly DomainError TreeTooLarge = DomainError.Invalid("territory.tree_too_large");
}
