using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>One resource of a plan, by type and position; optionally wrapped as field 2 (<c>Any</c>) of a DiscoveryResponse.</summary>
internal readonly struct ResourceEncoder(XdsPlan plan, ResolvedEndpoints? endpoints, XdsResourceType type, int index, bool asAny, EndpointList? list = null, byte[]? rendered = null, int renderedLength = 0) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        if (asAny) Fields.BeginAny(ref s, DiscoveryResponseFields.Resources, TypeUrlBytes.Of(type));
        switch (type)
        {
            case XdsResourceType.Listener:
                ListenerEncoder.Write(ref s, plan.Listeners[index], plan.Options);
                break;
            case XdsResourceType.RouteConfiguration when rendered is not null:
                // Virtual hosts rendered one by one beforehand, each measured and written while its data is in cache.
                s.Utf8(RouteConfigurationFields.Name, plan.RouteConfigs[index].NameUtf8);
                s.Raw(rendered.AsSpan(0, renderedLength));
                break;
            case XdsResourceType.RouteConfiguration:
                RouteConfigEncoder.Write(ref s, plan.RouteConfigs[index]);
                break;
            case XdsResourceType.Cluster:
                ClusterEncoder.Write(ref s, plan.CdsCluster(index), plan.Options);
                break;
            default:
                var cluster = plan.Clusters[index];
                if (list is not null) LoadAssignmentEncoder.Write(ref s, cluster, list, cluster.SubsetLabels.Length == 0 ? null : list.SelectionFor(cluster.SubsetLabels));
                else LoadAssignmentEncoder.Write(ref s, cluster, endpoints!.Lists[index], endpoints.Selections[index]);
                break;
        }
        if (asAny) Fields.EndAny(ref s);
    }
}
