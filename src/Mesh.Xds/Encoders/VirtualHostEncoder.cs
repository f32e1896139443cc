using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>One virtual host, as field 2 of a RouteConfiguration (route configurations are rendered host by host).</summary>
internal readonly struct VirtualHostEncoder(VirtualHostPlan host) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct => RouteConfigEncoder.VirtualHost(ref s, host);
}
