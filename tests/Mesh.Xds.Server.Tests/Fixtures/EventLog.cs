namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>Collects a cache's ACK and NACK events and lets a test await one that matches.</summary>
internal sealed class EventLog
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly List<EventArgs> _events = [];
    private readonly List<(Func<EventArgs, bool> Match, TaskCompletionSource<EventArgs> Done)> _waiters = [];

    public EventLog(XdsSnapshotCache cache)
    {
        cache.Ack += (_, e) => Add(e);
        cache.Nack += (_, e) => Add(e);
    }

    public IReadOnlyList<EventArgs> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    private void Add(EventArgs e)
    {
        lock (_events)
        {
            _events.Add(e);
            foreach (var waiter in _waiters.Where(w => w.Match(e)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(e);
            }
        }
    }

    /// <summary>How many events have been seen: pass it as <c>after</c> to wait for a later one.</summary>
    public int Count
    {
        get { lock (_events) return _events.Count; }
    }

    /// <summary>The first event (already seen, from position <paramref name="after"/> on, or still to come) that matches.</summary>
    public async Task<T> WaitAsync<T>(Func<T, bool> match, string what, int after = 0) where T : EventArgs
    {
        TaskCompletionSource<EventArgs> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_events)
        {
            if (_events.Skip(after).OfType<T>().FirstOrDefault(match) is { } seen) return seen;
            _waiters.Add((e => e is T t && match(t), done));
        }
        try
        {
            return (T)await done.Task.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} within {Limit}; events: {string.Join(", ", Events.Select(Describe))}");
        }
    }

    private static string Describe(EventArgs e) => e switch
    {
        XdsAckEventArgs a => $"ACK {a.Type} {a.Version}",
        XdsNackEventArgs n => $"NACK {n.Type} {n.ErrorMessage}",
        _ => e.ToString()!,
    };
}
