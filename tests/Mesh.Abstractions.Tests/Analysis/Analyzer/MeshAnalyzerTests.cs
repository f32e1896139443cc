using Mesh.Analysis;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Analysis.Analyzer;

/// <summary>Each analysis finding: an example that has it (code, path, both sides named) and a counter-example that does not.</summary>
public class MeshAnalyzerTests
{
    private const string Services = """
        kind: Mesh
        metadata: { name: shop }
        spec:
          services:
            - name: reviews
              namespace: shop
              ports: [{ name: http, port: 9080, protocol: http }, { name: db, port: 5432, protocol: tcp }]
              subsets: { v1: { version: v1 }, v2: { version: v2 }, all: {} }
            - name: reviews-alias
              namespace: shop
              selector: { app: reviews }
              ports: [{ name: http, port: 9080, protocol: http }]
            - name: ratings
              namespace: shop
              ports: [{ name: http, port: 9080, protocol: http }]
        """;

    private static MeshConfig Model(string spec)
    {
        var text = Services + "\n" + string.Join('\n', spec.Split('\n').Select(l => "  " + l));
        var read = MeshYaml.Read(text, "test.yaml");
        Assert.True(read.Config is not null, string.Join("\n", read.Diagnostics));
        return read.Config!;
    }

    private static List<Diagnostic> Findings(string spec, DiagnosticCode code) =>
        [.. MeshAnalyzer.Analyze(Model(spec)).Where(d => d.Code == code)];

    private static Diagnostic Single(string spec, DiagnosticCode code)
    {
        var all = MeshAnalyzer.Analyze(Model(spec));
        var found = all.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got:\n{string.Join("\n", all)}");
        Assert.Equal(DiagnosticSeverity.Warning, found[0].Severity);
        return found[0];
    }

    // MESH3001

    [Fact]
    public void HttpAndTcpRoute_OnTheSamePort_ClaimTheHostTwice()
    {
        var d = Single("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop, subset: v1 }] }] }
            tcpRoutes:
              - { name: raw, namespace: shop, host: reviews.shop, port: 9080, backends: [{ service: reviews.shop, subset: v2 }] }
            """, DiagnosticCodes.HostClaimedTwice);
        Assert.Equal("$.spec.tcpRoutes[0]", d.Path);
        Assert.Contains("$.spec.routes[0]", d.Message, StringComparison.Ordinal);
        Assert.Contains("port 9080 (http)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TcpRouteWithoutPort_ClaimsEveryPortOfAnHttpRoutedHost() =>
        Assert.Contains("every port", Single("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop }] }] }
            tcpRoutes:
              - { name: raw, namespace: shop, host: reviews.shop, backends: [{ service: reviews.shop }] }
            """, DiagnosticCodes.HostClaimedTwice).Message, StringComparison.Ordinal);

    [Fact]
    public void TcpRouteOnTheTcpPort_BesideAnHttpRoute_IsFine() =>
        Assert.Empty(Findings("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop }] }] }
            tcpRoutes:
              - { name: raw, namespace: shop, host: reviews.shop, port: 5432, backends: [{ service: reviews.shop }] }
            """, DiagnosticCodes.HostClaimedTwice));

    [Fact]
    public void TwoHttpRoutesForOneHost_AreTheValidatorsError()
    {
        var all = MeshAnalyzer.Analyze(Model("""
            routes:
              - { name: a, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop }] }] }
              - { name: b, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop }] }] }
            """));
        var d = Assert.Single(all, d => d.Code == DiagnosticCodes.ConflictingRoutes);
        Assert.True(d.IsError);
        Assert.Contains("'a'", d.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", d.Message, StringComparison.Ordinal);
    }

    // MESH3002

    [Fact]
    public void NarrowerRule_AfterABroaderPrefix_IsShadowed()
    {
        var d = Single("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { matches: [{ path: { prefix: /api } }], backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ path: { prefix: /api/v2 }, headers: [{ name: x-user, exact: a }] }, { path: { exact: /api/x } }], backends: [{ service: reviews.shop, subset: v2 }] }
            """, DiagnosticCodes.ShadowedRule);
        Assert.Equal("$.spec.routes[0].rules[1]", d.Path);
        Assert.Contains("$.spec.routes[0].rules[0]", d.Message, StringComparison.Ordinal);
        Assert.Contains("prefix /api", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderPresence_CoversAnExactHeader_MethodlessCoversAMethod()
    {
        var d = Single("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { matches: [{ headers: [{ name: X-User, present: true }] }], backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ headers: [{ name: x-user, exact: a }], method: GET }], backends: [{ service: reviews.shop, subset: v2 }] }
            """, DiagnosticCodes.ShadowedRule);
        Assert.Equal("$.spec.routes[0].rules[1]", d.Path);
    }

    [Fact]
    public void APrefix_CoversOnlyAtASegmentBoundary_AsEveryMeshAgrees() =>
        // Gateway API's /api does not match /apiv2 (path elements), Istio's does: never reported.
        Assert.Empty(Findings("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { matches: [{ path: { prefix: /api } }], backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ path: { prefix: /apiv2 } }, { path: { exact: /api-x } }], backends: [{ service: reviews.shop, subset: v2 }] }
            """, DiagnosticCodes.ShadowedRule));

    [Fact]
    public void RuleForSomeCallers_DoesNotShadowALaterRuleForEveryCaller() =>
        Assert.Empty(Findings("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { matches: [{ path: { prefix: /api }, sourceNamespace: web }], backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ path: { prefix: /api/v2 }, sourceLabels: { app: web } }], backends: [{ service: reviews.shop, subset: v2 }] }
            """, DiagnosticCodes.ShadowedRule));

    [Fact]
    public void RuleForEveryCaller_ShadowsALaterRuleForSomeCallers()
    {
        var d = Single("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { matches: [{ path: { prefix: /api }, sourceNamespace: web }], backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ path: { prefix: /api/v2 }, sourceNamespace: web, sourceLabels: { app: web } }], backends: [{ service: reviews.shop, subset: v2 }] }
            """, DiagnosticCodes.ShadowedRule);
        Assert.Equal("$.spec.routes[0].rules[1]", d.Path);
        Assert.Contains("source namespace web", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NarrowerRuleFirst_OrOneMatchStillReachable_IsNotShadowed()
    {
        Assert.Empty(Findings("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { matches: [{ path: { prefix: /api/v2 } }], backends: [{ service: reviews.shop, subset: v2 }] }
                  - { matches: [{ path: { prefix: /api } }, { path: { prefix: /web } }], backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ path: { prefix: /api/v3 } }, { path: { prefix: /static } }], backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ path: { regex: "/api/.*" } }], backends: [{ service: reviews.shop, subset: v1 }] }
            """, DiagnosticCodes.ShadowedRule));
    }

    [Fact]
    public void RuleAfterACatchAll_IsTheValidatorsWarning_NotReportedTwice()
    {
        var all = MeshAnalyzer.Analyze(Model("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { backends: [{ service: reviews.shop, subset: v1 }] }
                  - { matches: [{ path: { prefix: /api } }], backends: [{ service: reviews.shop, subset: v2 }] }
            """));
        Assert.Single(all, d => d.Code == DiagnosticCodes.ConflictingRoutes && d.Path == "$.spec.routes[0].rules[1]");
        Assert.DoesNotContain(all, d => d.Code == DiagnosticCodes.ShadowedRule);
    }

    // MESH3003

    [Fact]
    public void SubsetAndWholeService_InOneSplit_Overlap()
    {
        var d = Single("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop, subset: v1, weight: 90 }, { service: reviews.shop, weight: 10 }] }] }
            """, DiagnosticCodes.OverlappingSplit);
        Assert.Equal("$.spec.routes[0].rules[0].backends[1]", d.Path);
        Assert.Contains("$.spec.routes[0].rules[0].backends[0]", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoServicesSelectingTheSamePods_AndAnEmptySubset_Overlap()
    {
        var found = Findings("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop, subset: v2, weight: 50 }, { service: reviews-alias.shop, weight: 50 }] }] }
              - { name: r, namespace: shop, host: ratings.shop, rules: [{ backends: [{ service: reviews.shop, subset: all, weight: 50 }, { service: reviews.shop, subset: v1, weight: 50 }] }] }
            """, DiagnosticCodes.OverlappingSplit);
        Assert.Equal(["$.spec.routes[0].rules[0].backends[1]", "$.spec.routes[1].rules[0].backends[1]"], found.Select(d => d.Path));
    }

    [Fact]
    public void DisjointSubsets_OrAZeroWeight_DoNotOverlap() =>
        Assert.Empty(Findings("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop, subset: v1, weight: 90 }, { service: reviews.shop, subset: v2, weight: 10 }, { service: reviews.shop, weight: 0 }] }] }
            """, DiagnosticCodes.OverlappingSplit));

    // MESH3004

    [Fact]
    public void StrictMtls_WithAnAllowForUnauthenticatedCallers_RefusesThem()
    {
        var d = Single("""
            mtls: [{ scope: { namespace: shop }, mode: strict }]
            accessPolicies:
              - name: public
                namespace: shop
                target: { service: ratings.shop }
                action: allow
                rules: [{ from: { unauthenticated: true } }]
            """, DiagnosticCodes.StrictMtlsRefusesCallers);
        Assert.Equal("$.spec.accessPolicies[0].rules[0].from", d.Path);
        Assert.Contains("$.spec.mtls[0]", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermissiveWorkloadScope_OverridesTheStrictNamespace_AndMeshCallersAreFine() =>
        Assert.Empty(Findings("""
            mtls:
              - { scope: { namespace: shop }, mode: strict }
              - { scope: { namespace: shop, workload: { app: ratings } }, mode: permissive }
            accessPolicies:
              - { name: public, namespace: shop, target: { service: ratings.shop }, action: allow, rules: [{ from: { ipBlocks: [10.0.0.0/8] } }] }
              - { name: mesh, namespace: shop, target: { service: reviews.shop }, action: allow, rules: [{ from: { serviceAccounts: [shop/web] } }] }
            """, DiagnosticCodes.StrictMtlsRefusesCallers));

    // MESH3005, MESH3006

    [Fact]
    public void DenyCoveringAnAllow_CancelsIt_AndThePolicyAllowsNothing()
    {
        var all = MeshAnalyzer.Analyze(Model("""
            accessPolicies:
              - { name: no-writes, namespace: shop, action: deny, rules: [{ from: { namespaces: [web] }, to: { methods: [POST, DELETE] } }] }
              - name: writers
                namespace: shop
                target: { service: ratings.shop }
                action: allow
                rules: [{ from: { serviceAccounts: [web/frontend] }, to: { methods: [POST], paths: ["/ratings/*"] } }]
            """));
        var cancelled = Assert.Single(all, d => d.Code == DiagnosticCodes.AllowCancelled);
        Assert.Equal("$.spec.accessPolicies[1].rules[0]", cancelled.Path);
        Assert.Contains("$.spec.accessPolicies[0].rules[0]", cancelled.Message, StringComparison.Ordinal);
        Assert.Equal("$.spec.accessPolicies[1]", Assert.Single(all, d => d.Code == DiagnosticCodes.AllowsNothing).Path);
    }

    [Fact]
    public void DenyNarrowerThanTheAllow_OrOnAnotherTarget_CancelsNothing() =>
        Assert.DoesNotContain(MeshAnalyzer.Analyze(Model("""
            accessPolicies:
              - { name: no-deletes, namespace: shop, target: { service: ratings.shop }, action: deny, rules: [{ to: { methods: [DELETE] } }] }
              - { name: no-reviews, namespace: shop, target: { service: reviews.shop }, action: deny, rules: [{}] }
              - { name: readers, namespace: shop, target: { service: ratings.shop }, action: allow, rules: [{ from: { namespaces: [web] }, to: { methods: [GET, DELETE] } }] }
            """)), d => d.Code == DiagnosticCodes.AllowCancelled || d.Code == DiagnosticCodes.AllowsNothing);

    [Fact]
    public void AllowPolicyWithoutRules_AllowsNothing() =>
        Assert.Contains("refuses every caller", Single("""
            accessPolicies:
              - { name: lock, namespace: shop, target: { service: ratings.shop }, action: allow }
            """, DiagnosticCodes.AllowsNothing).Message, StringComparison.Ordinal);

    // MESH3007

    [Fact]
    public void RetriesLongerThanTheTimeout_AreCutOff()
    {
        var d = Single("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop }], timeout: 2s, retry: { attempts: 3, perTryTimeout: 1s } }] }
            """, DiagnosticCodes.RetriesExceedTimeout);
        Assert.Equal("$.spec.routes[0].rules[0].retry", d.Path);
        Assert.Contains("need up to 4s", d.Message, StringComparison.Ordinal);
        Assert.Contains("only 1 retry", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetriesThatFit_OrWithoutAPerTryTimeout_AreFine() =>
        Assert.Empty(Findings("""
            routes:
              - name: web
                namespace: shop
                host: reviews.shop
                rules:
                  - { matches: [{ path: { prefix: /a } }], backends: [{ service: reviews.shop }], timeout: 2s, retry: { attempts: 3, perTryTimeout: 500ms } }
                  - { matches: [{ path: { prefix: /b } }], backends: [{ service: reviews.shop }], timeout: 2s, retry: { attempts: 3 } }
            """, DiagnosticCodes.RetriesExceedTimeout));

    // MESH3008

    [Fact]
    public void MirrorToTheRoutedPods_IsReported()
    {
        var d = Single("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop }], mirror: { service: reviews.shop, subset: v2, percentage: 10 } }] }
            """, DiagnosticCodes.MirrorToRoutedBackend);
        Assert.Equal("$.spec.routes[0].rules[0].mirror", d.Path);
        Assert.Contains("$.spec.routes[0].rules[0].backends[0]", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MirrorToACanary_TheRuleDoesNotRouteTo_IsFine() =>
        Assert.Empty(Findings("""
            routes:
              - { name: web, namespace: shop, host: reviews.shop, rules: [{ backends: [{ service: reviews.shop, subset: v1 }], mirror: { service: reviews.shop, subset: v2 } }] }
            """, DiagnosticCodes.MirrorToRoutedBackend));

    // MESH3009

    [Fact]
    public void EndUsersWithoutARequestAuthentication_AreReported()
    {
        var d = Single("""
            accessPolicies:
              - { name: users, namespace: shop, target: { service: reviews.shop }, action: allow, rules: [{ from: { requestPrincipals: ["https://accounts.example.com/*"] } }] }
            """, DiagnosticCodes.UnverifiedRequestPrincipal);
        Assert.Equal("$.spec.accessPolicies[0].rules[0].from.requestPrincipals", d.Path);
        Assert.Contains("grants nothing", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APrincipalOfAnotherIssuer_IsReported_OneOfAVerifiedIssuerIsFine()
    {
        var d = Single("""
            accessPolicies:
              - { name: users, namespace: shop, target: { service: reviews.shop }, action: deny, rules: [{ from: { requestPrincipals: ["https://accounts.example.com/*", "https://other.example/bob"] } }] }
            requestAuthentications:
              - { name: jwt, namespace: shop, target: { service: reviews.shop }, jwtRules: [{ issuer: "https://accounts.example.com", jwksUri: "https://accounts.example.com/keys" }] }
            """, DiagnosticCodes.UnverifiedRequestPrincipal);
        Assert.Equal("$.spec.accessPolicies[0].rules[0].from.requestPrincipals[1]", d.Path);
        Assert.Contains("$.spec.requestAuthentications[0]", d.Message, StringComparison.Ordinal);
        Assert.Contains("never denies", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimConditions_UnderANamespaceRequestAuthentication_AreFine() =>
        Assert.Empty(Findings("""
            accessPolicies:
              - { name: admins, namespace: shop, action: allow, rules: [{ when: [{ key: "request.auth.claims[groups]", values: [admins] }] }] }
            requestAuthentications:
              - { name: jwt, namespace: shop, jwtRules: [{ issuer: "https://accounts.example.com", jwks: '{"keys":[]}' }] }
            """, DiagnosticCodes.UnverifiedRequestPrincipal));

    [Fact]
    public void TheBookinfoSample_HasNoAnalysisFinding()
    {
        var read = MeshYaml.Read(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "bookinfo.mesh.yaml")));
        Assert.DoesNotContain(MeshAnalyzer.Analyze(read.Config!), d => d.Code.Value.StartsWith("MESH30", StringComparison.Ordinal));
    }
}
