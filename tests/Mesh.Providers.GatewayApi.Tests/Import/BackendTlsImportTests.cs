using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Import;

/// <summary>What import makes of BackendTLSPolicies: the client TLS of destination policies, and what it reports.</summary>
public sealed class BackendTlsImportTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static readonly ServiceRef Payments = new("payments", "shop");

    private static ImportResult Read(string yaml) => Translator.ImportYaml(yaml, "in.yaml");

    private const string PaymentsService = """
        apiVersion: v1
        kind: Service
        metadata: { name: payments, namespace: shop }
        spec:
          selector: { app: payments }
          ports:
          - { name: https, port: 8443 }
          - { name: admin, port: 9443 }
        ---

        """;

    private static string Policy(string validation, string targets = "[{ group: \"\", kind: Service, name: payments }]", string name = "payments", string extra = "") => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {"{"} name: {name}, namespace: shop {extra}{"}"}
        spec:
          targetRefs: {targets}
          validation:
        {validation}
        """;

    private const string Full = """
            hostname: payments.example.com
            caCertificateRefs: [{ group: "", kind: Secret, name: payments-ca }]
            subjectAltNames:
            - { type: Hostname, hostname: payments.example.com }
            - { type: URI, uri: "spiffe://example.com/ns/shop/sa/payments" }
        """;

    private static DestinationPolicy Single(ImportResult result)
    {
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Config!.DestinationPolicies);
    }

    [Fact]
    public void BackendTlsPolicy_IsSimpleTlsOfItsService_WithSniSansAndCredential()
    {
        var result = Read(PaymentsService + Policy(Full));
        var policy = Single(result);
        Assert.Equal(new PolicyTarget { Service = Payments }, policy.Target);
        Assert.Equal(
            new ClientTls { Mode = ClientTlsMode.Simple, Sni = "payments.example.com", SubjectAltNames = ["payments.example.com", "spiffe://example.com/ns/shop/sa/payments"], CredentialName = "payments-ca" },
            policy.Tls);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void HostnameThatIsTheServiceFqdn_AndSystemRoots_ReadAsTheModelsDefaults()
    {
        var result = Read(PaymentsService + Policy("""
                hostname: payments.shop.svc.cluster.local
                wellKnownCACertificates: System
            """));
        Assert.Equal(new ClientTls(), Single(result).Tls);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "in.yaml#1 $.spec.validation.hostname");
    }

    [Fact]
    public void ConfigMapCa_IsReadAsTheCredential_WithANote()
    {
        var result = Read(PaymentsService + Policy("""
                hostname: payments.example.com
                caCertificateRefs: [{ group: "", kind: ConfigMap, name: payments-ca }]
            """));
        Assert.Equal("payments-ca", Single(result).Tls!.CredentialName);
        var note = Assert.Single(result.Diagnostics, d => d.Path == "in.yaml#1 $.spec.validation.caCertificateRefs[0]");
        Assert.Equal((DiagnosticCodes.TranslationNote, DiagnosticSeverity.Info), (note.Code, note.Severity));
    }

    [Fact]
    public void SectionName_IsThePortOfThatNameOfTheService()
    {
        var result = Read(PaymentsService + Policy(Full, "[{ group: \"\", kind: Service, name: payments, sectionName: admin }]"));
        Assert.Equal(new PolicyTarget { Service = Payments, Port = 9443 }, Single(result).Target);
    }

    [Fact]
    public void SectionNameTheServiceLacks_IsNotImported()
    {
        var result = Read(PaymentsService + Policy(Full, "[{ group: \"\", kind: Service, name: payments, sectionName: grpc }]"));
        Assert.False(result.HasErrors);
        Assert.Empty(result.Config!.DestinationPolicies);
        var d = Assert.Single(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal((DiagnosticCodes.FieldNotImported, "in.yaml#1 $.spec.targetRefs[0].sectionName"), (d.Code, d.Path));
    }

    [Fact]
    public void ServiceNotInTheInput_IsDeclaredFromTheTargetRef_WithItsDefaultFormPort()
    {
        var result = Read(Policy(Full, "[{ group: \"\", kind: Service, name: payments, sectionName: tls-8443 }]"));
        var policy = Single(result);
        Assert.Equal(new PolicyTarget { Service = Payments, Port = 8443 }, policy.Target);
        var service = Assert.Single(result.Config!.Services);
        Assert.Equal((8443, Protocol.Tls, "tls-8443"), (Assert.Single(service.Ports).Port, service.Ports[0].Protocol, service.Ports[0].EffectiveName));
        Assert.Contains(result.Diagnostics, d => (d.Code, d.Severity, d.Path) == (DiagnosticCodes.ServiceInferred, DiagnosticSeverity.Info, "in.yaml#0 $.spec.targetRefs[0]"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void ServiceNotInTheInput_WithAPortNamedByARoute_TakesThatPort()
    {
        var route = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: payments, namespace: shop }
            spec:
              parentRefs: [{ group: "", kind: Service, name: payments, port: 8443, sectionName: web }, { group: "", kind: Service, name: payments, port: 80, sectionName: plain }]
              rules: [{ backendRefs: [{ name: payments }] }]
            ---

            """;
        var result = Read(route + Policy(Full, "[{ group: \"\", kind: Service, name: payments, sectionName: web }]"));
        Assert.Equal(new PolicyTarget { Service = Payments, Port = 8443 }, Single(result).Target);
    }

    [Fact]
    public void WholeServiceNotInTheInput_IsDeclaredWithoutPorts()
    {
        var result = Read(Policy(Full));
        Single(result);
        Assert.Equal("payments.shop", Assert.Single(result.Config!.Services).Reference.ToString());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Path == "in.yaml#0 $.spec.targetRefs[0]");
    }

    [Fact]
    public void SeveralTargetRefs_AreOneDestinationPolicyEach_AndOtherKindsAreReported()
    {
        var result = Read(PaymentsService + Policy(Full,
            "[{ group: \"\", kind: Service, name: payments, sectionName: https }, { group: \"\", kind: Service, name: payments, sectionName: admin }, { group: inference.networking.k8s.io, kind: InferencePool, name: pool }]"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal([(int?)8443, 9443], result.Config!.DestinationPolicies.Select(p => p.Target.Port));
        Assert.All(result.Config.DestinationPolicies, p => Assert.Equal("payments-ca", p.Tls!.CredentialName));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.targetRefs[2]");
    }

    [Fact]
    public void TwoPoliciesForOneTarget_TheFirstByNamespaceAndNameWins_TheOtherIsReported()
    {
        var other = Policy("""
                hostname: other.example.com
                wellKnownCACertificates: System
            """, name: "a-first");
        var result = Read(PaymentsService + Policy(Full, name: "z-last") + "\n---\n" + other);
        Assert.Equal("other.example.com", Single(result).Tls!.Sni);
        var d = Assert.Single(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal("in.yaml#1 $.spec.targetRefs[0]", d.Path);
        Assert.Contains("shop/a-first", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OlderPolicy_TakesPrecedence_OverTheFirstByName()
    {
        var older = Policy("""
                hostname: older.example.com
                wellKnownCACertificates: System
            """, name: "z-older", extra: ", creationTimestamp: \"2024-01-01T00:00:00Z\"");
        var result = Read(PaymentsService + Policy(Full, name: "a-newer", extra: ", creationTimestamp: \"2025-01-01T00:00:00Z\"") + "\n---\n" + older);
        Assert.Equal("older.example.com", Single(result).Tls!.Sni);
    }

    [Fact]
    public void Options_AreReported()
    {
        var result = Read(PaymentsService + Policy(Full) + "\n  options: { example.com/min-tls: \"1.3\" }\n");
        Single(result);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.options");
    }

    [Fact]
    public void ImplementationWellKnownCas_AreNotImported()
    {
        var result = Read(PaymentsService + Policy("""
                hostname: payments.example.com
                wellKnownCACertificates: example.com/private-cas
            """));
        Assert.Empty(result.Config!.DestinationPolicies);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.validation.wellKnownCACertificates");
    }

    [Fact]
    public void FurtherCaRefs_AreReported_AndTheFirstIsTheCredential()
    {
        var result = Read(PaymentsService + Policy("""
                hostname: payments.example.com
                caCertificateRefs: [{ group: "", kind: Secret, name: one }, { group: "", kind: Secret, name: two }]
            """));
        Assert.Equal("one", Single(result).Tls!.CredentialName);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.validation.caCertificateRefs[1]");
    }

    [Fact]
    public void CaOfAnotherKind_IsNotImported()
    {
        var result = Read(PaymentsService + Policy("""
                hostname: payments.example.com
                caCertificateRefs: [{ group: certificates.k8s.io, kind: ClusterTrustBundle, name: cas }]
            """));
        Assert.Empty(result.Config!.DestinationPolicies);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.validation.caCertificateRefs[0]");
    }

    [Theory]
    [InlineData("    hostname: a.example.com\n    wellKnownCACertificates: System\n    caCertificateRefs: [{ group: \"\", kind: Secret, name: ca }]", "$.spec.validation")]
    [InlineData("    hostname: a.example.com", "$.spec.validation")]
    [InlineData("    wellKnownCACertificates: System", "$.spec.validation.hostname")]
    [InlineData("    hostname: A.example.com\n    wellKnownCACertificates: System", "$.spec.validation.hostname")]
    [InlineData("    hostname: a.example.com\n    wellKnownCACertificates: System\n    subjectAltNames: [{ type: Hostname, uri: \"spiffe://a/b\" }]", "$.spec.validation.subjectAltNames[0]")]
    [InlineData("    hostname: a.example.com\n    wellKnownCACertificates: System\n    subjectAltNames: [{ type: IP, hostname: a }]", "$.spec.validation.subjectAltNames[0].type")]
    public void InvalidValidation_IsAnError_AtItsPath(string validation, string path)
    {
        var result = Read(PaymentsService + Policy(validation));
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidResource && d.Path == "in.yaml#1 " + path);
    }

    [Fact]
    public void MissingTargetRefs_IsAnError()
    {
        var result = Read(PaymentsService + Policy(Full, "[]"));
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidResource && d.Path == "in.yaml#1 $.spec.targetRefs");
    }

    [Fact]
    public void ImportedTls_TranslatesBack_AndReadsAsTheSameModel()
    {
        var all = new GatewayApiTranslator(new GatewayApiOptions { ServiceOutput = ServiceOutput.All });
        var model = Read(PaymentsService + Policy(Full, "[{ group: \"\", kind: Service, name: payments, sectionName: https }]")).Config!;
        var translated = all.Translate(model);
        var policy = Assert.Single(translated.Resources.OfType<Resources.BackendTlsPolicy>());
        Assert.Equal("https", Assert.Single(policy.Spec.TargetRefs!).SectionName);
        Assert.Equal(model, all.Import(translated.Resources).Config);
    }
}
