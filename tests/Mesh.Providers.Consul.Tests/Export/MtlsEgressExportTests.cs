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

    [Fact]
    public void NamespaceScope_IsReported_AsWrittenPerService_OrAsNothingWithoutAService()
    {
        var export = new Exported(Shop() with
        {
            Mtls = [new MtlsPolicy { Scope = MtlsScope.ForNamespace("shop"), Mode = MtlsMode.Strict }, new MtlsPolicy { Scope = MtlsScope.ForNamespace("ops"), Mode = MtlsMode.Strict }],
        });
        Assert.All(new[] { "web", "api", "db" }, s => Assert.Equal("strict", export.Get<ServiceDefaults>(s).Spec.MutualTLSMode));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.mtls[0].scope.namespace"));
        // No model service in 'ops': nothing carries the mode.
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.mtls[1].scope.namespace"));
    }

    [Fact]
    public void StaticAddresses_FollowTheHosts_DnsDropsTheAddresses_Reported()
    {
        var model = Shop() with
        {
            ExternalServices =
            [
                new ExternalService { Name = "pay", Namespace = "shop", Hosts = ["api.pay.example"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tcp }], Resolution = Resolution.Static, Addresses = ["203.0.113.7"] },
                new ExternalService { Name = "mail", Namespace = "shop", Hosts = ["smtp.example"], Ports = [new ServicePort { Port = 25, Protocol = Protocol.Tcp }], Resolution = Resolution.Dns, Addresses = ["198.51.100.0/24"] },
            ],
        };
        var export = new Exported(model);
        Assert.Equal(["api.pay.example", "203.0.113.7"], export.Get<ServiceDefaults>("pay").Spec.Destination!.Addresses!);
        Assert.False(export.Has(DiagnosticCodes.Approximated, "$.spec.externalServices[0].hosts"));
        Assert.Equal(["smtp.example"], export.Get<ServiceDefaults>("mail").Spec.Destination!.Addresses!);
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.externalServices[1].addresses"));
    }

    [Fact]
    public void ATlsPortOfAnExternalService_IsWrittenAsTcp_Reported()
    {
        var model = Shop() with
        {
            ExternalServices = [new ExternalService { Name = "pay", Namespace = "shop", Hosts = ["api.pay.example"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }] }],
        };
        var export = new Exported(model);
        Assert.Equal("tcp", export.Get<ServiceDefaults>("pay").Spec.Protocol);
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.externalServices[0].ports[0].protocol"));
    }
}
