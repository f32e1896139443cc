using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Google.Protobuf.WellKnownTypes;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;
using UpstreamHttp = Envoy.Extensions.Upstreams.Http.V3;

namespace Mesh.Xds.Tests.Encoding;

public sealed class ClusterTests
{
    [Fact]
    public void Encode_EmitsOneClusterPerServicePortAndSubset_NamedLikeIstio_InOrdinalOrder()
    {
        var clusters = Decode<Cluster>(Build(), XdsResourceType.Cluster);
        Assert.Equal(
        [
            "PassthroughCluster",
            "outbound|50051||greeter.grpc.svc.cluster.local",
            "outbound|9080|v1|reviews.bookinfo.svc.cluster.local",
            "outbound|9080|v2|reviews.bookinfo.svc.cluster.local",
            "outbound|9080|v3|reviews.bookinfo.svc.cluster.local",
            "outbound|9080||ratings.bookinfo.svc.cluster.local",
            "outbound|9080||reviews.bookinfo.svc.cluster.local",
        ], clusters.Select(c => c.Name));
    }

    [Fact]
    public void Cluster_UsesEdsOverAdsWithItsOwnNameAsServiceName()
    {
        var cluster = Single<Cluster>(Build(), XdsResourceType.Cluster, "outbound|9080||ratings.bookinfo.svc.cluster.local");
        Assert.Equal(Cluster.Types.DiscoveryType.Eds, cluster.Type);
        Assert.Equal(cluster.Name, cluster.EdsClusterConfig.ServiceName);
        Assert.NotNull(cluster.EdsClusterConfig.EdsConfig.Ads);
        Assert.Equal(ApiVersion.V3, cluster.EdsClusterConfig.EdsConfig.ResourceApiVersion);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), cluster.ConnectTimeout);
        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, cluster.LbPolicy);
        Assert.Null(cluster.CircuitBreakers);
        Assert.Null(cluster.OutlierDetection);
        Assert.Null(cluster.TransportSocket);
        Assert.Empty(cluster.TypedExtensionProtocolOptions);
    }

    [Fact]
    public void DestinationPolicy_BecomesRingHashCircuitBreakersOutlierDetectionAndConnectTimeout()
    {
        var cluster = Single<Cluster>(Build(), XdsResourceType.Cluster, "outbound|9080|v1|reviews.bookinfo.svc.cluster.local");
        Assert.Equal(Cluster.Types.LbPolicy.RingHash, cluster.LbPolicy);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1500)), cluster.ConnectTimeout);
        var thresholds = Assert.Single(cluster.CircuitBreakers.Thresholds);
        Assert.Equal(100u, thresholds.MaxConnections);
        Assert.Equal(10u, thresholds.MaxPendingRequests);
        Assert.Null(thresholds.MaxRequests);
        Assert.Null(thresholds.MaxRetries);
        Assert.Equal(5u, cluster.OutlierDetection.Consecutive5Xx);
        Assert.Equal(3u, cluster.OutlierDetection.ConsecutiveGatewayFailure);
        Assert.Equal(100u, cluster.OutlierDetection.EnforcingConsecutiveGatewayFailure);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), cluster.OutlierDetection.Interval);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(30)), cluster.OutlierDetection.BaseEjectionTime);
        Assert.Equal(50u, cluster.OutlierDetection.MaxEjectionPercent);
        var options = cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<UpstreamHttp.HttpProtocolOptions>();
        Assert.Equal(5u, options.CommonHttpProtocolOptions.MaxRequestsPerConnection);
        Assert.NotNull(options.ExplicitHttpConfig.HttpProtocolOptions);
    }

    [Fact]
    public void SubsetPolicy_OverridesTheServicePolicyForItsSubsetOnly()
    {
        var snapshot = Build();
        Assert.Equal(Cluster.Types.LbPolicy.LeastRequest, Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|9080|v3|reviews.bookinfo.svc.cluster.local").LbPolicy);
        Assert.Equal(Cluster.Types.LbPolicy.RingHash, Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|9080|v2|reviews.bookinfo.svc.cluster.local").LbPolicy);
        // Components the subset policy leaves out come from the service policy.
        Assert.Equal(5u, Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|9080|v3|reviews.bookinfo.svc.cluster.local").OutlierDetection.Consecutive5Xx);
    }

    [Fact]
    public void GrpcPort_GetsExplicitHttp2ProtocolOptions()
    {
        var cluster = Single<Cluster>(Build(), XdsResourceType.Cluster, "outbound|50051||greeter.grpc.svc.cluster.local");
        var any = cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"];
        Assert.Equal("type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions", any.TypeUrl);
        Assert.NotNull(any.Unpack<UpstreamHttp.HttpProtocolOptions>().ExplicitHttpConfig.Http2ProtocolOptions);
    }

    [Fact]
    public void StrictMtls_AddsUpstreamTlsWithSdsSecretsAndIstioSni()
    {
        var cluster = Single<Cluster>(Build(Bookinfo(strictMtls: true)), XdsResourceType.Cluster, "outbound|9080|v2|reviews.bookinfo.svc.cluster.local");
        Assert.Equal("envoy.transport_sockets.tls", cluster.TransportSocket.Name);
        Assert.Equal("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext", cluster.TransportSocket.TypedConfig.TypeUrl);
        var tls = cluster.TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>();
        Assert.Equal("outbound_.9080_.v2_.reviews.bookinfo.svc.cluster.local", tls.Sni);
        Assert.Equal("default", Assert.Single(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs).Name);
        Assert.NotNull(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs[0].SdsConfig.Ads);
        Assert.Equal("ROOTCA", tls.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
        Assert.Equal(["istio"], tls.CommonTlsContext.AlpnProtocols);
    }

    [Fact]
    public void NamespaceMtls_OverridesTheMeshMode()
    {
        var config = Bookinfo(strictMtls: true) with
        {
            Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }, new MtlsPolicy { Scope = MtlsScope.ForNamespace("grpc"), Mode = MtlsMode.Disabled }],
        };
        var snapshot = Build(config);
        Assert.Null(Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|50051||greeter.grpc.svc.cluster.local").TransportSocket);
        Assert.NotNull(Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|9080||ratings.bookinfo.svc.cluster.local").TransportSocket);
    }

    [Fact]
    public void Proxyless_LeastRequestBecomesRoundRobin_WithADiagnostic()
    {
        var result = new XdsEncoder().Build(Bookinfo() with
        {
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Ratings }, LoadBalancer = LoadBalancer.LeastRequest }],
        }, SampleEndpoints(), Proxyless);
        var cluster = Single<Cluster>(result.Snapshot!, XdsResourceType.Cluster, "outbound|9080||ratings.bookinfo.svc.cluster.local");
        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, cluster.LbPolicy);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.ProxylessApproximated && d.Path == "$.spec.services[1]");
    }
}
