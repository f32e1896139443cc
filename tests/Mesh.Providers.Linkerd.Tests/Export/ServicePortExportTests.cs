using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Export;

/// <summary>Service ports on export: the provider writes no Service, so what only a Service would carry is reported at the port's path.</summary>
public sealed class ServicePortExportTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static readonly ServiceRef Web = new("web", "shop");

    private static MeshConfig Model(params ServicePort[] ports) => new()
    {
        Name = "m",
        Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [.. ports] }, new MeshService { Name = "db", Namespace = "shop", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] }],
        Routes = [new HttpRoute { Name = "web", Namespace = "shop", Host = Web, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Web, Port = 80 }] }] }],
    };

    private static List<Diagnostic> ServiceDiagnostics(TranslationResult result) =>
        [.. result.Diagnostics.Where(d => d.Path.StartsWith("$.spec.services", StringComparison.Ordinal))];

    [Fact]
    public void PortsNoResourceNames_AreReported()
    {
        var result = Translator.Translate(Model(new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 9990, Protocol = Protocol.Tcp }));
        var port = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.services[0].ports[1]");
        Assert.Equal((DiagnosticCodes.TranslationNote, DiagnosticSeverity.Info), (port.Code, port.Severity));
        Assert.Contains("port 9990", port.Message, StringComparison.Ordinal);
        // No written resource names the db service at all: one diagnostic for the service.
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.services[1]" && d.Severity == DiagnosticSeverity.Info);
        Assert.Equal(2, ServiceDiagnostics(result).Count);
    }

    [Fact]
    public void PortNames_AreReported()
    {
        var result = Translator.Translate(Model(new ServicePort { Name = "public", Port = 80, Protocol = Protocol.Http }));
        var port = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.services[0].ports[0]");
        Assert.Contains("its name 'public' (read back as 'http-80')", port.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtocolsNoResourceCarries_AreReportedWithTheAppProtocolToSet()
    {
        var result = Translator.Translate(Model(new ServicePort { Port = 80, Protocol = Protocol.Http2 }));
        var port = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.services[0].ports[0]");
        Assert.Contains("protocol http2", port.Message, StringComparison.Ordinal);
        Assert.Contains("appProtocol kubernetes.io/h2c", port.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortsTheResourcesGiveBackAsTheyAre_AreNotReported()
    {
        var model = Model(new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Name = "http2-81", Port = 81, Protocol = Protocol.Http2 }) with
        {
            Routes = [],
            AccessPolicies = [new AccessPolicy { Name = "a", Namespace = "shop", Target = new PolicyTarget { Service = Web }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "x")] } }] }],
        };
        // Each port gets a Server whose proxyProtocol says its protocol: both read back as they are.
        Assert.DoesNotContain(Translator.Translate(model).Diagnostics, d => d.Path.StartsWith("$.spec.services[0]", StringComparison.Ordinal));
    }
}
