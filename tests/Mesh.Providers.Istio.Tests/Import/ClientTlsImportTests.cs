using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>A DestinationRule's <c>trafficPolicy.tls</c> and <c>portLevelSettings</c>: imported as client TLS and per-port destination policies, written back the same.</summary>
public sealed class ClientTlsImportTests
{
    private static readonly IstioTranslator Translator = new();
    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    private const string Rule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          host: reviews.bookinfo.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              simple: LEAST_REQUEST
            tls:
              mode: SIMPLE
              sni: reviews.example.com
              subjectAltNames:
              - reviews.example.com
              credentialName: reviews-ca
            portLevelSettings:
            - port:
                number: 9443
              tls:
                mode: MUTUAL
                credentialName: reviews-client
            - port:
                number: 9080
              loadBalancer:
                simple: RANDOM
          subsets:
          - name: v1
            labels:
              version: v1
            trafficPolicy:
              tls:
                mode: ISTIO_MUTUAL
        """;

    [Fact]
    public void Import_TlsAndPortLevelSettings_BecomeDestinationPoliciesPerTarget()
    {
        var result = Translator.ImportYaml(Rule, "rule.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var config = result.Config!;
        Assert.DoesNotContain(MeshValidator.Validate(config), d => d.IsError);
        var policies = config.DestinationPolicies.ToDictionary(p => (p.Target.Subset, p.Target.Port));
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Simple, Sni = "reviews.example.com", SubjectAltNames = ["reviews.example.com"], CredentialName = "reviews-ca" }, policies[(null, null)].Tls);
        Assert.Equal(LoadBalancer.LeastRequest, policies[(null, null)].LoadBalancer);
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Mutual, CredentialName = "reviews-client" }, policies[(null, 9443)].Tls);
        Assert.Equal(LoadBalancer.Random, policies[(null, 9080)].LoadBalancer);
        Assert.Null(policies[(null, 9080)].Tls);
        Assert.Equal(ClientTlsMode.Mesh, policies[("v1", null)].Tls!.Mode);
        // The ports the settings name are declared on the service (no Kubernetes Service was given).
        Assert.Equal([9080, 9443], config.FindService(Reviews)!.Ports.Select(p => p.Port).Order());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);
    }

    [Fact]
    public void Export_OfTheImport_WritesTheSameTrafficPolicies()
    {
        var imported = Translator.ImportYaml(Rule, "rule.yaml").Config!;
        var back = Translator.ImportYaml(Translator.WriteYaml(Translator.Translate(imported).Resources), "back.yaml");
        Assert.Equal(imported.Normalize(), back.Config);
        var yaml = Translator.WriteYaml(Translator.Translate(imported).Resources);
        Assert.Contains("portLevelSettings:", yaml, StringComparison.Ordinal);
        Assert.Contains("mode: ISTIO_MUTUAL", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CertificateFiles_AreReported_AndMutualWithFilesOnly_IsNotImported()
    {
        var yaml = Rule.Replace("credentialName: reviews-client", "clientCertificate: /etc/certs/client.pem\n        privateKey: /etc/certs/key.pem", StringComparison.Ordinal);
        var result = Translator.ImportYaml(yaml, "rule.yaml");
        Assert.False(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "rule.yaml#0 $.spec.trafficPolicy.portLevelSettings[0].tls.clientCertificate");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "rule.yaml#0 $.spec.trafficPolicy.portLevelSettings[0].tls");
        Assert.DoesNotContain(result.Config!.DestinationPolicies, p => p.Target.Port == 9443);
    }

    [Fact]
    public void Import_DisabledTlsWithSettings_KeepsTheMode_AndReportsTheRest()
    {
        var yaml = Rule.Replace("mode: ISTIO_MUTUAL", "mode: DISABLE\n        sni: x.example.com", StringComparison.Ordinal);
        var result = Translator.ImportYaml(yaml, "rule.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Disable }, result.Config!.DestinationPolicies.Single(p => p.Target.Subset == "v1").Tls);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "rule.yaml#0 $.spec.subsets[0].trafficPolicy.tls.sni");
    }
}
