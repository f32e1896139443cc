using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>
/// One ADS stream from the test's side: requests go out as the test sends them; responses are read in the background
/// into a queue the test awaits with a time limit. Disposing cancels the call.
/// </summary>
internal sealed class AdsStreamClient<TRequest, TResponse> : IAsyncDisposable where TResponse : class
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private readonly AsyncDuplexStreamingCall<TRequest, TResponse> _call;
    private readonly Channel<TResponse> _responses = Channel.CreateUnbounded<TResponse>();
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task _reading;

    public AdsStreamClient(Func<CallOptions, AsyncDuplexStreamingCall<TRequest, TResponse>> open)
    {
        _call = open(new CallOptions(cancellationToken: _cancel.Token));
        _reading = ReadAsync();
    }

    /// <summary>How the stream ended, once it has (null while open or after a clean end).</summary>
    public RpcException? Failure { get; private set; }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var response in _call.ResponseStream.ReadAllAsync()) await _responses.Writer.WriteAsync(response);
            _responses.Writer.TryComplete();
        }
        catch (RpcException e)
        {
            Failure = e;
            _responses.Writer.TryComplete(e);
        }
        catch (Exception e)
        {
            _responses.Writer.TryComplete(e);
        }
    }

    public Task SendAsync(TRequest request) => _call.RequestStream.WriteAsync(request);

    /// <summary>Ends the request stream (the client's half-close).</summary>
    public Task CompleteAsync() => _call.RequestStream.CompleteAsync();

    /// <summary>A response already received, without waiting.</summary>
    public bool TryNext([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TResponse? response) => _responses.Reader.TryRead(out response);

    /// <summary>Cancels the call, as a client that goes away does; the server sees the stream reset.</summary>
    public Task CancelAsync() => _cancel.CancelAsync();

    /// <summary>The next response, failing the test when none comes within the limit.</summary>
    public async Task<TResponse> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            return await _responses.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No response within {Limit}.");
        }
    }

    /// <summary>Waits until the stream ends and returns its status (the server's, or the reader's failure).</summary>
    public async Task<StatusCode> EndAsync()
    {
        try
        {
            while (true) await NextAsync();
        }
        catch (ChannelClosedException)
        {
            return Failure?.StatusCode ?? StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }
        _call.Dispose();
        _cancel.Dispose();
    }
}

/// <summary>Opens ADS streams and builds requests.</summary>
internal static class Ads
{
    public static AdsStreamClient<DiscoveryRequest, DiscoveryResponse> Sotw(GrpcChannel channel)
    {
        var client = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);
        return new(options => client.StreamAggregatedResources(options));
    }

    public static AdsStreamClient<DeltaDiscoveryRequest, DeltaDiscoveryResponse> Delta(GrpcChannel channel)
    {
        var client = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);
        return new(options => client.DeltaAggregatedResources(options));
    }

    public static Node Node(string id = "node-1") => new() { Id = id, UserAgentName = "mesh-tests" };

    public static DiscoveryRequest Request(string typeUrl, string nodeId = "node-1", string version = "", string nonce = "", params string[] names)
    {
        var request = new DiscoveryRequest { Node = Node(nodeId), TypeUrl = typeUrl, VersionInfo = version, ResponseNonce = nonce };
        request.ResourceNames.Add(names);
        return request;
    }

    /// <summary>The ACK of a response: its version and nonce, the same names.</summary>
    public static DiscoveryRequest Ack(DiscoveryResponse response, string nodeId = "node-1", params string[] names) =>
        Request(response.TypeUrl, nodeId, response.VersionInfo, response.Nonce, names);

    /// <summary>The NACK of a response: the version kept, the response's nonce and an error.</summary>
    public static DiscoveryRequest Nack(DiscoveryResponse response, string keptVersion, string message, string nodeId = "node-1", params string[] names)
    {
        var request = Request(response.TypeUrl, nodeId, keptVersion, response.Nonce, names);
        request.ErrorDetail = new Mesh.Xds.Server.Protocol.Status { Code = 3, Message = message };
        return request;
    }

    public static DeltaDiscoveryRequest DeltaRequest(string typeUrl, string nodeId = "node-1", string nonce = "", IEnumerable<string>? subscribe = null, IEnumerable<string>? unsubscribe = null, IDictionary<string, string>? initial = null)
    {
        var request = new DeltaDiscoveryRequest { Node = Node(nodeId), TypeUrl = typeUrl, ResponseNonce = nonce };
        if (subscribe is not null) request.ResourceNamesSubscribe.Add(subscribe);
        if (unsubscribe is not null) request.ResourceNamesUnsubscribe.Add(unsubscribe);
        if (initial is not null) request.InitialResourceVersions.Add(initial);
        return request;
    }

    /// <summary>The resource names and versions a delta response carries.</summary>
    public static Dictionary<string, string> Versions(DeltaDiscoveryResponse response) => response.Resources.ToDictionary(r => r.Name, r => r.Version);
}
