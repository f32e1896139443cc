using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Xds.Encoders;
using Mesh.Xds.Planning;

namespace Mesh.Xds;

/// <summary>
/// Derives the next snapshot from the previous one for <see cref="XdsEncoder.Update"/>, re-encoding only what a
/// change touches: an endpoint change re-encodes the service's load assignments; a route change (when every
/// resource name stays the same) the route configurations holding the host's virtual hosts and their listeners;
/// anything else is a full build compared resource by resource with the previous snapshot.
/// </summary>
internal static class SnapshotUpdater
{
    public static XdsUpdateResult Update(XdsEncoder encoder, XdsSnapshot previous, MeshConfig config, EndpointSnapshot endpoints, XdsChange change) => change.Kind switch
    {
        XdsChangeKind.Endpoints => UpdateEndpoints(previous, endpoints, change.Service),
        XdsChangeKind.Routes => UpdateRoutes(encoder, previous, config, endpoints, change.Service),
        _ => UpdateAll(encoder, previous, config, endpoints),
    };

    private static XdsUpdateResult UpdateEndpoints(XdsSnapshot previous, EndpointSnapshot endpoints, ServiceRef service)
    {
        var plan = previous.Plan;
        var diagnostics = new List<Diagnostic>();
        EndpointChecks.Check(plan, endpoints, diagnostics, service);
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
                    scanned = EndpointIndex.Scan(endpoints, service, cluster.Port);
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

    private static XdsUpdateResult UpdateRoutes(XdsEncoder encoder, XdsSnapshot previous, MeshConfig config, EndpointSnapshot endpoints, ServiceRef host)
    {
        var compiled = encoder.Compile(config, previous.Proxy);
        var plan = compiled.Plan;
        var old = previous.Plan;
        var diagnostics = new List<Diagnostic>(compiled.Diagnostics);
        if (diagnostics.Any(d => d.IsError)) return new XdsUpdateResult(null, [], [], diagnostics);
        // A route change leaves clusters alone; when the resource names are unchanged, only the route
        // configurations holding the host's virtual hosts, and their listeners, need encoding.
        // A gateway proxy's route configurations hold gateway routes, which no host's route change names: encode all.
        if (!SameNames(plan, old) || plan.Proxy.Kind == XdsProxyKind.Gateway)
        {
            return UpdateAll(encoder, previous, config, endpoints);
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
        && a.CdsClusters.Select(c => c.Name).SequenceEqual(b.CdsClusters.Select(c => c.Name), StringComparer.Ordinal);

    private static XdsUpdateResult UpdateAll(XdsEncoder encoder, XdsSnapshot previous, MeshConfig config, EndpointSnapshot endpoints)
    {
        var result = encoder.Build(config, endpoints, previous.Proxy);
        if (result.Snapshot is not { } next) return new XdsUpdateResult(null, [], [], result.Diagnostics);
        var changed = new List<XdsResourceChange>();
        var removed = new List<XdsResourceChange>();
        foreach (var type in XdsSnapshot.ResourceTypes)
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
}
