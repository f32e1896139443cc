using System.Buffers;
using System.IO.Hashing;
using Envoy.Config.Cluster.V3;
using Envoy.Service.Discovery.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Snapshots;

public sealed class DiscoveryResponseTests
{
    [Theory]
    [InlineData(XdsResourceType.Listener, "type.googleapis.com/envoy.config.listener.v3.Listener")]
    [InlineData(XdsResourceType.RouteConfiguration, "type.googleapis.com/envoy.config.route.v3.RouteConfiguration")]
    [InlineData(XdsResourceType.Cluster, "type.googleapis.com/envoy.config.cluster.v3.Cluster")]
    [InlineData(XdsResourceType.ClusterLoadAssignment, "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment")]
    public void Response_WrapsEveryResourceInAnyOfItsType_WithVersionAndNonce(XdsResourceType type, string typeUrl)
    {
        var snapshot = Build();
        var response = DiscoveryResponse.Parser.ParseFrom(snapshot.ToDiscoveryResponse(type, "n-1"));
        Assert.Equal(typeUrl, response.TypeUrl);
        Assert.Equal("n-1", response.Nonce);
        Assert.Equal(snapshot[type].Version.ToString("x16"), response.VersionInfo);
        Assert.Equal(snapshot[type].Count, response.Resources.Count);
        Assert.All(response.Resources, r => Assert.Equal(typeUrl, r.TypeUrl));
        Assert.Equal(snapshot[type].Select(r => r.Payload.ToArray()), response.Resources.Select(r => r.Value.ToByteArray()));
    }

    [Fact]
    public void DiscoveryResponses_AreTheFourResponsesUnderTheCliFileNames()
    {
        var snapshot = Build();
        var responses = snapshot.ToDiscoveryResponses("7");
        Assert.Equal(["lds.pb", "rds.pb", "cds.pb", "eds.pb"], responses.ByFileName().Select(p => p.Key));
        Assert.Equal(snapshot.ToDiscoveryResponse(XdsResourceType.Listener, "7"), responses.Lds);
        Assert.Equal(snapshot.ToDiscoveryResponse(XdsResourceType.RouteConfiguration, "7"), responses.Rds);
        Assert.Equal(snapshot.ToDiscoveryResponse(XdsResourceType.Cluster, "7"), responses.Cds);
        Assert.Equal(snapshot.ToDiscoveryResponse(XdsResourceType.ClusterLoadAssignment, "7"), responses.Eds);
        Assert.Equal("type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment", DiscoveryResponse.Parser.ParseFrom(responses.Eds).TypeUrl);
    }

    [Fact]
    public void ResourceVersion_IsTheHashOfItsBytes()
    {
        foreach (var resource in Build().Clusters)
        {
            Assert.Equal(XxHash64.HashToUInt64(resource.Payload.Span), resource.Version);
            Assert.Equal(16, resource.VersionText.Length);
        }
    }

    [Fact]
    public void Encoding_IsDeterministic_AndIndependentOfInputOrder()
    {
        var a = Build();
        var shuffled = Bookinfo() with { Services = [.. Bookinfo().Services.Reverse()] };
        var endpoints = SampleEndpoints() with { Services = [.. SampleEndpoints().Services.Reverse()] };
        var b = Build(shuffled, endpoints);
        foreach (var type in Enum.GetValues<XdsResourceType>())
        {
            Assert.Equal(a.ToDiscoveryResponse(type, "n"), b.ToDiscoveryResponse(type, "n"));
        }
    }

    [Fact]
    public void DeltaResponse_CarriesNamesVersionsAndRemovals()
    {
        var snapshot = Build();
        var buffer = new ArrayBufferWriter<byte>();
        snapshot.WriteDeltaDiscoveryResponse(buffer, XdsResourceType.Cluster, ["outbound|9080|v2|reviews.bookinfo.svc.cluster.local", "missing"], ["gone-b", "gone-a"], "n-2");
        var delta = DeltaDiscoveryResponse.Parser.ParseFrom(buffer.WrittenSpan);
        Assert.Equal("type.googleapis.com/envoy.config.cluster.v3.Cluster", delta.TypeUrl);
        Assert.Equal("n-2", delta.Nonce);
        var resource = Assert.Single(delta.Resources);
        Assert.Equal("outbound|9080|v2|reviews.bookinfo.svc.cluster.local", resource.Name);
        Assert.True(snapshot.Clusters.TryGet(resource.Name, out var expected));
        Assert.Equal(expected.VersionText, resource.Version);
        Assert.Equal(resource.Name, resource.Resource_.Unpack<Cluster>().Name);
        Assert.Equal(["gone-a", "gone-b"], delta.RemovedResources);
    }

    [Fact]
    public void DirectResponse_DecodesToTheSameResourcesAsTheSnapshot()
    {
        var encoder = new XdsEncoder();
        var compiled = encoder.Compile(Bookinfo(), Sidecar);
        var endpoints = SampleEndpoints();
        var snapshot = encoder.Encode(compiled, endpoints).Snapshot!;
        foreach (var type in Enum.GetValues<XdsResourceType>())
        {
            var buffer = new ArrayBufferWriter<byte>();
            var written = XdsEncoder.WriteDiscoveryResponse(compiled, endpoints, type, buffer, "n");
            Assert.Equal(buffer.WrittenCount, written);
            var direct = DiscoveryResponse.Parser.ParseFrom(buffer.WrittenSpan);
            var fromSnapshot = DiscoveryResponse.Parser.ParseFrom(snapshot.ToDiscoveryResponse(type, "n"));
            Assert.Equal(fromSnapshot.Resources, direct.Resources);
            Assert.Equal(16, direct.VersionInfo.Length);
        }
    }

    [Fact]
    public void DirectResponse_AllocatesNothingOnceTheIndexAndPlanResolutionAreCached()
    {
        var compiled = new XdsEncoder().Compile(Bookinfo(), Sidecar);
        var endpoints = SampleEndpoints();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var types = Enum.GetValues<XdsResourceType>();
        void EncodeAll()
        {
            buffer.ResetWrittenCount();
            foreach (var type in types) XdsEncoder.WriteDiscoveryResponse(compiled, endpoints, type, buffer, "n");
        }
        EncodeAll(); // builds the endpoint index, resolves the plan's clusters and subset selections
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 3; i++) EncodeAll();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void DirectResponse_VersionChangesWithTheEndpoints()
    {
        var compiled = new XdsEncoder().Compile(Bookinfo(), Sidecar);
        string Version(EndpointSnapshot endpoints)
        {
            var buffer = new ArrayBufferWriter<byte>();
            XdsEncoder.WriteDiscoveryResponse(compiled, endpoints, XdsResourceType.ClusterLoadAssignment, buffer);
            return DiscoveryResponse.Parser.ParseFrom(buffer.WrittenSpan).VersionInfo;
        }
        Assert.Equal(Version(SampleEndpoints()), Version(SampleEndpoints()));
        Assert.NotEqual(Version(SampleEndpoints()), Version(EndpointSnapshot.Empty));
    }

    [Fact]
    public void CompiledConfig_ReportsCountsAndItsProxy()
    {
        var compiled = new XdsEncoder().Compile(Bookinfo(), Proxyless);
        Assert.Equal(Proxyless, compiled.Proxy);
        Assert.Equal(3, compiled.CountOf(XdsResourceType.Listener));
        Assert.Equal(3, compiled.CountOf(XdsResourceType.RouteConfiguration));
        Assert.Equal(6, compiled.CountOf(XdsResourceType.Cluster));
        Assert.Equal(6, compiled.CountOf(XdsResourceType.ClusterLoadAssignment));
    }

    [Fact]
    public void ClusterDomain_IsAnOption()
    {
        var result = new XdsEncoder(new XdsEncoderOptions { ClusterDomain = "mesh.example" }).Build(Bookinfo(), SampleEndpoints(), Sidecar);
        Assert.True(result.Snapshot!.Clusters.TryGet("outbound|9080||ratings.bookinfo.svc.mesh.example", out _));
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        var options = XdsEncoderOptions.Default;
        Assert.Equal("cluster.local", options.ClusterDomain);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DefaultConnectTimeout);
        Assert.Null(options.RegexCheck);
        Assert.Equal("default", options.CertificateSecretName);
        Assert.Equal("ROOTCA", options.RootCaSecretName);
        Assert.Equal(1, new EndpointAddress { Address = "10.0.0.1" }.Weight);
        Assert.Equal(EndpointHealth.Healthy, new EndpointAddress { Address = "10.0.0.1" }.Health);
        Assert.Equal(XdsProxyKind.Sidecar, new XdsProxy { NodeId = "n" }.Kind);
    }
}
