using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Translation;
using HttpRouteResource = Mesh.Providers.GatewayApi.Resources.HttpRoute;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// The canary release the issue "behaviour survives a mesh switch" is about: 90% of the requests to <c>reviews</c> go to its
/// <c>stable</c> pods, 10% to its <c>canary</c> pods (subsets by the label <c>track</c>). Gateway API routes to Services, so
/// each subset is written as a leaf Service selecting exactly its pods, and the split is between the two leaf Services.
/// </summary>
public sealed class CanarySplitTests
{
    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    private static readonly MeshConfig Canary = new()
    {
        Name = "canary",
        Services =
        [
            new MeshService
            {
                Name = "reviews",
                Namespace = "bookinfo",
                Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http, TargetPort = TargetPort.Named("http-web") }],
                Subsets =
                [
                    new Subset { Name = "stable", Labels = new Dictionary<string, string> { ["track"] = "stable" } },
                    new Subset { Name = "canary", Labels = new Dictionary<string, string> { ["track"] = "canary" } },
                ],
            },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "reviews",
                Namespace = "bookinfo",
                Host = Reviews,
                Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Subset = "stable", Port = 9080, Weight = 90 }, new WeightedBackend { Service = Reviews, Subset = "canary", Port = 9080, Weight = 10 }] }],
            },
        ],
    };

    private static readonly GatewayApiTranslator Translator = new();

    [Fact]
    public void CanarySplit_IsWrittenAsTwoLeafServices_AndAnHttpRouteSplitting90To10BetweenThem()
    {
        var result = Translator.Translate(Canary);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

        var leaves = result.Resources.OfType<CoreService>().ToList();
        Assert.Equal(["reviews-canary", "reviews-stable"], leaves.Select(s => s.Metadata.Name));
        foreach (var (leaf, track) in leaves.Zip(["canary", "stable"]))
        {
            Assert.Equal("bookinfo", leaf.Metadata.NamespaceProperty);
            Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews", ["track"] = track }, leaf.Spec!.Selector);
            var port = Assert.Single(leaf.Spec.Ports!)!;
            Assert.Equal(("http", (int?)9080, (object?)"http-web", (string?)null, "http"), (port.Name, port.Port, port.TargetPort, port.Protocol, port.AppProtocol));
            Assert.Equal($"reviews/{track}", leaf.Metadata.Annotations![LeafServiceLabels.SubsetOf]);
            Assert.Equal(new Dictionary<string, string> { [LeafServiceLabels.Parent] = "reviews", [LeafServiceLabels.Subset] = track, [Ownership.ManagedByLabel] = Ownership.ManagedByValue }, leaf.Metadata.Labels);
        }

        var route = Assert.Single(result.Resources.OfType<HttpRouteResource>());
        var parent = Assert.Single(route.Spec.ParentRefs!);
        Assert.Equal(("", "Service", "reviews", (int?)9080, (string?)null), (parent.Group, parent.Kind, parent.Name, parent.Port, parent.SectionName));
        Assert.Equal(
            [("reviews-stable", (int?)9080, (int?)90), ("reviews-canary", (int?)9080, (int?)10)],
            Assert.Single(route.Spec.Rules!).BackendRefs!.Select(b => (b.Name!, b.Port, b.Weight)));
    }

    [Fact]
    public void CanarySplit_WrittenAsYaml_IsWhatKubectlApplies()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Canary).Resources);
        Assert.Equal("""
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                mesh-sdk.io/subset-of: reviews/canary
                mesh-sdk.io/parent-selector: "app=reviews"
                mesh-sdk.io/source: services/bookinfo/reviews
              labels:
                mesh-sdk.io/parent-service: reviews
                mesh-sdk.io/subset: canary
                app.kubernetes.io/managed-by: mesh-sdk
              name: reviews-canary
              namespace: bookinfo
            spec:
              ports:
              - name: http
                port: 9080
                targetPort: http-web
                appProtocol: http
              selector:
                app: reviews
                track: canary
            ---
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                mesh-sdk.io/subset-of: reviews/stable
                mesh-sdk.io/parent-selector: "app=reviews"
                mesh-sdk.io/source: services/bookinfo/reviews
              labels:
                mesh-sdk.io/parent-service: reviews
                mesh-sdk.io/subset: stable
                app.kubernetes.io/managed-by: mesh-sdk
              name: reviews-stable
              namespace: bookinfo
            spec:
              ports:
              - name: http
                port: 9080
                targetPort: http-web
                appProtocol: http
              selector:
                app: reviews
                track: stable
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              annotations:
                mesh-sdk.io/source: routes/bookinfo/reviews
              labels:
                app.kubernetes.io/managed-by: mesh-sdk
              name: reviews
              namespace: bookinfo
            spec:
              parentRefs:
              - group: ""
                kind: Service
                name: reviews
                port: 9080
              rules:
              - backendRefs:
                - name: reviews-stable
                  port: 9080
                  weight: 90
                - name: reviews-canary
                  port: 9080
                  weight: 10

            """.ReplaceLineEndings("\n"), yaml);
    }

    /// <summary>
    /// Read back, the leaf Services fold into the subsets of <c>reviews</c> (by their annotation), whose port — name and
    /// target port — comes from the leaves (the parent Service is the cluster's own, not written): the same model.
    /// </summary>
    [Fact]
    public void CanarySplit_ImportsBackToTheSameModel_TypedAndAsYaml()
    {
        var resources = Translator.Translate(Canary).Resources;
        var options = new ImportOptions { ModelName = "canary" };
        foreach (var back in new[] { Translator.Import(resources, options), Translator.ImportYaml(Translator.WriteYaml(resources), "canary.yaml", options) })
        {
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(2, back.Diagnostics.Count(d => d.Code == DiagnosticCodes.SubsetFolded));
            Assert.Equal(Canary.Normalize(), back.Config);
        }
    }

    /// <summary>Every Service written as well (<see cref="ServiceOutput.All"/>): the parent Service too, and the same model back.</summary>
    [Fact]
    public void CanarySplit_WithEveryService_WritesTheParentServiceToo_AndImportsBack()
    {
        var all = new GatewayApiTranslator(new GatewayApiOptions { ServiceOutput = ServiceOutput.All });
        var resources = all.Translate(Canary).Resources;
        Assert.Equal(["reviews", "reviews-canary", "reviews-stable"], resources.OfType<CoreService>().Select(s => s.Metadata.Name));
        Assert.Equal(Canary.Normalize(), all.ImportYaml(all.WriteYaml(resources), "canary.yaml", new ImportOptions { ModelName = "canary" }).Config);
    }

    /// <summary>Without leaf Services (<see cref="ServiceOutput.None"/>) the split is between whole Services: each subset is reported.</summary>
    [Fact]
    public void CanarySplit_WithoutLeafServices_RoutesToTheWholeService_AndReportsTheSubsets()
    {
        var none = new GatewayApiTranslator(new GatewayApiOptions { ServiceOutput = ServiceOutput.None });
        var result = none.Translate(Canary);
        Assert.Empty(result.Resources.OfType<CoreService>());
        Assert.All(Assert.Single(Assert.Single(result.Resources.OfType<HttpRouteResource>()).Spec.Rules!).BackendRefs!, b => Assert.Equal("reviews", b.Name));
        Assert.Equal(
            ["$.spec.routes[0].rules[0].backends[0].subset", "$.spec.routes[0].rules[0].backends[1].subset", "$.spec.services[0].subsets.stable", "$.spec.services[0].subsets.canary"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Unsupported).Select(d => d.Path));
        Assert.Equal(CapabilitySupport.Unsupported, none.Capabilities[MeshFeature.BackendSubset].Support);
        Assert.Equal(CapabilitySupport.Native, Translator.Capabilities[MeshFeature.BackendSubset].Support);
    }
}
