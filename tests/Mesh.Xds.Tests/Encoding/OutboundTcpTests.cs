using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>A sidecar's outbound TLS and TCP ports: chains by SNI and destination address, catch-alls, TCP route splits, and what cannot be told apart.</summary>
public sealed class OutboundTcpTests
{
    private static readonly ServiceRef Db = new("db", "data");

    private static ExternalService Tls(string name, params string[] hosts) => new()
    {
        Name = name,
        Namespace = "egress",
        Hosts = hosts,
        Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }],
        Resolution = Resolution.None,
    };

    private static ExternalService Tcp(string name, Resolution resolution, params string[] addresses) => new()
    {
        Name = name,
        Namespace = "egress",
        Hosts = [$"{name}.corp.example"],
        Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }],
        Resolution = resolution,
        Addresses = addresses,
    };

    private static MeshService Database(string name = "db", string ns = "data", int port = 5432) => new()
    {
        Name = name,
        Namespace = ns,
        Ports = [new ServicePort { Port = port, Protocol = Protocol.Tcp }],
        Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } }, new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }],
    };

    private static XdsBuildResult Encode(MeshConfig config, XdsProxy? proxy = null)
    {
        var result = new XdsEncoder().Build(config, SampleEndpoints(), proxy ?? Sidecar);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static TcpProxy Proxy(FilterChain chain)
    {
        var filter = Assert.Single(chain.Filters);
        Assert.Equal("envoy.filters.network.tcp_proxy", filter.Name);
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy", filter.TypedConfig.TypeUrl);
        return filter.TypedConfig.Unpack<TcpProxy>();
    }

    private static string[] NotEncoded(XdsBuildResult result) =>
        [.. result.Diagnostics.Where(d => d.Code == XdsDiagnosticCodes.NotEncoded).Select(d => d.Path).Order(StringComparer.Ordinal)];

    [Fact]
    public void ExternalTlsPort_GetsAChainPerHostBySni_BehindTheTlsInspector_AndAPassthroughCatchAll()
    {
        var result = Encode(Bookinfo() with { ExternalServices = [Tls("google", "*.googleapis.com", "accounts.google.com")] });
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_443");
        Assert.Equal(443u, listener.Address.SocketAddress.PortValue);
        Assert.Equal(Envoy.Config.Core.V3.TrafficDirection.Outbound, listener.TrafficDirection);
        Assert.Equal(["envoy.filters.listener.original_dst", "envoy.filters.listener.tls_inspector"], listener.ListenerFilters.Select(f => f.Name));
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector", listener.ListenerFilters[1].TypedConfig.TypeUrl);
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.listener.original_dst.v3.OriginalDst", listener.ListenerFilters[0].TypedConfig.TypeUrl);
        Assert.True(listener.ContinueOnListenerFiltersTimeout);
        Assert.Equal(3, listener.FilterChains.Count);
        Assert.Equal(["*.googleapis.com"], listener.FilterChains[0].FilterChainMatch.ServerNames);
        Assert.Empty(listener.FilterChains[0].FilterChainMatch.PrefixRanges);
        Assert.Equal("outbound|443||*.googleapis.com", Proxy(listener.FilterChains[0]).Cluster);
        Assert.Equal("outbound|443||*.googleapis.com", Proxy(listener.FilterChains[0]).StatPrefix);
        Assert.Equal(["accounts.google.com"], listener.FilterChains[1].FilterChainMatch.ServerNames);
        Assert.Equal("outbound|443||accounts.google.com", Proxy(listener.FilterChains[1]).Cluster);
        Assert.Null(listener.FilterChains[2].FilterChainMatch);
        Assert.Equal("PassthroughCluster", Proxy(listener.FilterChains[2]).Cluster);
        Assert.Empty(NotEncoded(result));
    }

    [Fact]
    public void RegistryOnly_SendsOtherTlsConnectionsToTheBlackHole_AndHostsOutsideTheScopeGetNoChain()
    {
        var config = Bookinfo() with
        {
            ExternalServices = [Tls("google", "accounts.google.com"), Tls("github", "api.github.com")],
            Outbound = [new OutboundPolicy { Mode = OutboundMode.RegistryOnly, Hosts = ["./*", "*/api.github.com"] }],
        };
        var snapshot = Encode(config).Snapshot!;
        var listener = Single<Listener>(snapshot, XdsResourceType.Listener, "0.0.0.0_443");
        Assert.Equal(2, listener.FilterChains.Count);
        Assert.Equal(["api.github.com"], listener.FilterChains[0].FilterChainMatch.ServerNames);
        Assert.Equal("BlackHoleCluster", Proxy(listener.FilterChains[1]).Cluster);
        Assert.False(snapshot.Clusters.TryGet("outbound|443||accounts.google.com", out _));
    }

    [Fact]
    public void ClientTlsOriginationOnATlsPort_IsNotEncoded_TheAppAlreadySpeaksTls()
    {
        var config = Bookinfo() with
        {
            ExternalServices = [Tls("github", "api.github.com") with { Resolution = Resolution.Dns }],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("github", "egress") }, Tls = new ClientTls { Mode = ClientTlsMode.Simple, Sni = "api.github.com" } }],
        };
        var result = Encode(config);
        Assert.Null(Single<Cluster>(result.Snapshot!, XdsResourceType.Cluster, "outbound|443||api.github.com").TransportSocket);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.externalServices[0]" && d.Message.Contains("already speaks TLS", StringComparison.Ordinal));
    }

    [Fact]
    public void ExternalTcpPort_WithAddresses_IsMatchedByDestinationBlock_HostBitsCleared()
    {
        var pg = Tcp("pg", Resolution.Static, "10.20.0.7", "10.30.1.9/16") with { Endpoints = [new ExternalEndpoint { Address = "192.0.2.5" }] };
        var mysql = Tcp("mysql", Resolution.Dns, "2001:db8::1:2/64");
        var result = Encode(Bookinfo() with { ExternalServices = [pg, mysql] });
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_5432");
        Assert.Equal(["envoy.filters.listener.original_dst"], listener.ListenerFilters.Select(f => f.Name));
        Assert.False(listener.ContinueOnListenerFiltersTimeout);
        // (namespace, name) order: mysql before pg.
        Assert.Equal([("2001:db8::", 64u)], listener.FilterChains[0].FilterChainMatch.PrefixRanges.Select(p => (p.AddressPrefix, p.PrefixLen ?? 0u)));
        Assert.Equal("outbound|5432||mysql.corp.example", Proxy(listener.FilterChains[0]).Cluster);
        Assert.Equal([("10.20.0.7", 32u), ("10.30.0.0", 16u), ("192.0.2.5", 32u)], listener.FilterChains[1].FilterChainMatch.PrefixRanges.Select(p => (p.AddressPrefix, p.PrefixLen ?? 0u)));
        Assert.Empty(listener.FilterChains[1].FilterChainMatch.ServerNames);
        Assert.Equal("outbound|5432||pg.corp.example", Proxy(listener.FilterChains[1]).Cluster);
        Assert.Equal("PassthroughCluster", Proxy(listener.FilterChains[2]).Cluster);
        // DNS resolution's addresses now match connections on its TCP port: not reported.
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.EndsWith(".addresses", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAddressBlockTwoExternalServicesClaim_IsMatchedForTheFirstByName_AndReportedForTheOther()
    {
        var result = Encode(Bookinfo() with { ExternalServices = [Tcp("b", Resolution.Static, "10.0.0.1", "10.0.0.2"), Tcp("a", Resolution.Static, "10.0.0.1")] });
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_5432");
        Assert.Equal(["10.0.0.1"], listener.FilterChains[0].FilterChainMatch.PrefixRanges.Select(p => p.AddressPrefix));
        Assert.Equal(["10.0.0.2"], listener.FilterChains[1].FilterChainMatch.PrefixRanges.Select(p => p.AddressPrefix));
        Assert.Equal(["$.spec.externalServices[0].ports[0]"], NotEncoded(result));
    }

    [Fact]
    public void TcpRoute_SplitsTheHostsConnections_WithWeightedClustersOfItsBackendsSubsets()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, Database()],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db, Subset = "v1", Weight = 90 }, new WeightedBackend { Service = Db, Subset = "v2", Weight = 10 }] }],
        };
        var result = Encode(config);
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_5432");
        var proxy = Proxy(Assert.Single(listener.FilterChains));
        Assert.Equal("outbound|5432||db.data.svc.cluster.local", proxy.StatPrefix);
        Assert.Equal(TcpProxy.ClusterSpecifierOneofCase.WeightedClusters, proxy.ClusterSpecifierCase);
        Assert.Equal([("outbound|5432|v1|db.data.svc.cluster.local", 90u), ("outbound|5432|v2|db.data.svc.cluster.local", 10u)], proxy.WeightedClusters.Clusters.Select(c => (c.Name, c.Weight)));
        foreach (var cluster in proxy.WeightedClusters.Clusters) Assert.True(result.Snapshot!.Clusters.TryGet(cluster.Name, out _));
        Assert.Empty(NotEncoded(result));
    }

    [Fact]
    public void TcpRoute_OnAnExternalTlsHost_SplitsEachSniChain_AndBackendsTakeTheHostPortWhenTheyNameNone()
    {
        var github = Tls("github", "api.github.com") with { Resolution = Resolution.Static, Endpoints = [new ExternalEndpoint { Address = "192.0.2.1", Labels = new Dictionary<string, string> { ["site"] = "a" } }, new ExternalEndpoint { Address = "192.0.2.2", Labels = new Dictionary<string, string> { ["site"] = "b" } }], Subsets = [new Subset { Name = "a", Labels = new Dictionary<string, string> { ["site"] = "a" } }, new Subset { Name = "b", Labels = new Dictionary<string, string> { ["site"] = "b" } }] };
        var reference = new ServiceRef("github", "egress");
        var config = Bookinfo() with
        {
            ExternalServices = [github],
            TcpRoutes = [new TcpRoute { Name = "gh", Namespace = "egress", Host = reference, Port = 443, Backends = [new WeightedBackend { Service = reference, Subset = "a", Weight = 3 }, new WeightedBackend { Service = reference, Subset = "b", Weight = 1 }] }],
        };
        var listener = Single<Listener>(Encode(config).Snapshot!, XdsResourceType.Listener, "0.0.0.0_443");
        Assert.Equal(["api.github.com"], listener.FilterChains[0].FilterChainMatch.ServerNames);
        Assert.Equal([("outbound|443|a|api.github.com", 3u), ("outbound|443|b|api.github.com", 1u)], Proxy(listener.FilterChains[0]).WeightedClusters.Clusters.Select(c => (c.Name, c.Weight)));
    }

    [Fact]
    public void TwoTcpServicesOnOnePort_CannotBeToldApart_AndAreReported_WithTheirRoutes()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, Database(), Database("cache", "data")],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db, Subset = "v1" }] }],
        };
        var result = Encode(config);
        Assert.False(result.Snapshot!.Listeners.TryGet("0.0.0.0_5432", out _));
        Assert.True(result.Snapshot!.Clusters.TryGet("outbound|5432||db.data.svc.cluster.local", out _));
        Assert.Equal(["$.spec.services[3].ports[0]", "$.spec.services[4].ports[0]", "$.spec.tcpRoutes[0]"], NotEncoded(result));
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.services[3].ports[0]" && d.Message.Contains("cache.data port 5432 (tcp)", StringComparison.Ordinal));
    }

    [Fact]
    public void ATcpServiceOnAnHttpPort_CannotBeToldApartFromHttp_ButAddressedAndSniChainsJoinTheHttpListener()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, Database(port: 9080)],
            ExternalServices = [Tcp("pg", Resolution.Static, "10.20.0.7") with { Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Tcp }] }],
        };
        var result = Encode(config);
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_9080");
        Assert.Equal(2, listener.FilterChains.Count);
        Assert.Equal("outbound|9080||pg.corp.example", Proxy(listener.FilterChains[0]).Cluster);
        Assert.Equal("9080", listener.FilterChains[1].Filters[0].TypedConfig.Unpack<HttpConnectionManager>().Rds.RouteConfigName);
        Assert.Null(listener.FilterChains[1].FilterChainMatch);
        Assert.Equal(["envoy.filters.listener.original_dst"], listener.ListenerFilters.Select(f => f.Name));
        Assert.Equal(["$.spec.services[3].ports[0]"], NotEncoded(result));
    }

    [Fact]
    public void TcpRouteBackendWithoutAPortToPick_IsReported_AndTheHostKeepsItsOwnCluster()
    {
        var multi = new MeshService { Name = "multi", Namespace = "data", Ports = [new ServicePort { Port = 7000, Protocol = Protocol.Tcp }, new ServicePort { Port = 7001, Protocol = Protocol.Tcp }] };
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, Database(), multi],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db, Weight = 1 }, new WeightedBackend { Service = multi.Reference, Weight = 1 }] }],
        };
        var result = Encode(config);
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_5432");
        Assert.Equal("outbound|5432||db.data.svc.cluster.local", Proxy(Assert.Single(listener.FilterChains)).Cluster);
        Assert.Contains("$.spec.tcpRoutes[0].backends[1]", NotEncoded(result));
    }

    [Fact]
    public void TcpRouteOnAnHttpPort_IsReported()
    {
        var config = Bookinfo() with { TcpRoutes = [new TcpRoute { Name = "r", Namespace = "bookinfo", Host = Ratings, Port = 9080, Backends = [new WeightedBackend { Service = Ratings }] }] };
        var result = Encode(config);
        Assert.Equal(["$.spec.tcpRoutes[0]"], NotEncoded(result));
        Assert.Contains("HTTP port", result.Diagnostics.Single(d => d.Path == "$.spec.tcpRoutes[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProxylessClients_TakeNoTcpListeners_AndTheirTcpRoutesAreReported()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, Database()],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db, Subset = "v1" }] }],
        };
        var result = Encode(config, Proxyless);
        Assert.DoesNotContain(result.Snapshot!.Listeners, l => l.Name.Contains("5432", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.tcpRoutes[0]" && d.Message.Contains("proxyless", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendering_ShowsPrefixRangesServerNamesAndWeightedClusters()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, Database()],
            ExternalServices = [Tls("github", "api.github.com"), Tcp("pg", Resolution.Static, "10.20.0.0/24") with { Ports = [new ServicePort { Port = 6432, Protocol = Protocol.Tcp }] }],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db, Subset = "v1", Weight = 90 }, new WeightedBackend { Service = Db, Subset = "v2", Weight = 10 }] }],
        };
        var json = System.Text.Json.Nodes.JsonNode.Parse(Encode(config).Snapshot!.ToJson())!;
        var listeners = json["lds"]!["resources"]!.AsArray();
        System.Text.Json.Nodes.JsonNode Listener(string name) => listeners.Single(l => (string?)l!["name"] == name)!;
        Assert.Equal("api.github.com", (string?)Listener("0.0.0.0_443")["filter_chains"]![0]!["filter_chain_match"]!["server_names"]![0]);
        Assert.Equal("envoy.filters.listener.tls_inspector", (string?)Listener("0.0.0.0_443")["listener_filters"]![1]!["name"]);
        var range = Listener("0.0.0.0_6432")["filter_chains"]![0]!["filter_chain_match"]!["prefix_ranges"]![0]!;
        Assert.Equal("10.20.0.0", (string?)range["address_prefix"]);
        Assert.Equal(24, (int)range["prefix_len"]!);
        var weighted = Listener("0.0.0.0_5432")["filter_chains"]![0]!["filters"]![0]!["typed_config"]!["weighted_clusters"]!["clusters"]!.AsArray();
        Assert.Equal([("outbound|5432|v1|db.data.svc.cluster.local", 90), ("outbound|5432|v2|db.data.svc.cluster.local", 10)], weighted.Select(c => ((string)c!["name"]!, (int)c["weight"]!)));
    }

    [Fact]
    public void DirectResponses_WithLayer4Chains_AllocateNothingOnceCached()
    {
        var types = Enum.GetValues<XdsResourceType>();
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, Database()],
            ExternalServices = [Tls("github", "api.github.com", "*.githubusercontent.com"), Tcp("pg", Resolution.Static, "10.20.0.0/24", "10.21.0.9") with { Ports = [new ServicePort { Port = 6432, Protocol = Protocol.Tcp }] }],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db, Subset = "v1", Weight = 90 }, new WeightedBackend { Service = Db, Subset = "v2", Weight = 10 }] }],
        };
        var compiled = new XdsEncoder().Compile(config, Sidecar);
        Assert.False(compiled.HasErrors);
        Assert.Equal(5, compiled.CountOf(XdsResourceType.Listener));
        var endpoints = SampleEndpoints();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        void EncodeAll()
        {
            buffer.ResetWrittenCount();
            foreach (var type in types) XdsEncoder.WriteDiscoveryResponse(compiled, endpoints, type, buffer, "n");
        }
        EncodeAll();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 3; i++) EncodeAll();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AccessLogging_IsOnEveryTcpProxy_AsOnTheConnectionManagers()
    {
        var config = Bookinfo() with
        {
            ExternalServices = [Tls("github", "api.github.com")],
            Telemetry = [new TelemetryPolicy { AccessLogging = true }],
        };
        var listener = Single<Listener>(Encode(config).Snapshot!, XdsResourceType.Listener, "0.0.0.0_443");
        Assert.Equal(2, listener.FilterChains.Count);
        foreach (var chain in listener.FilterChains)
        {
            var log = Assert.Single(Proxy(chain).AccessLog);
            Assert.Equal("envoy.access_loggers.file", log.Name);
            Assert.Equal("/dev/stdout", log.TypedConfig.Unpack<Envoy.Extensions.AccessLoggers.File.V3.FileAccessLog>().Path);
        }
        var without = Single<Listener>(Encode(config with { Telemetry = [] }).Snapshot!, XdsResourceType.Listener, "0.0.0.0_443");
        Assert.All(without.FilterChains, c => Assert.Empty(Proxy(c).AccessLog));
    }
}
