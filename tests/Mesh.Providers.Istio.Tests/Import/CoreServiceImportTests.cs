using Mesh.Translation;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>Core <c>v1</c> Services in an Istio import: their selector, ports, target ports and protocols join the services the Istio resources imply.</summary>
public sealed class CoreServiceImportTests
{
    private static readonly IstioTranslator Translator = new();
    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");
    private static readonly string CanaryPath = Path.Combine(AppContext.BaseDirectory, "Import", "testassets", "reviews-canary.cluster.yaml");

    [Fact]
    public void Import_ACanaryExportedFromACluster_IsAValidModelWithTheServicesWorkloadsAndPorts()
    {
        var result = Translator.ImportYaml(File.ReadAllText(CanaryPath), "canary.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var config = result.Config!;
        Assert.DoesNotContain(MeshValidator.Validate(config), d => d.IsError);
        var reviews = Assert.Single(config.Services);
        Assert.Equal(Reviews, reviews.Reference);
        Assert.Equal(MeshService.DefaultSelector("reviews"), reviews.Selector);
        var port = Assert.Single(reviews.Ports);
        Assert.Equal(new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http, TargetPort = TargetPort.Of(9080) }, port);
        Assert.Equal(["v1", "v2", "v3"], reviews.Subsets.Select(s => s.Name));
        Assert.Equal(new Dictionary<string, string> { ["version"] = "v2" }, reviews.FindSubset("v2")!.Labels);
        var rule = Assert.Single(Assert.Single(config.Routes).Rules);
        Assert.Equal([("v1", 80), ("v2", 20)], rule.Backends.Select(b => (b.Subset!, b.Weight)));
        // Nothing had to be inferred: the List held the Service.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred || d.Code == DiagnosticCodes.SubsetUndefined);
    }

    [Fact]
    public void Import_AListItemsFieldsNotCarried_AreReportedInsideTheList_WithTheirLines()
    {
        var text = File.ReadAllText(CanaryPath);
        var result = Translator.ImportYaml(text, "canary.yaml");

        var clusterIp = Assert.Single(result.Diagnostics, d => d.Path == "canary.yaml#0 $.items[0].spec.clusterIP");
        Assert.Equal(DiagnosticCodes.FieldNotImported, clusterIp.Code);
        var line = Array.FindIndex(text.Split('\n'), l => l.StartsWith("    clusterIP:", StringComparison.Ordinal)) + 1;
        Assert.Equal(new SourceLocation("canary.yaml", line, 5), clusterIp.Location);
        Assert.Contains(result.Diagnostics, d => d.Path == "canary.yaml#0 $.items[0].status" && d.Severity == DiagnosticSeverity.Info);
        Assert.Contains(result.Diagnostics, d => d.Path == "canary.yaml#0 $.items[2].metadata.uid" && d.Severity == DiagnosticSeverity.Info);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("canary.yaml#0 $.items[", d.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Translate_TheImportedCanaryWithServices_WritesTheServiceBack()
    {
        var config = Translator.ImportYaml(File.ReadAllText(CanaryPath), "canary.yaml").Config!;
        var withServices = new IstioTranslator(new IstioOptions { ServiceOutput = ServiceOutput.All });

        var service = withServices.Translate(config).Resources.OfType<CoreService>().Single(s => s.Metadata.Name == "reviews");

        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews" }, service.Spec!.Selector);
        var port = Assert.Single(service.Spec.Ports!)!;
        Assert.Equal(("http", 9080, (object?)null, "http"), (port.Name, port.Port!.Value, port.TargetPort, port.AppProtocol));
    }

    [Fact]
    public void Import_ServicePorts_TakeTheirProtocolFromAppProtocol_ElseFromTheNamePrefix()
    {
        var result = Translator.ImportYaml("""
            apiVersion: v1
            kind: Service
            metadata: { name: api, namespace: shop }
            spec:
              selector: { app.kubernetes.io/name: api, tier: backend }
              ports:
              - { name: web, port: 80, targetPort: http-web, appProtocol: kubernetes.io/h2c }
              - { name: grpc-api, port: 9000, targetPort: 9001 }
              - { name: tcp-db, port: 5432 }
              - { name: metrics, port: 9090 }
            """, "svc.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var api = Assert.Single(result.Config!.Services);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api", ["tier"] = "backend" }, api.Selector);
        Assert.Equal(
            [(80, Protocol.Http2, "http-web"), (5432, Protocol.Tcp, "5432"), (9000, Protocol.Grpc, "9001"), (9090, Protocol.Http, "9090")],
            api.Ports.Select(p => (p.Port, p.Protocol, p.EffectiveTargetPort.ToString())));
    }

    [Fact]
    public void Import_AServiceAndTheDestinationRuleOfItsHost_AreOneService_InEitherOrder()
    {
        const string service = "apiVersion: v1\nkind: Service\nmetadata: { name: reviews, namespace: bookinfo }\nspec:\n  selector: { app: reviews, team: books }\n  ports: [{ name: http, port: 9080, targetPort: 8080 }]\n";
        const string rule = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: reviews, namespace: bookinfo }\nspec:\n  host: reviews\n  subsets: [{ name: v1, labels: { version: v1 } }]\n";

        var first = Translator.ImportYaml(service + "---\n" + rule, "a.yaml").Config!;
        var second = Translator.ImportYaml(rule + "---\n" + service, "b.yaml").Config!;

        Assert.Equal(first, second);
        var reviews = Assert.Single(first.Services);
        Assert.Equal(["v1"], reviews.Subsets.Select(s => s.Name));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews", ["team"] = "books" }, reviews.Selector);
        Assert.Equal(TargetPort.Of(8080), Assert.Single(reviews.Ports).TargetPort);
    }

    [Fact]
    public void Import_APortARouteNamesButTheServiceLacks_Stays()
    {
        var result = Translator.ImportYaml("""
            apiVersion: v1
            kind: Service
            metadata: { name: reviews, namespace: bookinfo }
            spec:
              selector: { app: reviews }
              ports: [{ name: http, port: 9080 }]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews, namespace: bookinfo }
            spec:
              hosts: [reviews]
              http: [{ route: [{ destination: { host: reviews, port: { number: 9443 } } }] }]
            """, "svc.yaml");

        var reviews = Assert.Single(result.Config!.Services);
        Assert.Equal([9080, 9443], reviews.Ports.Select(p => p.Port));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("9443", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_TheSameServiceTwice_KeepsTheFirst_AndReportsTheSecond()
    {
        var result = Translator.ImportYaml("apiVersion: v1\nkind: Service\nmetadata: { name: s, namespace: a }\nspec:\n  selector: { app: s }\n  ports: [{ port: 80 }]\n---\napiVersion: v1\nkind: Service\nmetadata: { name: s, namespace: a }\nspec:\n  selector: { app: other }\n  ports: [{ port: 81 }]\n", "svc.yaml");

        Assert.Equal(80, Assert.Single(Assert.Single(result.Config!.Services).Ports).Port);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "svc.yaml#1 $");
    }
}
