using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>External services: a DNS node and a virtual service per host, the Mesh's egress filter, and what cannot be written.</summary>
public sealed class EgressExportTests
{
    private static MeshConfig With(ExternalService external) => Routed(Rule(To(Reviews, "v1"))) with { ExternalServices = [external] };

    private static ExternalService Payments(params string[] hosts) =>
        new() { Name = "payments", Namespace = "bookinfo", Hosts = [.. hosts], Ports = [Port(443, Protocol.Tls)] };

    [Fact]
    public void ExternalService_IsANodeAndAVirtualService_AndARegistryOnlyMeshDropsOtherEgress()
    {
        var export = new Exported(With(Payments("api.pay.example")) with { Outbound = [new OutboundPolicy { Mode = OutboundMode.RegistryOnly }] });
        var node = export.Node("payments");
        Assert.Equal("api.pay.example", node.Spec.ServiceDiscovery!.Dns!.Hostname);
        Assert.Null(node.Spec.PodSelector);
        Assert.Null(node.Spec.Backends);
        Assert.Equal((443, "tcp"), (node.Spec.Listeners![0].PortMapping!.Port!.Value, node.Spec.Listeners[0].PortMapping!.Protocol!));
        export.At(DiagnosticCodes.Approximated, "$.spec.externalServices[0].ports[0].protocol");
        var vs = export.Service("payments");
        Assert.Equal(("api.pay.example", "payments"), (vs.Spec.AwsName, vs.Spec.Provider!.VirtualNode!.VirtualNodeRef!.Name));
        Assert.Null(export.Mesh.Spec.EgressFilter); // DROP_ALL, App Mesh's default
        Assert.Equal("ALLOW_ALL", new Exported(With(Payments("api.pay.example"))).Mesh.Spec.EgressFilter!.Type);
        Assert.Contains("payments", export.Node("ratings").Spec.Backends!.Select(b => b.VirtualService!.VirtualServiceRef!.Name));
    }

    [Fact]
    public void FurtherHostsAndWildcards_AreReported()
    {
        var export = new Exported(With(Payments("*.pay.example", "api.pay.example", "eu.pay.example")));
        Assert.Equal("api.pay.example", export.Node("payments").Spec.ServiceDiscovery!.Dns!.Hostname);
        Assert.Contains("wildcard", export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0].hosts[0]").Message, StringComparison.Ordinal);
        export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0].hosts[2]");
    }

    [Fact]
    public void StaticAddressesOnly_AreNotWritten()
    {
        var external = new ExternalService { Name = "db", Namespace = "bookinfo", Hosts = ["*.db.internal"], Resolution = Resolution.Static, Addresses = ["10.0.0.5"], Ports = [Port(5432, Protocol.Tcp)] };
        var export = new Exported(With(external));
        Assert.DoesNotContain(export.Nodes, n => n.Metadata.Name == "db");
        export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0].resolution");
        export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0].addresses");
        export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0].hosts[0]");
        Assert.Contains("no virtual node", export.At(DiagnosticCodes.Unsupported, "$.spec.externalServices[0]").Message, StringComparison.Ordinal);
    }
}
