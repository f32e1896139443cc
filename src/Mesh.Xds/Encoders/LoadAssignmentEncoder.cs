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
        if (c.Locality is { } plan)
        {
            WriteByLocality(ref s, plan, list, selection);
            return;
        }
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

    /// <summary>
    /// The load assignment of a locality-aware cluster: each locality run with its priority relative to the client (made
    /// contiguous, as Envoy requires) or its distribution weight. Only clusters whose policy asks for it take this path; its
    /// per-run scratch lives on the stack up to 64 localities.
    /// </summary>
    private static void WriteByLocality<TSink>(ref TSink s, LocalityPlan plan, EndpointList list, bool[]? selection) where TSink : IProtoSink, allows ref struct
    {
        ReadOnlySpan<int> layout = list.Layout;
        ReadOnlySpan<byte> encoded = list.Encoded;
        var runs = layout[list.RunsStart..];
        Span<long> weights = list.Runs <= 64 ? stackalloc long[list.Runs] : new long[list.Runs];
        Span<int> keys = list.Runs <= 64 ? stackalloc int[list.Runs] : new int[list.Runs];
        var present = 0;
        var i = 0;
        for (var r = 0; r < list.Runs; r++)
        {
            var end = runs[r * 3];
            for (var k = i; k < end; k++)
            {
                if (selection is null || selection[k]) weights[r] += layout[k * 2 + 1];
            }
            var locality = list.Endpoints[i].Locality ?? EndpointLocality.Unknown;
            keys[r] = plan.Distribution is null ? plan.RawPriority(locality) : plan.Target(locality);
            if (weights[r] > 0 && keys[r] >= 0) present |= 1 << keys[r];
            i = end;
        }
        i = 0;
        for (var r = 0; r < list.Runs; r++)
        {
            var end = runs[r * 3];
            var start = i;
            i = end;
            if (weights[r] == 0 || keys[r] < 0) continue;
            long total;
            var priority = 0;
            if (plan.Distribution is not null)
            {
                // The target's share, split evenly among the localities that match it (scaled to keep precision).
                var matching = 0;
                for (var q = 0; q < list.Runs; q++)
                {
                    if (weights[q] > 0 && keys[q] == keys[r]) matching++;
                }
                total = Math.Max(1, plan.Shares[keys[r]] * 1000L / matching);
            }
            else
            {
                total = Math.Min(weights[r], int.MaxValue);
                priority = System.Numerics.BitOperations.PopCount((uint)(present & ((1 << keys[r]) - 1)));
            }
            var bytes = 0;
            for (var k = start; k < end; k++)
            {
                if (selection is null || selection[k]) bytes += layout[k * 2] - (k == 0 ? 0 : layout[k * 2 - 2]);
            }
            var localityBytes = encoded[runs[r * 3 + 1]..runs[r * 3 + 2]];
            s.Known(ClusterLoadAssignmentFields.Endpoints, localityBytes.Length + bytes + Fields.LengthField(Fields.VarintField((ulong)total)) + Fields.VarintField((ulong)priority));
            s.Raw(localityBytes);
            var k2 = start;
            while (k2 < end)
            {
                if (selection is not null && !selection[k2])
                {
                    k2++;
                    continue;
                }
                var from = k2 == 0 ? 0 : layout[k2 * 2 - 2];
                while (k2 < end && (selection is null || selection[k2])) k2++;
                s.Raw(encoded[from..layout[k2 * 2 - 2]]);
            }
            Fields.UInt32Value(ref s, LocalityLbEndpointsFields.LoadBalancingWeight, (int)total);
            if (priority > 0) s.Varint(LocalityLbEndpointsFields.Priority, (ulong)priority);
        }
    }
}
