using Mesh.Analysis;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Abstractions.Tests.Analysis.Diff;

/// <summary>
/// Examples of <see cref="MeshDiff"/>: each difference the issue names as no change (order, defaults spelled out, equivalent
/// durations, rules rewritten without moving traffic) is none, and each kind of change is reported with its paths and values.
/// </summary>
public class MeshDiffTests
{
    /// <summary>Reviews with three versions, a canary route with a timeout, a destination policy, mTLS and an access policy.</summary>
    private const string Desired = """
        kind: Mesh
        metadata: { name: desired }
        spec:
          services:
            - name: reviews
              namespace: bookinfo
              ports: [{ port: 9080, protocol: http }]
              subsets: { v1: { version: v1 }, v2: { version: v2 }, v3: { version: v3 } }
            - name: ratings
              namespace: bookinfo
              ports: [{ name: http, port: 9080, protocol: http }, { port: 9443, protocol: http2 }]
          routes:
            - name: reviews
              namespace: bookinfo
              host: reviews.bookinfo
              rules:
                - matches: [{ path: { prefix: /api }, method: GET }]
                  backends: [{ service: reviews.bookinfo, subset: v2 }]
                  timeout: 1000ms
                  retry: { attempts: 3, on: [5xx, reset] }
                - backends:
                    - { service: reviews.bookinfo, subset: v1, weight: 90 }
                    - { service: reviews.bookinfo, subset: v3, weight: 10 }
          destinationPolicies:
            - target: { service: reviews.bookinfo, subset: v2 }
              loadBalancer: { leastRequest: {} }
              connectionPool: { maxConnections: 100, connectTimeout: 250ms }
          mtls: [{ scope: { namespace: bookinfo }, mode: strict }]
          accessPolicies:
            - name: ratings-from-reviews
              namespace: bookinfo
              target: { service: ratings.bookinfo }
              action: allow
              rules: [{ from: { serviceAccounts: [bookinfo/reviews, bookinfo/productpage] }, to: { methods: [GET, HEAD] } }]
          externalServices:
            - { name: httpbin, namespace: bookinfo, hosts: [httpbin.example.com], ports: [{ port: 443, protocol: tls }] }
        """;

    private static MeshConfig Read(string yaml)
    {
        var read = MeshYaml.Read(yaml);
        Assert.True(read.Config is not null, string.Join("\n", read.Diagnostics));
        return read.Config!;
    }

    private static MeshConfig Edited(params (string From, string To)[] edits)
    {
        var yaml = Desired;
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }
        return Read(yaml);
    }

    private static MeshDiffResult Diff(MeshConfig live) => MeshDiff.Compare(Read(Desired), live);

    private static void AssertNoChange(MeshConfig live)
    {
        var result = Diff(live);
        Assert.True(!result.HasChanges, result.ToString());
    }

    [Fact]
    public void TheSameModel_HasNoChange() => AssertNoChange(Read(Desired));

    [Fact]
    public void TheModelName_IsNoChange() => AssertNoChange(Edited(("name: desired", "name: live")));

    [Fact]
    public void Ordering_OfServicesSubsetsPortsPoliciesAndSets_IsNoChange()
    {
        var desired = Read(Desired);
        var live = desired with
        {
            Services = [.. desired.Services.Reverse().Select(s => s with { Ports = [.. s.Ports.Reverse()], Subsets = [.. s.Subsets.Reverse()] })],
        };
        AssertNoChange(live);
        AssertNoChange(Edited(
            ("subsets: { v1: { version: v1 }, v2: { version: v2 }, v3: { version: v3 } }", "subsets: { v3: { version: v3 }, v1: { version: v1 }, v2: { version: v2 } }"),
            ("on: [5xx, reset]", "on: [reset, 5xx, reset]"),
            ("serviceAccounts: [bookinfo/reviews, bookinfo/productpage]", "serviceAccounts: [bookinfo/productpage, bookinfo/reviews]"),
            ("methods: [GET, HEAD]", "methods: [head, GET]"),
            ("""
                    - { service: reviews.bookinfo, subset: v1, weight: 90 }
                    - { service: reviews.bookinfo, subset: v3, weight: 10 }
        """, """
                    - { service: reviews.bookinfo, subset: v3, weight: 10 }
                    - { service: reviews.bookinfo, subset: v1, weight: 90 }
        """)));
    }

    [Fact]
    public void Defaults_SpelledOut_AreNoChange() => AssertNoChange(Edited(
        ("""
              ports: [{ port: 9080, protocol: http }]
              subsets:
        """, """
              selector: { app: reviews }
              ports: [{ name: http-9080, port: 9080, protocol: http, targetPort: 9080 }]
              subsets:
        """),
        ("backends: [{ service: reviews.bookinfo, subset: v2 }]", "backends: [{ service: reviews.bookinfo, subset: v2, weight: 1 }]"),
        ("ports: [{ port: 443, protocol: tls }]", "ports: [{ port: 443, protocol: tls }], resolution: dns"),
        ("to: { methods: [GET, HEAD] }", "to: { methods: [GET, HEAD], ports: [] }")));

    [Fact]
    public void EquivalentDurations_AreNoChange() => AssertNoChange(Edited(("timeout: 1000ms", "timeout: 1s"), ("connectTimeout: 250ms", "connectTimeout: 0.25s")));

    [Fact]
    public void ARuleRewritten_ThatSendsTheSameTrafficToTheSameWorkloads_IsNoChange() => AssertNoChange(Edited(
        // 9/1 is 90/10; a backend split in two halves; a route renamed.
        ("""
                    - { service: reviews.bookinfo, subset: v1, weight: 90 }
                    - { service: reviews.bookinfo, subset: v3, weight: 10 }
        """, """
                    - { service: reviews.bookinfo, subset: v1, weight: 4 }
                    - { service: reviews.bookinfo, subset: v3, weight: 1 }
                    - { service: reviews.bookinfo, subset: v1, weight: 5 }
        """),
        ("- name: reviews\n      namespace: bookinfo\n      host:", "- name: reviews-canary\n      namespace: bookinfo\n      host:"),
        ("matches: [{ path: { prefix: /api }, method: GET }]", "matches: [{ method: get, path: { prefix: /api } }, { path: { prefix: /api }, method: GET }]")));

    [Fact]
    public void ASubsetOfAnotherName_SelectingTheSamePods_MovesNoTraffic_OnlyTheServiceGainsTheSubset()
    {
        var result = Diff(Edited(
            ("v3: { version: v3 } }", "v3: { version: v3 }, canary: { version: v3 } }"),
            ("subset: v3, weight: 10", "subset: canary, weight: 10")));

        var change = Assert.Single(result.Changes);
        Assert.Equal(MeshChangeKind.Added, change.Kind);
        Assert.Equal(MeshObjectKind.Service, change.Object);
        Assert.Equal("$.spec.services[0].subsets.canary", change.Path);
        Assert.Equal("{ version: v3 }", change.New);
    }

    [Fact]
    public void AWeightChange_IsAChangeOfTheRulesBackends_WithTheSharesBeforeAndAfter()
    {
        var result = Diff(Edited(("weight: 90 }", "weight: 80 }"), ("weight: 10 }", "weight: 20 }")));

        var change = Assert.Single(result.Changes);
        Assert.Equal(MeshChangeKind.Changed, change.Kind);
        Assert.Equal(MeshObjectKind.RouteRule, change.Object);
        Assert.Equal("reviews.bookinfo rule [*]", change.Name);
        Assert.Equal("$.spec.routes[0].rules[1].backends", change.DesiredPath);
        Assert.Equal("$.spec.routes[0].rules[1].backends", change.LivePath);
        Assert.Equal("bookinfo{app=reviews,version=v1}:9080 90%, bookinfo{app=reviews,version=v3}:9080 10%", change.Old);
        Assert.Equal("bookinfo{app=reviews,version=v1}:9080 80%, bookinfo{app=reviews,version=v3}:9080 20%", change.New);
        Assert.Equal($"~ $.spec.routes[0].rules[1].backends: {change.Old} → {change.New}", change.ToString());
    }

    [Fact]
    public void ASubsetWhoseLabelsSelectOtherPods_IsAChangeOfTheServiceAndOfTheRulesThatUseIt()
    {
        var result = Diff(Edited(("v3: { version: v3 }", "v3: { version: v3-beta }")));

        Assert.Collection(result.Changes,
            c => Assert.Equal(("$.spec.services[0].subsets.v3.version", "v3", "v3-beta"), (c.Path, c.Old, c.New)),
            c =>
            {
                Assert.Equal((MeshObjectKind.RouteRule, "$.spec.routes[0].rules[1].backends"), (c.Object, c.Path));
                Assert.Contains("version=v3-beta}:9080 10%", c.New, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void ATimeoutChange_IsAChangeOfTheRulesTimeout()
    {
        var change = Assert.Single(Diff(Edited(("timeout: 1000ms", "timeout: 3s"))).Changes);
        Assert.Equal((MeshChangeKind.Changed, "$.spec.routes[0].rules[0].timeout", "1s", "3s"), (change.Kind, change.Path, change.Old, change.New));
        Assert.Equal("reviews.bookinfo rule [path prefix /api, method GET]", change.Name);
    }

    [Fact]
    public void ARuleOnlyInTheLiveModel_IsAdded_AndOneOnlyInTheDesiredModel_IsRemoved()
    {
        var result = Diff(Edited(("matches: [{ path: { prefix: /api }, method: GET }]", "matches: [{ path: { prefix: /v2 }, method: GET }]")));

        Assert.Collection(result.Changes,
            c => Assert.Equal((MeshChangeKind.Removed, "reviews.bookinfo rule [path prefix /api, method GET]", "$.spec.routes[0].rules[0]", "bookinfo{app=reviews,version=v2}:9080 100%"), (c.Kind, c.Name, c.Path, c.Old)),
            c => Assert.Equal((MeshChangeKind.Added, "reviews.bookinfo rule [path prefix /v2, method GET]", "$.spec.routes[0].rules[0]"), (c.Kind, c.Name, c.Path)));
    }

    [Fact]
    public void AnAccessPolicyRemoved_IsRemoved_WithItsValue()
    {
        var desired = Read(Desired);
        var change = Assert.Single(MeshDiff.Compare(desired, desired with { AccessPolicies = [] }).Changes);
        Assert.Equal((MeshChangeKind.Removed, MeshObjectKind.AccessPolicy, "bookinfo/ratings-from-reviews", "$.spec.accessPolicies[0]"), (change.Kind, change.Object, change.Name, change.Path));
        Assert.Null(change.LivePath);
        Assert.StartsWith("{ name: ratings-from-reviews, namespace: bookinfo, target: { service: ratings.bookinfo }, action: allow, rules: [", change.Old, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccessRuleChanged_IsTheOldRuleRemoved_AndTheNewOneAdded()
    {
        var result = Diff(Edited(("methods: [GET, HEAD]", "methods: [GET, POST]")));
        Assert.Collection(result.Changes,
            c => Assert.Equal((MeshChangeKind.Removed, "$.spec.accessPolicies[0].rules[0]"), (c.Kind, c.Path)),
            c => Assert.Equal((MeshChangeKind.Added, "$.spec.accessPolicies[0].rules[0]", "{ from: { serviceAccounts: [bookinfo/productpage, bookinfo/reviews] }, to: { methods: [GET, POST] } }"), (c.Kind, c.Path, c.New)));
    }

    [Fact]
    public void AnAccessPolicyRenamed_GrantsNothingNew_AndIsNoChange() =>
        AssertNoChange(Edited(("name: ratings-from-reviews", "name: ratings-readers")));

    [Fact]
    public void APolicyOnlyInTheLiveModel_IsAdded()
    {
        var desired = Read(Desired);
        var live = desired with { DestinationPolicies = [.. desired.DestinationPolicies, new DestinationPolicy { Target = new PolicyTarget { Service = new("ratings", "bookinfo") }, LoadBalancer = LoadBalancer.Random }] };
        var change = Assert.Single(MeshDiff.Compare(desired, live).Changes);
        Assert.Equal((MeshChangeKind.Added, MeshObjectKind.DestinationPolicy, "ratings.bookinfo", "$.spec.destinationPolicies[1]", "{ target: { service: ratings.bookinfo }, loadBalancer: { random: {} } }"),
            (change.Kind, change.Object, change.Name, change.Path, change.New));
        Assert.Null(change.DesiredPath);
    }

    [Fact]
    public void ADestinationPolicyThatSetsNothing_IsTheSameAsNone()
    {
        var desired = Read(Desired);
        AssertNoChange(desired with { DestinationPolicies = [.. desired.DestinationPolicies, new DestinationPolicy { Target = new PolicyTarget { Service = new("ratings", "bookinfo") }, ConnectionPool = new ConnectionPool() }] });
    }

    [Fact]
    public void PolicyFields_AreComparedOneByOne()
    {
        var result = Diff(Edited(("leastRequest: {}", "consistentHash: { header: x-user }"), ("maxConnections: 100", "maxConnections: 50"), ("mode: strict", "mode: permissive")));
        Assert.Collection(result.Changes,
            c => Assert.Equal(("reviews.bookinfo subset v2", "$.spec.destinationPolicies[0].loadBalancer.leastRequest", "{}"), (c.Name, c.Path, c.Old)),
            c => Assert.Equal((MeshChangeKind.Added, "$.spec.destinationPolicies[0].loadBalancer.consistentHash", "{ header: x-user }"), (c.Kind, c.Path, c.New)),
            c => Assert.Equal(("$.spec.destinationPolicies[0].connectionPool.maxConnections", "100", "50"), (c.Path, c.Old, c.New)),
            c => Assert.Equal((MeshObjectKind.MtlsPolicy, "namespace bookinfo", "$.spec.mtls[0].mode", "strict", "permissive"), (c.Object, c.Name, c.Path, c.Old, c.New)));
    }

    [Fact]
    public void APortChange_IsOfThePortOfThatNumber_AtItsIndexInEachModel()
    {
        var desired = Read(Desired);
        var ratings = desired.Services[1];
        var live = desired with
        {
            Services = [ratings with { Ports = [ratings.Ports[1] with { Protocol = Protocol.Grpc }, ratings.Ports[0]] }, desired.Services[0]],
        };
        var change = Assert.Single(MeshDiff.Compare(desired, live).Changes);
        Assert.Equal((MeshObjectKind.Service, "ratings.bookinfo"), (change.Object, change.Name));
        Assert.Equal(("$.spec.services[1].ports[1].protocol", "$.spec.services[0].ports[0].protocol", "http2", "grpc"), (change.DesiredPath, change.LivePath, change.Old, change.New));
    }

    [Fact]
    public void APortName_RoutesNothing_AndIsNoChange() => AssertNoChange(Edited(("{ name: http, port: 9080, protocol: http }", "{ name: web, port: 9080, protocol: http }")));

    [Fact]
    public void ExternalServiceHosts_CompareAsASet_InLowerCase() =>
        AssertNoChange(Edited(("hosts: [httpbin.example.com]", "hosts: [HTTPBIN.example.com, httpbin.example.com]")));

    [Fact]
    public void TheText_GroupsChangesPerObject()
    {
        var result = Diff(Edited(("timeout: 1000ms", "timeout: 3s"), ("retry: { attempts: 3, on: [5xx, reset] }", "retry: { attempts: 2, on: [5xx, reset] }"), ("mode: strict", "mode: disabled")));
        Assert.Equal("""
            route reviews.bookinfo rule [path prefix /api, method GET]
              ~ $.spec.routes[0].rules[0].timeout: 1s → 3s
              ~ $.spec.routes[0].rules[0].retry.attempts: 3 → 2
            mtls policy namespace bookinfo
              ~ $.spec.mtls[0].mode: strict → disabled

            """.ReplaceLineEndings("\n"), result.ToString());
    }

    [Fact]
    public void ARuleThatNowComesFirst_IsAChangeOfItsPosition()
    {
        var desired = Read(Desired);
        var route = desired.Routes[0];
        var live = desired with { Routes = [route with { Rules = [route.Rules[1], route.Rules[0]] }] };
        var changes = MeshDiff.Compare(desired, live).Changes;
        var moved = Assert.Single(changes, c => c.Old == "after rule [path prefix /api, method GET]");
        Assert.Equal(("$.spec.routes[0].rules[1]", "$.spec.routes[0].rules[0]", "before rule [path prefix /api, method GET]"), (moved.DesiredPath, moved.LivePath, moved.New));
    }
}
