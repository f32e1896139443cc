using System.Buffers;
using Mesh.Xds.Encoders;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds;

/// <summary>
/// Every resource one proxy needs, encoded: listeners, route configurations, clusters and load assignments.
/// Immutable and thread-safe; <see cref="XdsEncoder.Update"/> derives the next snapshot from it.
/// </summary>
public sealed class XdsSnapshot
{
    /// <summary>The four resource types in the order the snapshot holds and compares them.</summary>
    internal static readonly XdsResourceType[] ResourceTypes =
        [XdsResourceType.Listener, XdsResourceType.RouteConfiguration, XdsResourceType.Cluster, XdsResourceType.ClusterLoadAssignment];

    internal XdsSnapshot(XdsPlan plan, EndpointSnapshot endpoints, XdsResourceSet listeners, XdsResourceSet routes, XdsResourceSet clusters, XdsResourceSet loadAssignments)
    {
        Plan = plan;
        EndpointInput = endpoints;
        Listeners = listeners;
        RouteConfigurations = routes;
        Clusters = clusters;
        LoadAssignments = loadAssignments;
    }

    internal XdsPlan Plan { get; }

    internal EndpointSnapshot EndpointInput { get; }

    /// <summary>The proxy the snapshot is for.</summary>
    public XdsProxy Proxy => Plan.Proxy;

    /// <summary>LDS resources.</summary>
    public XdsResourceSet Listeners { get; }

    /// <summary>RDS resources.</summary>
    public XdsResourceSet RouteConfigurations { get; }

    /// <summary>CDS resources.</summary>
    public XdsResourceSet Clusters { get; }

    /// <summary>EDS resources.</summary>
    public XdsResourceSet LoadAssignments { get; }

    /// <summary>The resources of one type.</summary>
    /// <param name="type">The resource type.</param>
    public XdsResourceSet this[XdsResourceType type] => type switch
    {
        XdsResourceType.Listener => Listeners,
        XdsResourceType.RouteConfiguration => RouteConfigurations,
        XdsResourceType.Cluster => Clusters,
        XdsResourceType.ClusterLoadAssignment => LoadAssignments,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an xDS resource type."),
    };

    /// <summary>Writes a state-of-the-world <c>DiscoveryResponse</c> holding every resource of one type.</summary>
    /// <param name="output">Where the serialized response goes.</param>
    /// <param name="type">The resource type.</param>
    /// <param name="nonce">The response nonce, or null for none.</param>
    /// <returns>The bytes written.</returns>
    public int WriteDiscoveryResponse(IBufferWriter<byte> output, XdsResourceType type, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return ProtoEncoding.Write(output, new DiscoveryResponseEncoder(this[type], nonce));
    }

    /// <summary>A serialized state-of-the-world <c>DiscoveryResponse</c> holding every resource of one type.</summary>
    /// <param name="type">The resource type.</param>
    /// <param name="nonce">The response nonce, or null for none.</param>
    /// <returns>The bytes.</returns>
    public byte[] ToDiscoveryResponse(XdsResourceType type, string? nonce = null)
    {
        using var buffer = new PooledBufferWriter();
        WriteDiscoveryResponse(buffer, type, nonce);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The four serialized discovery responses (LDS, RDS, CDS, EDS).</summary>
    /// <param name="nonce">The nonce of every response, or null for none.</param>
    /// <returns>The responses.</returns>
    public XdsDiscoveryResponses ToDiscoveryResponses(string? nonce = null) => new(
        ToDiscoveryResponse(XdsResourceType.Listener, nonce),
        ToDiscoveryResponse(XdsResourceType.RouteConfiguration, nonce),
        ToDiscoveryResponse(XdsResourceType.Cluster, nonce),
        ToDiscoveryResponse(XdsResourceType.ClusterLoadAssignment, nonce));

    /// <summary>Writes a <c>DeltaDiscoveryResponse</c> with the named resources (each with its version) and removals.</summary>
    /// <param name="output">Where the serialized response goes.</param>
    /// <param name="type">The resource type.</param>
    /// <param name="names">The resources to send; null sends all. Names the snapshot lacks are ignored.</param>
    /// <param name="removed">Names to list in <c>removed_resources</c>, or null.</param>
    /// <param name="nonce">The response nonce, or null for none.</param>
    /// <returns>The bytes written.</returns>
    public int WriteDeltaDiscoveryResponse(IBufferWriter<byte> output, XdsResourceType type, IEnumerable<string>? names = null, IEnumerable<string>? removed = null, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var set = this[type];
        int[] indexes;
        if (names is null)
        {
            indexes = [.. Enumerable.Range(0, set.Count)];
        }
        else
        {
            var list = new List<int>();
            foreach (var name in names)
            {
                var index = set.IndexOf(name);
                if (index >= 0) list.Add(index);
            }
            list.Sort();
            indexes = [.. list.Distinct()];
        }
        string[] removedNames = removed is null ? [] : [.. removed.Order(StringComparer.Ordinal)];
        return ProtoEncoding.Write(output, new DeltaDiscoveryResponseEncoder(set, indexes, removedNames, nonce));
    }

    /// <summary>A readable JSON rendering of the four discovery responses (what <c>mesh xds --format json</c> prints).</summary>
    /// <returns>Indented JSON with one property per resource type.</returns>
    public string ToJson() => XdsJson.Render(this);
}
