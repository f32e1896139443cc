using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.service.discovery.v3.DeltaDiscoveryResponse</c>: system_version_info, the listed resources
/// (each a <c>Resource</c> with name, version and the <c>Any</c>), type_url, nonce and removed_resources.
/// </summary>
internal readonly struct DeltaDiscoveryResponseEncoder(XdsResourceSet resources, int[] indexes, string[] removed, string? nonce) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        var typeUrl = TypeUrlBytes.Of(resources.Type);
        s.Hex(1, resources.Version);
        foreach (var index in indexes)
        {
            var resource = resources[index];
            s.Begin(2);
            s.Hex(1, resource.Version);
            s.Begin(2);
            s.Utf8(1, typeUrl);
            s.Bytes(2, resource.Payload.Span);
            s.End();
            s.String(3, resource.Name);
            s.End();
        }
        s.Utf8(4, typeUrl);
        s.String(5, nonce);
        foreach (var name in removed) s.StringAlways(6, name);
    }
}
