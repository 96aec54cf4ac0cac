using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Shared.Http;

/// <summary>
/// Runs <see cref="JsonBodyScreen"/> on every JSON request body (the content types the binder reads as JSON) and
/// answers 400 with its code and fields before any endpoint sees the body. A body larger than
/// <see cref="MaxBodyBytes"/> is 413: no request of this API comes near it.
/// </summary>
public static class JsonRequestScreening
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseJsonRequestScreening(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.HasJsonContentType() || request.ContentLength == 0)
            {
                await next(context);
                return;
            }

            // The screen reads UTF-8; a body declared in another charset would be read one way here and another by the binder.
            if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
                && mediaType.Charset.HasValue
                && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                && !mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                var unsupported = new ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Detail = "Send JSON in UTF-8 (Content-Type: application/json; charset=utf-8, or no charset).",
                };
                unsupported.Extensions["code"] = "request.unsupported-charset";
                await WriteAsync(context, unsupported);
                return;
            }

            if (request.ContentLength > MaxBodyBytes)
            {
                await WriteAsync(context, TooLarge());
                return;
            }

            request.EnableBuffering(MaxBodyBytes);
            // One byte over the limit tells a body without Content-Length that is too large.
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? MaxBodyBytes, MaxBodyBytes) + 1);
            try
            {
                var length = await ReadAsync(request.Body, buffer, context.RequestAborted);
                request.Body.Position = 0;
                if (length > MaxBodyBytes)
                {
                    await WriteAsync(context, TooLarge());
                    return;
                }

                if (JsonBodyScreen.Screen(buffer.AsSpan(0, length)) is { } finding)
                {
                    var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Detail = finding.Detail };
                    problem.Extensions["code"] = finding.Code;
                    problem.Extensions["errors"] = finding.Errors;
                    await WriteAsync(context, problem);
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            await next(context);
        });

    private static async Task<int> ReadAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length;
    }

    private static ProblemDetails TooLarge()
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Detail = $"The request body is larger than {MaxBodyBytes / 1024} KB.",
        };
        problem.Extensions["code"] = "request.too-large";
        return problem;
    }

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
