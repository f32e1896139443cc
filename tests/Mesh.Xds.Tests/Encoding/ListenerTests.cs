using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

public sealed class ListenerTests
{
    [Fact]
    public void Sidecar_GetsAnOutboundListenerPerHttpPort_WithHcmOverRds()
    {
        var listeners = Decode<Listener>(Build(), XdsResourceType.Listener);
        Assert.Equal(["0.0.0.0_50051", "0.0.0.0_9080"], listeners.Select(l => l.Name));
        var listener = listeners[1];
        Assert.Equal("0.0.0.0", listener.Address.SocketAddress.Address);
        Assert.Equal(9080u, listener.Address.SocketAddress.PortValue);
        Assert.Equal(TrafficDirection.Outbound, listener.TrafficDirection);
        var filter = Assert.Single(Assert.Single(listener.FilterChains).Filters);
        Assert.Equal("envoy.filters.network.http_connection_manager", filter.Name);
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager", filter.TypedConfig.TypeUrl);
        var hcm = filter.TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal("outbound_0.0.0.0_9080", hcm.StatPrefix);
        Assert.Equal("9080", hcm.Rds.RouteConfigName);
        Assert.NotNull(hcm.Rds.ConfigSource.Ads);
    }

    [Fact]
    public void FaultOnAnyRoute_AddsTheFaultFilterBeforeTheRouter_WhichIsLast()
    {
        var listeners = Decode<Listener>(Build(), XdsResourceType.Listener);
        var withFault = listeners[1].FilterChains[0].Filters[0].TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal(["envoy.filters.http.fault", "envoy.filters.http.router"], withFault.HttpFilters.Select(f => f.Name));
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault", withFault.HttpFilters[0].TypedConfig.TypeUrl);
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.router.v3.Router", withFault.HttpFilters[1].TypedConfig.TypeUrl);
        var without = listeners[0].FilterChains[0].Filters[0].TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal(["envoy.filters.http.router"], without.HttpFilters.Select(f => f.Name));
    }

    [Fact]
    public void Proxyless_GetsAnApiListenerPerServicePort_NamedAsTheXdsTarget()
    {
        var listeners = Decode<Listener>(Build(proxy: Proxyless), XdsResourceType.Listener);
        Assert.Equal(
            ["greeter.grpc.svc.cluster.local:50051", "ratings.bookinfo.svc.cluster.local:9080", "reviews.bookinfo.svc.cluster.local:9080"],
            listeners.Select(l => l.Name));
        var listener = listeners[0];
        Assert.Null(listener.Address);
        Assert.Empty(listener.FilterChains);
        var hcm = listener.ApiListener.ApiListener_.Unpack<HttpConnectionManager>();
        Assert.Equal(listener.Name, hcm.Rds.RouteConfigName);
        Assert.Equal("envoy.filters.http.router", hcm.HttpFilters[^1].Name);
    }

    [Fact]
    public void TheOnlyTcpServiceOnAPort_GetsTheListenersCatchAllChain_ToItsCluster()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, new Mesh.Model.MeshService { Name = "db", Namespace = "data", Ports = [new Mesh.Model.ServicePort { Port = 5432, Protocol = Mesh.Model.Protocol.Tcp }] }],
        };
        var snapshot = Build(config);
        Assert.True(snapshot.Clusters.TryGet("outbound|5432||db.data.svc.cluster.local", out _));
        var listener = Single<Listener>(snapshot, XdsResourceType.Listener, "0.0.0.0_5432");
        var chain = Assert.Single(listener.FilterChains);
        Assert.Null(chain.FilterChainMatch);
        var proxy = Assert.Single(chain.Filters).TypedConfig.Unpack<Envoy.Extensions.Filters.Network.TcpProxy.V3.TcpProxy>();
        Assert.Equal("outbound|5432||db.data.svc.cluster.local", proxy.Cluster);
        Assert.False(snapshot.RouteConfigurations.TryGet("5432", out _));
    }
}
