using System.Net;
using CsCheck;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;
using Mesh.Model;
using Mesh.Xds.Encoders;
using Mesh.Xds.Tests.Oracle;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Tests.Properties;

public sealed class EncoderProperties
{
    private const long Iterations = 150;

    private static readonly XdsProxy[] Proxies =
    [
        XdsProxy.Sidecar("sidecar-1", "n1"),
        XdsProxy.ProxylessGrpc("grpc-1", "n2"),
        XdsProxy.Sidecar("sidecar-east", "n1") with { Locality = new EndpointLocality("us-east", "zone1") },
        XdsProxy.Sidecar("sidecar-west", "n1") with { Locality = new EndpointLocality("us-west", "zone1", "s1") },
    ];

    /// <summary>A sidecar in front of the generated mesh's first service, so inbound listeners, mTLS and RBAC are exercised.</summary>
    private static XdsProxy Own(MeshConfig config) =>
        XdsProxy.Sidecar("sidecar-own", config.Services[0].Namespace, config.Services[0].Reference, new Mesh.Collections.EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v1" }));

    private static (XdsCompiledConfig Compiled, XdsSnapshot Snapshot) Encode(MeshConfig config, EndpointSnapshot endpoints, XdsProxy proxy)
    {
        var encoder = new XdsEncoder();
        var compiled = encoder.Compile(config, proxy);
        var result = encoder.Encode(compiled, endpoints);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return (compiled, result.Snapshot!);
    }

    private static List<IMessage> Decode(XdsSnapshot snapshot, XdsResourceType type)
    {
        MessageParser parser = type switch
        {
            XdsResourceType.Listener => Listener.Parser,
            XdsResourceType.RouteConfiguration => RouteConfiguration.Parser,
            XdsResourceType.Cluster => Cluster.Parser,
            _ => ClusterLoadAssignment.Parser,
        };
        var response = Envoy.Service.Discovery.V3.DiscoveryResponse.Parser.ParseFrom(snapshot.ToDiscoveryResponse(type));
        return [.. response.Resources.Select(a => parser.ParseFrom(a.Value))];
    }

    /// <summary>The projection property above meets inbound rate limits: the generated meshes give the own sidecar's service one.</summary>
    [Fact]
    public void GeneratedMeshes_GiveTheOwnSidecarLocalRateLimits()
    {
        var limited = 0;
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            var (_, snapshot) = Encode(input.Config, input.Endpoints, Own(input.Config));
            if (snapshot.Listeners.Any(l => System.Text.Encoding.UTF8.GetString(l.Payload.Span).Contains("envoy.filters.http.local_ratelimit", StringComparison.Ordinal))) Interlocked.Increment(ref limited);
        }, iter: 200);
        Assert.True(limited > 0, "no generated mesh rate-limits the sidecar's own service");
    }

    /// <summary>
    /// What Envoy would reject in a sidecar's output with external services and outbound scope: every cluster a route or
    /// mirror names is a CDS cluster, cluster names are unique, a route configuration names each domain once and ends with
    /// the one catch-all (<c>*</c>), non-EDS clusters have no EDS load assignment, and no STRICT_DNS endpoint is a wildcard.
    /// </summary>
    [Fact]
    public void Sidecars_RouteOnlyToClustersTheyHave_WithUniqueDomainsAndOneCatchAll()
    {
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            foreach (var proxy in new[] { Proxies[0], Proxies[2], XdsProxy.Sidecar("sidecar-n2", "n2"), Own(input.Config) })
            {
                var (_, snapshot) = Encode(input.Config, input.Endpoints, proxy);
                var clusters = Decode(snapshot, XdsResourceType.Cluster).Cast<Cluster>().ToList();
                Assert.Equal(clusters.Count, clusters.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
                var names = clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                Assert.True(names.Contains("PassthroughCluster") ^ names.Contains("BlackHoleCluster"));
                foreach (var cluster in clusters.Where(c => c.Type != Cluster.Types.DiscoveryType.Eds))
                {
                    Assert.False(snapshot.LoadAssignments.TryGet(cluster.Name, out _));
                    if (cluster.Type == Cluster.Types.DiscoveryType.StrictDns)
                    {
                        Assert.All(cluster.LoadAssignment.Endpoints.SelectMany(l => l.LbEndpoints), e => Assert.DoesNotContain("*", e.Endpoint.Address.SocketAddress.Address, StringComparison.Ordinal));
                    }
                    if (cluster.Type == Cluster.Types.DiscoveryType.OriginalDst) Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, cluster.LbPolicy);
                }
                foreach (var config in Decode(snapshot, XdsResourceType.RouteConfiguration).Cast<RouteConfiguration>())
                {
                    var domains = config.VirtualHosts.SelectMany(v => v.Domains).ToList();
                    Assert.Equal(domains.Count, domains.Distinct(StringComparer.OrdinalIgnoreCase).Count());
                    Assert.Equal(["*"], config.VirtualHosts[^1].Domains);
                    Assert.Single(domains, d => d == "*");
                    foreach (var route in config.VirtualHosts.SelectMany(v => v.Routes))
                    {
                        if (route.ActionCase != Route.ActionOneofCase.Route_) continue;
                        var action = route.Route_;
                        IEnumerable<string> targets = action.ClusterSpecifierCase == RouteAction.ClusterSpecifierOneofCase.Cluster ? [action.Cluster] : action.WeightedClusters.Clusters.Select(w => w.Name);
                        foreach (var target in targets.Concat(action.RequestMirrorPolicies.Select(m => m.Cluster)))
                        {
                            Assert.True(names.Contains(target), $"route {route.Name} of {config.Name} sends to {target}, which is not a cluster");
                        }
                    }
                }
            }
        }, iter: Iterations);
    }

    /// <summary>The properties above meet external services of every resolution and scoped outbound policies.</summary>
    [Fact]
    public void GeneratedMeshes_GiveSidecarsExternalClustersOfEveryKind_AndScopedOutbound()
    {
        var kinds = new System.Collections.Concurrent.ConcurrentDictionary<Cluster.Types.DiscoveryType, int>();
        var scoped = 0;
        var blocked = 0;
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            var (compiled, snapshot) = Encode(input.Config, input.Endpoints, Proxies[0]);
            foreach (var cluster in Decode(snapshot, XdsResourceType.Cluster).Cast<Cluster>().Where(c => c.Name.StartsWith("outbound|", StringComparison.Ordinal)))
            {
                kinds.AddOrUpdate(cluster.Type, 1, (_, n) => n + 1);
            }
            if (compiled.Plan.Hidden.Count > 0) Interlocked.Increment(ref scoped);
            if (snapshot.Clusters.TryGet("BlackHoleCluster", out _)) Interlocked.Increment(ref blocked);
        }, iter: 300);
        Assert.All(new[] { Cluster.Types.DiscoveryType.Eds, Cluster.Types.DiscoveryType.StrictDns, Cluster.Types.DiscoveryType.Static, Cluster.Types.DiscoveryType.OriginalDst }, k => Assert.True(kinds.ContainsKey(k), $"no generated mesh gives a {k} cluster"));
        Assert.True(scoped > 0, "no generated outbound policy hides a service");
        Assert.True(blocked > 0, "no generated outbound policy is registry-only");
    }

    [Fact]
    public void DecodeOfEncode_EqualsTheObjectModelProjection_AndSizesAgree()
    {
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            foreach (var proxy in Proxies.Append(Own(input.Config)))
            {
                var (compiled, snapshot) = Encode(input.Config, input.Endpoints, proxy);
                var plan = compiled.Plan;
                foreach (var type in Enum.GetValues<XdsResourceType>())
                {
                    var expected = ObjectModelEncoder.Build(plan, input.Endpoints.Index, type).ToList();
                    var actual = Decode(snapshot, type);
                    Assert.Equal(expected, actual);
                    for (var i = 0; i < expected.Count; i++)
                    {
                        // Same fields, nothing extra: the object model's size equals ours.
                        Assert.Equal(expected[i].CalculateSize(), snapshot[type][i].Payload.Length);
                    }
                }
                for (var i = 0; i < plan.CdsCount; i++)
                {
                    Assert.Equal(ProtoEncoding.ComputeSize(new ClusterEncoder(plan.CdsCluster(i), plan.Options)), snapshot.Clusters[i].Payload.Length);
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void ComputeSize_EqualsBytesWritten_ForWholeResponses()
    {
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            var (compiled, snapshot) = Encode(input.Config, input.Endpoints, Proxies[0]);
            foreach (var type in Enum.GetValues<XdsResourceType>())
            {
                var encoder = new DiscoveryResponseEncoder(snapshot[type], "nonce");
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                Assert.Equal(ProtoEncoding.ComputeSize(encoder), ProtoEncoding.Write(buffer, encoder));
                Assert.Equal(buffer.WrittenCount, ProtoEncoding.ComputeSize(encoder));
                var direct = new System.Buffers.ArrayBufferWriter<byte>();
                Assert.Equal(direct.WrittenCount + XdsEncoder.WriteDiscoveryResponse(compiled, input.Endpoints, type, direct), direct.WrittenCount);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Proxyless_OutputMeetsWhatGrpcXdsClientsRequire()
    {
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            var (_, snapshot) = Encode(input.Config, input.Endpoints, Proxies[1]);
            foreach (var cluster in Decode(snapshot, XdsResourceType.Cluster).Cast<Cluster>())
            {
                Assert.Contains(cluster.LbPolicy, new[] { Cluster.Types.LbPolicy.RoundRobin, Cluster.Types.LbPolicy.RingHash });
                Assert.Equal(Cluster.Types.DiscoveryType.Eds, cluster.Type);
            }
            foreach (var assignment in Decode(snapshot, XdsResourceType.ClusterLoadAssignment).Cast<ClusterLoadAssignment>())
            {
                foreach (var locality in assignment.Endpoints)
                {
                    Assert.NotNull(locality.Locality);
                    Assert.True(locality.LoadBalancingWeight is > 0);
                    Assert.NotEmpty(locality.LbEndpoints);
                    foreach (var endpoint in locality.LbEndpoints)
                    {
                        Assert.True(IPAddress.TryParse(endpoint.Endpoint.Address.SocketAddress.Address, out _));
                        Assert.InRange(endpoint.Endpoint.Address.SocketAddress.PortValue, 1u, 65535u);
                        Assert.True(Enum.IsDefined(endpoint.HealthStatus));
                    }
                }
            }
            var routeConfigs = Decode(snapshot, XdsResourceType.RouteConfiguration).Cast<RouteConfiguration>().ToDictionary(r => r.Name);
            foreach (var listener in Decode(snapshot, XdsResourceType.Listener).Cast<Listener>())
            {
                Assert.Matches(@"^s\d+\.n\d\.svc\.cluster\.local:\d+$", listener.Name);
                var hcm = listener.ApiListener.ApiListener_.Unpack<HttpConnectionManager>();
                Assert.Equal("envoy.filters.http.router", hcm.HttpFilters[^1].Name);
                Assert.Single(hcm.HttpFilters, f => f.Name == "envoy.filters.http.router");
                var config = routeConfigs[hcm.Rds.RouteConfigName];
                var host = Assert.Single(config.VirtualHosts);
                Assert.Equal([listener.Name], host.Domains);
                Assert.NotEmpty(host.Routes);
                Assert.All(host.Routes, r => Assert.NotNull(r.Match));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void HealthyAndUnknownEndpoints_AreSentAsSuch_AndEveryInputEndpointIsInTheWholeServiceAssignment()
    {
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            var (_, snapshot) = Encode(input.Config, input.Endpoints, Proxies[1]);
            foreach (var entry in input.Endpoints.Services)
            {
                var name = $"outbound|{entry.Port}||{entry.Service.ToFqdn()}";
                Assert.True(snapshot.LoadAssignments.TryGet(name, out var resource));
                var assignment = ClusterLoadAssignment.Parser.ParseFrom(resource.Payload.Span);
                var sent = assignment.Endpoints.SelectMany(l => l.LbEndpoints).ToList();
                Assert.Equal(entry.Addresses.Count, sent.Count);
                foreach (var address in entry.Addresses)
                {
                    var match = sent.Single(e => e.Endpoint.Address.SocketAddress.Address == address.Address && e.Endpoint.Address.SocketAddress.PortValue == (uint)(address.Port ?? entry.Port));
                    Assert.Equal((HealthStatus)address.Health, match.HealthStatus);
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Encoding_IsDeterministic_WhateverTheInputOrder()
    {
        XdsGenerators.MeshWithEndpoints.Sample(input =>
        {
            var (_, a) = Encode(input.Config, input.Endpoints, Proxies[0]);
            var reordered = input.Config with { Services = [.. input.Config.Services.Reverse()], DestinationPolicies = [.. input.Config.DestinationPolicies.Reverse()] };
            var endpoints = input.Endpoints with { Services = [.. input.Endpoints.Services.Reverse()] };
            var (_, b) = Encode(reordered, endpoints, Proxies[0]);
            foreach (var type in Enum.GetValues<XdsResourceType>())
            {
                Assert.Equal(a.ToDiscoveryResponse(type), b.ToDiscoveryResponse(type));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void IncrementalEndpointUpdate_EqualsAFullRebuild()
    {
        Gen.Select(XdsGenerators.MeshWithEndpoints, XdsGenerators.MeshWithEndpoints, Gen.Int[0, 3]).Sample((first, second, pick) =>
        {
            var (config, endpoints) = first;
            var service = config.Services[pick % config.Services.Count].Reference;
            var (_, before) = Encode(config, endpoints, Proxies[0]);
            // Give the chosen service the addresses the second sample generated for its first service's ports.
            var replacement = second.Endpoints.Services
                .Where(e => config.FindService(service)!.FindPort(e.Port) is not null)
                .GroupBy(e => e.Port)
                .Select(g => new ServiceEndpoints { Service = service, Port = g.Key, Addresses = [.. g.SelectMany(e => e.Addresses)] })
                .ToList();
            var next = endpoints.WithService(service, replacement);
            var update = new XdsEncoder().Update(before, config, next, XdsChange.Endpoints(service));
            var (_, full) = Encode(config, next, Proxies[0]);
            foreach (var type in Enum.GetValues<XdsResourceType>())
            {
                Assert.Equal(full.ToDiscoveryResponse(type), update.Snapshot!.ToDiscoveryResponse(type));
            }
            var changed = full.LoadAssignments.Where(r => !before.LoadAssignments.TryGet(r.Name, out var old) || old.Version != r.Version).Select(r => r.Name);
            Assert.Equal(changed, update.Changed.Select(c => c.Name));
        }, iter: Iterations);
    }
}
