using Microsoft.AspNetCore.Http;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Http;

/// <summary>Turns results into HTTP answers: a value, or an RFC 9457 ProblemDetails with a stable <c>code</c>.</summary>
public static class ErrorHttpMapping
{
    public static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Locked => StatusCodes.Status423Locked,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The code of a ProblemDetails that no handler gave one (framework 401s, 404s, ...).</summary>
    public static string DefaultCodeOf(int statusCode) => statusCode switch
    {
        400 => "request.invalid",
        401 => "auth.unauthenticated",
        403 => "auth.forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        412 => "precondition-failed",
        413 => "request.too-large",
        415 => "request.unsupported-media-type",
        429 => "rate-limited",
        503 => "unavailable",
        >= 500 => "server.error",
        _ => "request.failed",
    };

    public static IResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?>(error.Extensions) { ["code"] = error.Code };
        if (error.FieldErrors.Count > 0)
        {
            extensions["errors"] = error.FieldErrors;
        }

        return TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusCodeOf(error.Kind),
            extensions: extensions);
    }

    public static IResult ToHttpResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();

    public static IResult ToHttpResult<T, TBody>(this Result<T> result, Func<T, TBody> body) =>
        result.IsSuccess ? TypedResults.Ok(body(result.Value)) : result.Error!.ToProblem();

    public static IResult ToNoContentResult(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();

    public static IResult ToCreatedResult<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Error!.ToProblem();
}
