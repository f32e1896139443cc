using CsCheck;
using Mesh.Abstractions.Tests.Analysis;
using Mesh.Analysis;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Analysis.Diff;

/// <summary>
/// Properties of <see cref="MeshDiff"/> over generated models: a model has no change from itself, from its normal form, from its
/// YAML round trip or from any reordering of the lists whose order means nothing; moving weight between workloads, removing an
/// access policy, changing an mTLS mode or removing a service is reported with the right kind and a path to it.
/// </summary>
public class MeshDiffPropertyTests
{
    private const int Iterations = 300;

    private static void AssertNoChange(MeshConfig desired, MeshConfig live)
    {
        var result = MeshDiff.Compare(desired, live);
        Assert.True(!result.HasChanges, result + "\n--- desired\n" + MeshYaml.Write(desired) + "\n--- live\n" + MeshYaml.Write(live));
    }

    private static EquatableArray<T> Shuffle<T>(EquatableArray<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return [.. array];
    }

    /// <summary>
    /// The model with every list whose order means nothing shuffled: services and their ports and subsets, routes (not their
    /// rules) and each rule's matches and backends, TCP routes and their backends, every policy list, access rules and their
    /// sets, external services and their hosts and ports.
    /// </summary>
    private static MeshConfig Reordered(MeshConfig c, int seed)
    {
        var r = new Random(seed);
        return c with
        {
            Services = Shuffle(c.Services, r).Select(s => s with { Ports = Shuffle(s.Ports, r), Subsets = Shuffle(s.Subsets, r) }).ToEquatableArray(),
            Routes = Shuffle(c.Routes, r).Select(route => route with
            {
                Rules = [.. route.Rules.Select(rule => rule with { Matches = Shuffle(rule.Matches, r), Backends = Shuffle(rule.Backends, r) })],
            }).ToEquatableArray(),
            TcpRoutes = Shuffle(c.TcpRoutes, r).Select(t => t with { Backends = Shuffle(t.Backends, r) }).ToEquatableArray(),
            DestinationPolicies = Shuffle(c.DestinationPolicies, r),
            Mtls = Shuffle(c.Mtls, r),
            AccessPolicies = Shuffle(c.AccessPolicies, r).Select(p => p with
            {
                Rules = Shuffle(p.Rules, r).Select(rule => rule with
                {
                    From = rule.From is null ? null : rule.From with { ServiceAccounts = Shuffle(rule.From.ServiceAccounts, r), Namespaces = Shuffle(rule.From.Namespaces, r) },
                    To = rule.To is null ? null : rule.To with { Methods = Shuffle(rule.To.Methods, r), Ports = Shuffle(rule.To.Ports, r) },
                }).ToEquatableArray(),
            }).ToEquatableArray(),
            ExternalServices = Shuffle(c.ExternalServices, r).Select(e => e with { Hosts = Shuffle(e.Hosts, r), Ports = Shuffle(e.Ports, r) }).ToEquatableArray(),
        };
    }

    [Fact]
    public void AModel_HasNoChange_FromItself() =>
        MeshGenerators.Config.Sample(config => AssertNoChange(config, config), iter: Iterations);

    [Fact]
    public void AModel_HasNoChange_FromItsNormalForm_WithDefaultsSpelledOut() =>
        MeshGenerators.Config.Sample(config =>
        {
            AssertNoChange(config, config.Normalize());
            AssertNoChange(config.Normalize(), config);
        }, iter: Iterations);

    [Fact]
    public void AModel_HasNoChange_FromItsYamlRoundTrip() =>
        MeshGenerators.Config.Sample(config => AssertNoChange(config, MeshYaml.Read(MeshYaml.Write(config)).Config!), iter: Iterations);

    [Fact]
    public void AModel_HasNoChange_FromAnyReorderingOfItsUnorderedLists() =>
        Gen.Select(MeshGenerators.Config, Gen.Int, Gen.Bool).Sample((config, seed, normal) =>
            AssertNoChange(config, Reordered(normal ? config.Normalize() : config, seed)), iter: Iterations);


    [Fact]
    public void MovingOneUnitOfWeight_ToOtherWorkloads_IsAChangeOfThatRulesBackends()
    {
        var moves = Gen.Select(MeshGenerators.Config.Where(c => BackendList.Of(c).Count > 0), Gen.Int[0, 1000], Gen.Int[0, 1000]).Select(t =>
        {
            var (config, pickList, pickPair) = t;
            var lists = BackendList.Of(config);
            var list = lists[pickList % lists.Count];
            var resolver = new WorkloadResolver(config);
            var backends = list.Backends;
            var pairs = (from a in Enumerable.Range(0, backends.Count)
                         from b in Enumerable.Range(0, backends.Count)
                         where backends[a].Weight > 0
                         where resolver.Resolve(backends[a].Service, backends[a].Subset, backends[a].Port, list.RequestPort)
                            != resolver.Resolve(backends[b].Service, backends[b].Subset, backends[b].Port, list.RequestPort)
                         select (a, b)).ToList();
            return (config, list, pairs, pickPair);
        }).Where(t => t.pairs.Count > 0);

        moves.Sample(t =>
        {
            var (from, to) = t.pairs[t.pickPair % t.pairs.Count];
            var live = t.list.Replace([.. t.list.Backends.Select((b, i) => i == from ? b with { Weight = b.Weight - 1 } : i == to ? b with { Weight = b.Weight + 1 } : b)]);

            var change = Assert.Single(MeshDiff.Compare(t.config, live).Changes);

            Assert.Equal(MeshChangeKind.Changed, change.Kind);
            Assert.Equal(t.list.Path.StartsWith("$.spec.tcp", StringComparison.Ordinal) ? MeshObjectKind.TcpRoute : MeshObjectKind.RouteRule, change.Object);
            Assert.Equal(t.list.Path + ".backends", change.DesiredPath);
            Assert.Equal(t.list.Path + ".backends", change.LivePath);
            Assert.NotEqual(change.Old, change.New);
        }, iter: Iterations);
    }

    [Fact]
    public void RemovingAnAccessPolicy_ThatDoesSomething_IsReportedRemoved_AtItsPath() =>
        Gen.Select(MeshGenerators.Config.Where(c => c.AccessPolicies.Any(p => p.Action == AccessAction.Allow || !p.Rules.IsEmpty)), Gen.Int[0, 1000], Gen.Int).Sample((config, pick, seed) =>
        {
            var acting = Enumerable.Range(0, config.AccessPolicies.Count).Where(i => config.AccessPolicies[i] is { } p && (p.Action == AccessAction.Allow || !p.Rules.IsEmpty)).ToList();
            var index = acting[pick % acting.Count];
            var removed = config.AccessPolicies[index];
            // Other lists reordered too: the removal is the only change.
            var live = Reordered(config, seed) with { AccessPolicies = [.. config.AccessPolicies.Where((_, i) => i != index)] };

            var change = Assert.Single(MeshDiff.Compare(config, live).Changes);

            Assert.Equal((MeshChangeKind.Removed, MeshObjectKind.AccessPolicy, $"{removed.Namespace}/{removed.Name}", $"$.spec.accessPolicies[{index}]"),
                (change.Kind, change.Object, change.Name, change.DesiredPath));
            Assert.Null(change.LivePath);
            Assert.Null(change.New);
        }, iter: Iterations);

    [Fact]
    public void ChangingAnMtlsMode_IsAChangeOfThatPolicysMode() =>
        Gen.Select(MeshGenerators.Config.Where(c => c.Mtls.Count > 0), Gen.Int[0, 1000], Gen.Int[1, 2]).Sample((config, pick, step) =>
        {
            var index = pick % config.Mtls.Count;
            var policy = config.Mtls[index];
            var mode = (MtlsMode)(((int)policy.Mode + step) % 3);
            var live = config with { Mtls = BackendList.SetAt(config.Mtls, index, policy with { Mode = mode }) };

            var change = Assert.Single(MeshDiff.Compare(config, live).Changes);

            Assert.Equal((MeshChangeKind.Changed, MeshObjectKind.MtlsPolicy, $"$.spec.mtls[{index}].mode", WireNames.Of(policy.Mode), WireNames.Of(mode)),
                (change.Kind, change.Object, change.Path, change.Old, change.New));
        }, iter: Iterations);

    [Fact]
    public void RemovingAService_IsReportedRemoved_AtItsPath() =>
        Gen.Select(MeshGenerators.Config, Gen.Int[0, 1000]).Sample((config, pick) =>
        {
            var index = pick % config.Services.Count;
            var live = config with { Services = [.. config.Services.Where((_, i) => i != index)] };

            var changes = MeshDiff.Compare(config, live).Changes;

            Assert.Contains(changes, c => c is { Kind: MeshChangeKind.Removed, Object: MeshObjectKind.Service, DesiredPath: var path } && path == $"$.spec.services[{index}]");
            Assert.DoesNotContain(changes, c => c.Object == MeshObjectKind.Service && c.DesiredPath != $"$.spec.services[{index}]");
        }, iter: Iterations);

    [Fact]
    public void WhatIsAddedOneWay_IsRemovedTheOtherWay() =>
        Gen.Select(MeshGenerators.Config, MeshGenerators.Config, Gen.Int, Gen.Bool).Sample((a, other, seed, related) =>
        {
            // Half the time two unrelated models, half the time a model and a reordered copy with one policy list of the other.
            var b = related ? Reordered(a, seed) with { AccessPolicies = other.AccessPolicies, Mtls = other.Mtls } : other;
            var forth = MeshDiff.Compare(a, b).Changes;
            var back = MeshDiff.Compare(b, a).Changes;

            Assert.Equal(
                forth.Where(c => c.Kind == MeshChangeKind.Added).Select(c => (c.Object, c.Name, c.LivePath, c.New)).Order(),
                back.Where(c => c.Kind == MeshChangeKind.Removed).Select(c => (c.Object, c.Name, c.DesiredPath, c.Old)).Order());
            Assert.Equal(forth.Count == 0, back.Count == 0);
        }, iter: Iterations);

    [Fact]
    public void EveryChange_HasThePathsAndValuesOfItsKind() =>
        Gen.Select(MeshGenerators.Config, MeshGenerators.Config).Sample((desired, live) =>
        {
            foreach (var change in MeshDiff.Compare(desired, live).Changes)
            {
                Assert.Equal(change.Kind != MeshChangeKind.Added, change.DesiredPath is not null && change.Old is not null);
                Assert.Equal(change.Kind != MeshChangeKind.Removed, change.LivePath is not null && change.New is not null);
                Assert.StartsWith("$.spec.", change.Path, StringComparison.Ordinal);
            }
        }, iter: Iterations);
}
