using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Tests.Egress;

/// <summary>External services as EgressNetworks: by network, hosts reported.</summary>
public sealed class EgressTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static ExternalService Api(params string[] addresses) => new()
    {
        Name = "payments", Namespace = "shop", Hosts = ["api.stripe.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }], Resolution = Resolution.Static, Addresses = [.. addresses],
    };

    [Fact]
    public void Addresses_BecomeTheNetworksOfAnAllowEgressNetwork()
    {
        var result = Translator.Translate(new MeshConfig { Name = "m", ExternalServices = [Api("203.0.113.7", "2001:db8::1", "198.51.100.0/24")] });
        var network = Assert.Single(result.Resources.OfType<EgressNetwork>());
        Assert.Equal(("payments", "shop", "Allow"), (network.Metadata.Name, network.Metadata.NamespaceProperty, network.Spec.TrafficPolicy));
        Assert.Equal(["203.0.113.7/32", "2001:db8::1/128", "198.51.100.0/24"], network.Spec.Networks!.Select(n => n.Cidr));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].hosts");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].ports");
    }

    [Fact]
    public void HostsWithoutAddresses_AreNotWritten()
    {
        var result = Translator.Translate(new MeshConfig { Name = "m", ExternalServices = [Api() with { Resolution = Resolution.Dns }] });
        Assert.Empty(result.Resources);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].hosts");
    }

    [Fact]
    public void EgressNetwork_ReadsBackAsAStaticExternalServiceNamedByItsHost()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: payments, namespace: shop }
            spec:
              trafficPolicy: Allow
              networks: [{ cidr: 203.0.113.7/32 }, { cidr: 198.51.100.0/24, except: [198.51.100.7/32] }]
            """, "in.yaml");
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(["payments"], external.Hosts);
        Assert.Equal(Resolution.Static, external.Resolution);
        Assert.Equal(["198.51.100.0/24", "203.0.113.7"], external.Addresses.Order(StringComparer.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.networks[1].except");
    }

    [Fact]
    public void DenyOrNetworklessEgress_IsReported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: all, namespace: egress }
            spec: { trafficPolicy: Deny }
            """, "in.yaml");
        Assert.Empty(result.Config!.ExternalServices);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.trafficPolicy");
    }

    /// <summary>External services whose host is their name, static, without ports: a fixed point (200 cases).</summary>
    [Fact]
    public void ExternalServices_InLinkerdsForm_RoundTrip() =>
        Gen.Select(Gen.OneOf("payments", "stripe", "db"), Gen.OneOf("shop", "ops"), Gen.OneOf("10.1.2.3", "192.0.2.0/24", "2001:db8::1", "2001:db8::/48").ArrayUnique[1, 3],
            (name, ns, addresses) => new MeshConfig { Name = "imported", ExternalServices = [new ExternalService { Name = name, Namespace = ns, Hosts = [name], Resolution = Resolution.Static, Addresses = [.. addresses] }] }.Normalize())
        .Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.Equal(model, Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml").Config);
        }, iter: 200);
}
