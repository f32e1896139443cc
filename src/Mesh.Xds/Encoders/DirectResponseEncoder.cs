using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// The body of a <c>DiscoveryResponse</c> encoded straight from the plan, each resource nested in its <c>Any</c>
/// without an intermediate copy: resources, type_url and nonce. <c>version_info</c> (a hash of these bytes) is
/// appended after them by <see cref="ResourceWriter.WriteDiscoveryResponse"/>.
/// </summary>
internal readonly struct DirectResponseEncoder(XdsPlan plan, EndpointIndex endpoints, XdsResourceType type, string? nonce) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        var typeUrl = TypeUrlBytes.Of(type);
        switch (type)
        {
            case XdsResourceType.Listener:
                foreach (var listener in plan.Listeners)
                {
                    Fields.BeginAny(ref s, 2, typeUrl);
                    ListenerEncoder.Write(ref s, listener, plan.Options);
                    Fields.EndAny(ref s);
                }
                break;
            case XdsResourceType.RouteConfiguration:
                foreach (var config in plan.RouteConfigs)
                {
                    Fields.BeginAny(ref s, 2, typeUrl);
                    RouteConfigEncoder.Write(ref s, config);
                    Fields.EndAny(ref s);
                }
                break;
            case XdsResourceType.Cluster:
                for (var i = 0; i < plan.CdsCount; i++)
                {
                    Fields.BeginAny(ref s, 2, typeUrl);
                    ClusterEncoder.Write(ref s, plan.CdsCluster(i), plan.Options);
                    Fields.EndAny(ref s);
                }
                break;
            default:
                foreach (var cluster in plan.Clusters)
                {
                    Fields.BeginAny(ref s, 2, typeUrl);
                    LoadAssignmentEncoder.Write(ref s, cluster, endpoints.Get(cluster.Service, cluster.Port));
                    Fields.EndAny(ref s);
                }
                break;
        }
        s.Utf8(4, typeUrl);
        s.String(5, nonce);
    }
}
