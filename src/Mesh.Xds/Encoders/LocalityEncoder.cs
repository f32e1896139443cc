using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// One <c>core.v3.Locality</c> as field 1 of its <c>LocalityLbEndpoints</c> (tag and length included), encoded once
/// per locality run of an endpoint list.
/// </summary>
internal readonly struct LocalityEncoder(EndpointLocality locality) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(LocalityLbEndpointsFields.Locality);
        s.String(LocalityFields.Region, locality.Region);
        s.String(LocalityFields.Zone, locality.Zone);
        s.String(LocalityFields.SubZone, locality.SubZone);
        s.End();
    }
}
