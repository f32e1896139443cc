using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.service.discovery.v3.DiscoveryResponse</c> from already-encoded resources:
/// version_info, each resource as an <c>Any</c>, type_url and nonce.
/// </summary>
internal readonly struct DiscoveryResponseEncoder(XdsResourceSet resources, string? nonce) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        var typeUrl = TypeUrlBytes.Of(resources.Type);
        s.Hex(1, resources.Version);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            s.Begin(2);
            s.Utf8(1, typeUrl);
            s.Bytes(2, resource.Payload.Span);
            s.End();
        }
        s.Utf8(4, typeUrl);
        s.String(5, nonce);
    }
}
