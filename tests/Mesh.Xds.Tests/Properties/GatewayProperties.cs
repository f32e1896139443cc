using CsCheck;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Validation;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Properties;

/// <summary>Gateway proxies of the shared generators' models: what every gateway route reaches has a cluster, and every listener that terminates TLS has its context.</summary>
public sealed class GatewayProperties
{
    private static readonly Gen<MeshConfig> WithGateways =
        MeshGenerators.Config.Where(c => !c.Gateways.IsEmpty && !MeshValidator.Validate(c).Any(d => d.IsError));

    [Fact]
    public void EveryGatewayRouteBackend_HasACluster_AndEveryRouteTargetIsInCds()
    {
        WithGateways.Sample(config =>
        {
            foreach (var gateway in config.Gateways)
            {
                var result = new XdsEncoder().Build(config, EndpointSnapshot.Empty, XdsProxy.Gateway("gw-1", gateway.Namespace, gateway.Name));
                Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
                var snapshot = result.Snapshot!;
                var clusters = snapshot.Clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var route in config.GatewayRoutes.Where(r => r.Gateways.Any(g => g.Name == gateway.Name && g.Namespace == gateway.Namespace)))
                {
                    foreach (var rule in route.Rules)
                    {
                        foreach (var backend in rule.Backends)
                        {
                            var service = config.FindService(backend.Service)!;
                            var port = backend.Port ?? Assert.Single(service.Ports).Port;
                            Assert.Contains($"outbound|{port}|{backend.Subset}|{backend.Service.Name}.{backend.Service.Namespace}.svc.cluster.local", clusters);
                        }
                    }
                }
                foreach (var routeConfig in Decode<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration))
                {
                    foreach (var target in routeConfig.VirtualHosts.SelectMany(v => v.Routes).Where(r => r.Route_ is not null).SelectMany(r => Targets(r.Route_)))
                    {
                        Assert.Contains(target, clusters);
                    }
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void EveryListenerPort_HasAListener_AndEveryTerminatingListenerADownstreamTlsContext()
    {
        WithGateways.Sample(config =>
        {
            foreach (var gateway in config.Gateways)
            {
                var result = new XdsEncoder().Build(config, EndpointSnapshot.Empty, XdsProxy.Gateway("gw-1", gateway.Namespace, gateway.Name));
                Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
                var listeners = Decode<Listener>(result.Snapshot!, XdsResourceType.Listener).ToDictionary(l => l.Name, StringComparer.Ordinal);
                Assert.Equal(gateway.Listeners.Select(l => l.Port).Distinct().Count(), listeners.Count);
                foreach (var listener in gateway.Listeners)
                {
                    var envoy = listeners[$"0.0.0.0_{listener.Port}"];
                    var chainName = listener.Protocol switch
                    {
                        ListenerProtocol.Http => $"http.{listener.Port}",
                        ListenerProtocol.Tcp => $"tcp.{listener.Port}",
                        ListenerProtocol.Https => $"https.{listener.Port}.{listener.Name}",
                        _ => $"tls.{listener.Port}.{listener.Name}",
                    };
                    // A TLS listener's chains: one per bound TLS route (<own>.<namespace>.<route>), then its own for the names no route took.
                    var chains = listener.Protocol == ListenerProtocol.Tls
                        ? envoy.FilterChains.Where(c => c.Name == chainName || c.Name.StartsWith(chainName + ".", StringComparison.Ordinal)).ToList()
                        : [Assert.Single(envoy.FilterChains, c => c.Name == chainName)];
                    Assert.NotEmpty(chains);
                    var terminates = listener.Tls is { Mode: not GatewayTlsMode.Passthrough };
                    foreach (var chain in chains)
                    {
                        Assert.Equal(terminates, chain.TransportSocket is not null);
                        if (!terminates) continue;
                        Assert.Equal("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext", chain.TransportSocket!.TypedConfig.TypeUrl);
                        var tls = chain.TransportSocket.TypedConfig.Unpack<Envoy.Extensions.TransportSockets.Tls.V3.DownstreamTlsContext>();
                        Assert.Equal(listener.Tls!.Mode == GatewayTlsMode.Mutual, tls.RequireClientCertificate == true);
                        Assert.True(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs.Count + tls.CommonTlsContext.TlsCertificates.Count == 1);
                    }
                    Assert.Equal(listener.Protocol is ListenerProtocol.Https or ListenerProtocol.Tls, envoy.ListenerFilters.Count == 1);
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void EveryBoundTlsAndTcpRouteBackend_HasAClusterAndLoadAssignment_AndEveryTcpProxyTargetIsInCds()
    {
        var bound = 0;
        var chained = 0;
        WithGateways.Sample(config =>
        {
            foreach (var gateway in config.Gateways)
            {
                var result = new XdsEncoder().Build(config, EndpointSnapshot.Empty, XdsProxy.Gateway("gw-1", gateway.Namespace, gateway.Name));
                Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
                var snapshot = result.Snapshot!;
                var clusters = snapshot.Clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                var assignments = Decode<Envoy.Config.Endpoint.V3.ClusterLoadAssignment>(snapshot, XdsResourceType.ClusterLoadAssignment).Select(a => a.ClusterName).ToHashSet(StringComparer.Ordinal);
                bool Binds(GatewayRef g) => g.Name == gateway.Name && g.Namespace == gateway.Namespace;
                var routes = config.GatewayTlsRoutes.Select((r, i) => (r.Gateways, r.Backends, Path: $"$.spec.gatewayTlsRoutes[{i}]"))
                    .Concat(config.GatewayTcpRoutes.Select((r, i) => (r.Gateways, r.Backends, Path: $"$.spec.gatewayTcpRoutes[{i}]")));
                foreach (var (_, backends, _) in routes.Where(r => r.Gateways.Any(Binds)))
                {
                    bound++;
                    foreach (var backend in backends.Where(b => b.Weight > 0))
                    {
                        if (config.FindService(backend.Service) is not { } service) continue; // an external service: its host's cluster
                        // No port to pick: the route is not encoded (reported with a path wherever it would have a chain).
                        if ((backend.Port ?? (service.Ports.Count == 1 ? service.Ports[0].Port : null)) is not { } port) continue;
                        var cluster = $"outbound|{port}|{backend.Subset}|{backend.Service.Name}.{backend.Service.Namespace}.svc.cluster.local";
                        Assert.Contains(cluster, clusters);
                        Assert.Contains(cluster, assignments);
                    }
                }
                foreach (var listener in Decode<Listener>(snapshot, XdsResourceType.Listener))
                {
                    foreach (var chain in listener.FilterChains.Where(c => c.Filters[0].Name == "envoy.filters.network.tcp_proxy"))
                    {
                        var proxy = chain.Filters[0].TypedConfig.Unpack<Envoy.Extensions.Filters.Network.TcpProxy.V3.TcpProxy>();
                        string[] targets = proxy.WeightedClusters is { } weighted ? [.. weighted.Clusters.Select(c => c.Name)] : [proxy.Cluster];
                        Assert.NotEmpty(targets);
                        foreach (var target in targets) Assert.Contains(target, clusters);
                        if (targets[0] != "BlackHoleCluster") chained++;
                    }
                }
                // A TLS or TCP listener without a route refuses connections, as the meshes' gateways do: nothing of it is lost.
                Assert.DoesNotContain(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path.StartsWith("$.spec.gateways[", StringComparison.Ordinal) && d.Path.Contains("].listeners[", StringComparison.Ordinal));
            }
        }, iter: 200);
        // The generators bind TLS and TCP routes to gateways, and some of them are encoded as chains: the property is not vacuous.
        Assert.True(bound > 0 && chained > 0, $"{bound} bound routes, {chained} routed chains");
    }

    private static IEnumerable<string> Targets(RouteAction action)
    {
        if (!string.IsNullOrEmpty(action.Cluster)) yield return action.Cluster;
        if (action.WeightedClusters is { } weighted)
        {
            foreach (var c in weighted.Clusters) yield return c.Name;
        }
        foreach (var mirror in action.RequestMirrorPolicies) yield return mirror.Cluster;
    }
}
