using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>The canonical canary: a 90/10 split between two subsets → one node per subset, a prioritised router, a virtual service on the router.</summary>
public sealed class CanaryExportTests
{
    private static MeshConfig Canary() => new()
    {
        Name = "bookinfo",
        Services = [ReviewsService(Version("v1"), Version("v2")), RatingsService()],
        Routes =
        [
            new HttpRoute
            {
                Name = "reviews",
                Namespace = "bookinfo",
                Host = Reviews,
                Rules =
                [
                    new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Exact("end-user", "jason")] }], Backends = [To(Reviews, "v2")] },
                    Rule(To(Reviews, "v1", 90), To(Reviews, "v2", 10)),
                ],
            },
        ],
    };

    [Fact]
    public void Subsets_BecomeOneNodeEach_WithTheirPodSelectorAndLeafServiceHostname()
    {
        var export = new Exported(Canary());
        Assert.Equal(["ratings", "reviews-v1", "reviews-v2"], export.Nodes.Select(n => n.Metadata.Name));
        var v2 = export.Node("reviews-v2");
        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v2" }, v2.Spec.PodSelector!.MatchLabels);
        Assert.Equal("reviews-v2.bookinfo.svc.cluster.local", v2.Spec.ServiceDiscovery!.Dns!.Hostname);
        Assert.Equal("reviews/v2", v2.Metadata.Annotations[LeafServiceLabels.SubsetOf]);
        Assert.Equal("app=reviews", v2.Metadata.Annotations[LeafServiceLabels.ParentSelector]);
        var listener = Assert.Single(v2.Spec.Listeners!);
        Assert.Equal((9080, "http"), (listener.PortMapping!.Port!.Value, listener.PortMapping.Protocol));
        // A node that is no subset's carries no leaf annotation, only the model object it came from.
        Assert.Equal(new Dictionary<string, string> { [Ownership.SourceAnnotation] = "services/bookinfo/ratings" }, export.Node("ratings").Metadata.Annotations);
    }

    [Fact]
    public void Router_HoldsTheRulesInOrder_WithPrioritiesAndWeights()
    {
        var router = new Exported(Canary()).Router("reviews");
        Assert.Equal(9080, Assert.Single(router.Spec.Listeners!).PortMapping!.Port);
        Assert.Equal([("reviews-r0", 0), ("reviews-r1", 1)], router.Spec.Routes!.Select(r => (r.Name!, r.Priority!.Value)));
        var first = router.Spec.Routes![0].HttpRoute!;
        Assert.Equal("jason", Assert.Single(first.Match!.Headers!).Match!.Exact);
        Assert.Equal("/", first.Match.Prefix);
        var split = router.Spec.Routes[1].HttpRoute!.Action!.WeightedTargets!;
        Assert.Equal([("reviews-v1", 90), ("reviews-v2", 10)], split.Select(t => (t.VirtualNodeRef!.Name!, t.Weight!.Value)));
        Assert.All(split, t => Assert.Null(t.VirtualNodeRef!.Namespace));
        Assert.All(split, t => Assert.Null(t.Port));
    }

    [Fact]
    public void VirtualServices_NameTheRouterOrTheNode()
    {
        var export = new Exported(Canary());
        var reviews = export.Service("reviews");
        Assert.Equal("reviews.bookinfo.svc.cluster.local", reviews.Spec.AwsName);
        Assert.Equal("reviews", reviews.Spec.Provider!.VirtualRouter!.VirtualRouterRef!.Name);
        Assert.Null(reviews.Spec.Provider.VirtualNode);
        Assert.Equal("ratings", export.Service("ratings").Spec.Provider!.VirtualNode!.VirtualNodeRef!.Name);
    }

    [Fact]
    public void Output_IsInKindOrder_AndTheMeshSelectsItsNamespaces()
    {
        var export = new Exported(Canary());
        var kinds = export.Result.Resources.OfType<k8s.IKubernetesObject>().Select(r => r.Kind).Where(k => k != "Service").ToList();
        Assert.Equal(["Mesh", "VirtualNode", "VirtualNode", "VirtualNode", "VirtualRouter", "VirtualService", "VirtualService"], kinds);
        Assert.Equal("bookinfo", export.Mesh.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["mesh"] = "bookinfo" }, export.Mesh.Spec.NamespaceSelector!.MatchLabels);
        // The model allows any host without an outbound policy; App Mesh drops other egress unless told.
        Assert.Equal("ALLOW_ALL", export.Mesh.Spec.EgressFilter!.Type);
        Assert.Null(new Exported(Canary() with { Outbound = [new OutboundPolicy { Mode = OutboundMode.RegistryOnly }] }).Mesh.Spec.EgressFilter);
        Assert.Equal("prod", new Exported(Canary(), new AppMeshOptions { MeshName = "prod" }).Mesh.Metadata.Name);
    }

    [Fact]
    public void Nodes_ListEveryOtherVirtualServiceAsBackend()
    {
        var export = new Exported(Canary());
        Assert.Equal(["reviews"], export.Node("ratings").Spec.Backends!.Select(b => b.VirtualService!.VirtualServiceRef!.Name));
        Assert.Equal(["ratings"], export.Node("reviews-v1").Spec.Backends!.Select(b => b.VirtualService!.VirtualServiceRef!.Name));
    }

    [Fact]
    public void Yaml_WritesNoEmptyLists()
    {
        var yaml = new Exported(Canary()).Yaml;
        Assert.DoesNotContain("[]", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("{}", yaml.Replace("match: {}", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("kind: VirtualRouter", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void SubsetsWithoutRoute_GetTheImplicitDefaultRoute()
    {
        var model = new MeshConfig { Name = "bookinfo", Services = [ReviewsService(Version("v1"), Version("v2"))] };
        var export = new Exported(model);
        var router = export.Router("reviews");
        Assert.Equal("default", router.Metadata.Annotations["mesh-sdk.io/implicit-route"]);
        var route = Assert.Single(router.Spec.Routes!);
        Assert.Equal(("default", 0), (route.Name, route.Priority));
        Assert.Equal([("reviews-v1", 1), ("reviews-v2", 1)], route.HttpRoute!.Action!.WeightedTargets!.Select(t => (t.VirtualNodeRef!.Name!, t.Weight!.Value)));
        Assert.Contains("Kubernetes spreads by pod count", export.At(DiagnosticCodes.Approximated, "$.spec.services[0]").Message, StringComparison.Ordinal);
        Assert.Equal("reviews", export.Service("reviews").Spec.Provider!.VirtualRouter!.VirtualRouterRef!.Name);
    }

    [Fact]
    public void WholeServiceBackendWithSubsets_IsSplitEquallyOverItsNodes()
    {
        var export = new Exported(Routed(Rule(To(Reviews, weight: 90), To(Ratings, weight: 10))));
        var targets = export.Router("reviews").Spec.Routes![0].HttpRoute!.Action!.WeightedTargets!;
        Assert.Equal([("reviews-v1", 30), ("reviews-v2", 30), ("reviews-v3", 30), ("ratings", 10)], targets.Select(t => (t.VirtualNodeRef!.Name!, t.Weight!.Value)));
        Assert.Contains("split equally", export.At(DiagnosticCodes.Approximated, "$.spec.routes[0].rules[0].backends[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudMapDiscovery_NamesTheServiceAndTheSubsetAttributes()
    {
        var export = new Exported(Canary(), new AppMeshOptions { Discovery = AppMeshDiscovery.CloudMap, CloudMapNamespace = "prod.local" });
        var cloudMap = export.Node("reviews-v1").Spec.ServiceDiscovery!.AwsCloudMap!;
        Assert.Equal(("prod.local", "reviews"), (cloudMap.NamespaceName, cloudMap.ServiceName));
        Assert.Equal([("version", "v1")], cloudMap.Attributes!.Select(a => (a.Key!, a.Value!)));
        Assert.Null(export.Node("ratings").Spec.ServiceDiscovery!.AwsCloudMap!.Attributes);
    }

    [Fact]
    public void CloudMapWithoutNamespace_FallsBackToDns_WithAWarning()
    {
        var export = new Exported(Canary(), new AppMeshOptions { Discovery = AppMeshDiscovery.CloudMap });
        Assert.Equal("reviews-v1.bookinfo.svc.cluster.local", export.Node("reviews-v1").Spec.ServiceDiscovery!.Dns!.Hostname);
        Assert.Contains("CloudMapNamespace", export.At(DiagnosticCodes.Unsupported, "$.spec.services").Message, StringComparison.Ordinal);
        Assert.False(export.Result.HasErrors);
    }
}
