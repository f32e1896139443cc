using System.Buffers;
using System.IO.Hashing;
using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>Encodes a plan's resources: into resource sets (for snapshots) or straight into a response.</summary>
internal static class ResourceWriter
{
    /// <summary>How many resources of one type a plan has.</summary>
    public static int CountOf(XdsPlan plan, XdsResourceType type) => type switch
    {
        XdsResourceType.Listener => plan.Listeners.Length,
        XdsResourceType.RouteConfiguration => plan.RouteConfigs.Length,
        XdsResourceType.Cluster => plan.CdsCount,
        _ => plan.Clusters.Length,
    };

    /// <summary>Encodes every resource of one type into one contiguous array and returns the set.</summary>
    public static XdsResourceSet Encode(XdsPlan plan, EndpointIndex endpoints, XdsResourceType type)
    {
        var count = CountOf(plan, type);
        var resolved = type == XdsResourceType.ClusterLoadAssignment ? endpoints.Resolve(plan) : null;
        var ends = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        var buffer = new PooledBufferWriter(Math.Max(4096, count * 256));
        var scratch = Array.Empty<byte>();
        Span<int> slots = stackalloc int[ProtoSizer.StackSize];
        Span<int> starts = stackalloc int[ProtoSizer.StackSize];
        var sizer = new ProtoSizer(slots, starts);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var body = type == XdsResourceType.RouteConfiguration ? RenderHosts(ref scratch, plan.RouteConfigs[i], ref sizer) : 0;
                ProtoEncoding.Write(buffer, new ResourceEncoder(plan, resolved, type, i, asAny: false, null, body > 0 ? scratch : null, body), ref sizer, out _);
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
            sizer.Dispose();
            buffer.Dispose();
            ArrayPool<int>.Shared.Return(ends);
            if (scratch.Length > 0) ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Encodes one resource into its own array.</summary>
    public static XdsResource EncodeOne(XdsPlan plan, XdsResourceType type, int index, EndpointList endpoints)
    {
        using var buffer = new PooledBufferWriter();
        ProtoEncoding.Write(buffer, new ResourceEncoder(plan, null, type, index, asAny: false, endpoints));
        var bytes = buffer.WrittenSpan.ToArray();
        return new XdsResource(NameOf(plan, type, index), XxHash64.HashToUInt64(bytes), bytes);
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
    /// streaming: each resource is measured and written inside its <c>Any</c> right away (so the data it reads is
    /// still in cache for the second pass), then type_url, nonce and <c>version_info</c> — a hash combining the
    /// XxHash64 of every resource's bytes — are appended. Returns the bytes written.
    /// </summary>
    public static int WriteDiscoveryResponse(IBufferWriter<byte> output, XdsPlan plan, EndpointIndex endpoints, XdsResourceType type, string? nonce)
    {
        var count = CountOf(plan, type);
        var resolved = type == XdsResourceType.ClusterLoadAssignment ? endpoints.Resolve(plan) : null;
        Span<int> slots = stackalloc int[ProtoSizer.StackSize];
        Span<int> starts = stackalloc int[ProtoSizer.StackSize];
        var sizer = new ProtoSizer(slots, starts);
        var total = 0;
        ulong version = 0x9E3779B97F4A7C15UL;
        var scratch = Array.Empty<byte>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var body = type == XdsResourceType.RouteConfiguration ? RenderHosts(ref scratch, plan.RouteConfigs[i], ref sizer) : 0;
                var resource = new ResourceEncoder(plan, resolved, type, i, asAny: true, null, body > 0 ? scratch : null, body);
                total += ProtoEncoding.Write(output, resource, ref sizer, out var written);
                version = System.Numerics.BitOperations.RotateLeft(version ^ XxHash64.HashToUInt64(written), 27) * 0x9E3779B97F4A7C15UL;
            }
            total += ProtoEncoding.Write(output, new ResponseTail(type, nonce, version), ref sizer, out _);
            return total;
        }
        finally
        {
            sizer.Dispose();
            if (scratch.Length > 0) ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Renders a route configuration's virtual hosts, each measured then written while its data is in cache, into
    /// <paramref name="scratch"/> (rented from the pool, grown as needed; the caller returns it). Returns the byte count.
    /// </summary>
    private static int RenderHosts(ref byte[] scratch, RouteConfigPlan config, ref ProtoSizer sizer)
    {
        var length = 0;
        foreach (var host in config.VirtualHosts)
        {
            var encoder = new VirtualHostEncoder(host);
            sizer.Reset();
            encoder.Encode(ref sizer);
            var size = sizer.Size;
            if (length + size > scratch.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(length + size, Math.Max(4096, scratch.Length * 2)));
                scratch.AsSpan(0, length).CopyTo(bigger);
                if (scratch.Length > 0) ArrayPool<byte>.Shared.Return(scratch);
                scratch = bigger;
            }
            var writer = new ProtoWriter(scratch.AsSpan(length, size), sizer.Lengths.AsSpan(0, sizer.Count));
            encoder.Encode(ref writer);
            if (writer.Written != size) throw new InvalidOperationException($"Encoder wrote {writer.Written} bytes after measuring {size}.");
            length += size;
        }
        return length;
    }

    /// <summary>The fields of a DiscoveryResponse after its resources: type_url, nonce, version_info.</summary>
    private readonly struct ResponseTail(XdsResourceType type, string? nonce, ulong version) : IMessageEncoder
    {
        public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
        {
            s.Utf8(DiscoveryResponseFields.TypeUrl, TypeUrlBytes.Of(type));
            s.String(DiscoveryResponseFields.Nonce, nonce);
            s.Hex(DiscoveryResponseFields.VersionInfo, version);
        }
    }
}
