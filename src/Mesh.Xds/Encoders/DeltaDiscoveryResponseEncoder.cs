using Mesh.Xds.EnvoyApi;
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
        s.Hex(DeltaDiscoveryResponseFields.SystemVersionInfo, resources.Version);
        foreach (var index in indexes)
        {
            var resource = resources[index];
            s.Begin(DeltaDiscoveryResponseFields.Resources);
            s.Hex(ResourceFields.Version, resource.Version);
            s.Begin(ResourceFields.Resource);
            s.Utf8(AnyFields.TypeUrl, typeUrl);
            s.Bytes(AnyFields.Value, resource.Payload.Span);
            s.End();
            s.String(ResourceFields.Name, resource.Name);
            s.End();
        }
        s.Utf8(DeltaDiscoveryResponseFields.TypeUrl, typeUrl);
        s.String(DeltaDiscoveryResponseFields.Nonce, nonce);
        foreach (var name in removed) s.StringAlways(DeltaDiscoveryResponseFields.RemovedResources, name);
    }
}
