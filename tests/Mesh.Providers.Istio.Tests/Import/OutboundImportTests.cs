using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>
/// <c>Sidecar</c>s without a workload selector ↔ outbound policies: the root namespace's is the mesh-wide one, a namespace's its
/// own; the catch-all egress listener's hosts and <c>outboundTrafficPolicy.mode</c> are carried, the rest reported.
/// </summary>
public sealed class OutboundImportTests
{
    private static readonly IstioTranslator Translator = new();

    private const string Sidecars = """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: { name: default, namespace: istio-system }
        spec:
          outboundTrafficPolicy: { mode: REGISTRY_ONLY }
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: { name: default, namespace: shop }
        spec:
          egress:
          - hosts: ["./*", "istio-system/*", "*/api.stripe.com"]
          outboundTrafficPolicy: { mode: ALLOW_ANY }
        """;

    [Fact]
    public void Import_RootAndNamespaceSidecars_AreTheMeshWideAndTheNamespacesPolicies()
    {
        var result = Translator.ImportYaml(Sidecars, "sidecars.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(
            [new OutboundPolicy { Mode = OutboundMode.RegistryOnly }, new OutboundPolicy { Namespace = "shop", Hosts = ["*/api.stripe.com", "./*", "istio-system/*"] }],
            result.Config!.Outbound);
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Export_OfTheImport_WritesTheSameSidecars()
    {
        var imported = Translator.ImportYaml(Sidecars, "sidecars.yaml").Config!;
        var translated = Translator.Translate(imported);

        Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var yaml = Translator.WriteYaml(translated.Resources);
        Assert.Contains("mode: REGISTRY_ONLY", yaml, StringComparison.Ordinal);
        // Allowing any host is what a Sidecar without a mode takes from the installation's default.
        Assert.DoesNotContain("ALLOW_ANY", yaml, StringComparison.Ordinal);
        Assert.Equal(imported, Translator.ImportYaml(yaml, "back.yaml").Config);
    }

    [Fact]
    public void ASidecarForSomeWorkloads_IsReported_NotImported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: { name: ratings, namespace: shop }
            spec:
              workloadSelector: { labels: { app: ratings } }
              egress:
              - hosts: ["./*"]
            """, "sidecar.yaml");

        Assert.Empty(result.Config!.Outbound);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "sidecar.yaml#0 $.spec");
    }

    [Fact]
    public void PortListeners_BindAndCaptureMode_AreReported_TheCatchAllHostsImported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: { name: default, namespace: shop }
            spec:
              egress:
              - port: { number: 9080, protocol: HTTP, name: http }
                bind: 127.0.0.1
                captureMode: NONE
                hosts: ["payments/*"]
              - hosts: ["./*"]
            """, "sidecar.yaml");

        var policy = Assert.Single(result.Config!.Outbound);
        Assert.Equal(("shop", OutboundMode.AllowAny), (policy.Namespace, policy.Mode));
        Assert.Equal(["./*"], policy.Hosts);
        foreach (var field in new[] { "port", "bind", "captureMode" })
        {
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == $"sidecar.yaml#0 $.spec.egress[0].{field}");
        }
        Assert.Contains(result.Diagnostics, d => d.Path == "sidecar.yaml#0 $.spec.outboundTrafficPolicy" && d.Severity == DiagnosticSeverity.Info);
    }

    [Fact]
    public void AHostThatIsNotNamespaceSlashHost_IsAnError_AtItsPath()
    {
        var result = Translator.ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: { name: default, namespace: shop }
            spec:
              egress:
              - hosts: ["reviews.bookinfo.svc.cluster.local"]
              outboundTrafficPolicy: { mode: SOMETIMES }
            """, "sidecar.yaml");

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Path == "sidecar.yaml#0 $.spec.outboundTrafficPolicy.mode");
    }

    [Fact]
    public void TwoSidecarsOfOneNamespace_KeepTheFirst_AndReportTheSecond()
    {
        var result = Translator.ImportYaml(Sidecars + "\n---\n" + """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: { name: other, namespace: shop }
            spec:
              outboundTrafficPolicy: { mode: REGISTRY_ONLY }
            """, "sidecars.yaml");

        Assert.Equal(OutboundMode.AllowAny, result.Config!.OutboundFor("shop")!.Mode);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "sidecars.yaml#2 $.spec");
    }
}
