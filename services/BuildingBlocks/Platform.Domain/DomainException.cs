namespace Platform.Domain;

/// <summary>
/// A rule of the domain refused an operation. Domain code throws it and lets it travel: the service defaults turn
/// it into an RFC 7807 problem whose status follows <see cref="DomainError.Kind"/> and whose <c>code</c> is
/// <see cref="DomainError.Code"/>. The message is for people and may name the offending values.
/// </summary>
public class DomainException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Which refusal it is.</param>
    /// <param name="message">A sentence for people saying what was refused and why.</param>
    /// <param name="field">
    /// The request field at fault, when there is one (camel case, as the client sent it); problems of kind
    /// <see cref="DomainErrorKind.Invalid"/> then list the message under that field.
    /// </param>
    public DomainException(DomainError error, string message, string? field = null)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        Field = field;
    }

    /// <summary>Which refusal it is.</summary>
    public DomainError Error { get; }

    /// <summary>The stable code of <see cref="Error"/>.</summary>
    public string Code => Error.Code;

    /// <summary>The kind of <see cref="Error"/>.</summary>
    public DomainErrorKind Kind => Error.Kind;

    /// <summary>The request field at fault, or null.</summary>
    public string? Field { get; }

    /// <summary>
    /// Further machine-readable facts a client can act on (the state an entity was in, what it allows now), by
    /// camel-case name. They are added to the problem as extension members.
    /// </summary>
    public IDictionary<string, object?> Facts { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
