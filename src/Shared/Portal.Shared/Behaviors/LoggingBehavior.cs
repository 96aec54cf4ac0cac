using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Behaviors;

/// <summary>
/// Logs each message's name, duration and outcome. Never the message's content: commands carry
/// patients' details and passwords, which must not reach the logs.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is IResultBase { IsSuccess: false, Error: { } error })
            {
                LogFailed(typeof(TMessage).Name, error.Code, elapsed);
            }
            else
            {
                LogHandled(typeof(TMessage).Name, elapsed);
            }

            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogThrew(exception, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} failed with {Code} in {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string message, string code, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} threw after {ElapsedMs:0.0} ms")]
    private partial void LogThrew(Exception exception, string message, double elapsedMs);
}
