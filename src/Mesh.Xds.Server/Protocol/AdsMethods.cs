using Google.Protobuf;
using Grpc.Core;

namespace Mesh.Xds.Server.Protocol;

/// <summary>
/// The two methods of <c>envoy.service.discovery.v3.AggregatedDiscoveryService</c> (Protos/ads.proto), bound by hand.
/// Requests are parsed with the code Grpc.Tools generates from our protos. Responses are not: Mesh.Xds has already
/// encoded every resource, and a generated <c>DiscoveryResponse</c> would copy each into an <c>Any</c> object and
/// serialise it again for every stream. A custom marshaller instead writes an <see cref="EncodedMessage"/> — the
/// snapshot's encoded <c>resources</c> (shared by every stream of the snapshot) followed by this stream's nonce — straight
/// into the transport's buffer. The wire format is the generated message's: field order does not matter to protobuf.
/// </summary>
internal static class AdsMethods
{
    public const string ServiceName = "envoy.service.discovery.v3.AggregatedDiscoveryService";

    public static readonly Marshaller<EncodedMessage> Response = new(WriteEncoded, _ => throw new NotSupportedException("The server never reads responses."));

    public static readonly Method<DiscoveryRequest, EncodedMessage> StreamAggregatedResources =
        new(MethodType.DuplexStreaming, ServiceName, "StreamAggregatedResources", Request(DiscoveryRequest.Parser), Response);

    public static readonly Method<DeltaDiscoveryRequest, EncodedMessage> DeltaAggregatedResources =
        new(MethodType.DuplexStreaming, ServiceName, "DeltaAggregatedResources", Request(DeltaDiscoveryRequest.Parser), Response);

    private static Marshaller<T> Request<T>(MessageParser<T> parser) where T : IMessage<T> =>
        new((message, context) => context.Complete(message.ToByteArray()), context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    private static void WriteEncoded(EncodedMessage message, SerializationContext context)
    {
        context.SetPayloadLength(message.Length);
        var output = context.GetBufferWriter();
        foreach (var segment in message.Segments)
        {
            // In pieces the writer chooses, so a large snapshot never asks the transport for one huge span.
            var remaining = segment.Span;
            while (!remaining.IsEmpty)
            {
                var span = output.GetSpan();
                var n = Math.Min(span.Length, remaining.Length);
                remaining[..n].CopyTo(span);
                output.Advance(n);
                remaining = remaining[n..];
            }
        }
        context.Complete();
    }
}
