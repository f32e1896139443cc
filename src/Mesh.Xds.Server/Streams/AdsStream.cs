using System.Threading.Channels;
using Grpc.Core;
using Status = Grpc.Core.Status;
using Mesh.Xds.Server.Cache;
using Mesh.Xds.Server.Diagnostics;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Streams;

/// <summary>
/// What state-of-the-world and delta streams share: one loop per stream that handles the client's requests and the
/// group's snapshot changes in turn and is the only writer of responses. Requests wait in a bounded queue (when it is
/// full the server stops reading, and HTTP/2 flow control slows the client); snapshots never queue — the stream keeps
/// only the latest, so a slow client skips versions instead of piling them up.
/// </summary>
internal abstract class AdsStream<TRequest> : IAdsStream where TRequest : class
{
    private readonly Channel<TRequest> _requests;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly IServerStreamWriter<EncodedMessage> _writer;
    // Unknown type URLs already logged (their first characters); a stream remembers a few, so junk cannot grow it.
    private readonly HashSet<string> _unknownTypes = new(StringComparer.Ordinal);
    private ServedSnapshot? _latest;

    /// <summary>How many distinct unknown type URLs a stream logs (once each); later ones are ignored without a log.</summary>
    internal const int LoggedUnknownTypes = 16;

    protected AdsStream(XdsSnapshotCache cache, IServerStreamWriter<EncodedMessage> writer, ServerCallContext context, string mode)
    {
        Cache = cache;
        Context = context;
        _writer = writer;
        Mode = mode;
        _requests = Channel.CreateBounded<TRequest>(new BoundedChannelOptions(cache.Options.RequestQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true });
    }

    protected XdsSnapshotCache Cache { get; }

    protected ServerCallContext Context { get; }

    /// <summary><c>sotw</c> or <c>delta</c> (logs and metric tags).</summary>
    public string Mode { get; }

    /// <summary>The client's node id, once its first request has been handled.</summary>
    public string? NodeId => Node?.Id;

    /// <summary>The client, from its first request.</summary>
    protected XdsNode? Node { get; private set; }

    /// <summary>The client's node group.</summary>
    protected string? Group { get; private set; }

    /// <summary>The snapshot responses are built from (null until the group has one).</summary>
    protected ServedSnapshot? Current { get; private set; }

    public void Push(ServedSnapshot snapshot)
    {
        Volatile.Write(ref _latest, snapshot);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Runs the stream until the client closes it or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(IAsyncStreamReader<TRequest> requests, CancellationToken cancellationToken)
    {
        Cache.Metrics.StreamOpened(Mode);
        var reading = ReadAsync(requests, cancellationToken);
        try
        {
            while (true)
            {
                await AdoptLatestAsync(cancellationToken).ConfigureAwait(false);
                while (_requests.Reader.TryRead(out var request))
                {
                    await HandleAsync(request, cancellationToken).ConfigureAwait(false);
                    await AdoptLatestAsync(cancellationToken).ConfigureAwait(false);
                }
                if (_requests.Reader.Completion.IsCompleted) break;
                await _wake.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            // Surfaces a failed read (a malformed message, a reset) as the stream's error.
            await reading.ConfigureAwait(false);
        }
        finally
        {
            // When the loop ends first (a malformed request, shutdown), the reader ends with the call; its error is not news.
            _ = reading.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            Cache.Metrics.StreamClosed(Mode);
            if (Group is not null) Cache.Detach(Group, this);
        }
    }

    private async Task ReadAsync(IAsyncStreamReader<TRequest> requests, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                await _requests.Writer.WriteAsync(requests.Current, cancellationToken).ConfigureAwait(false);
                _wake.Writer.TryWrite(true);
            }
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            // Completing with the failure lets the loop stop; the failure itself is rethrown by awaiting this task.
            _requests.Writer.TryComplete(failure is null ? null : new OperationCanceledException("The request stream failed.", failure));
            _wake.Writer.TryWrite(true);
        }
    }

    private async ValueTask AdoptLatestAsync(CancellationToken cancellationToken)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is null || ReferenceEquals(latest, Current)) return;
        Current = latest;
        await OnSnapshotAsync(latest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Learns the client from the first request that names it and joins its node group.</summary>
    protected void Identify(Protocol.Node? node)
    {
        if (Node is not null) return;
        if (node is null || node.Id.Length == 0)
        {
            Log.MalformedRequest(Cache.Logger, Context.Peer, "the first request carries no node id");
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The first request of a stream must carry node.id."));
        }
        Node = NodeReader.Read(node);
        Group = Cache.NodeGroupOf(Node);
        var snapshot = Cache.Attach(Node, Group, this);
        Log.StreamOpened(Cache.Logger, Mode, Node.Id, Group);
        if (snapshot is null) return;
        // Nothing is subscribed yet, so the group's snapshot is adopted without a push: the first responses answer
        // requests and do not count as pushes (nor in push latency).
        Interlocked.CompareExchange(ref _latest, snapshot, null);
        Current = Volatile.Read(ref _latest);
    }

    /// <summary>Logs a type URL this server does not serve, once per stream, for the first <see cref="LoggedUnknownTypes"/> of them.</summary>
    protected void UnknownType(string typeUrl)
    {
        if (_unknownTypes.Count >= LoggedUnknownTypes) return;
        if (_unknownTypes.Add(typeUrl.Length <= Log.ClientTextLimit ? typeUrl : typeUrl[..Log.ClientTextLimit])) Log.UnknownType(Cache.Logger, Node!.Id, Log.Clip(typeUrl));
    }

    /// <summary>Ends the stream with <c>RESOURCE_EXHAUSTED</c> when a request names more than <see cref="XdsServerOptions.MaxResourceNamesPerType"/>.</summary>
    protected void CheckNameCount(XdsResourceType type, int count, string what)
    {
        var limit = Cache.Options.MaxResourceNamesPerType;
        if (count <= limit) return;
        var typeUrl = XdsTypeUrls.Of(type);
        Log.TooManyNames(Cache.Logger, Mode, Node!.Id, count, what, typeUrl, limit);
        throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{count} {what} of {typeUrl} is over this server's limit of {limit} per type."));
    }

    /// <summary>Writes one response.</summary>
    protected Task WriteAsync(EncodedMessage message, CancellationToken cancellationToken) => _writer.WriteAsync(message, cancellationToken);

    protected abstract ValueTask HandleAsync(TRequest request, CancellationToken cancellationToken);

    /// <summary>Sends each subscribed type what changed for it, in <see cref="ResourceTypes.PushOrder"/>.</summary>
    protected abstract ValueTask OnSnapshotAsync(ServedSnapshot snapshot, CancellationToken cancellationToken);
}
