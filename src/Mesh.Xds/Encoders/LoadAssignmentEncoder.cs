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
        s.Utf8(1, c.NameUtf8);
        var all = selection is null;
        ReadOnlySpan<bool> selected = selection;
        // Endpoints are sorted by locality, so each locality is one run (found when the list was built).
        var runs = list.RunEnds;
        var localities = list.LocalityFields;
        var encoded = list.Encoded;
        var ends = list.EncodedEnds;
        var weights = list.Weights;
        var i = 0;
        for (var r = 0; r < runs.Length; r++)
        {
            var end = runs[r];
            var from = i == 0 ? 0 : ends[i - 1];
            long weight;
            int bytes;
            if (all)
            {
                weight = list.RunWeights[r];
                bytes = ends[end - 1] - from;
            }
            else
            {
                weight = 0;
                bytes = 0;
                for (var k = i; k < end; k++)
                {
                    if (!selected[k]) continue;
                    weight += weights[k];
                    bytes += ends[k] - (k == 0 ? 0 : ends[k - 1]);
                }
            }
            if (weight > 0)
            {
                var total = (int)Math.Min(weight, int.MaxValue);
                s.Known(2, localities[r].Length + bytes + Fields.VarintField((ulong)total) + 2); // locality_lb_endpoints
                s.Raw(localities[r]);
                if (all)
                {
                    s.Raw(encoded.AsSpan(from, bytes));
                }
                else
                {
                    // Copy each contiguous stretch of selected endpoints at once.
                    var k = i;
                    while (k < end)
                    {
                        if (!selected[k])
                        {
                            k++;
                            continue;
                        }
                        var stretch = k;
                        while (k < end && selected[k]) k++;
                        var start = stretch == 0 ? 0 : ends[stretch - 1];
                        s.Raw(encoded.AsSpan(start, ends[k - 1] - start));
                    }
                }
                Fields.UInt32Value(ref s, 3, total);
            }
            i = end;
        }
    }
}
