using Mesh.Xds.EnvoyApi;
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
        s.Hex(DiscoveryResponseFields.VersionInfo, resources.Version);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            s.Begin(DiscoveryResponseFields.Resources);
            s.Utf8(AnyFields.TypeUrl, typeUrl);
            s.Bytes(AnyFields.Value, resource.Payload.Span);
            s.End();
        }
        s.Utf8(DiscoveryResponseFields.TypeUrl, typeUrl);
        s.String(DiscoveryResponseFields.Nonce, nonce);
    }
}
