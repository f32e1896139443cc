using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Providers.Linkerd.Tests.Generators;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Tests.Egress;

/// <summary>
/// External services as EgressNetworks and the routes on them: by host, a route per port on the namespace's shared
/// EgressNetwork (trafficPolicy Deny); with addresses, their own network.
/// </summary>
public sealed class EgressTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static ServicePort Port(int port, Protocol protocol, string? name = null) => new() { Port = port, Protocol = protocol, Name = name };

    private static ExternalService Stripe(params ServicePort[] ports) => new()
    {
        Name = "stripe", Namespace = "shop", Hosts = ["api.stripe.com", "*.stripe.com"], Ports = [.. ports], Resolution = Resolution.Dns,
    };

    private static ExternalService Payments(params string[] addresses) => new()
    {
        Name = "payments", Namespace = "shop", Hosts = ["api.stripe.com"], Ports = [Port(443, Protocol.Tls)], Resolution = Resolution.Static, Addresses = [.. addresses],
    };

    private static Mesh.Translation.TranslationResult Translate(params ExternalService[] services) =>
        Translator.Translate(new MeshConfig { Name = "m", ExternalServices = [.. services] });

    private static List<Diagnostic> Warnings(Mesh.Translation.TranslationResult result) => [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    private static void AssertEgressParent(GatewayResources.ParentReference parent, string network, int port)
    {
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", "shop", network, (int?)port), (parent.Group, parent.Kind, parent.Namespace, parent.Name, parent.Port));
    }

    private static void AssertBackToNetwork(List<GatewayResources.BackendRef>? backends, string network)
    {
        var backend = Assert.Single(backends!);
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", network), (backend.Group, backend.Kind, backend.Name));
        Assert.Null(backend.Port);
        Assert.Null(backend.Namespace);
    }

    // ---- Outbound policies ----

    [Fact]
    public void OutboundPolicies_AreNetworksWithoutNetworks_MeshWideInTheGlobalEgressNamespace()
    {
        var model = new MeshConfig
        {
            Name = "imported",
            ExternalServices = [Stripe(Port(443, Protocol.Tls))],
            Outbound =
            [
                new OutboundPolicy { Mode = OutboundMode.RegistryOnly },
                new OutboundPolicy { Namespace = "shop", Mode = OutboundMode.AllowAny },
                new OutboundPolicy { Namespace = "payments", Mode = OutboundMode.RegistryOnly, Hosts = ["./*"] },
            ],
        };
        var result = Translator.Translate(model);
        Assert.Equal(
            [("linkerd-egress", "Deny"), ("payments", "Deny"), ("shop", "Allow")],
            result.Resources.OfType<EgressNetwork>().Where(n => n.Spec.Networks is null).Select(n => (n.Metadata.NamespaceProperty, n.Spec.TrafficPolicy)).Order());
        // Linkerd has no visibility scope: the hosts are reported, the rest reads back.
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.outbound[2].hosts");
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "out.yaml");
        Assert.Equal((model with { Outbound = [model.Outbound[0], model.Outbound[1], model.Outbound[2] with { Hosts = default }] }).Normalize(), back.Config);
    }

    // ---- Export ----

    [Fact]
    public void HostsWithoutAddresses_AreRoutesOnTheNamespacesNetwork_OnePerPort()
    {
        var result = Translate(Stripe(Port(443, Protocol.Tls), Port(80, Protocol.Http), Port(50051, Protocol.Grpc)));
        Assert.Empty(Warnings(result));
        var network = Assert.Single(result.Resources.OfType<EgressNetwork>());
        // Without an outbound policy other hosts leave unmanaged, as the model's default says.
        Assert.Equal(("all-egress-traffic", "shop", "Allow"), (network.Metadata.Name, network.Metadata.NamespaceProperty, network.Spec.TrafficPolicy));
        Assert.Null(network.Spec.Networks);

        var tls = Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>());
        Assert.Equal(("stripe-443", "shop", "gateway.networking.k8s.io/v1alpha2"), (tls.Metadata.Name, tls.Metadata.NamespaceProperty, tls.ApiVersion));
        Assert.Equal(["*.stripe.com", "api.stripe.com"], tls.Spec.Hostnames!);
        AssertEgressParent(Assert.Single(tls.Spec.ParentRefs!), "all-egress-traffic", 443);
        AssertBackToNetwork(Assert.Single(tls.Spec.Rules!).BackendRefs, "all-egress-traffic");

        var http = Assert.Single(result.Resources.OfType<PolicyHttpRoute>());
        Assert.Equal("stripe-80", http.Metadata.Name);
        Assert.Equal(["*.stripe.com", "api.stripe.com"], http.Spec.Hostnames!);
        AssertEgressParent(Assert.Single(http.Spec.ParentRefs!), "all-egress-traffic", 80);
        var rule = Assert.Single(http.Spec.Rules!);
        Assert.Null(rule.Matches);
        AssertBackToNetwork(rule.BackendRefs, "all-egress-traffic");

        var grpc = Assert.Single(result.Resources.OfType<GatewayResources.GrpcRoute>());
        Assert.Equal("stripe-50051", grpc.Metadata.Name);
        Assert.Equal(["*.stripe.com", "api.stripe.com"], grpc.Spec.Hostnames!);
        AssertEgressParent(Assert.Single(grpc.Spec.ParentRefs!), "all-egress-traffic", 50051);
    }

    [Fact]
    public void ResourcesComeOut_NetworkFirst_ThenRoutesByName()
    {
        var result = Translate(Stripe(Port(443, Protocol.Tls), Port(80, Protocol.Http)));
        Assert.Equal(["EgressNetwork/all-egress-traffic", "TLSRoute/stripe-443", "HTTPRoute/stripe-80"], result.Resources.Select(Describe));
    }

    [Fact]
    public void OnOwnNetworks_TheRouteThatLetsRequestsLeave_GivesWayToAModelRouteOfItsName()
    {
        // A model route named like the one-rule route of another service's own network (api-443) is written under its name; the
        // one-rule route, read back by its parent rather than its name, takes the next free one (found by the egress fixed-point property).
        var api = new ExternalService { Name = "api", Namespace = "shop", Hosts = ["api"], Ports = [Port(443, Protocol.Http)], Resolution = Resolution.Static, Addresses = ["2001:db8::1"] };
        var payments = new ExternalService { Name = "payments", Namespace = "shop", Hosts = ["*.googleapis.com"], Ports = [Port(80, Protocol.Http)], Resolution = Resolution.Static, Addresses = ["198.51.100.0/24"] };
        var model = new MeshConfig
        {
            Name = "imported",
            Services = [new MeshService { Name = "internal", Namespace = "shop", Ports = [new ServicePort { Name = "http-80", Port = 80, Protocol = Protocol.Http, TargetPort = 80 }] }],
            ExternalServices = [api, payments],
            Routes = [new HttpRoute { Name = "api-443", Namespace = "shop", Host = new ServiceRef("payments", "shop"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("internal", "shop"), Port = 80 }] }] }],
        };
        var result = Translator.Translate(model);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported);
        var routes = result.Resources.OfType<PolicyHttpRoute>().ToDictionary(r => r.Metadata.Name);
        AssertEgressParent(Assert.Single(routes["api-443"].Spec.ParentRefs!), "payments", 80);
        AssertEgressParent(Assert.Single(routes["api-443-2"].Spec.ParentRefs!), "api", 443);
        AssertBackToNetwork(Assert.Single(routes["api-443-2"].Spec.Rules!).BackendRefs, "api");
        Assert.Equal(model.Normalize(), Translator.Import(result.Resources).Config);
    }

    private static string Describe(object resource) => resource is k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> k ? $"{k.Kind}/{k.Metadata.Name}" : resource.GetType().Name;

    [Fact]
    public void HttpRoutes_FollowTheRouteApiOption()
    {
        var translator = new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi });
        var result = translator.Translate(new MeshConfig { Name = "m", ExternalServices = [Stripe(Port(80, Protocol.Http))] });
        Assert.Empty(result.Resources.OfType<PolicyHttpRoute>());
        var http = Assert.Single(result.Resources.OfType<GatewayResources.HttpRoute>());
        Assert.Equal("gateway.networking.k8s.io/v1", http.ApiVersion);
        Assert.Equal(["*.stripe.com", "api.stripe.com"], http.Spec.Hostnames!);
    }

    [Fact]
    public void ServicesOfANamespace_ShareOneNetwork_OtherNamespacesHaveTheirOwn()
    {
        var result = Translate(
            Stripe(Port(443, Protocol.Tls)),
            Stripe(Port(443, Protocol.Tls)) with { Name = "httpbin", Hosts = ["httpbin.org"] },
            Stripe(Port(443, Protocol.Tls)) with { Namespace = "ops" });
        Assert.Equal([("all-egress-traffic", "ops"), ("all-egress-traffic", "shop")], result.Resources.OfType<EgressNetwork>().Select(n => (n.Metadata.Name, n.Metadata.NamespaceProperty)));
        Assert.Equal(3, result.Resources.OfType<GatewayResources.TlsRoute>().Count());
        Assert.Empty(Warnings(result));
    }

    [Fact]
    public void Addresses_AreTheirOwnDenyNetwork_WithTheRoutesOfTheirPorts()
    {
        var result = Translate(Payments("203.0.113.7", "2001:db8::1", "198.51.100.0/24"));
        Assert.Empty(Warnings(result));
        var network = Assert.Single(result.Resources.OfType<EgressNetwork>());
        Assert.Equal(("payments", "shop", "Deny"), (network.Metadata.Name, network.Metadata.NamespaceProperty, network.Spec.TrafficPolicy));
        Assert.Equal(["203.0.113.7/32", "2001:db8::1/128", "198.51.100.0/24"], network.Spec.Networks!.Select(n => n.Cidr));
        var tls = Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>());
        Assert.Equal("payments-443", tls.Metadata.Name);
        Assert.Equal(["api.stripe.com"], tls.Spec.Hostnames!);
        AssertEgressParent(Assert.Single(tls.Spec.ParentRefs!), "payments", 443);
        AssertBackToNetwork(Assert.Single(tls.Spec.Rules!).BackendRefs, "payments");
    }

    [Fact]
    public void AddressesWithoutPorts_AreAnAllowNetwork_AndTheHostsAreReported()
    {
        var result = Translate(Payments("203.0.113.7") with { Ports = [] });
        var network = Assert.Single(result.Resources);
        Assert.Equal("Allow", Assert.IsType<EgressNetwork>(network).Spec.TrafficPolicy);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].hosts");
    }

    [Fact]
    public void AddressesWithATcpPort_AreADenyNetwork_WithATcpRouteBesideTheOtherRoutes()
    {
        var result = Translate(Payments("203.0.113.7") with { Ports = [Port(443, Protocol.Tls), Port(5432, Protocol.Tcp)] });
        Assert.Empty(Warnings(result));
        Assert.Equal("Deny", Assert.Single(result.Resources.OfType<EgressNetwork>()).Spec.TrafficPolicy);
        Assert.Equal("payments-443", Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>()).Metadata.Name);
        Assert.Equal("payments-5432", Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>()).Metadata.Name);
    }

    [Fact]
    public void TcpPortsOfAServiceNamedByHost_AreReported_NotWrittenOnTheSharedNetwork()
    {
        var result = Translate(Stripe(Port(443, Protocol.Tls), Port(5432, Protocol.Tcp)));
        Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>());
        Assert.Empty(result.Resources.OfType<GatewayResources.TcpRoute>());
        var reported = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.externalServices[0].ports[1]");
        Assert.Equal(DiagnosticCodes.Unsupported, reported.Code);
        Assert.Contains("every destination outside the cluster", reported.Message, StringComparison.Ordinal);
        Assert.Contains("give the external service its addresses", reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceNamedByHostWithOnlyTcp_WritesNothing_NotEvenADenyNetwork()
    {
        var result = Translate(Stripe(Port(5432, Protocol.Tcp)));
        Assert.Empty(result.Resources);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].ports[0]");
    }

    [Fact]
    public void HostsWithoutAddressesOrPorts_AreNotWritten()
    {
        var result = Translate(Stripe());
        Assert.Empty(result.Resources);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].ports");
    }

    [Fact]
    public void Http2PortsAndPortNames_AreReportedAsApproximated()
    {
        var result = Translate(Stripe(Port(8080, Protocol.Http2), Port(443, Protocol.Tls, "https")));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].ports[0].protocol");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].ports[1].name");
        Assert.Single(result.Resources.OfType<PolicyHttpRoute>());
    }

    [Fact]
    public void DerivedPortNames_AreNotReported()
    {
        var result = Translate(Stripe(Port(443, Protocol.Tls, "tls-443")));
        Assert.Empty(Warnings(result));
    }

    [Fact]
    public void OnOneSharedPort_GrpcBesideHttp_IsWrittenAsAnHttpRoute()
    {
        var result = Translate(Stripe(Port(8080, Protocol.Http)), Stripe(Port(8080, Protocol.Grpc)) with { Name = "grpcbin", Hosts = ["grpcb.in"] });
        Assert.Empty(result.Resources.OfType<GatewayResources.GrpcRoute>());
        Assert.Equal(["grpcbin-8080", "stripe-8080"], result.Resources.OfType<PolicyHttpRoute>().Select(r => r.Metadata.Name));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[1].ports[0].protocol");
    }

    [Fact]
    public void OnOneSharedPort_TlsBesideHttp_IsNotWritten()
    {
        var result = Translate(Stripe(Port(443, Protocol.Http)), Stripe(Port(443, Protocol.Tls)) with { Name = "httpbin", Hosts = ["httpbin.org"] });
        Assert.Empty(result.Resources.OfType<GatewayResources.TlsRoute>());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[1].ports[0]");
    }

    [Fact]
    public void DifferentKindsOnOnePort_OfDifferentNetworks_DoNotConflict()
    {
        var result = Translate(Stripe(Port(443, Protocol.Http)), Payments("203.0.113.7"));
        Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>());
        Assert.Single(result.Resources.OfType<PolicyHttpRoute>());
        Assert.Empty(Warnings(result));
    }

    [Fact]
    public void ResolutionNotReadBack_IsReported()
    {
        var byHost = Translate(Stripe(Port(443, Protocol.Tls)) with { Resolution = Resolution.None });
        Assert.Contains(byHost.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].resolution");
        var byAddress = Translate(Payments("203.0.113.7") with { Resolution = Resolution.Dns });
        Assert.Contains(byAddress.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].resolution");
    }

    [Fact]
    public void MoreThanSixteenHosts_AreCutAndReported()
    {
        var result = Translate(Stripe(Port(443, Protocol.Tls)) with { Hosts = [.. Enumerable.Range(0, 18).Select(i => $"h{i:D2}.example.com")] });
        var tls = Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>());
        Assert.Equal(16, tls.Spec.Hostnames!.Count);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].hosts" && d.Message.Contains("h17.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void ARouteNameTakenByAMeshRoute_IsReported()
    {
        var web = new MeshService { Name = "web", Namespace = "shop", Ports = [Port(80, Protocol.Http)] };
        var model = new MeshConfig
        {
            Name = "m",
            Services = [web],
            Routes = [new HttpRoute { Name = "stripe-80", Namespace = "shop", Host = web.Reference, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = web.Reference, Port = 80 }] }] }],
            ExternalServices = [Stripe(Port(80, Protocol.Http), Port(443, Protocol.Tls))],
        };
        var result = Translator.Translate(model);
        Assert.Equal(["stripe-80"], result.Resources.OfType<PolicyHttpRoute>().Select(r => r.Metadata.Name));
        Assert.Equal("Service", Assert.Single(result.Resources.OfType<PolicyHttpRoute>().Single().Spec.ParentRefs!).Kind);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.externalServices[0].ports[0]");
        Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>());
    }

    [Fact]
    public void AnAddressServiceNamedLikeTheSharedNetwork_PushesTheSharedNetworkToAnotherName()
    {
        var result = Translate(Payments("203.0.113.7") with { Name = "all-egress-traffic" }, Stripe(Port(443, Protocol.Tls)));
        Assert.Equal(["all-egress-traffic", "all-egress-traffic-2"], result.Resources.OfType<EgressNetwork>().Select(n => n.Metadata.Name));
        Assert.Equal("all-egress-traffic-2", result.Resources.OfType<GatewayResources.TlsRoute>().Single(r => r.Metadata.Name == "stripe-443").Spec.ParentRefs![0].Name);
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "back.yaml");
        Assert.Equal(2, back.Config!.ExternalServices.Count);
    }

    // ---- Import ----

    [Fact]
    public void LinkerdsReferenceExample_ReadsAsAnExternalServiceNamedAfterItsRoute()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { namespace: linkerd-egress, name: all-egress-traffic }
            spec: { trafficPolicy: Deny }
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: { name: tls-egress, namespace: linkerd-egress }
            spec:
              hostnames: [httpbin.org]
              parentRefs:
              - { name: all-egress-traffic, kind: EgressNetwork, group: policy.linkerd.io, namespace: linkerd-egress, port: 443 }
              rules:
              - backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: all-egress-traffic }]
            """, "in.yaml");
        Assert.Empty(result.Diagnostics);
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(new ExternalService { Name = "tls-egress", Namespace = "linkerd-egress", Hosts = ["httpbin.org"], Ports = [Port(443, Protocol.Tls, "tls-443")], Resolution = Resolution.Dns }, external);
    }

    private const string SharedNetwork = """
        apiVersion: policy.linkerd.io/v1alpha1
        kind: EgressNetwork
        metadata: { namespace: shop, name: egress }
        spec: { trafficPolicy: Deny }

        """;

    private static string Route(string kind, string name, int port, string hosts, string? rules = null, string network = "egress")
    {
        var apiVersion = kind switch { "TLSRoute" => "gateway.networking.k8s.io/v1alpha2", "GRPCRoute" => "gateway.networking.k8s.io/v1", _ => "policy.linkerd.io/v1beta3" };
        rules ??= "[{ backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: " + network + " }] }]";
        return "---\n"
            + $"apiVersion: {apiVersion}\n"
            + $"kind: {kind}\n"
            + "metadata: { name: " + name + ", namespace: shop }\n"
            + "spec:\n"
            + (hosts.Length == 0 ? string.Empty : $"  hostnames: [{hosts}]\n")
            + "  parentRefs: [{ name: " + network + ", kind: EgressNetwork, group: policy.linkerd.io, port: " + port + " }]\n"
            + $"  rules: {rules}\n";
    }

    [Fact]
    public void TheRoutesOfOneServicesPorts_ComeTogetherByName()
    {
        var result = Translator.ImportYaml(SharedNetwork + Route("HTTPRoute", "stripe-80", 80, "api.stripe.com") + Route("TLSRoute", "stripe-443", 443, "api.stripe.com") + Route("GRPCRoute", "stripe-50051", 50051, "api.stripe.com"), "in.yaml");
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal("stripe", external.Name);
        Assert.Equal([(80, Protocol.Http), (443, Protocol.Tls), (50051, Protocol.Grpc)], external.Ports.Select(p => (p.Port, p.Protocol)));
        Assert.Equal(Resolution.Dns, external.Resolution);
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.metadata.name" && d.Severity == DiagnosticSeverity.Info);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void RoutesOfOneNameThatDisagreeOnTheirHosts_StayApart()
    {
        var result = Translator.ImportYaml(SharedNetwork + Route("HTTPRoute", "stripe-80", 80, "api.stripe.com") + Route("TLSRoute", "stripe-443", 443, "httpbin.org"), "in.yaml");
        Assert.Equal(["stripe-443", "stripe-80"], result.Config!.ExternalServices.Select(e => e.Name));
        Assert.Equal(["httpbin.org"], result.Config.ExternalServices[0].Hosts);
    }

    [Fact]
    public void AnAllowNetworkWithoutNetworks_IsReported_ItsRoutesRead()
    {
        var result = Translator.ImportYaml(SharedNetwork.Replace("Deny", "Allow", StringComparison.Ordinal) + Route("TLSRoute", "stripe-443", 443, "api.stripe.com"), "in.yaml");
        Assert.Equal("stripe", Assert.Single(result.Config!.ExternalServices).Name);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.trafficPolicy");
    }

    [Fact]
    public void NetworksThatLetNothingOrEverythingThrough_AreReported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: all, namespace: egress }
            spec: { trafficPolicy: Deny }
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: all, namespace: open }
            spec: { trafficPolicy: Allow }
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: closed, namespace: shop }
            spec: { trafficPolicy: Deny, networks: [{ cidr: 203.0.113.0/24 }] }
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: none, namespace: shop }
            spec: { trafficPolicy: Allow, networks: [] }
            """, "in.yaml");
        Assert.Empty(result.Config!.ExternalServices);
        // A Deny network without networks is the namespace's registry-only outbound policy; an Allow one is the default.
        Assert.Equal([new OutboundPolicy { Namespace = "egress", Mode = OutboundMode.RegistryOnly }], result.Config.Outbound);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.trafficPolicy" && d.Severity == DiagnosticSeverity.Info);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#3 $.spec");
    }

    [Fact]
    public void OfTwoNetworksWithoutNetworks_OnlyTheOneLinkerdConsultsIsRead()
    {
        var another = "---\n" + SharedNetwork.Replace("name: egress", "name: another", StringComparison.Ordinal);
        var result = Translator.ImportYaml(SharedNetwork + another + Route("TLSRoute", "stripe-443", 443, "api.stripe.com", network: "another") + Route("TLSRoute", "shadowed-443", 443, "httpbin.org"), "in.yaml");
        // 'another' sorts first, so Linkerd consults it; 'egress' and its routes apply to nothing.
        Assert.Equal("stripe", Assert.Single(result.Config!.ExternalServices).Name);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec" && d.Message.Contains("'another'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#3 $.spec.parentRefs[0]");
    }

    [Fact]
    public void ThePolicyHttpRouteWins_OverATlsRouteOnTheSamePort()
    {
        var result = Translator.ImportYaml(SharedNetwork + Route("HTTPRoute", "a-443", 443, "a.example.com") + Route("TLSRoute", "b-443", 443, "b.example.com"), "in.yaml");
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(("a", Protocol.Http), (external.Name, external.Ports.Single().Protocol));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec.parentRefs[0]" && d.Message.Contains("HTTPRoutes", StringComparison.Ordinal));
    }

    [Fact]
    public void MatchesAndOtherBackends_AreReadAsRoutesOnTheExternalService()
    {
        var result = Translator.ImportYaml(SharedNetwork
            + Route("HTTPRoute", "get-80", 80, "httpbin.org", "[{ matches: [{ path: { value: /get } }] }]")
            + Route("HTTPRoute", "internal-8080", 8080, "httpbin.org", "[{ backendRefs: [{ kind: Service, name: internal-egress, port: 80 }] }]"), "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal([("get", 80), ("internal", 8080)], result.Config!.ExternalServices.Select(e => (e.Name, e.Ports.Single().Port)));
        var get = Assert.Single(result.Config.Routes, r => r.Host == new ServiceRef("get", "shop"));
        Assert.Equal(PathMatch.Prefix("/get"), Assert.Single(Assert.Single(get.Rules).Matches).Path);
        var redirected = Assert.Single(result.Config.Routes, r => r.Host == new ServiceRef("internal", "shop"));
        Assert.Equal(new ServiceRef("internal-egress", "shop"), Assert.Single(Assert.Single(redirected.Rules).Backends).Service);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.StartsWith("in.yaml#1 $.spec.rules", StringComparison.Ordinal));
    }

    [Fact]
    public void RoutesWithoutHostsOrANetwork_AreReported()
    {
        var result = Translator.ImportYaml(SharedNetwork + Route("HTTPRoute", "any-80", 80, "") + Route("TLSRoute", "lost-443", 443, "httpbin.org", network: "missing"), "in.yaml");
        Assert.Empty(result.Config!.ExternalServices);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec" && d.Message.Contains("without hostnames", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec.parentRefs[0]" && d.Message.Contains("'missing'", StringComparison.Ordinal));
        Assert.Equal(OutboundMode.RegistryOnly, Assert.Single(result.Config.Outbound).Mode);
    }

    [Fact]
    public void AnAddressNetwork_TakesTheHostsAndPortsOfItsRoutes_DisagreementsReported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: payments, namespace: shop }
            spec: { trafficPolicy: Deny, networks: [{ cidr: 203.0.113.7/32 }] }

            """ + Route("TLSRoute", "payments-443", 443, "api.stripe.com", network: "payments") + Route("HTTPRoute", "payments-80", 80, "pay.stripe.com", network: "payments"), "in.yaml");
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(("payments", Resolution.Static), (external.Name, external.Resolution));
        Assert.Equal(["203.0.113.7"], external.Addresses);
        Assert.Equal(["api.stripe.com", "pay.stripe.com"], external.Hosts);
        Assert.Equal([80, 443], external.Ports.Select(p => p.Port));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.hostnames");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec.hostnames");
    }

    [Fact]
    public void EgressNetwork_WithoutRoutes_ReadsBackAsAStaticExternalServiceNamedByItsHost()
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
        Assert.Empty(external.Ports);
        Assert.Equal(["198.51.100.0/24", "203.0.113.7"], external.Addresses.Order(StringComparer.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.networks[1].except");
    }

    [Fact]
    public void RetryAnnotationsOfAnEgressRoute_AreARoute_NonEgressParentsAreReported()
    {
        var result = Translator.ImportYaml(SharedNetwork + """
            ---
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata:
              name: stripe-80
              namespace: shop
              annotations: { retry.linkerd.io/limit: "2" }
            spec:
              hostnames: [api.stripe.com]
              parentRefs:
              - { name: egress, kind: EgressNetwork, group: policy.linkerd.io, port: 80 }
              - { name: web, kind: Service, group: core, port: 80 }
            """, "in.yaml");
        Assert.Equal("stripe", Assert.Single(result.Config!.ExternalServices).Name);
        // The retry makes it a route on the external service (ExternalRouteTests); the Service parent is reported.
        var route = Assert.Single(result.Config.Routes);
        Assert.Equal(2, Assert.Single(route.Rules).Retry!.Attempts);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path == "in.yaml#1 $.metadata.annotations['retry.linkerd.io/limit']");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.parentRefs[1]");
    }

    [Fact]
    public void ATlsRouteOfAService_IsOutOfScope()
    {
        var result = Translator.ImportYaml("""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: { name: tls, namespace: shop }
            spec:
              hostnames: [web.example.com]
              parentRefs: [{ name: web, kind: Service, group: core, port: 443 }]
              rules: [{ backendRefs: [{ name: web, port: 443 }] }]
            """, "in.yaml");
        Assert.Empty(result.Config!.ExternalServices);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Path == "in.yaml#0 $.kind");
    }

    [Fact]
    public void HostnamesOfAMeshRoute_AreStillOutOfScope()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: web, namespace: shop }
            spec:
              hostnames: [web.example.com]
              parentRefs: [{ name: web, kind: Service, group: core, port: 80 }]
              rules: [{ backendRefs: [{ name: web, port: 80 }] }]
            """, "in.yaml");
        Assert.Single(result.Config!.Routes);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Path == "in.yaml#0 $.spec.hostnames");
    }

    [Fact]
    public void InvalidHostnamesAndPolicies_AreReported()
    {
        var result = Translator.ImportYaml(SharedNetwork + Route("TLSRoute", "stripe-443", 443, "\"Api.Stripe.com\", \"not a host\""), "in.yaml");
        Assert.Equal(["api.stripe.com"], Assert.Single(result.Config!.ExternalServices).Hosts);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.hostnames[1]");

        var bad = Translator.ImportYaml(SharedNetwork.Replace("Deny", "Sometimes", StringComparison.Ordinal), "bad.yaml");
        Assert.Null(bad.Config);
        Assert.Contains(bad.Diagnostics, d => d.Code == DiagnosticCodes.InvalidResource && d.Path == "bad.yaml#0 $.spec.trafficPolicy");
    }

    // ---- Properties ----

    /// <summary>
    /// External services within Linkerd's capabilities (by host or address, HTTP, gRPC and TLS ports, TCP ports with
    /// addresses, routes on them): typed and YAML round trips give the normal form, with no warning either way (300 cases;
    /// the TCPRoutes written and the routes on external services are counted, and must be).
    /// </summary>
    [Fact]
    public void ExternalServices_WithinCapabilities_RoundTrip()
    {
        int withTcp = 0, tcpOnly = 0, withRoutes = 0, withSplits = 0, withTcpRoutes = 0, withTcpSplits = 0;
        EgressModels.WithinCapabilities.Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model.Normalize(), Translator.Import(translated.Resources).Config);
            var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model.Normalize(), back.Config);
            if (translated.Resources.OfType<GatewayResources.TcpRoute>().Any()) Interlocked.Increment(ref withTcp);
            if (model.ExternalServices.Any(e => !e.Ports.IsEmpty && e.Ports.All(p => p.Protocol == Protocol.Tcp))) Interlocked.Increment(ref tcpOnly);
            if (!model.Routes.IsEmpty) Interlocked.Increment(ref withRoutes);
            if (model.Routes.Any(r => r.Rules.Any(x => x.Backends.Any(b => b.Service.Name == "internal")))) Interlocked.Increment(ref withSplits);
            if (!model.TcpRoutes.IsEmpty) Interlocked.Increment(ref withTcpRoutes);
            if (model.TcpRoutes.Any(r => r.Backends.Count > 1)) Interlocked.Increment(ref withTcpSplits);
        }, iter: 300);
        TestContext.Current.TestOutputHelper?.WriteLine($"300 models: {withTcp} with TCPRoutes, {tcpOnly} with an external service of TCP ports only, {withRoutes} with routes on external services, {withSplits} splitting to a cluster Service, {withTcpRoutes} with TCP routes on external services, {withTcpSplits} splitting connections");
        Assert.True(withTcp > 0 && tcpOnly > 0 && withRoutes > 0 && withSplits > 0 && withTcpRoutes > 0 && withTcpSplits > 0, $"with TCPRoutes {withTcp}, TCP only {tcpOnly}, with routes {withRoutes}, with splits {withSplits}, with TCP routes {withTcpRoutes}, TCP splits {withTcpSplits}");
    }

    /// <summary>The same with HTTP routes as <c>gateway.networking.k8s.io/v1</c> (150 cases).</summary>
    [Fact]
    public void ExternalServices_WithinCapabilities_RoundTrip_GatewayApiRoutes()
    {
        var translator = new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi });
        EgressModels.WithinCapabilities.Sample(model =>
        {
            var translated = translator.Translate(model);
            Assert.Equal(model.Normalize(), translator.ImportYaml(translator.WriteYaml(translated.Resources), "back.yaml").Config);
        }, iter: 150);
    }

    /// <summary>Same model, same bytes (100 cases).</summary>
    [Fact]
    public void ExternalServices_TranslateDeterministically() =>
        EgressModels.WithinCapabilities.Sample(model =>
            Assert.Equal(Translator.WriteYaml(Translator.Translate(model).Resources), Translator.WriteYaml(Translator.Translate(model with { }).Resources)), iter: 100);

    /// <summary>
    /// Import is a fixed point on Linkerd's side: for EgressNetworks and routes of every shape, importing what the import
    /// translates to gives the same model, without errors; typed objects and their YAML import alike (1000 cases, TCPRoutes
    /// among them).
    /// </summary>
    [Fact]
    public void Import_IsAFixedPoint_ForEgressOfAnyShape()
    {
        int byHost = 0, byAddress = 0, namedAfterRoute = 0, tcp = 0, tcpRoutes = 0;
        EgressModels.LinkerdInputs.Sample(resources =>
        {
            var first = Translator.Import(resources);
            Assert.False(first.HasErrors, string.Join("\n", first.Diagnostics));
            Assert.Equal(first.Config, Translator.ImportYaml(Translator.WriteYaml(resources), "in.yaml").Config);
            var again = Translator.Import(Translator.Translate(first.Config!).Resources);
            Assert.Equal(first.Config, again.Config);
            var externals = first.Config!.ExternalServices;
            if (externals.Any(e => e.Resolution == Resolution.Dns)) Interlocked.Increment(ref byHost);
            if (externals.Any(e => e.Resolution == Resolution.Static && !e.Ports.IsEmpty)) Interlocked.Increment(ref byAddress);
            if (externals.Any(e => e.Name.EndsWith("-80", StringComparison.Ordinal) || e.Name.EndsWith("-443", StringComparison.Ordinal) || e.Name.EndsWith("-8080", StringComparison.Ordinal))) Interlocked.Increment(ref namedAfterRoute);
            if (externals.Any(e => e.Ports.Any(p => p.Protocol == Protocol.Tcp))) Interlocked.Increment(ref tcp);
            if (!first.Config.TcpRoutes.IsEmpty) Interlocked.Increment(ref tcpRoutes);
        }, iter: 1000);
        TestContext.Current.TestOutputHelper?.WriteLine($"1000 inputs: by host {byHost}, by address {byAddress}, named after a route {namedAfterRoute}, with a TCP port {tcp}, with a TCP route on an external service {tcpRoutes}");
        // The inputs reach every kind of external service, including ones named after a route whose name does not end in its
        // port, TCP ports read from TCPRoutes, and TCP routes read from TCPRoutes that send elsewhere or split.
        Assert.True(byHost > 0 && byAddress > 0 && namedAfterRoute > 0 && tcp > 0 && tcpRoutes > 0, $"by host {byHost}, by address {byAddress}, named after a route {namedAfterRoute}, TCP {tcp}, TCP routes {tcpRoutes}");
    }

    /// <summary>
    /// Any valid external services (every protocol, port names, resolutions, with and without addresses): what one round trip
    /// gives, a second gives again (300 cases).
    /// </summary>
    [Fact]
    public void AnyExternalServices_ReachAFixedPointAfterOneRoundTrip() =>
        Mesh.Testing.MeshGenerators.ExternalService.Array[0, 4]
            .Select(services => new MeshConfig { Name = "m", ExternalServices = [.. services.DistinctBy(e => (e.Namespace, e.Name))] })
            .Sample(model =>
            {
                var once = Translator.Import(Translator.Translate(model).Resources);
                Assert.False(once.HasErrors, string.Join("\n", once.Diagnostics));
                var twice = Translator.Import(Translator.Translate(once.Config!).Resources);
                Assert.Equal(once.Config, twice.Config);
            }, iter: 300);
}
