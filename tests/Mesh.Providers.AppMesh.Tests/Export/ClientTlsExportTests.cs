using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>A destination policy's client TLS on each caller's backend entry (<c>backends[].virtualService.clientPolicy.tls</c>).</summary>
public sealed class ClientTlsExportTests
{
    /// <summary>reviews (subsets v1, v2) and ratings call each other; the policy is on <paramref name="target"/>.</summary>
    private static MeshConfig Bookinfo(ClientTls tls, ServiceRef? target = null, string? subset = null) => new()
    {
        Name = "bookinfo",
        Services = [ReviewsService(Version("v1"), Version("v2")), RatingsService()],
        DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = target ?? Ratings, Subset = subset }, Tls = tls }],
    };

    private static ClientPolicyTls BackendTls(Exported export, string node, string service) =>
        Assert.Single(export.Node(node).Spec.Backends!, b => b.VirtualService!.VirtualServiceRef!.Name == service).VirtualService!.ClientPolicy!.Tls!;

    private static MeshConfig RoundTrip(Exported export) => export.Translator.ImportYaml(export.Yaml, "back.yaml").Config!;

    [Fact]
    public void SimpleTls_WithCaFileAndNames_IsWrittenOnEveryCallersBackend_AndReadsBack()
    {
        var model = Bookinfo(new ClientTls { Mode = ClientTlsMode.Simple, CaCertificates = "/certs/ca.pem", SubjectAltNames = ["ratings.example.com"] });
        var export = new Exported(model);
        foreach (var caller in new[] { "reviews-v1", "reviews-v2" })
        {
            var tls = BackendTls(export, caller, "ratings");
            Assert.True(tls.Enforce);
            Assert.Null(tls.Certificate);
            Assert.Equal("/certs/ca.pem", tls.Validation!.Trust!.File!.CertificateChain);
            Assert.Equal(["ratings.example.com"], tls.Validation.SubjectAlternativeNames!.Match!.Exact!);
        }
        // The callee does not call itself, and its callers' other backends carry no policy.
        Assert.Null(export.Node("ratings").Spec.Backends!.Single().VirtualService!.ClientPolicy);
        Assert.DoesNotContain(export.Diagnostics, d => d.Path.StartsWith("$.spec.destinationPolicies", StringComparison.Ordinal));
        Assert.Equal(model.Normalize().DestinationPolicies, RoundTrip(export).DestinationPolicies);
    }

    [Fact]
    public void PortTls_IsLimitedToThePort_AndTheServicesOwnTlsWins()
    {
        var simple = new ClientTls { Mode = ClientTlsMode.Simple, CaCertificates = "/certs/ca.pem" };
        var model = Bookinfo(simple) with
        {
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Ratings, Port = 9080 }, Tls = simple, LoadBalancer = LoadBalancer.Random }],
        };
        var export = new Exported(model);
        var tls = BackendTls(export, "reviews-v1", "ratings");
        Assert.Equal([9080], tls.Ports!);
        Assert.Equal("/certs/ca.pem", tls.Validation!.Trust!.File!.CertificateChain);
        // The load balancer is not per port in App Mesh: reported, while the TLS is written.
        Assert.Contains(export.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.destinationPolicies[0].target.port" && d.Message.Contains("its client TLS is", StringComparison.Ordinal));
        var back = Assert.Single(RoundTrip(export).DestinationPolicies);
        Assert.Equal((Ratings, (int?)9080, simple), (back.Target.Service, back.Target.Port, back.Tls));

        // With the service's own TLS, a backend has one client policy: the port's other TLS is reported.
        var both = Bookinfo(simple) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy { Target = new PolicyTarget { Service = Ratings, Port = 9080 }, Tls = new ClientTls { Mode = ClientTlsMode.Disable } },
                new DestinationPolicy { Target = new PolicyTarget { Service = Ratings }, Tls = simple },
            ],
        };
        var second = new Exported(both);
        Assert.Null(BackendTls(second, "reviews-v1", "ratings").Ports);
        Assert.True(BackendTls(second, "reviews-v1", "ratings").Enforce);
        Assert.Contains(second.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.destinationPolicies[0].tls");
    }

    [Fact]
    public void SimpleTls_WithoutTrust_TrustsTheSystemBundle_AndReadsBackWithoutIt()
    {
        var model = Bookinfo(new ClientTls { Mode = ClientTlsMode.Simple });
        var export = new Exported(model);
        Assert.Equal("/etc/pki/tls/certs/ca-bundle.crt", BackendTls(export, "reviews-v1", "ratings").Validation!.Trust!.File!.CertificateChain);
        Assert.Equal(model.Normalize().DestinationPolicies, RoundTrip(export).DestinationPolicies);
    }

    [Fact]
    public void MutualTls_PresentsAndTrustsTheCredentialSecret()
    {
        var model = Bookinfo(new ClientTls { Mode = ClientTlsMode.Mutual, CredentialName = "ratings-client" });
        var export = new Exported(model);
        var tls = BackendTls(export, "reviews-v2", "ratings");
        Assert.Equal("ratings-client", tls.Certificate!.Sds!.SecretName);
        Assert.Equal("ratings-client", tls.Validation!.Trust!.Sds!.SecretName);
        Assert.Equal(model.Normalize().DestinationPolicies, RoundTrip(export).DestinationPolicies);
    }

    [Fact]
    public void DisableAndMesh_AreEnforceFalse_AndTheNodesOwnMtlsCertificate()
    {
        var disabled = new Exported(Bookinfo(new ClientTls { Mode = ClientTlsMode.Disable }));
        Assert.False(BackendTls(disabled, "reviews-v1", "ratings").Enforce);
        Assert.Equal(ClientTlsMode.Disable, RoundTrip(disabled).DestinationPolicies.Single().Tls!.Mode);

        var mesh = new Exported(Bookinfo(new ClientTls { Mode = ClientTlsMode.Mesh, SubjectAltNames = ["spiffe://cluster.local/ns/bookinfo/ratings"] }));
        var tls = BackendTls(mesh, "reviews-v1", "ratings");
        Assert.Equal("spiffe://cluster.local/ns/bookinfo/reviews-v1", tls.Certificate!.Sds!.SecretName);
        Assert.Equal("spiffe://cluster.local", tls.Validation!.Trust!.Sds!.SecretName);
        Assert.Equal("spiffe://cluster.local/ns/bookinfo/reviews-v2", BackendTls(mesh, "reviews-v2", "ratings").Certificate!.Sds!.SecretName);
        Assert.Equal(new ClientTls { Mode = ClientTlsMode.Mesh, SubjectAltNames = ["spiffe://cluster.local/ns/bookinfo/ratings"] }, RoundTrip(mesh).DestinationPolicies.Single().Tls);
    }

    [Fact]
    public void SniAndInsecureSkipVerify_AreUnsupported_AndTheTlsStillVerifies()
    {
        var export = new Exported(Bookinfo(new ClientTls { Sni = "ratings.example.com", InsecureSkipVerify = true }));
        export.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].tls.sni");
        export.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].tls.insecureSkipVerify");
        Assert.NotNull(BackendTls(export, "reviews-v1", "ratings").Validation!.Trust!.File);
    }

    [Fact]
    public void SimpleTlsWithCaFileAndCredential_KeepsTheFile_Approximated()
    {
        var export = new Exported(Bookinfo(new ClientTls { CaCertificates = "/certs/ca.pem", CredentialName = "ratings-ca" }));
        export.At(DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].tls.credentialName");
        Assert.Equal("/certs/ca.pem", BackendTls(export, "reviews-v1", "ratings").Validation!.Trust!.File!.CertificateChain);
    }

    [Fact]
    public void SubsetTls_BackendGroups_AndNoCaller_AreUnsupported()
    {
        var subset = new Exported(Bookinfo(new ClientTls(), Reviews, "v2"));
        subset.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].tls");
        Assert.All(subset.Nodes.SelectMany(n => n.Spec.Backends ?? []), b => Assert.Null(b.VirtualService!.ClientPolicy));

        var groups = new Exported(Bookinfo(new ClientTls()), new AppMeshOptions { Backends = AppMeshBackends.NamespaceGroups });
        groups.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].tls");

        var alone = new Exported(new MeshConfig
        {
            Name = "bookinfo",
            Services = [RatingsService()],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Ratings }, Tls = new ClientTls() }],
        });
        Assert.Contains("written nowhere", alone.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].tls").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsToAnExternalService_IsOnEveryNodesBackendForIt()
    {
        var model = new MeshConfig
        {
            Name = "bookinfo",
            Services = [RatingsService()],
            ExternalServices = [new ExternalService { Name = "payments", Namespace = "bookinfo", Hosts = ["pay.example.com"], Ports = [Port(443, Protocol.Tls)] }],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("payments", "bookinfo") }, Tls = new ClientTls { SubjectAltNames = ["pay.example.com"] } }],
        };
        var export = new Exported(model);
        Assert.Equal(["pay.example.com"], BackendTls(export, "ratings", "payments").Validation!.SubjectAlternativeNames!.Match!.Exact!);
        Assert.Equal(model.Normalize().DestinationPolicies, RoundTrip(export).DestinationPolicies);
    }

    [Fact]
    public void SystemTrustChainPath_DefaultsToTheAmazonLinuxBundle() =>
        Assert.Equal("/etc/pki/tls/certs/ca-bundle.crt", new AppMeshTlsOptions().SystemTrustChainPath);
}
