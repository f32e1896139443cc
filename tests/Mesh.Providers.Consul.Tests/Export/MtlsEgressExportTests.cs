using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>mTLS modes (ProxyDefaults, ServiceDefaults, Mesh) and external services (destinations behind a terminating gateway).</summary>
public sealed class MtlsEgressExportTests
{
    [Fact]
    public void MeshStrict_IsProxyDefaultsGlobal_NamespacePermissive_IsPerServiceWithTheMeshGate()
    {
        var model = Shop() with
        {
            Mtls =
            [
                new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict },
                new MtlsPolicy { Scope = MtlsScope.ForNamespace("shop"), Mode = MtlsMode.Permissive },
                new MtlsPolicy { Scope = new MtlsScope { Namespace = "shop", Workload = new Dictionary<string, string> { ["app"] = "db" } }, Mode = MtlsMode.Strict },
            ],
        };
        var export = new Exported(model);
        Assert.Equal("strict", export.Get<ProxyDefaults>("global").Spec.MutualTLSMode);
        Assert.Equal("permissive", export.Get<ServiceDefaults>("web").Spec.MutualTLSMode);
        Assert.Equal("strict", export.Get<ServiceDefaults>("db").Spec.MutualTLSMode);
        Assert.True(export.Get<ConsulMesh>("mesh").Spec.AllowEnablingPermissiveMutualTLS);
    }

    [Fact]
    public void Disabled_IsReported()
    {
        var export = new Exported(Shop() with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Disabled }] });
        Assert.Empty(export.All<ProxyDefaults>());
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.mtls[0].mode"));
    }

    [Fact]
    public void ExternalService_IsADestinationLinkedToTheTerminatingGateway()
    {
        var model = Shop() with
        {
            ExternalServices =
            [
                new ExternalService { Name = "payments", Namespace = "shop", Hosts = ["api.pay.example", "*.pay.example"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }, Http(80)] },
            ],
        };
        var export = new Exported(model);
        var defaults = export.Get<ServiceDefaults>("payments");
        Assert.Equal(["api.pay.example"], defaults.Spec.Destination!.Addresses!);
        Assert.Equal(443, defaults.Spec.Destination.Port);
        Assert.Equal("tcp", defaults.Spec.Protocol);
        Assert.Equal("payments", Assert.Single(export.Get<TerminatingGateway>("terminating-gateway").Spec.Services!).Name);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.externalServices[0].hosts[1]"));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.externalServices[0].ports"));
    }
}
