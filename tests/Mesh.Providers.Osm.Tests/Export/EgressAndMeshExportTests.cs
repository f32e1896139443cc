using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;
using Mesh.Providers.Osm.Resources;
using Mesh.Translation;
using static Mesh.Providers.Osm.Tests.Export.Models;

namespace Mesh.Providers.Osm.Tests.Export;

/// <summary>External services as Egress policies; the MeshConfig patch; mTLS; the import placeholder.</summary>
public sealed class EgressAndMeshExportTests
{
    private static MeshConfig WithExternal(ExternalService external) => new()
    {
        Name = "egress",
        Services = [Service("curl", "curl", Http(80))],
        ExternalServices = [external],
    };

    [Fact]
    public void AnExternalService_IsAnEgressForTheModelsAccounts_EnabledInTheMeshConfig()
    {
        var export = new Exported(WithExternal(new ExternalService
        {
            Name = "httpbin", Namespace = "curl", Hosts = ["httpbin.org"],
            Ports = [Port(443, Protocol.Tls), Http(80)],
        }));
        var egress = Assert.Single(export.All<Egress>());
        Assert.Equal(("httpbin", "curl"), (egress.Metadata.Name!, egress.Metadata.NamespaceProperty!));
        Assert.Equal(("ServiceAccount", "curl", "curl"), (egress.Spec.Sources![0].Kind!, egress.Spec.Sources[0].Name!, egress.Spec.Sources[0].Namespace!));
        Assert.Equal(["httpbin.org"], egress.Spec.Hosts!);
        Assert.Equal([(443, "https"), (80, "http")], egress.Spec.Ports!.Select(p => (p.Number!.Value, p.Protocol!)));
        Assert.Null(egress.Spec.IpAddresses);
        Assert.True(export.MeshConfig.Spec.FeatureFlags!.EnableEgressPolicy);
        Assert.Null(export.MeshConfig.Spec.FeatureFlags.EnableRetryPolicy);
        Assert.Contains("enableEgressPolicy", export.At(DiagnosticCodes.TranslationNote, "$.spec.externalServices").Message, StringComparison.Ordinal);
        Assert.Contains("curl/curl", export.At(DiagnosticCodes.TranslationNote, "$.spec.externalServices[0]").Message, StringComparison.Ordinal);
        export.NoWarnings();
    }

    [Fact]
    public void Addresses_AreIpv4Cidrs_Ipv6IsReported_AndTcpWithoutAddressesIsApproximated()
    {
        var export = new Exported(WithExternal(new ExternalService
        {
            Name = "db", Namespace = "curl", Hosts = ["db.example.com"], Resolution = Resolution.Static,
            Ports = [Port(5432, Protocol.Tcp)], Addresses = ["192.0.2.10", "10.0.0.0/8", "2001:db8::1"],
        }));
        Assert.Equal(["192.0.2.10/32", "10.0.0.0/8"], Assert.Single(export.All<Egress>()).Spec.IpAddresses!);
        export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0].addresses[2]");
        export.At(DiagnosticCodes.Approximated, "$.spec.externalServices[0].resolution");

        var open = new Exported(WithExternal(new ExternalService { Name = "tcp", Namespace = "curl", Hosts = ["x.example.com"], Ports = [Port(443, Protocol.Tcp)] }));
        Assert.Contains("any destination", open.At(DiagnosticCodes.Approximated, "$.spec.externalServices[0].ports[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExternalServiceWithoutAnyCaller_IsReported()
    {
        var model = new MeshConfig { Name = "e", ExternalServices = [new ExternalService { Name = "api", Namespace = "x", Hosts = ["api.example.com"], Ports = [Http(80)] }] };
        var export = new Exported(model);
        Assert.Empty(export.All<Egress>());
        export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0]");
    }

    [Fact]
    public void TheMeshConfig_IsAPartialDocument_PermissiveWithoutAllowPolicies()
    {
        var export = new Exported(Routed(Rule(To(Bookstore, "v1"))));
        var config = export.MeshConfig;
        Assert.Equal(("osm-mesh-config", "osm-system"), (config.Metadata.Name!, config.Metadata.NamespaceProperty!));
        Assert.True(config.Spec.Traffic!.EnablePermissiveTrafficPolicyMode);
        Assert.Null(config.Spec.FeatureFlags);
        Assert.Null(config.Spec.Sidecar);
        Assert.Null(config.Spec.Certificate);
        Assert.Contains("apiVersion: config.openservicemesh.io/v1alpha2\nkind: MeshConfig\n", export.Yaml, StringComparison.Ordinal);
        Assert.Contains("merge", export.At(DiagnosticCodes.TranslationNote, "$").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMeshConfig_FollowsTheOptions_AndIsNotWrittenForAnEmptyModel()
    {
        var moved = new Exported(Routed(Rule(To(Bookstore, "v1"))), new OsmOptions { MeshConfigNamespace = "osm", MeshConfigName = "mesh" }).MeshConfig;
        Assert.Equal(("mesh", "osm"), (moved.Metadata.Name!, moved.Metadata.NamespaceProperty!));
        var off = new Exported(Routed(Rule(To(Bookstore, "v1"))), new OsmOptions { WriteMeshConfig = false });
        Assert.Empty(off.All<OsmMeshConfig>());
        Assert.Contains("enablePermissiveTrafficPolicyMode to true", off.At(DiagnosticCodes.TranslationNote, "$").Message, StringComparison.Ordinal);
        Assert.Empty(new OsmTranslator().Translate(new MeshConfig { Name = "empty" }).Resources);
    }

    [Fact]
    public void MeshWideStrictMtls_IsMarkedOnTheMeshConfig_OtherModesAreReported()
    {
        var model = new MeshConfig
        {
            Name = "mtls",
            Mtls =
            [
                new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict },
                new MtlsPolicy { Scope = MtlsScope.ForNamespace("legacy"), Mode = MtlsMode.Permissive },
                new MtlsPolicy { Scope = MtlsScope.ForNamespace("shop"), Mode = MtlsMode.Strict },
            ],
        };
        var export = new Exported(model);
        Assert.Equal(OsmAnnotations.StrictMtls, export.MeshConfig.Metadata.Annotations![OsmAnnotations.Mtls]);
        export.At(DiagnosticCodes.Unsupported, "$.spec.mtls[1].mode");
        export.At(DiagnosticCodes.Approximated, "$.spec.mtls[2].scope");
        Assert.DoesNotContain(export.Diagnostics, d => d.Path == "$.spec.mtls[0]" || d.Path.StartsWith("$.spec.mtls[0].", StringComparison.Ordinal));
    }

    [Fact]
    public void Http2AndTlsPorts_OfWrittenServices_AreReportedWithOsmsAppProtocol()
    {
        var model = Routed(Rule(To(Bookstore, "v1"))) with { Services = [BookstoreService(Version("v1")) with { Ports = [Port(8443, Protocol.Tls), Port(8080, Protocol.Http2)] }] };
        var export = new Exported(model);
        Assert.Equal(["tcp", "http"], export.Services.Single().Spec!.Ports!.OrderByDescending(p => p!.Port).Select(p => p!.AppProtocol));
        export.At(DiagnosticCodes.Approximated, "$.spec.services[0].ports[0].protocol");
        export.At(DiagnosticCodes.Approximated, "$.spec.services[0].ports[1].protocol");
    }

    [Fact]
    public void TheTranslator_IsRegisteredByAddOsm_AndNamedOsm()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Mesh.DependencyInjection.MeshServiceCollectionExtensions.AddMeshSdk(services).AddOsm().AddOsm();
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var translators = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<ITranslator>(provider).ToList();
        Assert.Equal(ProviderName.Osm, Assert.Single(translators).Provider);
        Assert.Equal("osm", ProviderName.Osm.Value);
    }
}
