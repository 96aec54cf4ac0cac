namespace Portal.Shared.Abstractions;

/// <summary>What kind of failure an <see cref="Error"/> is; the HTTP layer maps each kind to one status code.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Gone,
    PreconditionFailed,
    Unprocessable,
    Locked,
}

/// <summary>
/// A failure a client can act on. <see cref="Code"/> is stable and part of the public contract
/// (e.g. <c>settings.stale</c>); <see cref="Message"/> is for humans and may change.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    /// <summary>Extra members for the ProblemDetails body (e.g. the conflicting fields).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>Field errors for a validation failure, keyed by camelCase field name.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = new Dictionary<string, string[]>();

    public static Error Validation(string code, string message) => new(code, message, ErrorKind.Validation);
    public static Error Validation(string code, string message, string field) =>
        new(code, message, ErrorKind.Validation) { FieldErrors = new Dictionary<string, string[]> { [field] = [message] } };
    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Gone(string code, string message) => new(code, message, ErrorKind.Gone);
    public static Error PreconditionFailed(string code, string message) => new(code, message, ErrorKind.PreconditionFailed);
    public static Error Unprocessable(string code, string message) => new(code, message, ErrorKind.Unprocessable);
    public static Error Locked(string code, string message) => new(code, message, ErrorKind.Locked);
}
