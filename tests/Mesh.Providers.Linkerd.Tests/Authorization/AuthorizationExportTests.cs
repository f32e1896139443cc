using Mesh.Translation;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Tests.Authorization;

/// <summary>What the documented authorization mapping writes, resource by resource.</summary>
public sealed class AuthorizationExportTests
{
    private static readonly LinkerdTranslator Translator = new();
    private static readonly ServiceRef Web = new("web", "shop");

    private static MeshConfig Model(AccessRule rule, AccessAction action = AccessAction.Allow, MeshService? service = null) => new()
    {
        Name = "imported",
        Services = [service ?? new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }],
        AccessPolicies = [new AccessPolicy { Name = "web-allow", Namespace = "shop", Target = new PolicyTarget { Service = Web }, Action = action, Rules = [rule] }],
    };

    [Fact]
    public void ServiceAccounts_BecomeServerAuthorizationPolicyAndIdentityRefs()
    {
        var result = Translator.Translate(Model(new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("ops", "prometheus")] } }));
        var server = Assert.Single(result.Resources.OfType<Server>());
        Assert.Equal("web-8080", server.Metadata.Name);
        Assert.Equal("shop", server.Metadata.NamespaceProperty);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, server.Spec.PodSelector!.MatchLabels);
        Assert.Equal(8080, server.Spec.Port);
        Assert.Equal("HTTP/1", server.Spec.ProxyProtocol);
        var mtls = Assert.Single(result.Resources.OfType<MeshTlsAuthentication>());
        var identity = Assert.Single(mtls.Spec.IdentityRefs!);
        Assert.Equal(("ServiceAccount", "prometheus", "ops"), (identity.Kind, identity.Name, identity.Namespace));
        var policy = Assert.Single(result.Resources.OfType<AuthorizationPolicy>());
        Assert.Equal("web-allow", policy.Metadata.Name);
        Assert.Equal(("policy.linkerd.io", "Server", "web-8080"), (policy.Spec.TargetRef!.Group, policy.Spec.TargetRef.Kind, policy.Spec.TargetRef.Name));
        Assert.Equal(("MeshTLSAuthentication", mtls.Metadata.Name), (policy.Spec.RequiredAuthenticationRefs![0].Kind, policy.Spec.RequiredAuthenticationRefs[0].Name));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void AnyAuthenticatedClient_IsTheStarIdentity_AndReadsBack()
    {
        var model = Model(new AccessRule { From = new AccessSource { Authenticated = true } });
        var result = Translator.Translate(model);
        Assert.Equal(["*"], Assert.Single(result.Resources.OfType<MeshTlsAuthentication>()).Spec.Identities);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "l.yaml");
        Assert.True(Assert.Single(Assert.Single(back.Config!.AccessPolicies).Rules).From!.Authenticated);
    }

    [Fact]
    public void ExcludedAddresses_AreTheExceptOfEachNetwork_AndReadBack()
    {
        var model = Model(new AccessRule { From = new AccessSource { IpBlocks = ["10.0.0.0/8", "192.168.0.0/16"], Not = new AccessSource { IpBlocks = ["10.9.0.0/16"] } } });
        var result = Translator.Translate(model);
        var networks = Assert.Single(result.Resources.OfType<NetworkAuthentication>()).Spec.Networks!;
        Assert.Equal(["10.0.0.0/8", "192.168.0.0/16"], networks.Select(n => n.Cidr));
        Assert.All(networks, n => Assert.Equal(["10.9.0.0/16"], n.Except));
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "l.yaml");
        var from = Assert.Single(Assert.Single(back.Config!.AccessPolicies).Rules).From!;
        Assert.Equal(["10.9.0.0/16"], from.Not!.IpBlocks);
        Assert.Equal(["10.0.0.0/8", "192.168.0.0/16"], from.IpBlocks);
    }

    [Fact]
    public void ExcludingIdentities_LeavesTheAllowRuleOut_Reported()
    {
        var result = Translator.Translate(Model(new AccessRule { From = new AccessSource { Namespaces = ["ops"], Not = new AccessSource { ServiceAccounts = [new ServiceAccountRef("ops", "batch")] } } }));
        Assert.Empty(result.Resources.OfType<AuthorizationPolicy>());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[0].rules[0].from.not");
    }

    [Fact]
    public void Namespaces_BecomeWildcardIdentities()
    {
        var result = Translator.Translate(Model(new AccessRule { From = new AccessSource { Namespaces = ["ops"], ServiceAccounts = [new ServiceAccountRef("shop", "web")] } }));
        var mtls = Assert.Single(result.Resources.OfType<MeshTlsAuthentication>());
        Assert.Equal(["web.shop.serviceaccount.identity.linkerd.cluster.local", "*.ops.serviceaccount.identity.linkerd.cluster.local"], mtls.Spec.Identities);
    }

    [Fact]
    public void TrustDomain_IsAnOption()
    {
        var translator = new LinkerdTranslator(new LinkerdOptions { TrustDomain = "prod.example" });
        var mtls = Assert.Single(translator.Translate(Model(new AccessRule { From = new AccessSource { Namespaces = ["ops"] } })).Resources.OfType<MeshTlsAuthentication>());
        Assert.Equal(["*.ops.serviceaccount.identity.linkerd.prod.example"], mtls.Spec.Identities);
    }

    [Fact]
    public void ServiceSelector_IsTheServersPodSelector_AndRoundTripsWithItsService()
    {
        var service = new MeshService { Name = "web", Namespace = "shop", Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" }, Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http, TargetPort = TargetPort.Named("http-web") }] };
        var model = Model(new AccessRule(), service: service);
        var server = Assert.Single(Translator.Translate(model).Resources.OfType<Server>());
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" }, server.Spec.PodSelector!.MatchLabels);
        // A Server names a port of the pods: the container port the service port targets.
        Assert.Equal("http-web", server.Spec.Port);
        // With the service's own Service written, the Server is matched to the service by its selector again.
        var all = new LinkerdTranslator(new LinkerdOptions { ServiceOutput = ServiceOutput.All });
        var translated = all.Translate(model);
        Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var back = all.ImportYaml(all.WriteYaml(translated.Resources), "x.yaml");
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(model.Normalize(), back.Config);
    }

    [Fact]
    public void ServiceSelectorAndTargetPorts_WithoutTheServiceWritten_AreNoted()
    {
        var service = new MeshService { Name = "web", Namespace = "shop", Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" }, Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http, TargetPort = TargetPort.Named("http-web") }] };
        var result = Translator.Translate(Model(new AccessRule(), service: service));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.services[0].selector");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.services[0].ports[0].targetPort");
        var policy = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.accessPolicies[0]");
        Assert.Equal(DiagnosticCodes.TranslationNote, policy.Code);
        Assert.Contains("container port name cannot be resolved", policy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IpBlocksAndIdentities_AreAlternatives_SoEachGetsItsOwnPolicy()
    {
        var result = Translator.Translate(Model(new AccessRule { From = new AccessSource { Namespaces = ["ops"], IpBlocks = ["10.0.0.0/8"] } }));
        var policies = result.Resources.OfType<AuthorizationPolicy>().ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Single(p.Spec.RequiredAuthenticationRefs!));
        var network = Assert.Single(result.Resources.OfType<NetworkAuthentication>());
        Assert.Equal("10.0.0.0/8", Assert.Single(network.Spec.Networks!).Cidr);
    }

    [Fact]
    public void AnySource_IsEveryNetwork()
    {
        var result = Translator.Translate(Model(new AccessRule()));
        var network = Assert.Single(result.Resources.OfType<NetworkAuthentication>());
        Assert.Equal(["0.0.0.0/0", "::/0"], network.Spec.Networks!.Select(n => n.Cidr));
    }

    [Fact]
    public void MethodsAndPaths_BecomeAPolicyRouteWhoseParentIsTheServer()
    {
        var result = Translator.Translate(Model(new AccessRule { To = new AccessOperation { Methods = ["GET"], Paths = ["/api/*", "/health"] } }));
        var route = Assert.Single(result.Resources.OfType<PolicyHttpRoute>());
        var parent = Assert.Single(route.Spec.ParentRefs!);
        Assert.Equal(("policy.linkerd.io", "Server", "web-8080"), (parent.Group, parent.Kind, parent.Name));
        var matches = Assert.Single(route.Spec.Rules!).Matches!;
        Assert.Equal([("PathPrefix", "/api", "GET"), ("Exact", "/health", "GET")], matches.Select(m => (m.Path!.Type!, m.Path.Value!, m.Method!)));
        var policy = Assert.Single(result.Resources.OfType<AuthorizationPolicy>());
        Assert.Equal(("HTTPRoute", route.Metadata.Name), (policy.Spec.TargetRef!.Kind, policy.Spec.TargetRef.Name));
    }

    [Fact]
    public void SuffixPaths_AreReported_AndARuleWithNoWritablePath_IsNotWritten()
    {
        var result = Translator.Translate(Model(new AccessRule { To = new AccessOperation { Paths = ["*.js"] } }));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[0].rules[0].to.paths[0]");
        Assert.Empty(result.Resources.OfType<AuthorizationPolicy>());
    }

    [Fact]
    public void Deny_IsUnsupported()
    {
        var result = Translator.Translate(Model(new AccessRule(), AccessAction.Deny));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[0].action");
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void Unauthenticated_IsUnsupported_AndOtherSourcesStay()
    {
        var result = Translator.Translate(Model(new AccessRule { From = new AccessSource { Unauthenticated = true, Namespaces = ["ops"] } }));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[0].rules[0].from.unauthenticated");
        Assert.Single(result.Resources.OfType<MeshTlsAuthentication>());
        Assert.Empty(result.Resources.OfType<NetworkAuthentication>());
    }

    [Fact]
    public void NoTarget_TargetsTheNamespace()
    {
        var model = new MeshConfig { Name = "imported", AccessPolicies = [new AccessPolicy { Name = "ns-allow", Namespace = "shop", Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["ops"] } }] }] };
        var policy = Assert.Single(Translator.Translate(model).Resources.OfType<AuthorizationPolicy>());
        Assert.Equal(("Namespace", "shop"), (policy.Spec.TargetRef!.Kind, policy.Spec.TargetRef.Name));
        Assert.Equal(model.Normalize(), Translator.ImportYaml(Translator.WriteYaml(Translator.Translate(model).Resources), "x.yaml").Config);
    }

    [Fact]
    public void UnknownTargetService_IsAValidationError()
    {
        var model = Model(new AccessRule()) with { Services = [] };
        var result = Translator.Translate(model);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCodes.DanglingService, "$.spec.accessPolicies[0].target.service", "linkerd"), (error.Code, error.Path, error.Provider?.Value));
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void SubsetTarget_SelectsTheSelectorAndTheSubsetLabels_AndRoundTrips()
    {
        var service = new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Grpc }], Subsets = [new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }] };
        var model = Model(new AccessRule()) with { Services = [service] };
        model = model with { AccessPolicies = [model.AccessPolicies[0] with { Target = new PolicyTarget { Service = Web, Subset = "v2" } }] };
        var result = Translator.Translate(model);
        var server = Assert.Single(result.Resources.OfType<Server>());
        Assert.Equal("web-v2-8080", server.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["version"] = "v2" }, server.Spec.PodSelector!.MatchLabels);
        Assert.Equal("gRPC", server.Spec.ProxyProtocol);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        // Read back, the labels beyond the service's selector are the subset, named as the Server's name says.
        Assert.Equal(model.Normalize(), Translator.ImportYaml(Translator.WriteYaml(result.Resources), "x.yaml").Config);
    }

    [Fact]
    public void SubsetTarget_OfAServiceWithItsOwnSelector_SelectsTheSelectorUnionTheSubsetLabels()
    {
        var service = new MeshService
        {
            Name = "web", Namespace = "shop",
            Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "storefront", ["tier"] = "frontend" },
            Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http, TargetPort = 8080 }],
            Subsets = [new Subset { Name = "canary", Labels = new Dictionary<string, string> { ["track"] = "canary" } }],
        };
        var model = Model(new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "checkout")] } }, service: service);
        model = model with { AccessPolicies = [model.AccessPolicies[0] with { Target = new PolicyTarget { Service = Web, Subset = "canary" } }] };
        var all = new LinkerdTranslator(new LinkerdOptions { ServiceOutput = ServiceOutput.All });
        var result = all.Translate(model);
        var server = Assert.Single(result.Resources.OfType<Server>());
        Assert.Equal("web-canary-80", server.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "storefront", ["tier"] = "frontend", ["track"] = "canary" }, server.Spec.PodSelector!.MatchLabels);
        Assert.Equal(8080, server.Spec.Port);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        // The Service written says the selector; the Servers' labels beyond it read back as the subset, with its name.
        var back = all.ImportYaml(all.WriteYaml(result.Resources), "x.yaml");
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(new PolicyTarget { Service = Web, Subset = "canary" }, Assert.Single(back.Config!.AccessPolicies).Target);
        Assert.Equal(model.Normalize(), back.Config);
    }

    [Fact]
    public void SubsetTarget_ThatReplacesASelectorLabel_IsApproximated()
    {
        var service = new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }], Subsets = [new Subset { Name = "legacy", Labels = new Dictionary<string, string> { ["app"] = "web-legacy" } }] };
        var model = Model(new AccessRule()) with { Services = [service] };
        model = model with { AccessPolicies = [model.AccessPolicies[0] with { Target = new PolicyTarget { Service = Web, Subset = "legacy" } }] };
        var result = Translator.Translate(model);
        // The Server selects the subset's pods as the model defines them (the subset label wins), and says why it does not read back.
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web-legacy" }, Assert.Single(result.Resources.OfType<Server>()).Spec.PodSelector!.MatchLabels);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.accessPolicies[0].target.subset" && d.Message.Contains("'app: web' to 'web-legacy'", StringComparison.Ordinal));
    }

    [Fact]
    public void PoliciesWhoseResourceNamesClash_AreReported_AndTheSecondIsNotWritten()
    {
        var first = new AccessPolicy { Name = "a", Namespace = "shop", Target = new PolicyTarget { Service = Web }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["ops"] } }, new AccessRule { From = new AccessSource { Namespaces = ["edge"] } }] };
        var second = new AccessPolicy { Name = "a-1", Namespace = "shop", Target = new PolicyTarget { Service = Web }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["dev"] } }] };
        var result = Translator.Translate(Model(new AccessRule()) with { AccessPolicies = [first, second] });
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[1]");
        Assert.Equal(2, result.Resources.OfType<AuthorizationPolicy>().Count());
        Assert.DoesNotContain(result.Resources.OfType<MeshTlsAuthentication>(), m => m.Spec.Identities!.Any(id => id.Contains(".dev.", StringComparison.Ordinal)));
    }

    [Fact]
    public void SingleAddresses_AreWrittenAsHostCidrs_AndReadBackAsAddresses()
    {
        var model = Model(new AccessRule { From = new AccessSource { IpBlocks = ["203.0.113.7", "2001:db8::1"] } });
        var result = Translator.Translate(model);
        Assert.Equal(["203.0.113.7/32", "2001:db8::1/128"], Assert.Single(result.Resources.OfType<NetworkAuthentication>()).Spec.Networks!.Select(n => n.Cidr));
        Assert.Equal(model.Normalize(), Translator.ImportYaml(Translator.WriteYaml(result.Resources), "x.yaml").Config);
    }

    [Fact]
    public void EveryPortOfTheTarget_GetsAServer_SoPortsNoRuleAllowsAreDenied()
    {
        var service = new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }, new ServicePort { Port = 9090, Protocol = Protocol.Http2 }] };
        var model = Model(new AccessRule { To = new AccessOperation { Ports = [8080] } }, service: service);
        var result = Translator.Translate(model);
        Assert.Equal(["web-8080", "web-9090"], result.Resources.OfType<Server>().Select(s => s.Metadata.Name));
        Assert.Equal("web-8080", Assert.Single(result.Resources.OfType<AuthorizationPolicy>()).Spec.TargetRef!.Name);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.accessPolicies[0].rules[0].to.ports");
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "x.yaml").Config!;
        Assert.Equal(model.Normalize(), back);
    }

    [Fact]
    public void ARuleThatIsNotWritten_LeavesNoAuthenticationBehind()
    {
        var model = new MeshConfig { Name = "imported", AccessPolicies = [new AccessPolicy { Name = "p", Namespace = "shop", Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["ops"] }, To = new AccessOperation { Ports = [80] } }] }] };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[0].rules[0].to.ports");
        Assert.Empty(result.Resources);
    }
}
