namespace Platform.Domain;

/// <summary>What kind of refusal a domain error is, which decides how every service answers it.</summary>
public enum DomainErrorKind
{
    /// <summary>The request asks for something the rules never allow (HTTP 400): fix the request.</summary>
    Invalid = 0,

    /// <summary>The current state forbids it (HTTP 409): the same request may succeed later, or never.</summary>
    Conflict = 1,

    /// <summary>Something it names does not exist, or not for this caller (HTTP 404).</summary>
    NotFound = 2,

    /// <summary>The caller may not do it (HTTP 403).</summary>
    Forbidden = 3,
}

/// <summary>
/// One kind of domain refusal: a stable code (<c>area.reason</c> in lower snake case, never changing meaning once
/// published) and its <see cref="DomainErrorKind"/>. Each is declared once, as a static member of its area's
/// errors class, and thrown through <see cref="DomainException"/>, so neither code nor kind is written twice.
/// </summary>
/// <param name="Code">The stable, machine-readable code, for example <c>territory.parent_retired</c>.</param>
/// <param name="Kind">Which kind of refusal it is.</param>
public sealed record DomainError(string Code, DomainErrorKind Kind)
{
    /// <summary>An error the request itself is wrong in.</summary>
    public static DomainError Invalid(string code) => new(code, DomainErrorKind.Invalid);

    /// <summary>An error the current state forbids.</summary>
    public static DomainError Conflict(string code) => new(code, DomainErrorKind.Conflict);

    /// <summary>An error for something that does not exist.</summary>
    public static DomainError NotFound(string code) => new(code, DomainErrorKind.NotFound);

    /// <summary>An error for something the caller may not do.</summary>
    public static DomainError Forbidden(string code) => new(code, DomainErrorKind.Forbidden);
}
