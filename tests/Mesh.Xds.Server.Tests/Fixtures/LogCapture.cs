using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>Records what the server logs (category <c>Mesh.Xds.Server</c>, every level) so a test can assert on it.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The entries of one event (the <c>EventId</c> of the server's source-generated log methods).</summary>
    public IReadOnlyList<LogEntry> Of(int eventId) => [.. _entries.Where(e => e.EventId == eventId)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == "Mesh.Xds.Server";

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner._entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}

/// <summary>One log entry.</summary>
internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {EventId}: {Message}{(Exception is null ? "" : " (" + Exception.GetType().Name + ": " + Exception.Message + ")")}";
}
