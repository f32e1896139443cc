using Mesh.Translation;
using System.Globalization;
using System.Text;
using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Conformance.Support;

namespace Mesh.Providers.Linkerd.Tests.Import;

/// <summary>
/// Generated manifests of a workload — its Service (ports with names, appProtocols and targetPorts of every form), a
/// Server per chosen port naming the container port, an AuthorizationPolicy per Server — import to exactly the Service's
/// selector and ports and a policy per Server; importing the export again gives the same model when the Services are written
/// (<see cref="ServiceOutput.All"/>), and changes only what the export reports when they are not (300 cases each).
/// </summary>
public sealed class ServiceRoundTrip
{
    private static readonly LinkerdTranslator Translator = new();

    private static readonly LinkerdTranslator WithServices = new(new LinkerdOptions { ServiceOutput = ServiceOutput.All });

    private static readonly (string AppProtocol, Protocol Protocol, string ProxyProtocol)[] Protocols =
    [
        ("http", Protocol.Http, "HTTP/1"), ("kubernetes.io/h2c", Protocol.Http2, "HTTP/2"), ("linkerd.io/opaque", Protocol.Tcp, "opaque"), ("grpc", Protocol.Grpc, "gRPC"),
    ];

    private static readonly string[] Names = ["web", "rpc", "admin", "metrics", "main"];

    /// <summary>How a Service port points at its container port: by name (<c>c-&lt;name&gt;</c>), not at all (the Service port's number and name), or by the same number.</summary>
    private enum Target
    {
        ContainerName,
        None,
        SameNumber,
    }

    private sealed record Port(string Name, int Number, int Protocol, Target Target, bool Server);

    private static readonly Gen<Port[]> Ports = Gen.Select(Gen.Int[1, 65535], Gen.Int[0, Protocols.Length - 1], Gen.Enum<Target>(), Gen.Bool)
        .Array[1, 4]
        .Select(ports => ports.DistinctBy(p => p.Item1).Select((p, i) => new Port(Names[i], p.Item1, p.Item2, p.Item3, p.Item4)).ToArray());

    private static string Manifest(Port[] ports)
    {
        var yaml = new StringBuilder("""
            apiVersion: v1
            kind: Service
            metadata: { name: shop, namespace: bazaar }
            spec:
              selector: { app: shop }
              ports:

            """);
        foreach (var p in ports)
        {
            var target = p.Target switch
            {
                Target.ContainerName => $", targetPort: c-{p.Name}",
                Target.SameNumber => $", targetPort: {p.Number}",
                _ => string.Empty,
            };
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: {p.Name}, port: {p.Number}, appProtocol: {Protocols[p.Protocol].AppProtocol}{target} }}\n");
        }
        foreach (var p in ports.Where(p => p.Server))
        {
            var container = p.Target == Target.ContainerName ? "c-" + p.Name : p.Name;
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                ---
                apiVersion: policy.linkerd.io/v1beta3
                kind: Server
                metadata: { name: shop-{{p.Name}}, namespace: bazaar }
                spec:
                  podSelector: { matchLabels: { app: shop } }
                  port: {{container}}
                  proxyProtocol: {{Protocols[p.Protocol].ProxyProtocol}}
                ---
                apiVersion: policy.linkerd.io/v1alpha1
                kind: AuthorizationPolicy
                metadata: { name: allow-{{p.Name}}, namespace: bazaar }
                spec:
                  targetRef: { group: policy.linkerd.io, kind: Server, name: shop-{{p.Name}} }
                  requiredAuthenticationRefs: [{ kind: ServiceAccount, name: client }]

                """);
        }
        return yaml.ToString();
    }

    [Fact]
    public void ServicePortsAndNamedServerPorts_ImportExactly() =>
        Ports.Sample(ports =>
        {
            var result = Translator.ImportYaml(Manifest(ports), "in.yaml");
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            var service = Assert.Single(result.Config!.Services);
            Assert.Equal(new ServiceRef("shop", "bazaar"), service.Reference);
            Assert.Equal(new Dictionary<string, string> { ["app"] = "shop" }, service.Selector);
            Assert.Equal(
                ports.Select(p => new ServicePort { Name = p.Name, Port = p.Number, Protocol = Protocols[p.Protocol].Protocol, TargetPort = p.Target == Target.ContainerName ? TargetPort.Named("c-" + p.Name) : p.Number }).OrderBy(p => p.Port),
                service.Ports);
            // A policy per Server, naming the Server's port when the service has others.
            var expected = ports.Where(p => p.Server).Select(p => $"allow-{p.Name}: {(ports.Length > 1 ? p.Number : "-")}").Order(StringComparer.Ordinal);
            Assert.Equal(expected, result.Config.AccessPolicies.Select(a => $"{a.Name}: {(Assert.Single(a.Rules).To is { } to ? string.Join(",", to.Ports) : "-")}").Order(StringComparer.Ordinal));
        }, iter: 300);

    [Fact]
    public void ImportOfTheExport_WithTheServicesWritten_IsTheSameModel() =>
        Ports.Sample(ports =>
        {
            var imported = WithServices.ImportYaml(Manifest(ports), "in.yaml").Config!;
            var translated = WithServices.Translate(imported);
            var again = WithServices.ImportYaml(WithServices.WriteYaml(translated.Resources), "again.yaml");
            Assert.DoesNotContain(again.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(imported, again.Config);
        }, iter: 300);

    [Fact]
    public void ImportOfTheExport_WithoutTheServicesWritten_DiffersOnlyWhereTheExportSaysSo() =>
        Ports.Sample(ports =>
        {
            var imported = Translator.ImportYaml(Manifest(ports), "in.yaml").Config!;
            var translated = Translator.Translate(imported);
            var again = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "again.yaml").Config!;
            var unexplained = ModelDiff.Paths(imported, again)
                .Where(path => !translated.Diagnostics.Any(d => path == d.Path || path.StartsWith(d.Path + ".", StringComparison.Ordinal) || path.StartsWith(d.Path + "[", StringComparison.Ordinal)))
                .ToList();
            Assert.True(unexplained.Count == 0, $"unexplained: {string.Join(", ", unexplained)}\n{imported.Services}\n{again.Services}\n{imported.AccessPolicies}\n{again.AccessPolicies}");
            // Every port of the service gets a Server with its protocol, on the container port it targets: the access policies
            // survive unchanged, but a Server that names a container port cannot be resolved without the Service, and its
            // policy is lost (which the export notes at the policy).
            if (ports.All(p => p.Target != Target.ContainerName)) Assert.Equal(imported.AccessPolicies, again.AccessPolicies);
            Assert.Equal(
                ports.Where(p => p.Server && p.Target != Target.ContainerName).Select(p => "allow-" + p.Name).Order(StringComparer.Ordinal),
                again.AccessPolicies.Select(a => a.Name).Order(StringComparer.Ordinal));
        }, iter: 300);
}
