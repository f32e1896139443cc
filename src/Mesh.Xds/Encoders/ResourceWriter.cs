using System.Buffers;
using System.IO.Hashing;
using Mesh.Model;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>Encodes a plan's resources: into resource sets (for snapshots) or straight into a response.</summary>
internal static class ResourceWriter
{
    /// <summary>Encodes every resource of one type into one contiguous array and returns the set.</summary>
    public static XdsResourceSet Encode(XdsPlan plan, EndpointIndex endpoints, XdsResourceType type)
    {
        var count = type switch
        {
            XdsResourceType.Listener => plan.Listeners.Length,
            XdsResourceType.RouteConfiguration => plan.RouteConfigs.Length,
            XdsResourceType.Cluster => plan.CdsCount,
            _ => plan.Clusters.Length,
        };
        var ends = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        var buffer = new PooledBufferWriter(Math.Max(4096, count * 256));
        try
        {
            for (var i = 0; i < count; i++)
            {
                EncodeOne(buffer, plan, type, i, endpoints);
                ends[i] = buffer.WrittenCount;
            }
            var bytes = buffer.WrittenSpan.ToArray();
            var resources = new XdsResource[count];
            var start = 0;
            for (var i = 0; i < count; i++)
            {
                var payload = new ReadOnlyMemory<byte>(bytes, start, ends[i] - start);
                resources[i] = new XdsResource(NameOf(plan, type, i), XxHash64.HashToUInt64(payload.Span), payload);
                start = ends[i];
            }
            return new XdsResourceSet(type, resources);
        }
        finally
        {
            buffer.Dispose();
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    /// <summary>Encodes one resource into its own array.</summary>
    public static XdsResource EncodeOne(XdsPlan plan, XdsResourceType type, int index, EndpointList endpoints)
    {
        using var buffer = new PooledBufferWriter();
        if (type == XdsResourceType.ClusterLoadAssignment)
        {
            ProtoEncoding.Write(buffer, new LoadAssignmentEncoder(plan.Clusters[index], endpoints));
        }
        else
        {
            EncodeOne(buffer, plan, type, index, null);
        }
        var bytes = buffer.WrittenSpan.ToArray();
        return new XdsResource(NameOf(plan, type, index), XxHash64.HashToUInt64(bytes), bytes);
    }

    private static void EncodeOne(IBufferWriter<byte> output, XdsPlan plan, XdsResourceType type, int index, EndpointIndex? endpoints)
    {
        switch (type)
        {
            case XdsResourceType.Listener:
                ProtoEncoding.Write(output, new ListenerEncoder(plan.Listeners[index], plan.Options));
                break;
            case XdsResourceType.RouteConfiguration:
                ProtoEncoding.Write(output, new RouteConfigEncoder(plan.RouteConfigs[index]));
                break;
            case XdsResourceType.Cluster:
                ProtoEncoding.Write(output, new ClusterEncoder(plan.CdsCluster(index), plan.Options));
                break;
            default:
                var cluster = plan.Clusters[index];
                ProtoEncoding.Write(output, new LoadAssignmentEncoder(cluster, endpoints!.Get(cluster.Service, cluster.Port)));
                break;
        }
    }

    public static string NameOf(XdsPlan plan, XdsResourceType type, int index) => type switch
    {
        XdsResourceType.Listener => plan.Listeners[index].Name,
        XdsResourceType.RouteConfiguration => plan.RouteConfigs[index].Name,
        XdsResourceType.Cluster => plan.CdsCluster(index).Name,
        _ => plan.Clusters[index].Name,
    };

    /// <summary>
    /// Writes a whole <c>DiscoveryResponse</c> for one type straight from the plan into <paramref name="output"/>,
    /// with no intermediate buffers: measured, written, then <c>version_info</c> (the XxHash64 of the written
    /// resources, type_url and nonce) appended. Returns the bytes written.
    /// </summary>
    public static int WriteDiscoveryResponse(IBufferWriter<byte> output, XdsPlan plan, EndpointIndex endpoints, XdsResourceType type, string? nonce)
    {
        var body = new DirectResponseEncoder(plan, endpoints, type, nonce);
        Span<int> slots = stackalloc int[ProtoSizer.StackSize];
        Span<int> starts = stackalloc int[ProtoSizer.StackSize];
        var sizer = new ProtoSizer(slots, starts);
        try
        {
            body.Encode(ref sizer);
            var size = sizer.Size;
            const int VersionField = 2 + 16;
            var span = output.GetSpan(size + VersionField)[..(size + VersionField)];
            var writer = new ProtoWriter(span, sizer.Lengths.AsSpan(0, sizer.Count));
            body.Encode(ref writer);
            if (writer.Written != size) throw new InvalidOperationException($"Encoder wrote {writer.Written} bytes after measuring {size}.");
            var version = new ProtoWriter(span[size..], default);
            version.Hex(1, XxHash64.HashToUInt64(span[..size]));
            output.Advance(size + VersionField);
            return size + VersionField;
        }
        finally
        {
            sizer.Dispose();
        }
    }

    /// <summary>The sorted endpoints of one cluster's service port, by scanning a snapshot (for incremental updates).</summary>
    public static EndpointList ScanEndpoints(EndpointSnapshot snapshot, ServiceRef service, int port) => EndpointIndex.Scan(snapshot, service, port);
}
