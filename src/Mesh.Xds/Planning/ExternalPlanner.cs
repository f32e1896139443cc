using Mesh.Model;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans a sidecar's clusters for the external services it sees: one per host and port, and one per subset of it,
/// named like a service's (<c>outbound|443||api.example.com</c>), with the destination policies that target the
/// external service. The resolution picks the discovery type: DNS is STRICT_DNS over the host (or the endpoints'
/// addresses) inline, static is STATIC with the addresses and endpoints inline, none is ORIGINAL_DST. A wildcard host
/// that DNS would have to resolve has no cluster (Envoy cannot resolve <c>*.example.com</c>): it is reported. Proxyless
/// gRPC clients take EDS clusters only, so they get none of these (reported by <see cref="UnencodedFeatures"/>).
/// </summary>
internal static class ExternalPlanner
{
    /// <summary>
    /// The clusters of the external services, taken in (namespace, name) order so that the outcome does not depend on
    /// the model's order: a cluster whose name is already taken (<paramref name="taken"/>: the services' clusters, then
    /// those of external services before it; two external services declaring one host and port) is reported and left out,
    /// as Envoy takes one cluster per name.
    /// </summary>
    public static List<ClusterPlan> Clusters(PlanContext context, HashSet<string> taken)
    {
        var result = new List<ClusterPlan>();
        if (context.Proxyless) return result;
        var config = context.Config;
        foreach (var e in InOrder(config))
        {
            var external = config.ExternalServices[e];
            var reference = PlanContext.Ref(external);
            if (!context.IsVisible(reference)) continue;
            var path = $"$.spec.externalServices[{e}]";
            Report(context, external, path);
            var first = true;
            for (var h = 0; h < external.Hosts.Count; h++)
            {
                var host = external.Hosts[h];
                if (!Resolvable(external, host))
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.hosts[{h}]",
                        $"External service {reference}: '{host}' has no cluster: DNS resolution needs a host name to resolve, and Envoy cannot resolve a wildcard (a STRICT_DNS cluster for it would be rejected). Give it endpoints, or resolution none to forward calls to the address the caller resolved.");
                    continue;
                }
                foreach (var port in external.Ports)
                {
                    if (taken.Contains(ResourceNames.OutboundCluster(host, port.Port, null)))
                    {
                        context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.hosts[{h}]",
                            $"External service {reference}: '{host}' on port {port.Port} has no cluster of its own: another service or external service already has the cluster {ResourceNames.OutboundCluster(host, port.Port, null)} (Envoy takes one cluster per name).");
                        continue;
                    }
                    var target = new ClusterPlanner.ClusterTarget(reference, host, path, first, null);
                    first = false;
                    var whole = WithEndpoints(ClusterPlanner.Cluster(context, target, port, null), external, host, port, null);
                    result.Add(whole);
                    taken.Add(whole.Name);
                    foreach (var subset in external.Subsets)
                    {
                        var cluster = WithEndpoints(ClusterPlanner.Cluster(context, target with { First = false }, port, subset), external, host, port, subset);
                        if (taken.Add(cluster.Name)) result.Add(cluster);
                    }
                }
            }
        }
        return result;
    }

    /// <summary>The indexes of the model's external services in (namespace, name) order.</summary>
    public static IEnumerable<int> InOrder(MeshConfig config) =>
        Enumerable.Range(0, config.ExternalServices.Count)
            .OrderBy(i => config.ExternalServices[i].Namespace, StringComparer.Ordinal)
            .ThenBy(i => config.ExternalServices[i].Name, StringComparer.Ordinal);

    /// <summary>Whether a host of an external service gets clusters: not a wildcard that DNS would have to resolve.</summary>
    public static bool Resolvable(ExternalService external, string host) =>
        !(external.Resolution == Resolution.Dns && external.Endpoints.IsEmpty && host.StartsWith('*'));

    /// <summary>The first host of an external service that has clusters, or null.</summary>
    public static string? FirstResolvableHost(ExternalService external)
    {
        foreach (var host in external.Hosts)
        {
            if (Resolvable(external, host)) return host;
        }
        return null;
    }

    /// <summary>What of an external service the encoder does not carry, reported once per service.</summary>
    private static void Report(PlanContext context, ExternalService external, string path)
    {
        var reference = PlanContext.Ref(external);
        if (external.Ports.IsEmpty)
        {
            context.Warning(XdsDiagnosticCodes.NotEncoded, path + ".ports", $"External service {reference} has no ports, so it has no clusters or virtual hosts.");
        }
        // TLS and TCP ports get filter chains (OutboundTcpPlanner, which reports those it cannot tell apart); addresses match TCP ports' connections.
        if (external.Resolution != Resolution.Static && !external.Addresses.IsEmpty && !external.Ports.Any(p => p.Protocol == Protocol.Tcp))
        {
            context.Warning(XdsDiagnosticCodes.NotEncoded, path + ".addresses",
                $"External service {reference}: its addresses are not encoded (with {WireNames.Of(external.Resolution)} resolution they are addresses the service answers on, which match connections on its TCP ports only, and it has none; HTTP calls are matched by host name, TLS connections by SNI).");
        }
        for (var a = 0; a < external.Addresses.Count; a++)
        {
            if (external.Resolution == Resolution.Static && !System.Net.IPAddress.TryParse(external.Addresses[a], out _))
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.addresses[{a}]",
                    $"External service {reference}: the CIDR block '{external.Addresses[a]}' is not an endpoint of its STATIC clusters (only IP addresses are).");
            }
        }
        for (var n = 0; n < external.Endpoints.Count; n++)
        {
            if (external.Endpoints[n].ServiceAccount is not { } account) continue;
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.endpoints[{n}].serviceAccount",
                $"External service {reference}: endpoint {external.Endpoints[n].Address} is enrolled in the mesh as {external.Namespace}/{account}, but its identity is not encoded: its clusters call it as a destination policy's client TLS says (mode mesh for the mesh's mTLS), and nothing checks that it presents that service account.");
        }
        if (external.Resolution == Resolution.None)
        {
            for (var d = 0; d < context.Config.DestinationPolicies.Count; d++)
            {
                var policy = context.Config.DestinationPolicies[d];
                if (policy.Target.Service != reference || policy.LoadBalancer is null) continue;
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.destinationPolicies[{d}].loadBalancer",
                    $"The load balancer for the external service {reference} is not encoded: with resolution none its clusters are ORIGINAL_DST, which send each call to the address the caller resolved (CLUSTER_PROVIDED).");
            }
        }
        for (var s = 0; s < external.Subsets.Count; s++)
        {
            var subset = external.Subsets[s];
            var selects = external.Endpoints.Any(x => Selects(subset, x));
            if (!selects)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.subsets[{s}]", external.Resolution == Resolution.None
                    ? $"External service {reference}: subset '{subset.Name}' selects no endpoint (resolution none has none); its cluster forwards calls to the address the caller resolved, like the whole service's."
                    : $"External service {reference}: subset '{subset.Name}' selects no endpoint; its clusters have no endpoints.");
            }
        }
    }

    private static bool Selects(Subset subset, ExternalEndpoint endpoint) =>
        subset.Labels.All(l => endpoint.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));

    /// <summary>The cluster with its discovery type and, for STATIC and STRICT_DNS, its endpoints on <paramref name="port"/>.</summary>
    private static ClusterPlan WithEndpoints(ClusterPlan cluster, ExternalService external, string host, ServicePort port, Subset? subset)
    {
        if (external.Resolution == Resolution.None)
        {
            return cluster with { Discovery = DiscoveryType.OriginalDst, LbPolicy = LbPolicy.ClusterProvided, Locality = null };
        }
        var endpoints = new List<InlineEndpoint>();
        var seen = new HashSet<(string, int)>();
        void Add(string address, int number)
        {
            if (seen.Add((address, number))) endpoints.Add(new InlineEndpoint(address, number));
        }
        if (external.Resolution == Resolution.Static && subset is null)
        {
            foreach (var address in external.Addresses)
            {
                if (System.Net.IPAddress.TryParse(address, out _)) Add(address, port.Port);
            }
        }
        if (external.Resolution == Resolution.Dns && external.Endpoints.IsEmpty && subset is null) Add(host, port.Port);
        foreach (var endpoint in external.Endpoints)
        {
            if (subset is not null && !Selects(subset, endpoint)) continue;
            Add(endpoint.Address, endpoint.Ports.TryGetValue(port.EffectiveName, out var number) ? number : port.Port);
        }
        return cluster with
        {
            Discovery = external.Resolution == Resolution.Dns ? DiscoveryType.StrictDns : DiscoveryType.Static,
            Inline = [.. endpoints],
            Locality = null,
        };
    }
}
