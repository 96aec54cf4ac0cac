using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Shared.Behaviors;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Turns exceptions into ProblemDetails. Bad input (invalid fields, malformed JSON, wrong types, unknown
/// enum values) is a 400 naming the field; anything unexpected is a 500 that says nothing about the cause
/// (it is logged with the trace id instead).
/// </summary>
internal sealed partial class PortalExceptionHandler(IProblemDetailsService problemDetails, ILogger<PortalExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationFailedException validation => Problem(
                StatusCodes.Status400BadRequest, "validation.failed", "One or more fields are not valid.", validation.Errors),
            BadHttpRequestException { InnerException: JsonException json } => Problem(
                StatusCodes.Status400BadRequest, "request.invalid-json",
                "The request body is not valid JSON for this operation: a value has the wrong type, is unknown, or is malformed.",
                FieldOf(json) is { } field ? new Dictionary<string, string[]> { [field] = ["The value is not valid."] } : null),
            BadHttpRequestException badRequest => Problem(
                badRequest.StatusCode,
                badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request.too-large" : "request.invalid",
                "The request is not valid: check its parameters, headers and body.",
                null),
            DbUpdateConcurrencyException => Problem(
                StatusCodes.Status409Conflict, "concurrency.conflict",
                "Someone else changed this record at the same time. Reload it and try again.", null),
            _ => null,
        };

        if (problem is null)
        {
            LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
            problem = Problem(
                StatusCodes.Status500InternalServerError, "server.error",
                "Something went wrong on our side. Try again, and quote the traceId if it persists.",
                null);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static ProblemDetails Problem(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    /// <summary><c>$.address.postcode</c> → <c>address.postcode</c>; null for the body as a whole.</summary>
    private static string? FieldOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path} (trace {TraceId})")]
    private partial void LogUnexpected(Exception exception, string method, string path, string traceId);
}
