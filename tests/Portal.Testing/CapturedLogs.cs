using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Testing;

/// <summary>
/// A logger provider that keeps what the Host logs, with each entry's named values, for tests that check what an
/// operator would read (add it with <c>services.AddSingleton&lt;ILoggerProvider&gt;(logs)</c>).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            foreach (var (key, value) in state as IEnumerable<KeyValuePair<string, object?>> ?? [])
            {
                values.TryAdd(key, value);   // a message may name one value twice
            }

            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), values, exception));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);
