using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.Linkerd.Tests.Authorization;

/// <summary>Reading Linkerd authorization, current and legacy, into access policies.</summary>
public sealed class AuthorizationImportTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static Mesh.Translation.ImportResult Import(string yaml, string name)
    {
        var result = Translator.ImportYaml(yaml, name);
        Assert.False(result.Config is null, string.Join("\n", result.Diagnostics));
        return result;
    }

    private const string Server = """
        apiVersion: policy.linkerd.io/v1beta3
        kind: Server
        metadata: { name: web-http, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          port: 8080
          proxyProtocol: HTTP/2
        ---
        """ + "\n";

    [Fact]
    public void AuthorizationPolicy_WithIdentities_BecomesAnAllowPolicy()
    {
        var result = Import(Server + """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: { name: web-allow, namespace: shop }
            spec:
              targetRef: { group: policy.linkerd.io, kind: Server, name: web-http }
              requiredAuthenticationRefs: [{ group: policy.linkerd.io, kind: MeshTLSAuthentication, name: clients }]
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: MeshTLSAuthentication
            metadata: { name: clients, namespace: shop }
            spec:
              identities: ["prometheus.ops.serviceaccount.identity.linkerd.cluster.local", "*.edge.serviceaccount.identity.linkerd.cluster.local", "*"]
            """, "in.yaml");
        var service = Assert.Single(result.Config!.Services);
        var port = Assert.Single(service.Ports);
        Assert.Equal((8080, Protocol.Http2), (port.Port, port.Protocol));
        var policy = Assert.Single(result.Config.AccessPolicies);
        Assert.Equal(("web-allow", "shop", AccessAction.Allow), (policy.Name, policy.Namespace, policy.Action));
        Assert.Equal(new ServiceRef("web", "shop"), policy.Target!.Service);
        var from = Assert.Single(policy.Rules).From!;
        Assert.Equal([new ServiceAccountRef("ops", "prometheus")], from.ServiceAccounts);
        Assert.Equal(["edge"], from.Namespaces);
        Assert.True(from.Authenticated);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.StartsWith("in.yaml#2", StringComparison.Ordinal));
    }

    [Fact]
    public void ServiceAccountAuthentication_IsReadDirectly()
    {
        var result = Import(Server + """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: { name: a, namespace: shop }
            spec:
              targetRef: { group: policy.linkerd.io, kind: Server, name: web-http }
              requiredAuthenticationRefs: [{ kind: ServiceAccount, name: viz }]
            """, "in.yaml");
        Assert.Equal([new ServiceAccountRef("shop", "viz")], Assert.Single(Assert.Single(result.Config!.AccessPolicies).Rules).From!.ServiceAccounts);
    }

    [Fact]
    public void SeveralKindsOfAuthentication_AreReported()
    {
        var result = Import(Server + """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: { name: a, namespace: shop }
            spec:
              targetRef: { group: policy.linkerd.io, kind: Server, name: web-http }
              requiredAuthenticationRefs: [{ kind: ServiceAccount, name: viz }, { group: policy.linkerd.io, kind: NetworkAuthentication, name: n }]
            """, "in.yaml");
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec");
    }

    [Fact]
    public void DanglingServer_IsReported()
    {
        var result = Import("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: { name: a, namespace: shop }
            spec:
              targetRef: { group: policy.linkerd.io, kind: Server, name: missing }
              requiredAuthenticationRefs: [{ kind: ServiceAccount, name: viz }]
            """, "in.yaml");
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec");
    }

    [Fact]
    public void LegacyServerAuthorization_AndServer_AreReadWithLegacyNotes()
    {
        var result = Import("""
            apiVersion: policy.linkerd.io/v1beta1
            kind: Server
            metadata: { name: web-http, namespace: shop }
            spec:
              podSelector: { matchLabels: { app: web } }
              port: 8080
              proxyProtocol: HTTP/1
            ---
            apiVersion: policy.linkerd.io/v1beta1
            kind: ServerAuthorization
            metadata: { name: web-clients, namespace: shop }
            spec:
              server: { name: web-http }
              client:
                meshTLS:
                  serviceAccounts: [{ name: ingress, namespace: edge }, { name: web }]
            """, "in.yaml");
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal("web-clients", policy.Name);
        Assert.Equal([new ServiceAccountRef("edge", "ingress"), new ServiceAccountRef("shop", "web")], Assert.Single(policy.Rules).From!.ServiceAccounts);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "in.yaml#0 $.apiVersion");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "in.yaml#1 $.kind" && d.Message.Contains("AuthorizationPolicy", StringComparison.Ordinal));
        // Written back in the current form.
        var written = Translator.Translate(result.Config);
        Assert.Single(written.Resources.OfType<Resources.AuthorizationPolicy>());
        Assert.Single(written.Resources.OfType<Resources.MeshTlsAuthentication>());
    }

    [Fact]
    public void LegacyUnauthenticatedClients_AreAnySource()
    {
        var result = Import(Server + """
            apiVersion: policy.linkerd.io/v1beta1
            kind: ServerAuthorization
            metadata: { name: open, namespace: shop }
            spec:
              server: { name: web-http }
              client: { unauthenticated: true }
            """, "in.yaml");
        Assert.Null(Assert.Single(Assert.Single(result.Config!.AccessPolicies).Rules).From);
    }

    [Fact]
    public void RouteTargets_GiveMethodsAndPaths()
    {
        var result = Import(Server + """
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: probes, namespace: shop }
            spec:
              parentRefs: [{ group: policy.linkerd.io, kind: Server, name: web-http }]
              rules:
              - matches: [{ path: { type: Exact, value: /ready }, method: GET }, { path: { type: PathPrefix, value: /live }, method: GET }]
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: { name: probes, namespace: shop }
            spec:
              targetRef: { group: policy.linkerd.io, kind: HTTPRoute, name: probes }
              requiredAuthenticationRefs: [{ group: policy.linkerd.io, kind: NetworkAuthentication, name: kubelet }]
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: NetworkAuthentication
            metadata: { name: kubelet, namespace: shop }
            spec:
              networks: [{ cidr: 10.0.0.0/8, except: [10.1.0.0/16] }]
            """, "in.yaml");
        var rule = Assert.Single(Assert.Single(result.Config!.AccessPolicies).Rules);
        Assert.Equal(["10.0.0.0/8"], rule.From!.IpBlocks);
        Assert.Equal(["GET"], rule.To!.Methods);
        Assert.Equal(["/live/*", "/ready"], rule.To.Paths.Order(StringComparer.Ordinal));
        Assert.Equal(["10.1.0.0/16"], rule.From.Not!.IpBlocks);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.StartsWith("in.yaml#3", StringComparison.Ordinal));
    }

    [Fact]
    public void AnyAuthenticatedClient_IsReadAsAuthenticated_NotAsAnyClient()
    {
        var result = Import(Server + """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: { name: a, namespace: shop }
            spec:
              targetRef: { group: policy.linkerd.io, kind: Server, name: web-http }
              requiredAuthenticationRefs: [{ group: policy.linkerd.io, kind: MeshTLSAuthentication, name: all }]
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: MeshTLSAuthentication
            metadata: { name: all, namespace: shop }
            spec:
              identities: ["*"]
            ---
            apiVersion: policy.linkerd.io/v1beta1
            kind: ServerAuthorization
            metadata: { name: legacy, namespace: shop }
            spec:
              server: { name: web-http }
              client: { meshTLS: { identities: ["*"] } }
            """, "in.yaml");
        Assert.Equal(2, result.Config!.AccessPolicies.Count);
        Assert.All(result.Config.AccessPolicies, p => Assert.Equal(new AccessSource { Authenticated = true }, Assert.Single(p.Rules).From));
    }
}
