using Grpc.Core;
using Grpc.Net.Client;

namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>
/// An ADS stream that sends whatever bytes the test gives as gRPC messages (valid requests or not) and reads responses
/// as bytes: the server's parser, not the client's serialiser, meets the input.
/// </summary>
internal static class RawAds
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Method<byte[], byte[]> Sotw = new(MethodType.DuplexStreaming, "envoy.service.discovery.v3.AggregatedDiscoveryService", "StreamAggregatedResources", Bytes, Bytes);

    private static readonly Method<byte[], byte[]> Delta = new(MethodType.DuplexStreaming, "envoy.service.discovery.v3.AggregatedDiscoveryService", "DeltaAggregatedResources", Bytes, Bytes);

    public static AdsStreamClient<byte[], byte[]> Open(GrpcChannel channel, bool delta = false)
    {
        var invoker = channel.CreateCallInvoker();
        return new(options => invoker.AsyncDuplexStreamingCall(delta ? Delta : Sotw, null, options));
    }
}
