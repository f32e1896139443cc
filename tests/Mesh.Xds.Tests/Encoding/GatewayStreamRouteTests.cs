using System.Text.Json;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>A gateway proxy's TLS and TCP routes: SNI filter chains and tcp_proxy to their backends' clusters, decoded with the oracle.</summary>
public sealed class GatewayStreamRouteTests
{
    private static readonly XdsProxy Ingress = XdsProxy.Gateway("ingress-1", "edge", "public");
    private static readonly ServiceRef Db = new("db", "data");
    private const string DbCluster = "outbound|5432||db.data.svc.cluster.local";

    /// <summary>
    /// The gateway of <see cref="GatewayTests.WithGateway"/> with a wildcard passthrough listener (8444), a terminating TLS
    /// listener (8445), service data/db, a TLS route bound to listener db, one bound to the whole gateway with a split, one
    /// to the terminating listener, and a TCP route bound to listener raw.
    /// </summary>
    internal static MeshConfig WithStreamRoutes()
    {
        var config = GatewayTests.WithGateway();
        var gateway = config.Gateways[0];
        return config with
        {
            Services = [.. config.Services, new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] }],
            Gateways =
            [
                gateway with
                {
                    Listeners =
                    [
                        .. gateway.Listeners,
                        new GatewayListener { Name = "wild", Port = 8444, Protocol = ListenerProtocol.Tls, Hosts = ["*.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } },
                        new GatewayListener { Name = "term", Port = 8445, Protocol = ListenerProtocol.Tls, Hosts = ["term.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Terminate, CredentialName = "term-cert" } },
                    ],
                },
            ],
            GatewayTlsRoutes =
            [
                new GatewayTlsRoute { Name = "db", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "db" }], Hostnames = ["db.example.com"], Backends = [new WeightedBackend { Service = Db }] },
                new GatewayTlsRoute
                {
                    Name = "split", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Hostnames = ["a.example.com"],
                    Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 60 }, new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 40 }],
                },
                new GatewayTlsRoute { Name = "term", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "term" }], Hostnames = ["term.example.com"], Backends = [new WeightedBackend { Service = Ratings }] },
            ],
            GatewayTcpRoutes = [new GatewayTcpRoute { Name = "raw", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "raw" }], Backends = [new WeightedBackend { Service = Db, Port = 5432 }] }],
        };
    }

    private static EndpointSnapshot Endpoints() => SampleEndpoints() with
    {
        Services = [.. SampleEndpoints().Services, new ServiceEndpoints { Service = Db, Port = 5432, Addresses = [new EndpointAddress { Address = "10.0.5.1" }] }],
    };

    private static XdsBuildResult BuildResult(MeshConfig? config = null) => new XdsEncoder().Build(config ?? WithStreamRoutes(), Endpoints(), Ingress);

    private static Listener Listener(XdsSnapshot snapshot, int port) => Single<Listener>(snapshot, XdsResourceType.Listener, $"0.0.0.0_{port}");

    private static TcpProxy Proxy(FilterChain chain)
    {
        var filter = Assert.Single(chain.Filters);
        Assert.Equal("envoy.filters.network.tcp_proxy", filter.Name);
        return filter.TypedConfig.Unpack<TcpProxy>();
    }

    [Fact]
    public void ListenerBoundTlsRoute_IsAChainByItsSni_ToItsCluster_WithEds_AndTakesTheListenersName()
    {
        var result = BuildResult();
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var snapshot = result.Snapshot!;
        var listener = Listener(snapshot, 443);
        // The route takes every name of listener db, so the listener's own black-hole chain has nothing left to match.
        Assert.Equal(["https.443.shop", "https.443.admin", "tls.443.db.edge.db"], listener.FilterChains.Select(c => c.Name));
        Assert.Equal("envoy.filters.listener.tls_inspector", Assert.Single(listener.ListenerFilters).Name);
        var chain = listener.FilterChains.Single(c => c.Name == "tls.443.db.edge.db");
        Assert.Equal(["db.example.com"], chain.FilterChainMatch.ServerNames);
        Assert.Null(chain.TransportSocket);
        var proxy = Proxy(chain);
        Assert.Equal(DbCluster, proxy.Cluster);
        Assert.Equal(DbCluster, proxy.StatPrefix);
        Assert.Null(proxy.WeightedClusters);
        var cluster = Single<Cluster>(snapshot, XdsResourceType.Cluster, DbCluster);
        Assert.Equal(Cluster.Types.DiscoveryType.Eds, cluster.Type);
        var assignment = Single<ClusterLoadAssignment>(snapshot, XdsResourceType.ClusterLoadAssignment, DbCluster);
        Assert.Equal("10.0.5.1", Assert.Single(Assert.Single(assignment.Endpoints).LbEndpoints).Endpoint.Address.SocketAddress.Address);
    }

    [Fact]
    public void GatewayBoundTlsRoute_WithASplit_IsWeightedClusters_OnTheListenersItsNamesMeet_BeforeTheBlackHole()
    {
        var snapshot = BuildResult().Snapshot!;
        var listener = Listener(snapshot, 8444);
        Assert.Equal(["tls.8444.wild.edge.split", "tls.8444.wild"], listener.FilterChains.Select(c => c.Name));
        var split = listener.FilterChains[0];
        Assert.Equal(["a.example.com"], split.FilterChainMatch.ServerNames);
        var proxy = Proxy(split);
        Assert.Equal(string.Empty, proxy.Cluster);
        Assert.Equal("tls.8444.wild.edge.split", proxy.StatPrefix);
        Assert.Equal(
            [("outbound|9080|v1|reviews.bookinfo.svc.cluster.local", 60u), ("outbound|9080|v2|reviews.bookinfo.svc.cluster.local", 40u)],
            proxy.WeightedClusters.Clusters.Select(c => (c.Name, c.Weight)));
        foreach (var c in proxy.WeightedClusters.Clusters)
        {
            Assert.Equal(c.Name, Single<Cluster>(snapshot, XdsResourceType.Cluster, c.Name).Name);
            Assert.Equal(c.Name, Single<ClusterLoadAssignment>(snapshot, XdsResourceType.ClusterLoadAssignment, c.Name).ClusterName);
        }
        // Every other name of the listener: its own chain, which closes the connection.
        var own = listener.FilterChains[1];
        Assert.Equal(["*.example.com"], own.FilterChainMatch.ServerNames);
        Assert.Equal("BlackHoleCluster", Proxy(own).Cluster);
        // The route's name is not served by listener db (port 443): no chain there.
        Assert.DoesNotContain(Listener(snapshot, 443).FilterChains, c => c.Name.EndsWith(".split", StringComparison.Ordinal));
    }

    [Fact]
    public void TlsRoute_OnATerminatingListener_ProxiesTheDecryptedStream_BehindItsDownstreamTls()
    {
        var listener = Listener(BuildResult().Snapshot!, 8445);
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal("tls.8445.term.edge.term", chain.Name);
        Assert.Equal(["term.example.com"], chain.FilterChainMatch.ServerNames);
        var tls = chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
        Assert.Equal("term-cert", Assert.Single(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs).Name);
        Assert.Empty(tls.CommonTlsContext.AlpnProtocols);
        Assert.Equal("outbound|9080||ratings.bookinfo.svc.cluster.local", Proxy(chain).Cluster);
    }

    [Fact]
    public void TcpRoute_IsTheTcpListenersTcpProxy_ToItsCluster()
    {
        var snapshot = BuildResult().Snapshot!;
        var listener = Listener(snapshot, 9000);
        Assert.Empty(listener.ListenerFilters);
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal("tcp.9000", chain.Name);
        Assert.Null(chain.FilterChainMatch);
        Assert.Equal(DbCluster, Proxy(chain).Cluster);
        // No chain of the gateway closes connections any more but the wildcard listener's own one.
        Assert.Contains(snapshot.Clusters, c => c.Name == "BlackHoleCluster");
    }

    [Fact]
    public void Gateway_WithEveryTlsAndTcpListenerRouted_HasNoBlackHole()
    {
        var config = WithStreamRoutes();
        config = config with { Gateways = [config.Gateways[0] with { Listeners = [.. config.Gateways[0].Listeners.Where(l => l.Name != "wild")] }] };
        var result = BuildResult(config);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Snapshot!.Clusters, c => c.Name == "BlackHoleCluster");
    }

    [Fact]
    public void TlsRoute_WhoseBackendHasNoPortToPick_IsReportedWithAPath_AndTheListenerKeepsItsBlackHoleChain()
    {
        var config = WithStreamRoutes();
        config = config with
        {
            Services = [.. config.Services.Select(s => s.Reference == Db ? s with { Ports = [.. s.Ports, new ServicePort { Port = 5433, Protocol = Protocol.Tcp }] } : s)],
            GatewayTcpRoutes = [],
        };
        var result = BuildResult(config);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.gatewayTlsRoutes[0].backends[0]");
        Assert.Equal(XdsDiagnosticCodes.NotEncoded, warning.Code);
        Assert.Contains("more than one port", warning.Message, StringComparison.Ordinal);
        var chain = Assert.Single(Listener(result.Snapshot!, 443).FilterChains, c => c.Name.StartsWith("tls.", StringComparison.Ordinal));
        Assert.Equal("tls.443.db", chain.Name);
        Assert.Equal("BlackHoleCluster", Proxy(chain).Cluster);
    }

    [Fact]
    public void SecondTcpRoute_OnOneListener_IsAValidationError_AndTheEncoderKeepsTheFirst()
    {
        var config = WithStreamRoutes();
        config = config with
        {
            GatewayTcpRoutes = [.. config.GatewayTcpRoutes, new GatewayTcpRoute { Name = "raw2", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Backends = [new WeightedBackend { Service = Ratings }] }],
        };
        // The model's rule: a TCP listener has one route.
        Assert.Contains(Mesh.Validation.MeshValidator.Validate(config), d => d.IsError && d.Path == "$.spec.gatewayTcpRoutes[1].gateways[0]");
        Assert.True(BuildResult(config).HasErrors);
        // The planner, given such a model all the same, encodes the first route and reports the second.
        var diagnostics = new List<Diagnostic>();
        var plan = Planning.Planner.Plan(config, Ingress, new XdsEncoderOptions(), diagnostics);
        var chain = Assert.Single(plan.Listeners.Single(l => l.Port == 9000).Gateway!.Chains);
        Assert.Equal(DbCluster, Assert.Single(chain.TcpBackends!).Cluster);
        var warning = Assert.Single(diagnostics, d => d.Path == "$.spec.gatewayTcpRoutes[1]");
        Assert.Equal(XdsDiagnosticCodes.NotEncoded, warning.Code);
        Assert.Contains("edge/raw", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsRouteName_AnEarlierChainOfThePortMatches_IsReported_NotMatchedTwice()
    {
        var config = WithStreamRoutes();
        // Route split's a.example.com, and a second route for the same name on listener wild only: the validator allows
        // two routes on different listeners; here both are bound to wild through the gateway, which it rejects, so the
        // planner is asked directly.
        config = config with
        {
            GatewayTlsRoutes = [.. config.GatewayTlsRoutes, new GatewayTlsRoute { Name = "again", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "wild" }], Hostnames = ["a.example.com", "b.example.com"], Backends = [new WeightedBackend { Service = Db }] }],
        };
        var diagnostics = new List<Diagnostic>();
        var plan = Planning.Planner.Plan(config, Ingress, new XdsEncoderOptions(), diagnostics);
        var chains = plan.Listeners.Single(l => l.Port == 8444).Gateway!.Chains;
        Assert.Equal(["tls.8444.wild.edge.split", "tls.8444.wild.edge.again", "tls.8444.wild"], chains.Select(c => c.Name));
        Assert.Equal(["b.example.com"], chains[1].ServerNames);
        var warning = Assert.Single(diagnostics, d => d.Path == "$.spec.gatewayTlsRoutes[3].hostnames");
        Assert.Contains("'a.example.com'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RendersTheTlsRoutesServerNamesAndWeightedClusters_AndTheTcpRoutesCluster()
    {
        var text = BuildResult().Snapshot!.ToJson();
        Assert.DoesNotContain("\"#", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var listeners = json.RootElement.GetProperty("lds").GetProperty("resources").EnumerateArray().ToList();
        var wild = listeners.Single(l => l.GetProperty("name").GetString() == "0.0.0.0_8444").GetProperty("filter_chains")[0];
        Assert.Equal("tls.8444.wild.edge.split", wild.GetProperty("name").GetString());
        Assert.Equal(["a.example.com"], wild.GetProperty("filter_chain_match").GetProperty("server_names").EnumerateArray().Select(e => e.GetString()));
        var proxy = wild.GetProperty("filters")[0].GetProperty("typed_config");
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy", proxy.GetProperty("@type").GetString());
        var weighted = proxy.GetProperty("weighted_clusters").GetProperty("clusters").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("weight").GetInt32())).ToList();
        Assert.Equal([("outbound|9080|v1|reviews.bookinfo.svc.cluster.local", 60), ("outbound|9080|v2|reviews.bookinfo.svc.cluster.local", 40)], weighted);
        var tcp = listeners.Single(l => l.GetProperty("name").GetString() == "0.0.0.0_9000").GetProperty("filter_chains")[0];
        Assert.Equal(DbCluster, tcp.GetProperty("filters")[0].GetProperty("typed_config").GetProperty("cluster").GetString());
        var clusters = json.RootElement.GetProperty("cds").GetProperty("resources").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains(DbCluster, clusters);
    }
}
