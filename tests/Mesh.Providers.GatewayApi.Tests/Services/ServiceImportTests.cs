using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Services;

/// <summary>
/// Core <c>v1</c> Services in a Gateway API input give the model its services: selector, ports with names, target ports and
/// protocols; the ports routes name complete them, and every service a route names without a Service is declared from
/// the route, each said where.
/// </summary>
public sealed class ServiceImportTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static ImportResult Read(string yaml) => Translator.ImportYaml(yaml, "in.yaml");

    private const string Reviews = """
        apiVersion: v1
        kind: Service
        metadata: { name: reviews, namespace: bookinfo }
        spec:
          selector: { app.kubernetes.io/name: reviews, tier: backend }
          ports:
          - { name: http, port: 9080, targetPort: http-web }
          - { name: metrics, port: 9102, targetPort: 19102, appProtocol: kubernetes.io/h2c }
        """;

    [Fact]
    public void Service_GivesTheModelServiceItsSelectorPortsAndTargetPorts()
    {
        var result = Read(Reviews);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var service = Assert.Single(result.Config!.Services);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "reviews", ["tier"] = "backend" }, service.Selector);
        Assert.Equal(
            [("http", 9080, Protocol.Http, TargetPort.Named("http-web")), ("metrics", 9102, Protocol.Http2, TargetPort.Of(19102))],
            service.Ports.Select(p => (p.Name!, p.Port, p.Protocol, p.TargetPort!)));
    }

    /// <summary>The Service wins; a port a route names that the Service lacks is kept, with a warning at the parentRef; a port whose protocol the Service does not say takes the route's.</summary>
    [Fact]
    public void RoutePorts_CompleteTheService_WhichWins()
    {
        var result = Read(Reviews.Replace("name: http,", "name: web,", StringComparison.Ordinal) + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: { name: reviews, namespace: bookinfo }
            spec:
              parentRefs:
              - { group: "", kind: Service, name: reviews, port: 9080, sectionName: grpc-web }
              - { group: "", kind: Service, name: reviews, port: 7070, sectionName: extra }
              rules: [{ backendRefs: [{ name: reviews, port: 9080 }] }]
            """);
        var service = Assert.Single(result.Config!.Services);
        // 9080 is named "web" by the Service (which wins over the sectionName) and speaks gRPC, as the GRPCRoute says and the Service does not.
        Assert.Equal(
            [("extra", 7070, Protocol.Grpc), ("web", 9080, Protocol.Grpc), ("metrics", 9102, Protocol.Http2)],
            service.Ports.Select(p => (p.Name!, p.Port, p.Protocol)));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Severity == DiagnosticSeverity.Warning && d.Path == "in.yaml#1 $.spec.parentRefs[1]");
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Path == "in.yaml#1 $.spec.parentRefs[0].sectionName");
    }

    [Fact]
    public void BackendPortTheServiceLacks_IsAdded_WithAWarning_AndAServiceNotInTheInput_IsDeclaredFromItsReference()
    {
        var result = Read(Reviews + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: web, namespace: bookinfo }
            spec:
              parentRefs: [{ group: "", kind: Service, name: web, port: 80 }]
              rules: [{ backendRefs: [{ name: reviews, port: 8080 }] }]
            """);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Severity == DiagnosticSeverity.Warning && d.Path == "in.yaml#1 $.spec.rules[0].backendRefs[0]");
        Assert.Contains(result.Config!.Services.Single(s => s.Name == "reviews").Ports, p => p.Port == 8080 && p.Protocol == Protocol.Http);
        var web = result.Config.Services.Single(s => s.Name == "web");
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, web.Selector);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Severity == DiagnosticSeverity.Info && d.Path == "in.yaml#1 $.spec.parentRefs[0]" && d.Location is not null);
    }

    [Fact]
    public void SecondServiceOfOneName_IsReported_AndNotRead()
    {
        var result = Read(Reviews + "\n---\n" + Reviews.Replace("tier: backend", "tier: other", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.metadata.name");
        Assert.Equal("backend", Assert.Single(result.Config!.Services).Selector["tier"]);
    }

    /// <summary>A leaf Service whose parent Service is not in the input: the parent is declared with the leaf's ports, and the leaf folds into a subset of it.</summary>
    [Fact]
    public void LeafService_WithoutItsParentService_FoldsIntoASubsetOfAParentDeclaredFromIt()
    {
        var result = Read("""
            apiVersion: v1
            kind: Service
            metadata:
              name: ratings-v2
              namespace: bookinfo
              labels: { mesh-sdk.io/parent-service: ratings, mesh-sdk.io/subset: v2 }
              annotations: { mesh-sdk.io/subset-of: ratings/v2 }
            spec:
              selector: { app: ratings, version: v2 }
              ports: [{ name: http, port: 9080, targetPort: 9081, appProtocol: http }]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: reviews, namespace: bookinfo }
            spec:
              parentRefs: [{ group: "", kind: Service, name: reviews, port: 9080 }]
              rules: [{ backendRefs: [{ name: ratings-v2, port: 9080 }] }]
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Path == "in.yaml#0 $.metadata.annotations['mesh-sdk.io/subset-of']");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.SubsetFolded);
        var ratings = result.Config!.Services.Single(s => s.Name == "ratings");
        Assert.Equal(new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }, Assert.Single(ratings.Subsets));
        Assert.Equal(("http", 9080, TargetPort.Of(9081)), (ratings.Ports[0].Name!, ratings.Ports[0].Port, ratings.Ports[0].TargetPort!));
        var backend = Assert.Single(Assert.Single(result.Config.Routes).Rules[0].Backends);
        Assert.Equal((new ServiceRef("ratings", "bookinfo"), "v2", (int?)9080), (backend.Service, backend.Subset, backend.Port));
        Assert.DoesNotContain(result.Config.Services, s => s.Name == "ratings-v2");
    }
}
