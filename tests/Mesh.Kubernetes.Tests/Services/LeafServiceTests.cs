using CsCheck;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Kubernetes.Tests.Services;

/// <summary>Leaf Services: planned per routed subset, written with selector ∪ subset labels, read back and folded into the same subsets.</summary>
public class LeafServiceTests
{
    private static readonly ProviderName Provider = new("test");

    private static MeshConfig Canary(string service = "reviews", int stable = 90) => new()
    {
        Name = "canary",
        Services =
        [
            new MeshService
            {
                Name = service,
                Namespace = "bookinfo",
                Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http, Name = "http", TargetPort = TargetPort.Named("http-web") }],
                Subsets = [new Subset { Name = "stable", Labels = new([new("track", "stable")]) }, new Subset { Name = "canary", Labels = new([new("track", "canary")]) }],
            },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = service,
                Namespace = "bookinfo",
                Host = new ServiceRef(service, "bookinfo"),
                Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new(service, "bookinfo"), Subset = "stable", Weight = stable }, new WeightedBackend { Service = new(service, "bookinfo"), Subset = "canary", Weight = 100 - stable }] }],
            },
        ],
    };

    [Fact]
    public void Plan_NamesALeafPerRoutedSubset_AndWriterSelectsSelectorAndSubsetLabels()
    {
        var config = Canary();
        var plan = LeafServicePlan.Create(config);
        Assert.Equal(["reviews-canary", "reviews-stable"], plan.Leaves.Select(l => l.Name));
        Assert.Equal(new ServiceRef("reviews-stable", "bookinfo"), plan.Target(new ServiceRef("reviews", "bookinfo"), "stable"));
        Assert.Equal(new ServiceRef("reviews", "bookinfo"), plan.Target(new ServiceRef("reviews", "bookinfo"), null));

        var written = CoreServiceWriter.Write(config, plan, ServiceOutput.Subsets);
        Assert.Equal(2, written.Count);
        var stable = written.Single(s => s.Metadata.Name == "reviews-stable");
        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews", ["track"] = "stable" }, stable.Spec!.Selector);
        var port = Assert.Single(stable.Spec.Ports!)!;
        Assert.Equal(("http", 9080, (object?)"http-web", "http"), (port.Name, port.Port!.Value, port.TargetPort, port.AppProtocol));
        Assert.Equal("reviews/stable", stable.Metadata.Annotations[LeafServiceLabels.SubsetOf]);
        Assert.Equal("reviews", stable.Metadata.Labels[LeafServiceLabels.Parent]);

        Assert.Empty(CoreServiceWriter.Write(config, plan, ServiceOutput.None));
        Assert.Equal(3, CoreServiceWriter.Write(config, plan, ServiceOutput.All).Count);
    }

    [Fact]
    public void Plan_OfEverySubset_AddsUnroutedSubsets_WithTheSameNames()
    {
        var model = Canary() with { Routes = [] };
        Assert.Empty(LeafServicePlan.Create(model).Leaves);
        var every = LeafServicePlan.Create(model, everySubset: true);
        Assert.Equal(["reviews-canary", "reviews-stable"], every.Leaves.Select(l => l.Name));
        Assert.Equal(LeafServicePlan.Create(Canary()).Target(new("reviews", "bookinfo"), "stable"), every.Target(new("reviews", "bookinfo"), "stable"));
    }

    [Fact]
    public void Plan_AvoidsTakenNames_AndKeepsNamesWithin63Characters()
    {
        var config = Canary();
        config = config with { Services = [.. config.Services, new MeshService { Name = "reviews-stable", Namespace = "bookinfo", Ports = [new ServicePort { Port = 1, Protocol = Protocol.Tcp }] }] };
        var taken = LeafServicePlan.Create(config).Target(new ServiceRef("reviews", "bookinfo"), "stable").Name;
        Assert.NotEqual("reviews-stable", taken);
        Assert.StartsWith("reviews-stable-", taken, StringComparison.Ordinal);
        Assert.True(DnsNames.IsDnsLabel(taken));

        var longName = new string('r', 60);
        var leaf = LeafServicePlan.Create(Canary(longName)).Target(new ServiceRef(longName, "bookinfo"), "canary").Name;
        Assert.True(DnsNames.IsDnsLabel(leaf), leaf);
        Assert.NotEqual(leaf, LeafServicePlan.Create(Canary(longName)).Target(new ServiceRef(longName, "bookinfo"), "stable").Name);
    }

    [Fact]
    public void Fold_OfWrittenServices_GivesBackTheSubsetsAndTheSplit()
    {
        var config = Canary();
        var folded = FoldThroughServices(config, ServiceOutput.All, out var diagnostics);
        Assert.Equal(config.Normalize(), folded.Normalize());
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.SubsetFolded));
    }

    [Fact]
    public void Fold_OfLeafServicesOnly_FoldsIntoTheServiceTheRouteIsHostedOn_WithTheLeafPorts()
    {
        var config = Canary();
        var input = FoldInput(config, ServiceOutput.Subsets, out var services);
        Assert.DoesNotContain(input.Services, s => s.Name == "reviews");
        var diagnostics = new List<Diagnostic>();
        var completed = ImportCompletion.Complete(input, Provider, diagnostics);
        var folded = ServiceFolding.Fold(completed, services, Provider, diagnostics);
        Assert.Equal(config.Normalize(), folded.Normalize());
        Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred);
    }

    [Fact]
    public void Fold_WithoutTheAnnotation_UsesTheSelectorSuperset_AndNamesTheSubsetAfterTheSuffix()
    {
        var parent = new MeshService { Name = "podinfo", Namespace = "test", Selector = new([new("app", "podinfo")]), Ports = [new ServicePort { Port = 9898, Protocol = Protocol.Http }] };
        var v1 = parent with { Name = "podinfo-v1", Selector = new([new("app", "podinfo"), new("version", "v1")]) };
        var other = parent with { Name = "other", Selector = new([new("app", "other"), new("version", "v1")]) };
        var config = new MeshConfig
        {
            Name = "m",
            Services = [parent, v1, other],
            Routes = [new HttpRoute { Name = "r", Namespace = "test", Host = parent.Reference, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = v1.Reference, Weight = 1 }, new WeightedBackend { Service = other.Reference, Weight = 1 }] }] }],
        };
        var diagnostics = new List<Diagnostic>();
        var folded = ServiceFolding.Fold(config, [], Provider, diagnostics);
        Assert.Equal(["other", "podinfo"], folded.Services.Select(s => s.Name).Order());
        var subset = Assert.Single(folded.Services.Single(s => s.Name == "podinfo").Subsets);
        Assert.Equal(("v1", "v1"), (subset.Name, subset.Labels["version"]));
        Assert.Equal((parent.Reference, "v1"), (folded.Routes[0].Rules[0].Backends[0].Service, folded.Routes[0].Rules[0].Backends[0].Subset));
        Assert.Equal(other.Reference, folded.Routes[0].Rules[0].Backends[1].Service);
    }

    [Fact]
    public void Fold_LeavesARouteHostAsAService()
    {
        var config = Canary();
        var written = FoldInput(config, ServiceOutput.All, out var services);
        var hosted = written with { Routes = [.. written.Routes, new HttpRoute { Name = "direct", Namespace = "bookinfo", Host = new ServiceRef("reviews-stable", "bookinfo"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new("reviews-stable", "bookinfo") }] }] }] };
        var folded = ServiceFolding.Fold(hosted, services, Provider, new List<Diagnostic>());
        Assert.Contains(folded.Services, s => s.Name == "reviews-stable");
        Assert.DoesNotContain(folded.Services, s => s.Name == "reviews-canary");
    }

    [Fact]
    public void Fold_OfGeneratedModels_GivesBackEveryRoutedSubset() =>
        MeshGenerators.Config.Select(Routable).Sample(config =>
        {
            var folded = FoldThroughServices(config, ServiceOutput.All, out _);
            Assert.Equal(config.Normalize(), folded.Normalize());
        }, iter: 200);

    [Fact]
    public void Completion_DeclaresReferencedServices_AndUndefinedSubsets_SoTheModelValidates()
    {
        var config = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "reviews", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] }],
            Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = new ServiceRef("reviews", "bookinfo"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new("reviews", "bookinfo"), Subset = "v9", Weight = 1 }, new WeightedBackend { Service = new("ratings", "bookinfo"), Port = 9080, Weight = 1 }] }] }],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = new ServiceRef("db", "data"), Port = 5432, Backends = [new WeightedBackend { Service = new("db", "data") }] }],
        };
        Assert.Contains(MeshValidator.Validate(config), d => d.IsError);
        var diagnostics = new List<Diagnostic>();
        var completed = ImportCompletion.Complete(config, Provider, diagnostics);
        Assert.DoesNotContain(MeshValidator.Validate(completed), d => d.IsError);
        Assert.Equal(Protocol.Http, completed.Services.Single(s => s.Name == "ratings").FindPort(9080)!.Protocol);
        Assert.Equal(Protocol.Tcp, completed.Services.Single(s => s.Name == "db").FindPort(5432)!.Protocol);
        Assert.NotNull(completed.Services.Single(s => s.Name == "reviews").FindSubset("v9"));
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.ServiceInferred && d.Severity == DiagnosticSeverity.Info));
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SubsetUndefined);
        Assert.Equal("$.spec.routes[0].rules[0].backends[0]", warning.Path);
        Assert.Contains("v9", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_DeclaresAnUndefinedSubsetOfAnExternalService_AndTheCallersOfAccessPolicies()
    {
        // One-namespace meshes (Consul Community Edition) can resolve a mesh service's subset to an external service of its name
        // (found by the Consul round trip, seed 6B5MUVc8M5a1); an ingress Service named as a caller may be missing from the input.
        var external = new ExternalService { Name = "ratings", Namespace = "default", Hosts = ["ratings.example.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }], Resolution = Resolution.Dns };
        var config = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "web", Namespace = "default", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }] }],
            ExternalServices = [external],
            Routes = [new HttpRoute { Name = "r", Namespace = "default", Host = new ServiceRef("web", "default"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new("ratings", "default"), Subset = "stable", Weight = 1 }] }] }],
            AccessPolicies = [new AccessPolicy { Name = "p", Namespace = "default", Target = new PolicyTarget { Service = new("web", "default") }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Services = [new("nginx", "ingress")] } }] }],
        };
        Assert.Equal(2, MeshValidator.Validate(config).Count(d => d.IsError));
        var diagnostics = new List<Diagnostic>();
        var completed = ImportCompletion.Complete(config, Provider, diagnostics);
        Assert.DoesNotContain(MeshValidator.Validate(completed), d => d.IsError);
        Assert.Equal([new Subset { Name = "stable" }], completed.ExternalServices.Single().Subsets);
        Assert.Contains(completed.Services, s => s.Reference == new ServiceRef("nginx", "ingress"));
        Assert.Equal("$.spec.routes[0].rules[0].backends[0]", Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SubsetUndefined).Path);
        Assert.Equal("$.spec.accessPolicies[0].rules[0].from.services[0]", Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred).Path);
    }

    [Fact]
    public void Reader_TakesProtocolFromAppProtocol_ThenPortName_AndReportsWhatItCannotHold()
    {
        var service = new CoreService
        {
            Metadata = new() { Name = "web", NamespaceProperty = "shop" },
            Spec = new CoreServiceSpec
            {
                Selector = new() { ["app.kubernetes.io/name"] = "web" },
                Ports =
                [
                    new CoreServicePort { Name = "web", Port = 80, TargetPort = "http-web", AppProtocol = "kubernetes.io/h2c" },
                    new CoreServicePort { Name = "grpc-api", Port = 9090, TargetPort = 19090 },
                    new CoreServicePort { Name = "dns", Port = 53, Protocol = "UDP" },
                    new CoreServicePort { Name = "odd", Port = 81, TargetPort = "Not_Valid" },
                ],
            },
        };
        var ctx = new ImportContext(Provider, "default");
        var read = CoreServiceReader.Read(service, "web", "shop", "svc.yaml", ctx)!;
        Assert.Equal("web", read.Selector["app.kubernetes.io/name"]);
        Assert.Equal([(80, Protocol.Http2, (TargetPort?)TargetPort.Named("http-web")), (9090, Protocol.Grpc, TargetPort.Of(19090)), (81, Protocol.Http, null)], read.Ports.Select(p => (p.Port, p.Protocol, p.TargetPort)));
        Assert.Contains(ctx.Diagnostics, d => d.Path.EndsWith("$.spec.ports[2]", StringComparison.Ordinal));
        Assert.Contains(ctx.Diagnostics, d => d.Path.EndsWith("$.spec.ports[3].targetPort", StringComparison.Ordinal) && d.Code == DiagnosticCodes.InvalidResource);
    }

    /// <summary>A generated model reduced to what leaf Services carry: only routed subsets, no subset-targeted policies.</summary>
    private static MeshConfig Routable(MeshConfig config)
    {
        var plan = LeafServicePlan.Create(config);
        return config with
        {
            Services = [.. config.Services.Select(s => s with { Subsets = [.. s.Subsets.Where(x => plan.HasLeaf(s.Reference, x.Name))] })],
            DestinationPolicies = [.. config.DestinationPolicies.Where(p => p.Target.Subset is null)],
            AccessPolicies = [.. config.AccessPolicies.Where(p => p.Target?.Subset is null)],
        };
    }

    /// <summary>What an exporter writes and an importer reads: Services, and backends naming the leaf Services.</summary>
    private static MeshConfig FoldInput(MeshConfig config, ServiceOutput output, out List<(CoreService, string)> services)
    {
        var plan = LeafServicePlan.Create(config);
        var ctx = new ImportContext(Provider, "default");
        services = [.. CoreServiceWriter.Write(config, plan, output).Select((s, i) => (s, $"svc-{i}.yaml"))];
        var read = services.Select(s => CoreServiceReader.Read(s.Item1, s.Item1.Metadata.Name, s.Item1.Metadata.NamespaceProperty, s.Item2, ctx)!).ToList();
        WeightedBackend Leaf(WeightedBackend b) => b with { Service = plan.Target(b.Service, b.Subset), Subset = plan.HasLeaf(b.Service, b.Subset) ? null : b.Subset };
        return config with
        {
            Services = [.. read],
            Routes = [.. config.Routes.Select(r => r with
            {
                Rules = [.. r.Rules.Select(rule => rule with
                {
                    Backends = [.. rule.Backends.Select(Leaf)],
                    Mirror = rule.Mirror is { } m ? m with { Service = plan.Target(m.Service, m.Subset), Subset = plan.HasLeaf(m.Service, m.Subset) ? null : m.Subset } : null,
                })],
            })],
            TcpRoutes = [.. config.TcpRoutes.Select(t => t with { Backends = [.. t.Backends.Select(Leaf)] })],
        };
    }

    private static MeshConfig FoldThroughServices(MeshConfig config, ServiceOutput output, out List<Diagnostic> diagnostics)
    {
        var input = FoldInput(config, output, out var services);
        diagnostics = [];
        return ServiceFolding.Fold(input, services, Provider, diagnostics);
    }
}
