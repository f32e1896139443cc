using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;
using Mesh.Translation;
using static Mesh.Providers.Osm.Tests.Export.Models;

namespace Mesh.Providers.Osm.Tests.Export;

/// <summary>Weighted splits as TrafficSplits over leaf Services; what OSM cannot route is reported.</summary>
public sealed class SplitExportTests
{
    [Fact]
    public void WeightedSubsets_BecomeATrafficSplitOfTheRootOverLeafServices()
    {
        var export = new Exported(Routed(Rule(To(Bookstore, "v1", 90), To(Bookstore, "v2", 10))));
        var split = export.Split("bookstore-split");
        Assert.Equal("bookstore", split.Metadata.NamespaceProperty);
        Assert.Equal("bookstore.bookstore.svc.cluster.local", split.Spec.Service);
        Assert.Equal([("bookstore-v1", 90), ("bookstore-v2", 10)], split.Spec.Backends!.Select(b => (b.Service!, b.Weight!.Value)));
        // No OSM annotation (backend ports, route kind): only the model route it came from.
        Assert.Equal(new Dictionary<string, string> { [Ownership.SourceAnnotation] = "routes/bookstore/bookstore-split" }, split.Metadata.Annotations);
        export.NoWarnings();

        var leaves = export.Services;
        Assert.Equal(["bookstore-v1", "bookstore-v2"], leaves.Select(s => s.Metadata.Name));
        var v2 = leaves[1];
        Assert.Equal("v2", v2.Spec!.Selector!["version"]);
        Assert.Equal("bookstore", v2.Spec.Selector["app"]);
        Assert.Equal("bookstore/v2", v2.Metadata.Annotations![LeafServiceLabels.SubsetOf]);
        Assert.Equal("http", Assert.Single(v2.Spec.Ports!)!.AppProtocol);
    }

    [Fact]
    public void Yaml_IsSplitV1alpha2_WithTheServicesFirst()
    {
        var yaml = new Exported(Routed(Rule(To(Bookstore, "v1", 90), To(Bookstore, "v2", 10)))).Yaml;
        Assert.Contains("apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - service: bookstore-v1\n    weight: 90\n", yaml, StringComparison.Ordinal);
        Assert.True(yaml.IndexOf("kind: Service\n", StringComparison.Ordinal) < yaml.IndexOf("kind: TrafficSplit", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutLeafServices_TheSubsetIsReportedAndTheWholeServiceNamed()
    {
        var model = Routed(Rule(To(Bookstore, "v1", 1), To(new ServiceRef("bookstore-canary", "bookstore"), weight: 1))) with
        {
            Services = [BookstoreService(Version("v1")), Service("bookstore-canary", "bookstore", Http(14001))],
        };
        var export = new Exported(model, new OsmOptions { ServiceOutput = ServiceOutput.None });
        Assert.Empty(export.Services);
        Assert.Equal(["bookstore", "bookstore-canary"], export.Split("bookstore-split").Spec.Backends!.Select(b => b.Service));
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].backends[0].subset");
        Assert.Equal(CapabilitySupport.Unsupported, export.Translator.Capabilities[MeshFeature.BackendSubset].Support);
    }

    [Fact]
    public void MatchedRules_AreReported_AndTheCatchAllRuleIsWritten()
    {
        var matched = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/books") }], Backends = [To(Bookstore, "v2")] };
        var export = new Exported(Routed(matched, Rule(To(Bookstore, "v1"))));
        Assert.Equal(["bookstore-v1"], export.Split("bookstore-split").Spec.Backends!.Select(b => b.Service));
        Assert.Contains("rule 1", export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACatchAllRule_TheFirstRulesMatchesAreReported_AndItsSplitWritten()
    {
        var first = new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "1")] }], Backends = [To(Bookstore, "v2")] };
        var second = new HttpRouteRule { Matches = [new HttpMatch { Method = "GET" }], Backends = [To(Bookstore, "v1")] };
        var export = new Exported(Routed(first, second));
        Assert.Equal(["bookstore-v2"], export.Split("bookstore-split").Spec.Backends!.Select(b => b.Service));
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].matches");
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1]");
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("fault")]
    [InlineData("mirror")]
    [InlineData("rewrite")]
    [InlineData("requestHeaders")]
    [InlineData("responseHeaders")]
    [InlineData("cors")]
    public void RuleFeaturesWithoutOsmField_AreReportedAtTheirPath(string field)
    {
        var rule = Rule(To(Bookstore, "v1"));
        rule = field switch
        {
            "timeout" => rule with { Timeout = TimeSpan.FromSeconds(3) },
            "fault" => rule with { Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503, Percentage = 10 } } },
            "mirror" => rule with { Mirror = new Mirror { Service = Bookstore, Subset = "v2", Percentage = 5 } },
            "rewrite" => rule with { Rewrite = new Rewrite { PathPrefix = "/v2" } },
            "requestHeaders" => rule with { RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-a"] = "b" } } },
            "responseHeaders" => rule with { ResponseHeaders = new HeaderModifier { Remove = ["server"] } },
            _ => rule with { Cors = new CorsPolicy { AllowOrigins = ["https://example.com"] } },
        };
        var export = new Exported(Routed(rule));
        export.At(DiagnosticCodes.Unsupported, $"$.spec.routes[0].rules[0].{field}");
        Assert.Single(export.All<Resources.TrafficSplit>());
    }

    [Fact]
    public void ABackendInAnotherNamespace_IsReportedAndLeftOut()
    {
        var model = Routed(Rule(To(Bookstore, "v1", 50), To(new ServiceRef("bookbuyer", "bookbuyer"), weight: 50)));
        var export = new Exported(model);
        Assert.Equal(["bookstore-v1"], export.Split("bookstore-split").Spec.Backends!.Select(b => b.Service));
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].backends[1].service");
    }

    [Fact]
    public void ABackendPort_IsExactOnASinglePortHost_AndApproximatedOtherwise()
    {
        new Exported(Routed(Rule(To(Bookstore, "v1", port: 14001)))).NoWarnings();
        var model = Routed(Rule(To(Bookstore, "v1", port: 8080))) with
        {
            Services = [BookstoreService(Version("v1")) with { Ports = [Http(14001), Http(8080)] }],
        };
        new Exported(model).At(DiagnosticCodes.Approximated, "$.spec.routes[0].rules[0].backends[0].port");
    }

    [Fact]
    public void ATcpRoute_IsASplitAnnotatedWithItsKindAndPort_ApproximatedWhenTheHostHasOtherPorts()
    {
        var db = new ServiceRef("mysql", "bookwarehouse");
        var model = new MeshConfig
        {
            Name = "db",
            Services = [Service("mysql", "bookwarehouse", Port(3306, Protocol.Tcp), Http(8080)) with { Subsets = [Version("primary"), Version("replica")] }],
            TcpRoutes = [new TcpRoute { Name = "mysql", Namespace = "bookwarehouse", Host = db, Port = 3306, Backends = [To(db, "primary", 3), To(db, "replica", 1)] }],
        };
        var export = new Exported(model);
        var split = export.Split("mysql");
        Assert.Equal(OsmAnnotations.TcpRouteKind, split.Metadata.Annotations![OsmAnnotations.RouteKind]);
        Assert.Equal("3306", split.Metadata.Annotations[OsmAnnotations.TcpPort]);
        Assert.Equal([("mysql-primary", 3), ("mysql-replica", 1)], split.Spec.Backends!.Select(b => (b.Service!, b.Weight!.Value)));
        Assert.Contains("8080", export.At(DiagnosticCodes.Approximated, "$.spec.tcpRoutes[0].port").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondSplitOfOneHost_IsReported()
    {
        var model = Routed(Rule(To(Bookstore, "v1"))) with
        {
            TcpRoutes = [new TcpRoute { Name = "bookstore-tcp", Namespace = "bookstore", Host = Bookstore, Backends = [To(Bookstore, "v2")] }],
        };
        var export = new Exported(model);
        Assert.Single(export.All<Resources.TrafficSplit>());
        Assert.Contains("one TrafficSplit per root service", export.At(DiagnosticCodes.Unsupported, "$.spec.tcpRoutes[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARouteInAnotherNamespace_IsWrittenBesideItsHost_WithTheRouteNamespaceAnnotated()
    {
        var model = Routed(Rule(To(Bookstore, "v1"))) with
        {
            Routes = [new HttpRoute { Name = "canary", Namespace = "bookbuyer", Host = Bookstore, Rules = [Rule(To(Bookstore, "v1"), To(Bookstore, "v2"))] }],
        };
        var split = new Exported(model).Split("canary");
        Assert.Equal("bookstore", split.Metadata.NamespaceProperty);
        Assert.Equal("bookbuyer", split.Metadata.Annotations![OsmAnnotations.RouteNamespace]);
    }

    [Fact]
    public void ARouteToTheRootItselfOnly_WritesNoSplit()
    {
        var export = new Exported(Routed(Rule(To(Bookstore))));
        Assert.Empty(export.All<Resources.TrafficSplit>());
    }

    [Fact]
    public void Output_IsDeterministic()
    {
        var model = Routed(Rule(To(Bookstore, "v1", 90), To(Bookstore, "v2", 10)));
        Assert.Equal(new Exported(model).Yaml, new Exported(model).Yaml);
    }
}
