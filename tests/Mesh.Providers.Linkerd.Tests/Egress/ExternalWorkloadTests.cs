using CsCheck;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Testing;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Tests.Egress;

/// <summary>
/// External services whose endpoints are enrolled in the mesh (a service account each) ↔ Linkerd's mesh expansion:
/// ExternalWorkloads behind a Service of the external service's name.
/// </summary>
public sealed class ExternalWorkloadTests
{
    private static readonly LinkerdTranslator Translator = new();

    /// <summary>Two enrolled VMs (one listening on its own port), a VM that is not enrolled, and an address.</summary>
    public static MeshConfig Sample { get; } = new()
    {
        Name = "expansion",
        ExternalServices =
        [
            new ExternalService
            {
                Name = "billing",
                Namespace = "shop",
                Hosts = ["billing.corp.example"],
                Ports = [new ServicePort { Name = "http", Port = 80, Protocol = Protocol.Http }, new ServicePort { Name = "db", Port = 5432, Protocol = Protocol.Tcp }],
                Resolution = Resolution.Static,
                Addresses = ["10.20.0.99"],
                Endpoints =
                [
                    new ExternalEndpoint { Address = "10.20.0.11", Ports = [new("http", 8080)], Labels = new Dictionary<string, string> { ["version"] = "v1" }, ServiceAccount = "billing" },
                    new ExternalEndpoint { Address = "10.20.0.12", Labels = new Dictionary<string, string> { ["version"] = "v2" }, ServiceAccount = "billing" },
                    new ExternalEndpoint { Address = "10.20.0.13", Labels = new Dictionary<string, string> { ["version"] = "v3" } },
                ],
            },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "billing", Namespace = "shop", Host = new ServiceRef("billing", "shop"),
                Rules = [new HttpRouteRule { Timeout = TimeSpan.FromSeconds(3), Backends = [new WeightedBackend { Service = new ServiceRef("billing", "shop"), Port = 80 }] }],
            },
        ],
    };

    [Fact]
    public void EnrolledEndpoints_AreExternalWorkloads_BehindTheServiceOfTheExternalService()
    {
        var result = Translator.Translate(Sample);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));

        var workloads = result.Resources.OfType<ExternalWorkload>().ToList();
        Assert.Equal(["billing-10-20-0-11", "billing-10-20-0-12"], workloads.Select(w => w.Metadata.Name));
        var first = workloads[0];
        Assert.Equal("shop", first.Metadata.NamespaceProperty);
        Assert.Equal("billing.shop.serviceaccount.identity.linkerd.cluster.local", first.Spec.MeshTls!.Identity);
        Assert.Equal(first.Spec.MeshTls.Identity, first.Spec.MeshTls.ServerName);
        Assert.Equal("10.20.0.11", Assert.Single(first.Spec.WorkloadIps!).Ip);
        Assert.Equal([("http", 8080), ("db", 5432)], first.Spec.Ports!.Select(p => (p.Name!, p.Port!.Value)));
        Assert.Equal([("http", 80), ("db", 5432)], workloads[1].Spec.Ports!.Select(p => (p.Name!, p.Port!.Value)));
        Assert.Equal("v1", first.Metadata.Labels["version"]);
        Assert.Equal("billing", first.Metadata.Labels["mesh-sdk.io/external-service"]);
        Assert.Equal(["externalServices/shop/billing"], Ownership.SourcesOf(first));

        var service = Assert.Single(result.Resources.OfType<CoreService>(), s => s.Metadata.Name == "billing");
        Assert.Equal(new Dictionary<string, string> { ["mesh-sdk.io/external-service"] = "billing" }, service.Spec!.Selector);
        Assert.Equal([("http", 80, "http", "http"), ("db", 5432, "db", "linkerd.io/opaque")], service.Spec.Ports!.Select(p => (p!.Name!, p.Port, p.TargetPort!.ToString(), p.AppProtocol!)));
        Assert.Equal(["externalServices/shop/billing"], Ownership.SourcesOf(service));

        // Its traffic stays in the mesh: no EgressNetwork; the route attaches to the Service like any mesh route.
        Assert.Empty(result.Resources.OfType<EgressNetwork>());
        var route = Assert.Single(result.Resources.OfType<PolicyHttpRoute>());
        Assert.Equal(("Service", "billing"), (route.Spec.ParentRefs![0].Kind, route.Spec.ParentRefs[0].Name));

        var warnings = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.Contains(warnings, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].hosts" && d.Message.Contains("billing.shop.svc.cluster.local", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].addresses");
        Assert.Contains(warnings, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].endpoints[2]" && d.Message.Contains("10.20.0.13", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadBack_GivesTheEnrolledEndpoints_WithTheServiceNameAsHost()
    {
        var result = Translator.Translate(Sample);
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "back.yaml");
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var external = Assert.Single(back.Config!.ExternalServices);
        Assert.Empty(back.Config.Services);
        Assert.Equal(["billing.shop.svc.cluster.local"], external.Hosts);
        Assert.Equal(Resolution.Static, external.Resolution);
        Assert.Empty(external.Addresses);
        Assert.Equal(
            [("10.20.0.11", "http=8080", "version=v1", "billing"), ("10.20.0.12", "", "version=v2", "billing")],
            external.Endpoints.Select(e => (e.Address, string.Join(",", e.Ports.Select(p => $"{p.Key}={p.Value}")), string.Join(",", e.Labels.Select(l => $"{l.Key}={l.Value}")), e.ServiceAccount!)));
        Assert.Equal(["http", "db"], external.Ports.Select(p => p.Name!));
        var route = Assert.Single(back.Config.Routes);
        Assert.Equal(new ServiceRef("billing", "shop"), route.Host);
        Assert.Equal(TimeSpan.FromSeconds(3), route.Rules[0].Timeout);
    }

    /// <summary>
    /// Enrolled external services (static, every endpoint enrolled with an IP address, the Service's name as host) round-trip
    /// exactly, typed and as YAML, with no warning (200 cases).
    /// </summary>
    [Fact]
    public void EnrolledExternalServices_RoundTrip()
    {
        Enrolled.Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model.Normalize(), Translator.Import(translated.Resources).Config);
            var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model.Normalize(), back.Config);
        }, iter: 200);
    }

    [Fact]
    public void UpstreamExpansion_IsRead_AndWhatDoesNotFitIsReported()
    {
        // Linkerd's documented form: workloads labelled app: legacy, a Service selecting them, identities from SPIRE or Linkerd.
        const string yaml = """
            apiVersion: workload.linkerd.io/v1beta1
            kind: ExternalWorkload
            metadata: { name: legacy-vm-1, namespace: shop, labels: { app: legacy, zone: a } }
            spec:
              meshTLS: { identity: legacy.shop.serviceaccount.identity.linkerd.cluster.local, serverName: legacy.shop.serviceaccount.identity.linkerd.cluster.local }
              workloadIPs: [{ ip: 172.16.0.5 }]
              ports: [{ name: web, port: 8080 }, { name: dns, port: 53, protocol: UDP }]
            ---
            apiVersion: workload.linkerd.io/v1beta1
            kind: ExternalWorkload
            metadata: { name: legacy-vm-2, namespace: shop, labels: { app: legacy, zone: b } }
            spec:
              meshTLS: { identity: "spiffe://root.linkerd.cluster.local/legacy", serverName: legacy.cluster.local }
              workloadIPs: [{ ip: 172.16.0.6 }]
              ports: [{ name: web, port: 8080 }]
            ---
            apiVersion: workload.linkerd.io/v1alpha1
            kind: ExternalWorkload
            metadata: { name: orphan, namespace: shop, labels: { app: nobody } }
            spec:
              meshTls: { identity: x.shop.serviceaccount.identity.linkerd.cluster.local, serverName: x.shop.serviceaccount.identity.linkerd.cluster.local }
              workloadIPs: [{ ip: 172.16.0.7 }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: legacy, namespace: shop }
            spec:
              selector: { app: legacy }
              ports: [{ name: http, port: 80, targetPort: web, appProtocol: http }]
            """;
        var result = Translator.ImportYaml(yaml, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(("legacy", "shop", Resolution.Static), (external.Name, external.Namespace, external.Resolution));
        Assert.Equal(["legacy.shop.svc.cluster.local"], external.Hosts);
        var port = Assert.Single(external.Ports);
        Assert.Equal(("http", 80, Protocol.Http), (port.Name, port.Port, port.Protocol));
        Assert.Equal(
            [("172.16.0.5", "http=8080", "zone=a", "legacy"), ("172.16.0.6", "http=8080", "zone=b", (string?)null)],
            external.Endpoints.Select(e => (e.Address, string.Join(",", e.Ports.Select(p => $"{p.Key}={p.Value}")), string.Join(",", e.Labels.Select(l => $"{l.Key}={l.Value}")), e.ServiceAccount)));

        var warnings = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Path).ToList();
        Assert.Contains("in.yaml#0 $.spec.ports[1].protocol", warnings);
        Assert.Contains("in.yaml#1 $.spec.meshTLS.identity", warnings);
        Assert.Contains("in.yaml#1 $.spec.meshTLS.serverName", warnings);
        Assert.Contains("in.yaml#2 $.metadata.labels", warnings);
    }

    [Fact]
    public void ExternalWorkloadWithoutAddress_IsReported_NotImported()
    {
        const string yaml = """
            apiVersion: workload.linkerd.io/v1beta1
            kind: ExternalWorkload
            metadata: { name: vm, namespace: shop, labels: { app: legacy } }
            spec:
              meshTLS: { identity: legacy.shop.serviceaccount.identity.linkerd.cluster.local, serverName: legacy.shop.serviceaccount.identity.linkerd.cluster.local }
              workloadIPs: [{ ip: not-an-ip }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: legacy, namespace: shop }
            spec: { selector: { app: legacy }, ports: [{ name: http, port: 80 }] }
            """;
        var result = Translator.ImportYaml(yaml, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Config!.ExternalServices);
        Assert.Single(result.Config.Services);
        Assert.Contains(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Path.EndsWith("$.spec.workloadIPs", StringComparison.Ordinal));
    }

    [Fact]
    public void HostNameEndpoints_AndUnenrolledServices_KeepTheirEgressForm()
    {
        var plain = Sample.ExternalServices[0] with { Name = "plain", Endpoints = [new ExternalEndpoint { Address = "10.20.0.40", Labels = new Dictionary<string, string> { ["version"] = "v1" } }] };
        var dns = new ExternalService
        {
            Name = "vms", Namespace = "shop", Hosts = ["vms.corp.example"], Ports = [new ServicePort { Name = "http", Port = 80, Protocol = Protocol.Http }],
            Resolution = Resolution.Dns, Endpoints = [new ExternalEndpoint { Address = "vm-1.corp.example", ServiceAccount = "vms" }],
        };
        var result = Translator.Translate(new MeshConfig { Name = "m", ExternalServices = [plain, dns] });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Resources.OfType<ExternalWorkload>());
        // The service that is not enrolled is egress as before; its endpoint is reported.
        Assert.Contains(result.Resources.OfType<EgressNetwork>(), n => n.Metadata.Name == "plain");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].endpoints");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[1].endpoints[0].address");
    }

    /// <summary>Enrolled external services as Linkerd reads them back: static, every endpoint enrolled, the Service's name as host, named ports.</summary>
    private static readonly Gen<ExternalService> EnrolledService = Gen.Select(
        MeshGenerators.DnsName, Gen.OneOf("shop", "ops"),
        Gen.OneOf(("http", 80, Protocol.Http), ("grpc", 9090, Protocol.Grpc), ("db", 5432, Protocol.Tcp), ("h2", 8081, Protocol.Http2)).ArrayUnique[1, 3],
        Gen.Int[1, 3], Gen.Int[1024, 65535], Gen.Bool, Gen.OneOf("vm", "legacy"),
        (name, ns, ports, count, own, withLabels, account) => new ExternalService
        {
            Name = name,
            Namespace = ns,
            Hosts = [$"{name}.{ns}.svc.cluster.local"],
            Ports = [.. ports.Select(p => new ServicePort { Name = p.Item1, Port = p.Item2, Protocol = p.Item3 })],
            Resolution = Resolution.Static,
            Endpoints = [.. Enumerable.Range(1, count).Select(i => new ExternalEndpoint
            {
                Address = i == 3 ? "2001:db8::3" : $"192.0.2.{i}",
                Ports = i == 1 ? [new(ports[0].Item1, own)] : default,
                Labels = withLabels ? new Dictionary<string, string> { ["version"] = $"v{i}" } : default,
                ServiceAccount = account,
            })],
        });

    private static readonly Gen<MeshConfig> Enrolled = EnrolledService.Array[1, 3]
        .Select(services => new MeshConfig { Name = "imported", ExternalServices = [.. services.DistinctBy(s => (s.Namespace, s.Name))] });
}
