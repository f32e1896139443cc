using CsCheck;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Validation;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Properties;

/// <summary>
/// A sidecar's TLS and TCP chains on the shared generators' models (which carry TCP routes and external services): every TCP
/// route's split is on a listener of its port, every TLS host of an external service the sidecar sees has its SNI chain, and
/// what is not encoded is reported — computed from the model, not from the plan.
/// </summary>
public sealed class OutboundTcpProperties
{
    private static readonly Gen<MeshConfig> Valid = MeshGenerators.Config.Where(c => !MeshValidator.Validate(c).Any(d => d.IsError));

    private static XdsBuildResult Build(MeshConfig config, XdsProxy proxy)
    {
        var result = new XdsEncoder().Build(config, EndpointSnapshot.Empty, proxy);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static XdsProxy ProxyIn(MeshConfig config) => XdsProxy.Sidecar("sidecar-p", config.Services[0].Namespace);

    private static IEnumerable<(FilterChain Chain, TcpProxy Proxy)> TcpChains(Listener listener) =>
        listener.FilterChains
            .Where(c => c.Filters.Count == 1 && c.Filters[0].Name == "envoy.filters.network.tcp_proxy")
            .Select(c => (c, c.Filters[0].TypedConfig.Unpack<TcpProxy>()));

    private static (string Cluster, uint Weight)[] Targets(TcpProxy proxy) => proxy.ClusterSpecifierCase == TcpProxy.ClusterSpecifierOneofCase.Cluster
        ? [(proxy.Cluster, 1u)]
        : [.. proxy.WeightedClusters.Clusters.Select(c => (c.Name, c.Weight))];

    [Fact]
    public void EveryTcpRoute_IsSplitOnAListenerOfItsPort_WithTheModelsWeights_OrReported()
    {
        var encoded = 0;
        var weighted = 0;
        Valid.Sample(generated =>
        {
            // Without outbound policies every host is covered, so each TCP route applies.
            var config = generated with { Outbound = [] };
            var result = Build(config, ProxyIn(config));
            var snapshot = result.Snapshot!;
            var clusters = snapshot.Clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var listeners = Decode<Listener>(snapshot, XdsResourceType.Listener).ToDictionary(l => l.Name, StringComparer.Ordinal);
            foreach (var listener in listeners.Values)
            {
                foreach (var (_, proxy) in TcpChains(listener)) Assert.All(Targets(proxy), t => Assert.Contains(t.Cluster, clusters));
            }
            for (var r = 0; r < config.TcpRoutes.Count; r++)
            {
                var route = config.TcpRoutes[r];
                var path = $"$.spec.tcpRoutes[{r}]";
                if (result.Diagnostics.Any(d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path.StartsWith(path, StringComparison.Ordinal))) continue;
                var (hosts, ports) = config.FindService(route.Host) is { } service
                    ? ([service.Reference.ToFqdn()], service.Ports)
                    : (config.ExternalServices.Single(e => e.Name == route.Host.Name && e.Namespace == route.Host.Namespace).Hosts.ToArray(), config.ExternalServices.Single(e => e.Name == route.Host.Name && e.Namespace == route.Host.Namespace).Ports);
                foreach (var port in ports.Where(p => p.Protocol is Protocol.Tcp or Protocol.Tls && (route.Port is null || route.Port == p.Port)))
                {
                    Assert.True(listeners.TryGetValue($"0.0.0.0_{port.Port}", out var listener), $"{path}: no listener on port {port.Port}, and nothing reported");
                    // The chains of the route's host: named (and stat-prefixed) after the host's own cluster on the port.
                    var own = TcpChains(listener).Where(c => hosts.Any(h => c.Proxy.StatPrefix == $"outbound|{port.Port}||{h}")).ToList();
                    Assert.True(own.Count > 0, $"{path}: no chain of {route.Host} on port {port.Port}, and nothing reported");
                    foreach (var (_, proxy) in own)
                    {
                        var chainHost = proxy.StatPrefix[$"outbound|{port.Port}||".Length..];
                        var expected = Expected(config, route, port.Port, chainHost);
                        var actual = Targets(proxy);
                        if (expected.Length == 1)
                        {
                            Assert.Equal(expected[0].Cluster, Assert.Single(actual).Cluster);
                        }
                        else
                        {
                            Assert.Equal(expected.OrderBy(e => e.Cluster, StringComparer.Ordinal), actual.OrderBy(e => e.Cluster, StringComparer.Ordinal));
                            Interlocked.Increment(ref weighted);
                        }
                        Interlocked.Increment(ref encoded);
                    }
                }
            }
        }, iter: 300);
        Assert.True(encoded > 20, $"only {encoded} TCP routes encoded on generated models");
        Assert.True(weighted > 5, $"only {weighted} TCP routes with weighted clusters on generated models");
    }

    /// <summary>The clusters and weights of a route's split on a port, from the model: backends of weight 0 left out, one cluster per name with the weights summed.</summary>
    private static (string Cluster, uint Weight)[] Expected(MeshConfig config, TcpRoute route, int port, string chainHost)
    {
        var result = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var backend in route.Backends.Where(b => b.Weight > 0))
        {
            string host;
            int[] ports;
            if (config.FindService(backend.Service) is { } service)
            {
                host = service.Reference.ToFqdn();
                ports = [.. service.Ports.Select(p => p.Port)];
            }
            else
            {
                var external = config.ExternalServices.Single(e => e.Name == backend.Service.Name && e.Namespace == backend.Service.Namespace);
                // A route of the external service's own host keeps the chain's host; else its first host with clusters.
                host = backend.Service == route.Host ? chainHost : external.Hosts.First(h => !(external.Resolution == Resolution.Dns && external.Endpoints.IsEmpty && h.StartsWith('*')));
                ports = [.. external.Ports.Select(p => p.Port)];
            }
            var number = backend.Port ?? (ports.Contains(port) ? port : ports.Single());
            var cluster = $"outbound|{number}|{backend.Subset}|{host}";
            result[cluster] = result.GetValueOrDefault(cluster) + (uint)backend.Weight;
        }
        return [.. result.Select(p => (p.Key, p.Value))];
    }

    [Fact]
    public void EveryTlsHostOfAnExternalServiceTheSidecarSees_HasItsSniChain_OrIsReported()
    {
        var chains = 0;
        Valid.Sample(config =>
        {
            var proxy = ProxyIn(config);
            var result = Build(config, proxy);
            var snapshot = result.Snapshot!;
            var listeners = Decode<Listener>(snapshot, XdsResourceType.Listener).ToDictionary(l => l.Name, StringComparer.Ordinal);
            var policy = config.OutboundFor(proxy.Namespace!);
            for (var e = 0; e < config.ExternalServices.Count; e++)
            {
                var external = config.ExternalServices[e];
                if (policy is { Hosts.IsEmpty: false } && !external.Hosts.Any(h => policy.Covers(external.Namespace, h, proxy.Namespace!))) continue;
                foreach (var port in external.Ports.Where(p => p.Protocol == Protocol.Tls))
                {
                    for (var h = 0; h < external.Hosts.Count; h++)
                    {
                        var host = external.Hosts[h];
                        var own = $"outbound|{port.Port}||{host}";
                        if (!snapshot.Clusters.TryGet(own, out _)) continue; // no cluster: reported where clusters are planned
                        if (result.Diagnostics.Any(d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == $"$.spec.externalServices[{e}].hosts[{h}]")) continue;
                        Assert.True(listeners.TryGetValue($"0.0.0.0_{port.Port}", out var listener), $"no listener for TLS port {port.Port} of {host}");
                        Assert.Contains(listener.ListenerFilters, f => f.Name == "envoy.filters.listener.tls_inspector");
                        var chain = Assert.Single(listener.FilterChains, c => c.FilterChainMatch?.ServerNames.Contains(host) == true);
                        Assert.Equal(own, chain.Name);
                        Interlocked.Increment(ref chains);
                    }
                }
            }
            // What Envoy would reject: two chains of a listener with the same match.
            foreach (var listener in listeners.Values)
            {
                var matches = listener.FilterChains.Select(c => c.FilterChainMatch?.ToString() ?? "").ToList();
                Assert.Equal(matches.Count, matches.Distinct(StringComparer.Ordinal).Count());
            }
        }, iter: 300);
        Assert.True(chains > 10, $"only {chains} SNI chains on generated models");
    }
}
