using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>Destination policies on node listeners, and mTLS per listener.</summary>
public sealed class PolicyExportTests
{
    private static readonly ServiceRef Api = new("api", "shop");

    private static MeshConfig Api4(DestinationPolicy policy) => new()
    {
        Name = "shop",
        Services = [new MeshService { Name = "api", Namespace = "shop", Ports = [Http(8080), Port(8081, Protocol.Http2), Port(9090, Protocol.Grpc), Port(5432, Protocol.Tcp)] }],
        DestinationPolicies = [policy],
    };

    [Fact]
    public void ConnectionPool_TakesTheShapeOfEachListenersProtocol()
    {
        var pool = new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10, MaxRequests = 50 };
        var export = new Exported(Api4(new DestinationPolicy { Target = new PolicyTarget { Service = Api }, ConnectionPool = pool }));
        var listeners = export.Node("api").Spec.Listeners!;
        Assert.Equal((100, 10), (listeners[0].ConnectionPool!.Http!.MaxConnections!.Value, listeners[0].ConnectionPool!.Http!.MaxPendingRequests!.Value));
        Assert.Equal(50, listeners[1].ConnectionPool!.Http2!.MaxRequests);
        Assert.Equal(50, listeners[2].ConnectionPool!.Grpc!.MaxRequests);
        Assert.Equal(100, listeners[3].ConnectionPool!.Tcp!.MaxConnections);
        Assert.Null(listeners[3].ConnectionPool!.Http);
        var misfits = export.Diagnostics.Where(d => d.Code == DiagnosticCodes.Unsupported && d.Path.StartsWith("$.spec.destinationPolicies[0].connectionPool.", StringComparison.Ordinal)).ToList();
        Assert.Contains(misfits, d => d.Path.EndsWith(".maxRequests", StringComparison.Ordinal) && d.Message.Contains("port 8080", StringComparison.Ordinal));
        Assert.Contains(misfits, d => d.Path.EndsWith(".maxConnections", StringComparison.Ordinal) && d.Message.Contains("port 9090", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionPoolSettingsWithoutAppMeshSetting_AreReported()
    {
        var pool = new ConnectionPool { MaxConnections = 1, MaxRequestsPerConnection = 1, MaxRetries = 3, ConnectTimeout = TimeSpan.FromSeconds(1) };
        var export = new Exported(Api4(new DestinationPolicy { Target = new PolicyTarget { Service = Api }, ConnectionPool = pool, LoadBalancer = LoadBalancer.LeastRequest }));
        foreach (var field in new[] { "connectionPool.maxRequestsPerConnection", "connectionPool.maxRetries", "connectionPool.connectTimeout", "loadBalancer" })
        {
            export.At(DiagnosticCodes.Unsupported, $"$.spec.destinationPolicies[0].{field}");
        }
    }

    [Fact]
    public void OutlierDetection_MissingSettingsTakeEnvoyDefaults_Approximated()
    {
        var outlier = new OutlierDetection { Consecutive5xx = 3, ConsecutiveGatewayErrors = 2, Interval = TimeSpan.FromMilliseconds(500) };
        var export = new Exported(Api4(new DestinationPolicy { Target = new PolicyTarget { Service = Api }, OutlierDetection = outlier }));
        var written = export.Node("api").Spec.Listeners![0].OutlierDetection!;
        Assert.Equal(3, written.MaxServerErrors);
        Assert.Equal((500L, "ms"), (written.Interval!.Value!.Value, written.Interval.Unit!));
        Assert.Equal((30L, "s"), (written.BaseEjectionDuration!.Value!.Value, written.BaseEjectionDuration.Unit!));
        Assert.Equal(10, written.MaxEjectionPercent);
        var approximated = export.At(DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].outlierDetection");
        Assert.Contains("baseEjectionDuration 30s", approximated.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("maxServerErrors", approximated.Message, StringComparison.Ordinal);
        export.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].outlierDetection.consecutiveGatewayErrors");
    }

    [Fact]
    public void SubsetPolicy_LandsOnThatSubsetsNodeOnly()
    {
        var model = Routed(Rule(To(Reviews, "v1"))) with
        {
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Reviews, Subset = "v2" }, ConnectionPool = new ConnectionPool { MaxConnections = 7 } }],
        };
        var export = new Exported(model);
        Assert.Equal(7, export.Node("reviews-v2").Spec.Listeners![0].ConnectionPool!.Http!.MaxConnections);
        Assert.Null(export.Node("reviews-v1").Spec.Listeners![0].ConnectionPool);
    }

    [Fact]
    public void StrictAtNamespaceScope_SecuresThatNamespacesListeners_WithSds()
    {
        var other = new MeshService { Name = "legacy", Namespace = "old", Ports = [Http(80)] };
        var model = Routed(Rule(To(Reviews, "v1"))) with
        {
            Services = [.. Routed().Services, other],
            Mtls = [new MtlsPolicy { Scope = MtlsScope.ForNamespace("bookinfo"), Mode = MtlsMode.Strict }],
        };
        var export = new Exported(model);
        var tls = export.Node("reviews-v1").Spec.Listeners![0].Tls!;
        Assert.Equal("STRICT", tls.Mode);
        Assert.Equal("spiffe://cluster.local/ns/bookinfo/reviews-v1", tls.Certificate!.Sds!.SecretName);
        Assert.Equal("spiffe://cluster.local", tls.Validation!.Trust!.Sds!.SecretName);
        Assert.Equal("STRICT", export.Node("ratings").Spec.Listeners![0].Tls!.Mode);
        Assert.Null(export.Node("legacy").Spec.Listeners![0].Tls);
        var client = export.Node("legacy").Spec.BackendDefaults!.ClientPolicy!.Tls!;
        Assert.True(client.Enforce);
        Assert.Equal("spiffe://cluster.local", client.Validation!.Trust!.Sds!.SecretName);
        Assert.Contains("does not issue certificates", export.At(DiagnosticCodes.TranslationNote, "$.spec.mtls").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NarrowerScopeWins_WorkloadAndPort()
    {
        var model = Routed(Rule(To(Reviews, "v1"))) with
        {
            Mtls =
            [
                new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict },
                new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Workload = new Dictionary<string, string> { ["version"] = "v2" } }, Mode = MtlsMode.Permissive },
                new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Workload = new Dictionary<string, string> { ["version"] = "v3" }, Port = 9080 }, Mode = MtlsMode.Disabled },
            ],
        };
        var export = new Exported(model);
        Assert.Equal("STRICT", export.Node("reviews-v1").Spec.Listeners![0].Tls!.Mode);
        Assert.Equal("PERMISSIVE", export.Node("reviews-v2").Spec.Listeners![0].Tls!.Mode);
        var disabled = export.Node("reviews-v3").Spec.Listeners![0].Tls!;
        Assert.Equal("DISABLED", disabled.Mode);
        Assert.Null(disabled.Validation);
    }

    [Fact]
    public void FileCertificates_NameTheConfiguredPaths()
    {
        var model = Routed(Rule(To(Reviews, "v1"))) with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] };
        var export = new Exported(model, new AppMeshOptions { Tls = new AppMeshTlsOptions { Source = AppMeshCertificateSource.File } });
        var tls = export.Node("ratings").Spec.Listeners![0].Tls!;
        Assert.Equal(("/certs/cert_chain.pem", "/certs/key.pem"), (tls.Certificate!.File!.CertificateChain, tls.Certificate.File.PrivateKey));
        Assert.Equal("/certs/ca_chain.pem", tls.Validation!.Trust!.File!.CertificateChain);
    }

    [Fact]
    public void AcmWithoutArns_WritesNoTls_AndIsReported()
    {
        var model = Routed(Rule(To(Reviews, "v1"))) with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] };
        var export = new Exported(model, new AppMeshOptions { Tls = new AppMeshTlsOptions { Source = AppMeshCertificateSource.Acm } });
        Assert.Null(export.Node("ratings").Spec.Listeners![0].Tls);
        Assert.Null(export.Node("ratings").Spec.BackendDefaults);
        Assert.Contains("CertificateArn", export.At(DiagnosticCodes.Unsupported, "$.spec.mtls").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcmWithArns_WritesTheCertificateAndTrust()
    {
        var model = Routed(Rule(To(Reviews, "v1"))) with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] };
        var export = new Exported(model, new AppMeshOptions { Tls = new AppMeshTlsOptions { Source = AppMeshCertificateSource.Acm, CertificateArn = "arn:cert", CertificateAuthorityArn = "arn:ca" } });
        Assert.Equal("arn:cert", export.Node("ratings").Spec.Listeners![0].Tls!.Certificate!.Acm!.CertificateArn);
        Assert.Equal(["arn:ca"], export.Node("ratings").Spec.BackendDefaults!.ClientPolicy!.Tls!.Validation!.Trust!.Acm!.CertificateAuthorityArns!);
    }

    [Fact]
    public void AccessPolicies_AreUnsupported_AndNamespaceOnlyAllowsTrimBackends()
    {
        var other = new MeshService { Name = "legacy", Namespace = "old", Ports = [Http(80)] };
        var model = Routed(Rule(To(Reviews, "v1"))) with
        {
            Services = [.. Routed().Services, other],
            AccessPolicies =
            [
                new AccessPolicy { Name = "ratings", Namespace = "bookinfo", Target = new PolicyTarget { Service = Ratings }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["bookinfo"] } }] },
            ],
        };
        var export = new Exported(model);
        export.At(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0]");
        Assert.Equal(["reviews"], export.Node("legacy").Spec.Backends!.Select(b => b.VirtualService!.VirtualServiceRef!.Name));
        Assert.Equal("bookinfo", Assert.Single(export.Node("legacy").Spec.Backends!).VirtualService!.VirtualServiceRef!.Namespace);
        Assert.Contains("ratings", export.Node("reviews-v1").Spec.Backends!.Select(b => b.VirtualService!.VirtualServiceRef!.Name));
    }

    [Fact]
    public void NamespaceGroups_NameOneWildcardGroupPerNamespace_AndReportTheControllerFlagAndWiderGroups()
    {
        var other = new MeshService { Name = "legacy", Namespace = "old", Ports = [Http(80)] };
        var model = Routed(Rule(To(Reviews, "v1"))) with
        {
            Services = [.. Routed().Services, other],
            AccessPolicies =
            [
                new AccessPolicy { Name = "ratings", Namespace = "bookinfo", Target = new PolicyTarget { Service = Ratings }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["bookinfo"] } }] },
            ],
        };
        var export = new Exported(model, new AppMeshOptions { Backends = AppMeshBackends.NamespaceGroups });
        Assert.All(export.Nodes, n => Assert.Null(n.Spec.Backends));
        // reviews-v1 (bookinfo) may call bookinfo's services and old's; legacy (old) calls bookinfo's reviews (and its own namespace).
        Assert.Equal([("*", null), ("*", "old")], export.Node("reviews-v1").Spec.BackendGroups!.Select(g => (g.Name!, g.Namespace)));
        Assert.Equal([("*", "bookinfo"), ("*", null)], export.Node("legacy").Spec.BackendGroups!.Select(g => (g.Name!, g.Namespace)));
        Assert.Contains(export.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Message.Contains("enableBackendGroups=true", StringComparison.Ordinal));
        // bookinfo's group also holds ratings, which the policy keeps from legacy.
        export.At(DiagnosticCodes.Approximated, "$.spec.accessPolicies");
    }

    [Fact]
    public void BackendListsBeyondAppMeshsDefaultQuota_AreNoted()
    {
        var services = Enumerable.Range(0, 52).Select(i => new MeshService { Name = $"svc-{i}", Namespace = "shop", Ports = [Http(80)] }).ToList();
        var export = new Exported(new MeshConfig { Name = "shop", Services = [.. services], Routes = [.. services.Select(s => new HttpRoute { Name = s.Name, Namespace = "shop", Host = s.Reference, Rules = [Rule(To(s.Reference))] })] });
        Assert.Equal(51, export.Node("svc-0").Spec.Backends!.Count);
        var note = Assert.Single(export.Diagnostics, d => d.Message.Contains("quota", StringComparison.Ordinal));
        Assert.Equal(DiagnosticCodes.TranslationNote, note.Code);
        Assert.Contains("51 backends", note.Message, StringComparison.Ordinal);
    }
}
