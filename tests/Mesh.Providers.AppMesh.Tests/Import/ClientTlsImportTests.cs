using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Providers.AppMesh.Tests.Import.ImportYaml;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>A caller's <c>clientPolicy.tls</c> (per backend, or its backend defaults) read as the destination's client TLS.</summary>
public sealed class ClientTlsImportTests
{
    /// <summary>A front node calling the colour service with <paramref name="spec"/> (spec-level YAML, two-space indent), then the colour app.</summary>
    private static Mesh.Translation.ImportResult Front(string spec) =>
        Read(Node("front", "app: front", extra: spec) + Service("front", "virtualNode: { virtualNodeRef: { name: front } }") + Service("color") + ColorNodes + Router("""
                - name: r
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] } }
            """) + "\n");

    private static ClientTls ColorTls(Mesh.Translation.ImportResult result) =>
        Assert.Single(result.Config!.DestinationPolicies, p => p.Target.Service == new ServiceRef("color", "shop")).Tls!;

    [Fact]
    public void BackendDefaults_AreTheTlsOfEveryListedBackend()
    {
        var result = Front("""
              backends: [{ virtualService: { virtualServiceRef: { name: color } } }]
              backendDefaults:
                clientPolicy:
                  tls:
                    enforce: true
                    validation:
                      trust: { file: { certificateChain: /certs/ca.pem } }
                      subjectAlternativeNames: { match: { exact: [color.shop.svc.cluster.local] } }
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(new ClientTls { CaCertificates = "/certs/ca.pem", SubjectAltNames = ["color.shop.svc.cluster.local"] }, ColorTls(result));
        Assert.Equal(DiagnosticCodes.TranslationNote, At(result, "#0 $.spec.backendDefaults.clientPolicy.tls").Code);
    }

    [Fact]
    public void BackendPolicy_WithSdsCertificate_IsMutual()
    {
        var result = Front("""
              backends:
                - virtualService:
                    virtualServiceRef: { name: color }
                    clientPolicy: { tls: { certificate: { sds: { secretName: front-client } }, validation: { trust: { sds: { secretName: front-client } } } } }
            """);
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Mutual, CredentialName = "front-client" }, ColorTls(result));
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("clientPolicy", StringComparison.Ordinal));
    }

    [Fact]
    public void NotEnforced_IsDisable()
    {
        var result = Front("""
              backends:
                - virtualService:
                    virtualServiceRef: { name: color }
                    clientPolicy: { tls: { enforce: false, validation: { trust: { file: { certificateChain: /etc/pki/tls/certs/ca-bundle.crt } } } } }
            """);
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Disable }, ColorTls(result));
    }

    [Fact]
    public void FileCertificate_AcmTrust_Ports_AndAnotherTrustSecret_AreReportedAtTheirPaths()
    {
        const string tls = "$.spec.backends[0].virtualService.clientPolicy.tls";
        var files = Front("""
              backends:
                - virtualService:
                    virtualServiceRef: { name: color }
                    clientPolicy: { tls: { ports: [8080], certificate: { file: { certificateChain: /c.pem, privateKey: /k.pem } }, validation: { trust: { acm: { certificateAuthorityARNs: ["arn:aws:acm-pca:us-west-2:1:certificate-authority/x"] } } } } }
            """);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(files, $"#0 {tls}.certificate.file").Code);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(files, $"#0 {tls}.validation.trust.acm").Code);
        Assert.DoesNotContain(files.Diagnostics, d => d.Path.EndsWith(".ports", StringComparison.Ordinal));
        Assert.Equal(new ClientTls(), ColorTls(files));
        // The policy is the port's: App Mesh limits the backend's client TLS to it.
        Assert.Equal(8080, Assert.Single(files.Config!.DestinationPolicies).Target.Port);

        var secrets = Front("""
              backends:
                - virtualService:
                    virtualServiceRef: { name: color }
                    clientPolicy: { tls: { certificate: { sds: { secretName: a } }, validation: { trust: { sds: { secretName: b } } } } }
            """);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(secrets, $"#0 {tls}.validation.trust.sds").Code);
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Mutual, CredentialName = "a" }, ColorTls(secrets));
    }

    [Fact]
    public void Ports_ThatTheServiceDoesNotHave_AreReported_OthersArePolicies()
    {
        const string tls = "$.spec.backends[0].virtualService.clientPolicy.tls";
        var result = Front("""
              backends:
                - virtualService:
                    virtualServiceRef: { name: color }
                    clientPolicy: { tls: { ports: [9999, 8080], validation: { trust: { file: { certificateChain: /ca.pem } } } } }
            """);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, $"#0 {tls}.ports").Code);
        var policy = Assert.Single(result.Config!.DestinationPolicies);
        Assert.Equal((new ServiceRef("color", "shop"), (int?)8080), (policy.Target.Service, policy.Target.Port));
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Simple, CaCertificates = "/ca.pem" }, policy.Tls);
    }

    [Fact]
    public void BadValues_AreInvalidWithPaths_NotThrown()
    {
        var result = Front("""
              backends:
                - virtualService:
                    virtualServiceRef: { name: color }
                    clientPolicy: { tls: { validation: { subjectAlternativeNames: { match: { exact: ["two words"] } } } } }
            """);
        const string tls = "#0 $.spec.backends[0].virtualService.clientPolicy.tls";
        Assert.True(At(result, tls + ".validation.subjectAlternativeNames.match.exact[0]").IsError);
        Assert.True(At(result, tls + ".validation.trust").IsError);
    }

    [Fact]
    public void BackendOfAnUnknownVirtualService_IsReported()
    {
        var result = Front("""
              backends:
                - virtualService:
                    virtualServiceRef: { name: elsewhere }
                    clientPolicy: { tls: { validation: { trust: { file: { certificateChain: /ca.pem } } } } }
            """);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#0 $.spec.backends[0].virtualService.clientPolicy.tls").Code);
        Assert.DoesNotContain(result.Config!.DestinationPolicies, p => p.Tls is not null);
    }
}
