using Mesh.Diagnostics;
using Mesh.Model;
using BackendTlsPolicy = Mesh.Providers.GatewayApi.Resources.BackendTlsPolicy;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>Client TLS of destination policies written as <c>gateway.networking.k8s.io/v1</c> BackendTLSPolicies, and what is reported instead.</summary>
public sealed class BackendTlsExportTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static readonly ServiceRef Payments = new("payments", "shop");

    private static readonly MeshService Service = new()
    {
        Name = "payments",
        Namespace = "shop",
        Ports = [new ServicePort { Port = 8443, Protocol = Protocol.Http, Name = "https" }, new ServicePort { Port = 9090, Protocol = Protocol.Http }],
    };

    private static MeshConfig Model(ClientTls tls, int? port = null, string? subset = null) => new()
    {
        Name = "m",
        Services = [subset is null ? Service : Service with { Subsets = [new Subset { Name = subset, Labels = new Dictionary<string, string> { ["version"] = subset } }] }],
        DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Payments, Port = port, Subset = subset }, Tls = tls }],
    };

    private static (TranslationResult Result, List<BackendTlsPolicy> Policies) Translate(MeshConfig model)
    {
        var result = Translator.Translate(model);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return (result, result.Resources.OfType<BackendTlsPolicy>().ToList());
    }

    private static List<Diagnostic> Warnings(TranslationResult result) => [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    [Fact]
    public void SimpleTls_IsABackendTlsPolicyOnTheService_WithSniSansAndTheCredentialAsCa()
    {
        var (result, policies) = Translate(Model(new ClientTls
        {
            Sni = "payments.example.com",
            SubjectAltNames = ["payments.example.com", "*.pay.example.com", "spiffe://example.com/ns/shop/sa/payments"],
            CredentialName = "payments-ca",
        }));
        Assert.Empty(Warnings(result));
        var policy = Assert.Single(policies);
        Assert.Equal(("gateway.networking.k8s.io/v1", "BackendTLSPolicy"), (policy.ApiVersion, policy.Kind));
        Assert.Equal(("payments", "shop"), (policy.Metadata.Name, policy.Metadata.NamespaceProperty));
        var target = Assert.Single(policy.Spec.TargetRefs!);
        Assert.Equal(("", "Service", "payments", (string?)null), (target.Group, target.Kind, target.Name, target.SectionName));
        var validation = policy.Spec.Validation!;
        Assert.Equal("payments.example.com", validation.Hostname);
        Assert.Equal(
            [("Hostname", "payments.example.com", null), ("Hostname", "*.pay.example.com", null), ("URI", null, "spiffe://example.com/ns/shop/sa/payments")],
            validation.SubjectAltNames!.Select(s => (s.Type, s.Hostname, s.Uri)).ToList<(string?, string?, string?)>());
        var ca = Assert.Single(validation.CaCertificateRefs!);
        Assert.Equal(("", "Secret", "payments-ca"), (ca.Group, ca.Kind, ca.Name));
        Assert.Null(validation.WellKnownCaCertificates);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.destinationPolicies[0].tls.credentialName");
        Assert.Null(policy.Spec.Options);
    }

    [Fact]
    public void SimpleTlsWithoutSniOrCa_WritesTheServiceFqdn_WithANote_AndTheSystemRoots()
    {
        var (result, policies) = Translate(Model(new ClientTls()));
        Assert.Empty(Warnings(result));
        var validation = Assert.Single(policies).Spec.Validation!;
        Assert.Equal("payments.shop.svc.cluster.local", validation.Hostname);
        Assert.Equal("System", validation.WellKnownCaCertificates);
        Assert.Null(validation.CaCertificateRefs);
        Assert.Null(validation.SubjectAltNames);
        var note = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.destinationPolicies[0].tls.sni");
        Assert.Equal((DiagnosticCodes.TranslationNote, DiagnosticSeverity.Info), (note.Code, note.Severity));
        Assert.Contains("payments.shop.svc.cluster.local", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpperCaseSni_IsWrittenLowerCase()
    {
        var (_, policies) = Translate(Model(new ClientTls { Sni = "Payments.Example.COM" }));
        Assert.Equal("payments.example.com", Assert.Single(policies).Spec.Validation!.Hostname);
    }

    [Theory]
    [InlineData(8443, "https")]
    [InlineData(9090, "http-9090")]
    public void PortPolicy_TargetsThePortByName_InAPolicyNamedAfterIt(int port, string name)
    {
        var (result, policies) = Translate(Model(new ClientTls(), port));
        Assert.Empty(Warnings(result));
        var policy = Assert.Single(policies);
        Assert.Equal($"payments-{name}", policy.Metadata.Name);
        Assert.Equal(name, Assert.Single(policy.Spec.TargetRefs!).SectionName);
    }

    [Fact]
    public void ServiceAndPortPolicies_AreTwoBackendTlsPolicies_SortedByName()
    {
        var model = Model(new ClientTls { CredentialName = "ca" }) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy { Target = new PolicyTarget { Service = Payments, Port = 8443 }, Tls = new ClientTls { Sni = "pay.example.com" } },
                new DestinationPolicy { Target = new PolicyTarget { Service = Payments }, Tls = new ClientTls { CredentialName = "ca" } },
            ],
        };
        var (_, policies) = Translate(model);
        Assert.Equal(["payments", "payments-https"], policies.Select(p => p.Metadata.Name));
    }

    [Theory]
    [InlineData(ClientTlsMode.Disable, MeshFeatureCase.Unsupported)]
    [InlineData(ClientTlsMode.Mutual, MeshFeatureCase.Unsupported)]
    [InlineData(ClientTlsMode.Mesh, MeshFeatureCase.Approximated)]
    public void OtherModes_WriteNothing_AndAreReportedAtTheMode(ClientTlsMode mode, MeshFeatureCase expected)
    {
        var tls = mode == ClientTlsMode.Mutual ? new ClientTls { Mode = mode, CredentialName = "client" } : new ClientTls { Mode = mode };
        var (result, policies) = Translate(Model(tls));
        Assert.Empty(policies);
        var d = Assert.Single(Warnings(result));
        Assert.Equal("$.spec.destinationPolicies[0].tls.mode", d.Path);
        Assert.Equal(expected == MeshFeatureCase.Unsupported ? DiagnosticCodes.Unsupported : DiagnosticCodes.Approximated, d.Code);
    }

    [Fact]
    public void PortOverrideThatIsNotWritten_UnderAWrittenServicePolicy_IsReportedAsTakingTheServicesTls()
    {
        var model = Model(new ClientTls()) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy { Target = new PolicyTarget { Service = Payments }, Tls = new ClientTls { CredentialName = "ca" } },
                new DestinationPolicy { Target = new PolicyTarget { Service = Payments, Port = 8443 }, Tls = new ClientTls { Mode = ClientTlsMode.Mesh } },
            ],
        };
        var (result, policies) = Translate(model);
        Assert.Equal("payments", Assert.Single(policies).Metadata.Name);
        Assert.Equal(
            [(DiagnosticCodes.Approximated, "$.spec.destinationPolicies[1].tls.mode"), (DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[1].tls")],
            Warnings(result).Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void PortOverrideThatIsNotWritten_WithoutAServicePolicy_IsReportedOnce()
    {
        var (result, _) = Translate(Model(new ClientTls { Mode = ClientTlsMode.Disable }, port: 8443));
        Assert.Equal("$.spec.destinationPolicies[0].tls.mode", Assert.Single(Warnings(result)).Path);
    }

    [Fact]
    public void MeshModeWithSni_ReportsTheSniToo()
    {
        var (result, policies) = Translate(Model(new ClientTls { Mode = ClientTlsMode.Mesh, Sni = "payments.example.com" }));
        Assert.Empty(policies);
        Assert.Equal(
            [(DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].tls.mode"), (DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].tls.sni")],
            Warnings(result).Select(d => (d.Code, d.Path)));
    }

    [Theory]
    [InlineData("caCertificates")]
    [InlineData("insecureSkipVerify")]
    public void CaFileOrSkippedVerification_WritesNothing_AndIsReportedAtTheField(string field)
    {
        var tls = field == "caCertificates" ? new ClientTls { CaCertificates = "/etc/certs/ca.pem" } : new ClientTls { InsecureSkipVerify = true };
        var (result, policies) = Translate(Model(tls));
        Assert.Empty(policies);
        var d = Assert.Single(Warnings(result));
        Assert.Equal((DiagnosticCodes.Unsupported, $"$.spec.destinationPolicies[0].tls.{field}"), (d.Code, d.Path));
    }

    [Fact]
    public void SubsetNoRouteSendsTo_WritesNothing_AndIsReportedAtTheSubset()
    {
        var (result, policies) = Translate(Model(new ClientTls(), subset: "v2"));
        Assert.Empty(policies);
        // The other warning: the subset itself, which no route sends to.
        var d = Assert.Single(Warnings(result), d => d.Path.StartsWith("$.spec.destinationPolicies", StringComparison.Ordinal));
        Assert.Equal((DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].target.subset"), (d.Code, d.Path));
    }

    [Fact]
    public void SubsetARouteSendsTo_TargetsItsLeafService_AndReadsBackAsTheSubsetsPolicy()
    {
        var model = Model(new ClientTls { Sni = "pay.example.com" }, port: 8443, subset: "v2") with
        {
            Routes = [new HttpRoute { Name = "payments", Namespace = "shop", Host = Payments, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Payments, Subset = "v2", Port = 8443 }] }] }],
        };
        var (result, policies) = Translate(model);
        Assert.Empty(Warnings(result));
        var policy = Assert.Single(policies);
        Assert.Equal("payments-v2-https", policy.Metadata.Name);
        var target = Assert.Single(policy.Spec.TargetRefs!);
        Assert.Equal(("payments-v2", "https"), (target.Name, target.SectionName));
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "back.yaml");
        Assert.Equal(new PolicyTarget { Service = Payments, Subset = "v2", Port = 8443 }, Assert.Single(back.Config!.DestinationPolicies).Target);
    }

    [Theory]
    [InlineData("Upper.Example.com")]
    [InlineData("urn:example")]
    public void SubjectAltNameOfNoWritableForm_WritesNothing_AndIsReportedAtTheName(string san)
    {
        var (result, policies) = Translate(Model(new ClientTls { SubjectAltNames = ["ok.example.com", san] }));
        Assert.Empty(policies);
        var d = Assert.Single(Warnings(result));
        Assert.Equal((DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].tls.subjectAltNames[1]"), (d.Code, d.Path));
    }

    [Fact]
    public void MoreThanFiveSubjectAltNames_WriteNothing_AndTheSixthIsReported()
    {
        var (result, policies) = Translate(Model(new ClientTls { SubjectAltNames = [.. Enumerable.Range(1, 6).Select(i => $"n{i}.example.com")] }));
        Assert.Empty(policies);
        Assert.Equal("$.spec.destinationPolicies[0].tls.subjectAltNames[5]", Assert.Single(Warnings(result)).Path);
    }

    [Fact]
    public void OtherPartsOfAPolicy_AreReportedOneByOne_AndItsTlsIsStillWritten()
    {
        var model = Model(new ClientTls()) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy
                {
                    Target = new PolicyTarget { Service = Payments },
                    LoadBalancer = LoadBalancer.Random,
                    ConnectionPool = new ConnectionPool { MaxConnections = 10 },
                    OutlierDetection = new OutlierDetection { Consecutive5xx = 5 },
                    Tls = new ClientTls(),
                },
            ],
        };
        var (result, policies) = Translate(model);
        Assert.Single(policies);
        Assert.Equal(
            ["$.spec.destinationPolicies[0].connectionPool", "$.spec.destinationPolicies[0].loadBalancer", "$.spec.destinationPolicies[0].outlierDetection"],
            Warnings(result).Where(d => d.Code == DiagnosticCodes.Unsupported).Select(d => d.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WriteYaml_WritesTheBackendTlsPolicyKubectlTakes()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Model(new ClientTls { Sni = "pay.example.com", SubjectAltNames = ["spiffe://example.com/sa/p"] }, 8443)).Resources);
        Assert.Contains("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: BackendTLSPolicy
            metadata:
              annotations:
                mesh-sdk.io/source: "destinationPolicies/shop/payments:8443"
              labels:
                app.kubernetes.io/managed-by: mesh-sdk
              name: payments-https
              namespace: shop
            spec:
              targetRefs:
              - group: ""
                kind: Service
                name: payments
                sectionName: https
              validation:
                hostname: pay.example.com
                subjectAltNames:
                - type: URI
                  uri: "spiffe://example.com/sa/p"
                wellKnownCACertificates: System
            """.ReplaceLineEndings("\n"), yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void StrictTranslation_OfAReportedMode_FailsWithoutResources()
    {
        var strict = Translator.Translate(Model(new ClientTls { Mode = ClientTlsMode.Disable }), new TranslationOptions { Strict = true });
        Assert.True(strict.HasErrors);
        Assert.Empty(strict.Resources);
    }

    /// <summary>How a mode is reported.</summary>
    public enum MeshFeatureCase
    {
        /// <summary>MESH2101.</summary>
        Unsupported,

        /// <summary>MESH2102.</summary>
        Approximated,
    }
}
