using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.config.endpoint.v3.ClusterLoadAssignment</c>: the service port's endpoints that carry the
/// cluster's subset labels, grouped by locality (each with its locality and load-balancing weight set, as gRPC
/// clients require), each endpoint an IP literal with its health and weight.
/// </summary>
internal readonly struct LoadAssignmentEncoder(ClusterPlan cluster, EndpointList endpoints) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct => Write(ref s, cluster, endpoints);

    public static void Write<TSink>(ref TSink s, ClusterPlan c, EndpointList list) where TSink : IProtoSink, allows ref struct
    {
        var endpoints = list.Endpoints;
        s.Utf8(1, c.NameUtf8);
        // Which endpoints the subset selects: all for the whole service, else cached on the list per label set.
        var all = c.SubsetLabels.Length == 0;
        ReadOnlySpan<bool> selected = all ? default : list.SelectionFor(c.SubsetLabels);
        // Endpoints are sorted by locality, so each locality is one run (found when the list was built).
        var i = 0;
        var runs = list.RunEnds;
        var localities = list.LocalityUtf8;
        var addresses = list.AddressUtf8;
        for (var r = 0; r < runs.Length; r++)
        {
            var end = runs[r];
            long weight = 0;
            for (var k = i; k < end; k++)
            {
                if (all || selected[k]) weight += endpoints[k].Weight;
            }
            if (weight > 0)
            {
                s.Begin(2);
                s.Begin(1);
                s.Bytes(1, localities[r * 3]);
                s.Bytes(2, localities[r * 3 + 1]);
                s.Bytes(3, localities[r * 3 + 2]);
                s.End();
                for (var k = i; k < end; k++)
                {
                    if (!all && !selected[k]) continue;
                    var endpoint = endpoints[k];
                    // Leaf messages with lengths computed here: endpoint > address > socket_address.
                    var port = (ulong)(endpoint.Port ?? c.Port);
                    var socketAddress = (addresses[k].Length == 0 ? 0 : Fields.LengthField(addresses[k].Length)) + Fields.VarintField(port);
                    var address = Fields.LengthField(socketAddress);
                    var endpointLength = Fields.LengthField(address);
                    var endpointWeight = (ulong)Math.Max(0, endpoint.Weight);
                    s.Known(2, Fields.LengthField(endpointLength) + Fields.VarintField((ulong)endpoint.Health) + Fields.LengthField(Fields.VarintField(endpointWeight))); // lb_endpoints
                    s.Known(1, endpointLength); // endpoint
                    s.Known(1, address); // address
                    s.Known(1, socketAddress); // socket_address
                    s.Bytes(2, addresses[k]);
                    s.Varint(3, port);
                    s.Varint(2, (ulong)endpoint.Health);
                    Fields.UInt32Value(ref s, 4, endpoint.Weight);
                }
                Fields.UInt32Value(ref s, 3, (int)Math.Min(weight, int.MaxValue));
                s.End();
            }
            i = end;
        }
    }
}
