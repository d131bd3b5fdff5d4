using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>Keeps every log line (message, exception and scopes) the host writes, for leak scans.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        private static readonly AsyncLocal<Stack<object>> Scopes = new();

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            (Scopes.Value ??= new Stack<object>()).Push(state);
            return new Pop();
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = Scopes.Value is { Count: > 0 } s ? string.Join(" ", s.Select(x => x.ToString())) : "";
            owner.Lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {exception} {scopes} {state}");
        }

        private sealed class Pop : IDisposable
        {
            public void Dispose()
            {
                if (Scopes.Value is { Count: > 0 } s) s.Pop();
            }
        }
    }
}
