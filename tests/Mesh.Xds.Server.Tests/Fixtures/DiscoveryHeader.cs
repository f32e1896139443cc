using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>
/// A state-of-the-world response read for its version, type and nonce only, with the resources skipped: the load
/// test's thousand clients share the process (and its two cores) with the server, so they decode no more than they need.
/// </summary>
internal sealed record DiscoveryHeader(string VersionInfo, string TypeUrl, string Nonce, int Length)
{
    private static readonly Method<DiscoveryRequest, DiscoveryHeader> Method = new(
        MethodType.DuplexStreaming, "envoy.service.discovery.v3.AggregatedDiscoveryService", "StreamAggregatedResources",
        Marshallers.Create((DiscoveryRequest r) => r.ToByteArray(), DiscoveryRequest.Parser.ParseFrom),
        Marshallers.Create((DiscoveryHeader _) => throw new NotSupportedException(), Parse));

    public static AdsStreamClient<DiscoveryRequest, DiscoveryHeader> Open(GrpcChannel channel)
    {
        var invoker = channel.CreateCallInvoker();
        return new(options => invoker.AsyncDuplexStreamingCall(Method, null, options));
    }

    public DiscoveryRequest Ack(string nodeId, params string[] names) => Ads.Request(TypeUrl, nodeId, VersionInfo, Nonce, names);

    private static DiscoveryHeader Parse(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        string version = string.Empty, typeUrl = string.Empty, nonce = string.Empty;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: version = input.ReadString(); break;
                case 4: typeUrl = input.ReadString(); break;
                case 5: nonce = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new DiscoveryHeader(version, typeUrl, nonce, bytes.Length);
    }
}
