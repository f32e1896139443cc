using System.Buffers;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Xds.Encoders;
using Mesh.Xds.Planning;

namespace Mesh.Xds;

/// <summary>
/// Turns a <see cref="MeshConfig"/>, the live endpoints and the proxy asking into Envoy v3 xDS resources, as
/// protobuf bytes written directly (sizes first, no intermediate message objects), each resource versioned by a
/// hash of its bytes. Thread-safe; holds only its options.
/// </summary>
public sealed class XdsEncoder
{
    private static readonly XdsResourceType[] Types =
        [XdsResourceType.Listener, XdsResourceType.RouteConfiguration, XdsResourceType.Cluster, XdsResourceType.ClusterLoadAssignment];

    /// <summary>Creates an encoder.</summary>
    /// <param name="options">The options, or null for <see cref="XdsEncoderOptions.Default"/>.</param>
    public XdsEncoder(XdsEncoderOptions? options = null) => Options = options ?? XdsEncoderOptions.Default;

    /// <summary>The encoder's options.</summary>
    public XdsEncoderOptions Options { get; }

    /// <summary>Resolves a model for one proxy, once, for any number of encodes.</summary>
    /// <param name="config">The model.</param>
    /// <param name="proxy">The proxy asking.</param>
    /// <returns>The compiled configuration with its diagnostics.</returns>
    public XdsCompiledConfig Compile(MeshConfig config, XdsProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(proxy);
        var diagnostics = new List<Diagnostic>();
        var plan = Planner.Plan(config, proxy, Options, diagnostics);
        return new XdsCompiledConfig(plan, diagnostics);
    }

    /// <summary>Encodes every resource for one proxy: compile, check the endpoints, encode.</summary>
    /// <param name="config">The model.</param>
    /// <param name="endpoints">The live endpoints.</param>
    /// <param name="proxy">The proxy asking.</param>
    /// <returns>The snapshot (null when there are errors) and the diagnostics.</returns>
    public XdsBuildResult Build(MeshConfig config, EndpointSnapshot endpoints, XdsProxy proxy) => Encode(Compile(config, proxy), endpoints);

    /// <summary>Encodes every resource of a compiled configuration with the given endpoints.</summary>
    /// <param name="compiled">The compiled configuration.</param>
    /// <param name="endpoints">The live endpoints.</param>
    /// <returns>The snapshot (null when there are errors) and the diagnostics.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Instance API: the encoder is the entry point callers hold and register.")]
    public XdsBuildResult Encode(XdsCompiledConfig compiled, EndpointSnapshot endpoints)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(endpoints);
        var diagnostics = new List<Diagnostic>(compiled.Diagnostics);
        CheckEndpoints(compiled.Plan, endpoints, diagnostics);
        if (diagnostics.Any(d => d.IsError)) return new XdsBuildResult(null, diagnostics);
        var plan = compiled.Plan;
        var index = endpoints.Index;
        var sets = new XdsResourceSet[Types.Length];
        for (var i = 0; i < Types.Length; i++) sets[i] = ResourceWriter.Encode(plan, index, Types[i]);
        return new XdsBuildResult(new XdsSnapshot(plan, endpoints, sets[0], sets[1], sets[2], sets[3]), diagnostics);
    }

    /// <summary>
    /// The hot path: writes a state-of-the-world <c>DiscoveryResponse</c> of one type straight from a compiled
    /// configuration into <paramref name="output"/>, each resource measured then encoded in place inside its <c>Any</c>.
    /// Allocates nothing once the endpoints' index is built (on first use of an <see cref="EndpointSnapshot"/>, every
    /// endpoint pre-encoded) and the plan's clusters are resolved against it (on the first load-assignment response
    /// for that plan and snapshot, subset selections included). Its
    /// <c>version_info</c>, a hash of the response's resources, is written after them (field order is free in
    /// protobuf). Errors in <paramref name="compiled"/> are the caller's to check first.
    /// </summary>
    /// <param name="compiled">The compiled configuration.</param>
    /// <param name="endpoints">The live endpoints.</param>
    /// <param name="type">The resource type.</param>
    /// <param name="output">Where the response goes.</param>
    /// <param name="nonce">The response nonce, or null.</param>
    /// <returns>The bytes written.</returns>
    public static int WriteDiscoveryResponse(XdsCompiledConfig compiled, EndpointSnapshot endpoints, XdsResourceType type, IBufferWriter<byte> output, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(output);
        return ResourceWriter.WriteDiscoveryResponse(output, compiled.Plan, endpoints.Index, type, nonce);
    }

    /// <summary>
    /// Derives the next snapshot from <paramref name="previous"/>, re-encoding only what <paramref name="change"/>
    /// touches, and reports which resources changed and which were removed.
    /// </summary>
    /// <param name="previous">The previous snapshot.</param>
    /// <param name="config">The model now (for <see cref="XdsChangeKind.Endpoints"/> it must be the previous one's).</param>
    /// <param name="endpoints">The endpoints now.</param>
    /// <param name="change">What changed.</param>
    /// <returns>The new snapshot, the changed and removed resources, and diagnostics.</returns>
    public XdsUpdateResult Update(XdsSnapshot previous, MeshConfig config, EndpointSnapshot endpoints, XdsChange change)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            XdsChangeKind.Endpoints => UpdateEndpoints(previous, endpoints, change.Service),
            XdsChangeKind.Routes => UpdateRoutes(previous, config, endpoints, change.Service),
            _ => UpdateAll(previous, config, endpoints),
        };
    }

    private static XdsUpdateResult UpdateEndpoints(XdsSnapshot previous, EndpointSnapshot endpoints, ServiceRef service)
    {
        var plan = previous.Plan;
        var diagnostics = new List<Diagnostic>();
        CheckEndpoints(plan, endpoints, diagnostics, service);
        if (diagnostics.Any(d => d.IsError)) return new XdsUpdateResult(null, [], [], diagnostics);
        var changed = new List<XdsResourceChange>();
        var loadAssignments = previous.LoadAssignments;
        if (plan.ClustersByService.TryGetValue(service, out var clusters))
        {
            var replacements = new List<(int, XdsResource)>(clusters.Length);
            EndpointList? scanned = null;
            var scannedPort = -1;
            foreach (var index in clusters)
            {
                var cluster = plan.Clusters[index];
                if (cluster.Port != scannedPort)
                {
                    scanned = ResourceWriter.ScanEndpoints(endpoints, service, cluster.Port);
                    scannedPort = cluster.Port;
                }
                var resource = ResourceWriter.EncodeOne(plan, XdsResourceType.ClusterLoadAssignment, index, scanned!);
                if (resource.Version == loadAssignments[index].Version) continue;
                replacements.Add((index, resource));
                changed.Add(new XdsResourceChange(XdsResourceType.ClusterLoadAssignment, resource.Name));
            }
            if (replacements.Count > 0) loadAssignments = loadAssignments.With(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(replacements));
        }
        var snapshot = new XdsSnapshot(plan, endpoints, previous.Listeners, previous.RouteConfigurations, previous.Clusters, loadAssignments);
        return new XdsUpdateResult(snapshot, changed, [], diagnostics);
    }

    private XdsUpdateResult UpdateRoutes(XdsSnapshot previous, MeshConfig config, EndpointSnapshot endpoints, ServiceRef host)
    {
        var compiled = Compile(config, previous.Proxy);
        var plan = compiled.Plan;
        var old = previous.Plan;
        var diagnostics = new List<Diagnostic>(compiled.Diagnostics);
        if (diagnostics.Any(d => d.IsError)) return new XdsUpdateResult(null, [], [], diagnostics);
        // A route change leaves clusters alone; when the resource names are unchanged, only the route
        // configurations holding the host's virtual hosts, and their listeners, need encoding.
        if (!SameNames(plan, old))
        {
            return UpdateAll(previous, config, endpoints);
        }
        var touched = new HashSet<int>();
        if (plan.RouteConfigsByHost.TryGetValue(host, out var now)) touched.UnionWith(now);
        if (old.RouteConfigsByHost.TryGetValue(host, out var before)) touched.UnionWith(before);
        var changed = new List<XdsResourceChange>();
        var routes = Replace(previous.RouteConfigurations, plan, XdsResourceType.RouteConfiguration, touched, changed);
        var listenerIndexes = new HashSet<int>();
        for (var i = 0; i < plan.Listeners.Length; i++)
        {
            foreach (var r in touched)
            {
                if (string.Equals(plan.Listeners[i].RouteConfigName, plan.RouteConfigs[r].Name, StringComparison.Ordinal)) listenerIndexes.Add(i);
            }
        }
        var listeners = Replace(previous.Listeners, plan, XdsResourceType.Listener, listenerIndexes, changed);
        var snapshot = new XdsSnapshot(plan, endpoints, listeners, routes, previous.Clusters, previous.LoadAssignments);
        return new XdsUpdateResult(snapshot, changed, [], diagnostics);
    }

    private static XdsResourceSet Replace(XdsResourceSet set, XdsPlan plan, XdsResourceType type, HashSet<int> indexes, List<XdsResourceChange> changed)
    {
        var replacements = new List<(int, XdsResource)>();
        foreach (var index in indexes.Order())
        {
            var resource = ResourceWriter.EncodeOne(plan, type, index, EndpointList.Empty);
            if (resource.Version == set[index].Version) continue;
            replacements.Add((index, resource));
            changed.Add(new XdsResourceChange(type, resource.Name));
        }
        return replacements.Count == 0 ? set : set.With(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(replacements));
    }

    private static bool SameNames(XdsPlan a, XdsPlan b) =>
        a.Listeners.Select(l => l.Name).SequenceEqual(b.Listeners.Select(l => l.Name), StringComparer.Ordinal)
        && a.RouteConfigs.Select(r => r.Name).SequenceEqual(b.RouteConfigs.Select(r => r.Name), StringComparer.Ordinal)
        && a.Clusters.Select(c => c.Name).SequenceEqual(b.Clusters.Select(c => c.Name), StringComparer.Ordinal)
        && a.InboundClusters.Select(c => c.Name).SequenceEqual(b.InboundClusters.Select(c => c.Name), StringComparer.Ordinal);

    private XdsUpdateResult UpdateAll(XdsSnapshot previous, MeshConfig config, EndpointSnapshot endpoints)
    {
        var result = Build(config, endpoints, previous.Proxy);
        if (result.Snapshot is not { } next) return new XdsUpdateResult(null, [], [], result.Diagnostics);
        var changed = new List<XdsResourceChange>();
        var removed = new List<XdsResourceChange>();
        foreach (var type in Types)
        {
            var before = previous[type];
            var after = next[type];
            foreach (var resource in after)
            {
                if (!before.TryGet(resource.Name, out var old) || old.Version != resource.Version) changed.Add(new XdsResourceChange(type, resource.Name));
            }
            foreach (var resource in before)
            {
                if (after.IndexOf(resource.Name) < 0) removed.Add(new XdsResourceChange(type, resource.Name));
            }
        }
        return new XdsUpdateResult(next, changed, removed, result.Diagnostics);
    }

    private static void CheckEndpoints(XdsPlan plan, EndpointSnapshot endpoints, List<Diagnostic> diagnostics, ServiceRef? only = null)
    {
        var seen = new HashSet<(ServiceRef, int)>();
        for (var i = 0; i < endpoints.Services.Count; i++)
        {
            var entry = endpoints.Services[i];
            if (only is { } service && entry.Service != service) continue;
            var location = endpoints.Locations is { } locations && i < locations.Count ? locations[i] : null;
            if (!plan.ClustersByService.TryGetValue(entry.Service, out var clusters))
            {
                diagnostics.Add(Diagnostic.Warning(XdsDiagnosticCodes.UnknownService, $"$.endpoints[{i}].service", $"{entry.Service} is not a service of the model; its endpoints are ignored.") with { Location = location, Provider = "xds" });
                continue;
            }
            if (entry.Port is < 1 or > 65535)
            {
                diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.PortOutOfRange, $"$.endpoints[{i}].port", $"Port {entry.Port} is outside 1-65535.") with { Location = location, Provider = "xds" });
                continue;
            }
            if (!clusters.Any(c => plan.Clusters[c].Port == entry.Port))
            {
                diagnostics.Add(Diagnostic.Warning(XdsDiagnosticCodes.UnknownService, $"$.endpoints[{i}].port", $"{entry.Service} has no port {entry.Port}; these endpoints are ignored.") with { Location = location, Provider = "xds" });
                continue;
            }
            if (!seen.Add((entry.Service, entry.Port)))
            {
                diagnostics.Add(Diagnostic.Warning(XdsDiagnosticCodes.DuplicateEndpoint, $"$.endpoints[{i}]", $"{entry.Service} port {entry.Port} is listed more than once; the address lists are merged.") with { Location = location, Provider = "xds" });
            }
            for (var a = 0; a < entry.Addresses.Count; a++)
            {
                var address = entry.Addresses[a];
                var path = $"$.endpoints[{i}].addresses[{a}]";
                if (!System.Net.IPAddress.TryParse(address.Address, out _))
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidAddress, path + ".address", $"'{address.Address}' is not an IP literal.") with { Location = location, Provider = "xds" });
                }
                if (address.Port is < 1 or > 65535)
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.PortOutOfRange, path + ".port", $"Port {address.Port} is outside 1-65535.") with { Location = location, Provider = "xds" });
                }
                if (address.Weight < 1)
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidValue, path + ".weight", $"Weight {address.Weight} is below 1.") with { Location = location, Provider = "xds" });
                }
                if (!Enum.IsDefined(address.Health))
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidValue, path + ".health", $"Health {(int)address.Health} is not a defined value.") with { Location = location, Provider = "xds" });
                }
            }
        }
    }
}
