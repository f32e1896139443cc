using System.Diagnostics.CodeAnalysis;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Status = Grpc.Core.Status;
using Mesh.Xds.Server.Diagnostics;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mesh.Xds.Server.Hosting;

/// <summary>
/// The gRPC service: each call runs a <see cref="SotwStream"/> or <see cref="DeltaStream"/> over the shared
/// <see cref="XdsSnapshotCache"/>. Every way a stream can end becomes a gRPC status — the client's own close or cancel,
/// a malformed request (<c>InvalidArgument</c>), server shutdown (<c>Unavailable</c>, so clients reconnect to another
/// replica), a bug of ours (<c>Internal</c>, logged) — and never escapes to the host.
/// </summary>
internal sealed class AggregatedDiscoveryService(XdsSnapshotCache cache, IServiceProvider services) : AggregatedDiscoveryServiceBase
{
    public override Task StreamAggregatedResources(IAsyncStreamReader<DiscoveryRequest> requestStream, IServerStreamWriter<EncodedMessage> responseStream, ServerCallContext context) =>
        RunAsync(new SotwStream(cache, responseStream, context), requestStream, context);

    public override Task DeltaAggregatedResources(IAsyncStreamReader<DeltaDiscoveryRequest> requestStream, IServerStreamWriter<EncodedMessage> responseStream, ServerCallContext context) =>
        RunAsync(new DeltaStream(cache, responseStream, context), requestStream, context);

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A stream's failure must end that stream with a status, never the server.")]
    private async Task RunAsync<TRequest>(AdsStream<TRequest> stream, IAsyncStreamReader<TRequest> requests, ServerCallContext context) where TRequest : class
    {
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        // Every stream's end is logged with what ended it.
        var outcome = "the client closed it";
        try
        {
            await stream.RunAsync(requests, linked.Token).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            outcome = $"{e.StatusCode} ({e.Status.Detail})";
            throw;
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            outcome = "the server is shutting down (Unavailable)";
            throw new RpcException(new Status(StatusCode.Unavailable, "The xDS server is shutting down; reconnect to another replica."));
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away; nobody is left to read a status.
            outcome = "the client went away (cancelled or disconnected)";
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            Log.MalformedRequest(cache.Logger, context.Peer, e.Message);
            outcome = "InvalidArgument (a malformed request)";
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Malformed request: " + e.Message));
        }
        catch (IOException)
        {
            // The client reset its stream: the read fails before the call's token says so (found by the long-mode fuzz).
            // A malformed message (InvalidProtocolBufferException, an IOException too) is answered above.
            outcome = "the client went away (it reset the stream)";
        }
        catch (Exception e) when (e is OperationCanceledException { InnerException: { } inner } && inner is not OperationCanceledException)
        {
            Log.MalformedRequest(cache.Logger, context.Peer, inner.Message);
            outcome = "InvalidArgument (the request stream failed)";
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The request stream failed: " + inner.Message));
        }
        catch (Exception e)
        {
            Log.StreamFailed(cache.Logger, e, stream.NodeId ?? context.Peer);
            outcome = "Internal (a failure of the server)";
            throw new RpcException(new Status(StatusCode.Internal, "The xDS server failed on this stream."));
        }
        finally
        {
            Log.StreamClosed(cache.Logger, stream.Mode, stream.NodeId ?? "(none yet)", outcome);
        }
    }
}
