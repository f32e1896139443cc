using System.Globalization;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Model backends → TrafficSplit backends: Services of the root's namespace (OSM resolves backend names there), a subset by its
/// leaf Service, without a port (a request keeps the port it was sent to); backends naming one Service add up their weights.
/// </summary>
internal static partial class BackendMapping
{
    public static List<TrafficSplitBackend> ToOsm(SplitDraft draft, OsmExportContext ctx) => ToOsm(draft, ctx, out _);

    /// <summary>The backends, and the port of each backend Service whose model port the split keeps (<see cref="OsmAnnotations.BackendPorts"/>).</summary>
    public static List<TrafficSplitBackend> ToOsm(SplitDraft draft, OsmExportContext ctx, out SortedDictionary<string, int> ports)
    {
        ports = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var portless = new HashSet<string>(StringComparer.Ordinal);
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var host = ctx.FindService(draft.Host);
        for (var n = 0; n < draft.Backends.Count; n++)
        {
            var backend = draft.Backends[n];
            var path = $"{draft.BackendsPath}[{n.ToString(CultureInfo.InvariantCulture)}]";
            if (backend.Service.Namespace != draft.Host.Namespace)
            {
                ctx.Unsupported($"{path}.service", ctx.Message("A TrafficSplit's backends are Services of its root's namespace: {0} is not written.", backend.Service.ToString()));
                continue;
            }
            var target = ctx.Leaves.Target(backend.Service, backend.Subset);
            if (backend.Subset is not null && !ctx.Leaves.HasLeaf(backend.Service, backend.Subset))
            {
                ctx.UnsupportedOnce($"{path}.subset", "No leaf Service is written for the subset (ServiceOutput None): the backend names the whole service.");
            }
            else if (backend.Subset is not null && ctx.FindService(backend.Service) is { Ports.IsEmpty: true })
            {
                // A Kubernetes Service needs a port: the leaf of a portless service is not a Service the cluster (or an import) takes.
                ctx.UnsupportedOnce($"{path}.subset", ctx.Message("'{0}' declares no port, so the leaf Service of its subset has none and is not a valid Service: the subset's pods are not selected.", backend.Service.ToString()));
            }
            // Exact when the request can only have come on that port: the TCP route's, or the host's only one.
            if (backend.Port is { } port && draft.Port != port && !(host is { Ports.Count: 1 } && host.Ports[0].Port == port))
            {
                ctx.ApproximatedOnce($"{path}.port", ctx.Message("A TrafficSplit backend has no port: a request keeps the port it was sent to, not port {0}.", port.ToString(CultureInfo.InvariantCulture)));
            }
            // The port is kept when every backend naming the Service names it, exactly.
            var exact = backend.Port is { } kept && (draft.Port == kept || (host is { Ports.Count: 1 } && host.Ports[0].Port == kept));
            if (!exact || (ports.TryGetValue(target.Name, out var other) && other != backend.Port) || (weights.ContainsKey(target.Name) && !ports.ContainsKey(target.Name)))
            {
                portless.Add(target.Name);
                ports.Remove(target.Name);
            }
            else if (!portless.Contains(target.Name))
            {
                ports[target.Name] = backend.Port!.Value;
            }
            if (!weights.ContainsKey(target.Name)) order.Add(target.Name);
            weights[target.Name] = weights.GetValueOrDefault(target.Name) + backend.Weight;
        }
        return [.. order.Select(name => new TrafficSplitBackend { Service = name, Weight = weights[name] })];
    }
}
