using Platform.Domain;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>
/// An action on a topic that was refused; the problem lists the topic's <c>topicStatus</c> and <c>allowedActions</c>
/// so that a client can tell what the topic allows instead.
/// </summary>
public sealed class TopicRuleException : DomainException
{
    /// <summary>Creates the refusal of an action on a topic that is in <paramref name="status"/>.</summary>
    public TopicRuleException(DomainError error, string message, TopicStatus status, IReadOnlyList<TopicAction> allowedActions)
        : base(error, message)
    {
        ArgumentNullException.ThrowIfNull(allowedActions);
        Facts["topicStatus"] = status.ToWire();
        Facts["allowedActions"] = allowedActions.Select(a => a.ToWire()).ToArray();
    }
}

/// <summary>The stable codes of the topic refusals, as clients (and tests) compare them.</summary>
public static class TopicProblemCodes
{
    /// <summary>The topic's status does not allow the action.</summary>
    public const string InvalidTransition = "topic.invalid_transition";

    /// <summary>A blank, overlong or undefined argument; the message names it.</summary>
    public const string InvalidArgument = "topic.invalid_argument";

    /// <summary>Dismissing a private matter without saying why.</summary>
    public const string ReasonRequired = "topic.reason_required";

    /// <summary>A resident supporting a topic a second time.</summary>
    public const string AlreadySupported = "topic.already_supported";

    /// <summary>Opening a vote nobody could take part in.</summary>
    public const string EmptyElectorate = "topic.empty_electorate";

    /// <summary>A second ballot of the same voter (or household), by any channel.</summary>
    public const string AlreadyVoted = "topic.already_voted";

    /// <summary>A ballot for a resident who is not in the vote's electorate.</summary>
    public const string NotInElectorate = "topic.not_in_electorate";

    /// <summary>A rating outside 1–5.</summary>
    public const string InvalidScore = "topic.invalid_score";

    /// <summary>A resident rating a result a second time.</summary>
    public const string AlreadyRated = "topic.already_rated";

    /// <summary>No topic with that id that the caller may see.</summary>
    public const string NotFound = "topic.not_found";

    /// <summary>A URL segment that names no action.</summary>
    public const string UnknownAction = "topic.unknown_action";

    /// <summary>The caller's role may not take this step (residents support, workers classify and make topics from demands).</summary>
    public const string ActionForbidden = "topic.action_forbidden";

    /// <summary>Another step was taken on the topic at the same time.</summary>
    public const string ChangedConcurrently = "topic.changed_concurrently";
}

/// <summary>Every refusal concerning topics, each code with its kind, declared once.</summary>
public static class TopicErrors
{
    /// <summary>409: <see cref="TopicProblemCodes.InvalidTransition"/>.</summary>
    public static readonly DomainError InvalidTransition = DomainError.Conflict(TopicProblemCodes.InvalidTransition);

    /// <summary>400: <see cref="TopicProblemCodes.InvalidArgument"/>.</summary>
    public static readonly DomainError InvalidArgument = DomainError.Invalid(TopicProblemCodes.InvalidArgument);

    /// <summary>400: <see cref="TopicProblemCodes.ReasonRequired"/>.</summary>
    public static readonly DomainError ReasonRequired = DomainError.Invalid(TopicProblemCodes.ReasonRequired);

    /// <summary>409: <see cref="TopicProblemCodes.AlreadySupported"/>.</summary>
    public static readonly DomainError AlreadySupported = DomainError.Conflict(TopicProblemCodes.AlreadySupported);

    /// <summary>409: <see cref="TopicProblemCodes.EmptyElectorate"/>.</summary>
    public static readonly DomainError EmptyElectorate = DomainError.Conflict(TopicProblemCodes.EmptyElectorate);

    /// <summary>409: <see cref="TopicProblemCodes.AlreadyVoted"/>.</summary>
    public static readonly DomainError AlreadyVoted = DomainError.Conflict(TopicProblemCodes.AlreadyVoted);

    /// <summary>400: <see cref="TopicProblemCodes.NotInElectorate"/>.</summary>
    public static readonly DomainError NotInElectorate = DomainError.Invalid(TopicProblemCodes.NotInElectorate);

    /// <summary>400: <see cref="TopicProblemCodes.InvalidScore"/>.</summary>
    public static readonly DomainError InvalidScore = DomainError.Invalid(TopicProblemCodes.InvalidScore);

    /// <summary>409: <see cref="TopicProblemCodes.AlreadyRated"/>.</summary>
    public static readonly DomainError AlreadyRated = DomainError.Conflict(TopicProblemCodes.AlreadyRated);

    /// <summary>404: <see cref="TopicProblemCodes.NotFound"/>.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound(TopicProblemCodes.NotFound);

    /// <summary>404: <see cref="TopicProblemCodes.UnknownAction"/>.</summary>
    public static readonly DomainError UnknownAction = DomainError.NotFound(TopicProblemCodes.UnknownAction);

    /// <summary>403: <see cref="TopicProblemCodes.ActionForbidden"/>.</summary>
    public static readonly DomainError ActionForbidden = DomainError.Forbidden(TopicProblemCodes.ActionForbidden);

    /// <summary>409: <see cref="TopicProblemCodes.ChangedConcurrently"/>.</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Conflict(TopicProblemCodes.ChangedConcurrently);
}
