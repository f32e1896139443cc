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
                    var chain = Assert.Single(envoy.FilterChains, c => c.Name == chainName);
                    var terminates = listener.Tls is { Mode: not GatewayTlsMode.Passthrough };
                    Assert.Equal(terminates, chain.TransportSocket is not null);
                    if (terminates)
                    {
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
