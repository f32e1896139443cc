using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Tests.Egress;

/// <summary>
/// Routes on external services as routes on their EgressNetworks: written in place of the one-rule routes of the ports they
/// cover, with the external service as the EgressNetwork backend (the original destination) and cluster Services as
/// themselves; read back as routes on the external service.
/// </summary>
public sealed class ExternalRouteTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static readonly ServiceRef Stripe = new("stripe", "shop");

    private static readonly ServiceRef Internal = new("internal", "shop");

    private static ExternalService StripeService(params ServicePort[] ports) => new()
    {
        Name = "stripe", Namespace = "shop", Hosts = ["api.stripe.com"], Ports = [.. ports], Resolution = Resolution.Dns,
    };

    private static readonly ServicePort Http80 = new() { Port = 80, Protocol = Protocol.Http };

    private static readonly MeshService InternalService = new() { Name = "internal", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] };

    /// <summary>A canary split on a header (80/20 between the external service and a cluster Service) and a catch-all rule, with a timeout and a retry.</summary>
    private static HttpRoute CanaryRoute(string name = "stripe", string ns = "shop") => new()
    {
        Name = name,
        Namespace = ns,
        Host = Stripe,
        Rules =
        [
            new HttpRouteRule
            {
                Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "1")] }],
                Backends = [new WeightedBackend { Service = Stripe, Weight = 80 }, new WeightedBackend { Service = Internal, Port = 8080, Weight = 20 }],
                Timeout = TimeSpan.FromSeconds(3),
                Retry = new RetryPolicy { Attempts = 2 },
            },
            new HttpRouteRule { Backends = [new WeightedBackend { Service = Stripe }], Timeout = TimeSpan.FromSeconds(3), Retry = new RetryPolicy { Attempts = 2 } },
        ],
    };

    private static MeshConfig Model(HttpRoute route, params ExternalService[] externals) => new()
    {
        Name = "imported",
        Services = [InternalService],
        Routes = [route],
        ExternalServices = externals.Length == 0 ? [StripeService(Http80)] : [.. externals],
    };

    private static List<Diagnostic> Warnings(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    [Fact]
    public void ARouteOnAnExternalService_IsAnHttpRouteOnItsEgressNetwork_InPlaceOfThePortsForwardingRoute()
    {
        var result = Translator.Translate(Model(CanaryRoute()));
        Assert.Empty(Warnings(result.Diagnostics));
        var route = Assert.Single(result.Resources.OfType<PolicyHttpRoute>());
        // On the shared network, in place of the one-rule route of port 80 and under its name.
        Assert.Equal(("stripe-80", "shop"), (route.Metadata.Name, route.Metadata.NamespaceProperty));
        var parent = Assert.Single(route.Spec.ParentRefs!);
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", "shop", "all-egress-traffic", (int?)80), (parent.Group, parent.Kind, parent.Namespace, parent.Name, parent.Port));
        Assert.Equal(["api.stripe.com"], route.Spec.Hostnames);
        Assert.Equal(2, route.Spec.Rules!.Count);
        var header = Assert.Single(Assert.Single(route.Spec.Rules[0].Matches!).Headers!);
        Assert.Equal(("x-canary", "1"), (header.Name, header.Value));
        var backends = route.Spec.Rules[0].BackendRefs!;
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", "all-egress-traffic", (int?)null, (int?)80), (backends[0].Group, backends[0].Kind, backends[0].Name, backends[0].Port, backends[0].Weight));
        Assert.Equal((null, "internal", (int?)8080, (int?)20), (backends[1].Kind, backends[1].Name, backends[1].Port, backends[1].Weight));
        Assert.Equal("EgressNetwork", Assert.Single(route.Spec.Rules[1].BackendRefs!).Kind);
        // Retries and the shared timeout are route annotations, as on routes on Services.
        Assert.Equal("2", route.Metadata.Annotations!["retry.linkerd.io/limit"]);
        Assert.Equal("3s", route.Metadata.Annotations["timeout.linkerd.io/request"]);
        Assert.All(route.Spec.Rules, r => Assert.Null(r.Timeouts));
        Assert.Single(result.Resources.OfType<EgressNetwork>());
        Assert.Contains("routes/shop/stripe", route.Metadata.Annotations[Mesh.Kubernetes.Ownership.SourceAnnotation], StringComparison.Ordinal);
    }

    [Fact]
    public void TheCanaryRoute_RoundTrips_TypedAndAsYaml()
    {
        var model = Model(CanaryRoute());
        var translated = Translator.Translate(model);
        var typed = Translator.Import(translated.Resources);
        Assert.False(typed.HasErrors, string.Join("\n", typed.Diagnostics));
        Assert.Equal(model.Normalize(), typed.Config);
        var yaml = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
        Assert.Empty(Warnings(yaml.Diagnostics));
        Assert.Equal(model.Normalize(), yaml.Config);
    }

    [Fact]
    public void OnTheServicesOwnNetwork_TheRouteKeepsItsName_AndOtherPortsKeepTheirRoutes()
    {
        var external = StripeService(Http80, new ServicePort { Port = 443, Protocol = Protocol.Tls }) with { Resolution = Resolution.Static, Addresses = ["203.0.113.7"] };
        var model = Model(CanaryRoute("payments"), external);
        var result = Translator.Translate(model);
        Assert.Empty(Warnings(result.Diagnostics));
        var route = Assert.Single(result.Resources.OfType<PolicyHttpRoute>());
        Assert.Equal("payments", route.Metadata.Name);
        Assert.Equal("stripe", Assert.Single(route.Spec.ParentRefs!).Name);
        Assert.Equal("stripe-443", Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>()).Metadata.Name);
        Assert.Equal("Deny", Assert.Single(result.Resources.OfType<EgressNetwork>()).Spec.TrafficPolicy);
        Assert.Equal(model.Normalize(), Translator.ImportYaml(Translator.WriteYaml(result.Resources), "back.yaml").Config);
    }

    [Fact]
    public void OnTheSharedNetwork_ARouteNamedOtherwise_IsNamedAfterItsService_AndSaysSo()
    {
        var result = Translator.Translate(Model(CanaryRoute("canary")));
        Assert.Equal("stripe-80", Assert.Single(result.Resources.OfType<PolicyHttpRoute>()).Metadata.Name);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].name");
        var back = Translator.Import(result.Resources).Config!;
        Assert.Equal("stripe", Assert.Single(back.Routes).Name);
    }

    [Fact]
    public void ARouteInAnotherNamespace_IsWrittenBesideTheEgressNetwork_AndSaysSo()
    {
        var result = Translator.Translate(Model(CanaryRoute(ns: "web")));
        Assert.Equal("shop", Assert.Single(result.Resources.OfType<PolicyHttpRoute>()).Metadata.NamespaceProperty);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].namespace");
    }

    [Fact]
    public void RulesThatAllMatch_LeaveTheRestToTheDefaultRoute_Reported()
    {
        var route = CanaryRoute() with { Rules = [CanaryRoute().Rules[0]] };
        var result = Translator.Translate(Model(route));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0]" && d.Message.Contains("default route", StringComparison.Ordinal));
    }

    [Fact]
    public void SubsetsOtherPortsAndOtherExternalServices_AsBackends_AreReported()
    {
        var other = new ExternalService { Name = "paypal", Namespace = "shop", Hosts = ["api.paypal.com"], Ports = [Http80], Resolution = Resolution.Dns };
        var external = StripeService(Http80, new ServicePort { Port = 8443, Protocol = Protocol.Tls }) with { Resolution = Resolution.Static, Endpoints = [new ExternalEndpoint { Address = "203.0.113.7", Labels = new Dictionary<string, string> { ["version"] = "v1" } }], Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } }] };
        var route = new HttpRoute
        {
            Name = "stripe",
            Namespace = "shop",
            Host = Stripe,
            Rules =
            [
                new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/v1") }], Backends = [new WeightedBackend { Service = Stripe, Subset = "v1", Port = 80 }] },
                new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/pay") }], Backends = [new WeightedBackend { Service = new ServiceRef("paypal", "shop") }] },
                new HttpRouteRule { Backends = [new WeightedBackend { Service = Stripe, Port = 8443 }] },
            ],
        };
        var result = Translator.Translate(new MeshConfig { Name = "m", Services = [InternalService], Routes = [route], ExternalServices = [external, other] });
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].backends[0].subset");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[1].backends[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].rules[2].backends[0].port");
        // The rule to the other external service is left out; the others are written.
        var written = Assert.Single(result.Resources.OfType<PolicyHttpRoute>(), r => r.Metadata.Name == "stripe-80");
        Assert.Equal(2, written.Spec.Rules!.Count);
        Assert.All(written.Spec.Rules, r => Assert.Equal("EgressNetwork", Assert.Single(r.BackendRefs!).Kind));
    }

    [Fact]
    public void AnExternalServiceWithoutHttpPorts_KeepsItsRoutes_AndTheRouteIsReported()
    {
        var result = Translator.Translate(Model(CanaryRoute(), StripeService(new ServicePort { Port = 443, Protocol = Protocol.Tls })));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0]");
        Assert.Equal("stripe-443", Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>()).Metadata.Name);
        Assert.Empty(result.Resources.OfType<PolicyHttpRoute>());
    }

    [Fact]
    public void OnlyThePortEveryMatchNames_IsRouted_TheOtherKeepsItsForwardingRoute()
    {
        var route = new HttpRoute
        {
            Name = "stripe",
            Namespace = "shop",
            Host = Stripe,
            Rules = [new HttpRouteRule { Matches = [new HttpMatch { Port = 8080, Path = PathMatch.Prefix("/") }], Backends = [new WeightedBackend { Service = Internal, Port = 8080 }] }],
        };
        var result = Translator.Translate(Model(route, StripeService(Http80, new ServicePort { Port = 8080, Protocol = Protocol.Http })));
        var routes = result.Resources.OfType<PolicyHttpRoute>().ToList();
        Assert.Equal(["stripe-80", "stripe-8080"], routes.Select(r => r.Metadata.Name));
        Assert.Null(routes[0].Spec.Rules![0].Matches);
        Assert.Equal(8080, Assert.Single(routes[1].Spec.ParentRefs!).Port);
        Assert.Equal("internal", Assert.Single(routes[1].Spec.Rules![0].BackendRefs!).Name);
    }

    [Fact]
    public void AGrpcOnlyService_GetsAGrpcRoute()
    {
        var route = new HttpRoute { Name = "stripe", Namespace = "shop", Host = Stripe, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Stripe }], Retry = new RetryPolicy { Attempts = 3, On = [RetryCondition.Unavailable] } }] };
        var model = Model(route, StripeService(new ServicePort { Port = 9090, Protocol = Protocol.Grpc })) with { Services = [] };
        var result = Translator.Translate(model);
        Assert.Empty(Warnings(result.Diagnostics));
        var grpc = Assert.Single(result.Resources.OfType<GatewayResources.GrpcRoute>());
        Assert.Equal(("stripe-9090", "unavailable"), (grpc.Metadata.Name, grpc.Metadata.Annotations!["retry.linkerd.io/grpc"]));
        Assert.Equal(model.Normalize(), Translator.ImportYaml(Translator.WriteYaml(result.Resources), "back.yaml").Config);
    }

    /// <summary>Linkerd's own example of egress routing: /get leaves, everything else goes to a Service of the cluster.</summary>
    [Fact]
    public void LinkerdsRedirectExample_ReadsAsARouteOnTheExternalService()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { namespace: egress-test, name: all-egress-traffic }
            spec: { trafficPolicy: Deny }
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: httpbin
              namespace: egress-test
              annotations: { timeout.linkerd.io/request: 2s }
            spec:
              hostnames: [httpbin.org]
              parentRefs:
                - { name: all-egress-traffic, kind: EgressNetwork, group: policy.linkerd.io, namespace: egress-test, port: 80 }
              rules:
                - matches: [{ path: { value: /get } }]
                - backendRefs: [{ kind: Service, name: internal-egress, port: 80 }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var config = result.Config!;
        var external = Assert.Single(config.ExternalServices);
        Assert.Equal(("httpbin", 80), (external.Name, external.Ports.Single().Port));
        var route = Assert.Single(config.Routes);
        Assert.Equal(new ServiceRef("httpbin", "egress-test"), route.Host);
        Assert.Equal(2, route.Rules.Count);
        Assert.Equal(PathMatch.Prefix("/get"), Assert.Single(route.Rules[0].Matches).Path);
        Assert.Equal(new ServiceRef("httpbin", "egress-test"), Assert.Single(route.Rules[0].Backends).Service);
        Assert.Equal((new ServiceRef("internal-egress", "egress-test"), (int?)80), (Assert.Single(route.Rules[1].Backends).Service, route.Rules[1].Backends[0].Port));
        Assert.All(route.Rules, r => Assert.Equal(TimeSpan.FromSeconds(2), r.Timeout));
        Assert.Contains(config.Services, s => s.Name == "internal-egress");
    }

    [Fact]
    public void ASecondRoutingRouteOfOneService_AndABackendToAnotherNetwork_AreReported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { namespace: shop, name: egress }
            spec: { trafficPolicy: Deny }
            ---
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: stripe, namespace: shop }
            spec:
              hostnames: [api.stripe.com]
              parentRefs: [{ name: egress, kind: EgressNetwork, group: policy.linkerd.io, port: 80 }]
              rules:
                - backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: elsewhere }, { kind: EgressNetwork, group: policy.linkerd.io, name: egress }]
            ---
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: stripe-80, namespace: shop }
            spec:
              hostnames: [api.stripe.com]
              parentRefs: [{ name: egress, kind: EgressNetwork, group: policy.linkerd.io, port: 80 }]
              rules: [{ matches: [{ path: { value: /v1 } }] }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Single(result.Config!.Routes);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.rules[0].backendRefs[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec.rules");
    }

    [Fact]
    public void APlainForwardingRoute_StaysAPortOfTheExternalService()
    {
        var result = Translator.Translate(new MeshConfig { Name = "imported", ExternalServices = [StripeService(Http80)] });
        var back = Translator.Import(result.Resources).Config!;
        Assert.Empty(back.Routes);
        Assert.Equal("stripe", Assert.Single(back.ExternalServices).Name);
    }
}
