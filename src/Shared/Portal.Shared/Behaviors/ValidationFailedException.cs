namespace Portal.Shared.Behaviors;

/// <summary>
/// Thrown by <see cref="ValidationBehavior{TMessage,TResponse}"/> before a handler runs; the Host turns it
/// into a 400 ProblemDetails with field errors. Nothing has been written when it is thrown.
/// </summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is not valid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
