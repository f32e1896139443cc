using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.config.endpoint.v3.ClusterLoadAssignment</c>: the service port's endpoints that carry the
/// cluster's subset labels, grouped by locality (each with its locality and load-balancing weight set, as gRPC
/// clients require), each endpoint an IP literal with its health and weight. The endpoint list holds every
/// locality and endpoint pre-encoded (see <see cref="LbEndpointEncoder"/>), so this copies runs of bytes.
/// </summary>
internal readonly struct LoadAssignmentEncoder(ClusterPlan cluster, EndpointList endpoints) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct =>
        Write(ref s, cluster, endpoints, cluster.SubsetLabels.Length == 0 ? null : endpoints.SelectionFor(cluster.SubsetLabels));

    /// <summary>
    /// Writes the load assignment of <paramref name="c"/> from its service port's <paramref name="list"/>;
    /// <paramref name="selection"/> is which endpoints its subset takes (cached on the list per label set), or null
    /// for all of them.
    /// </summary>
    public static void Write<TSink>(ref TSink s, ClusterPlan c, EndpointList list, bool[]? selection) where TSink : IProtoSink, allows ref struct
    {
        s.Utf8(ClusterLoadAssignmentFields.ClusterName, c.NameUtf8);
        // Endpoints are sorted by locality, so each locality is one run (found when the list was built).
        ReadOnlySpan<int> layout = list.Layout;
        ReadOnlySpan<byte> encoded = list.Encoded;
        var runs = layout[list.RunsStart..];
        var i = 0;
        for (var r = 0; r < list.Runs; r++)
        {
            var end = runs[r * 3];
            var from = i == 0 ? 0 : layout[i * 2 - 2];
            long weight = 0;
            int bytes;
            if (selection is null)
            {
                for (var k = i; k < end; k++) weight += layout[k * 2 + 1];
                bytes = layout[end * 2 - 2] - from;
            }
            else
            {
                bytes = 0;
                for (var k = i; k < end; k++)
                {
                    if (!selection[k]) continue;
                    weight += layout[k * 2 + 1];
                    bytes += layout[k * 2] - (k == 0 ? 0 : layout[k * 2 - 2]);
                }
            }
            if (weight > 0)
            {
                var total = (int)Math.Min(weight, int.MaxValue);
                var locality = encoded[runs[r * 3 + 1]..runs[r * 3 + 2]];
                s.Known(ClusterLoadAssignmentFields.Endpoints, locality.Length + bytes + Fields.LengthField(Fields.VarintField((ulong)total)));
                s.Raw(locality);
                if (selection is null)
                {
                    s.Raw(encoded.Slice(from, bytes));
                }
                else
                {
                    // Copy each contiguous stretch of selected endpoints at once.
                    var k = i;
                    while (k < end)
                    {
                        if (!selection[k])
                        {
                            k++;
                            continue;
                        }
                        var start = k == 0 ? 0 : layout[k * 2 - 2];
                        while (k < end && selection[k]) k++;
                        s.Raw(encoded[start..layout[k * 2 - 2]]);
                    }
                }
                Fields.UInt32Value(ref s, LocalityLbEndpointsFields.LoadBalancingWeight, total);
            }
            i = end;
        }
    }
}
