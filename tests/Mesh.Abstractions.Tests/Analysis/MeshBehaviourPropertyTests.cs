using CsCheck;
using Mesh.Analysis;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Analysis;

/// <summary>
/// Properties of <see cref="MeshBehaviour"/> over generated models: what does not change behaviour (normal form, YAML,
/// weight scale, backend order and duplicates, route names and order, explicit single ports) compares equal, and moving
/// one unit of weight between two destinations is a change of that rule.
/// </summary>
public class MeshBehaviourPropertyTests
{
    private const int Iterations = 300;


    private static Gen<(MeshConfig Config, BackendList List, int Pick)> AnyBackendList { get; } =
        Gen.Select(MeshGenerators.Config.Where(c => BackendList.Of(c).Count > 0), Gen.Int[0, 1000], Gen.Int[0, 1000])
            .Select(t => (t.Item1, BackendList.Of(t.Item1)[t.Item2 % BackendList.Of(t.Item1).Count], t.Item3));

    private static void AssertSameBehaviour(MeshConfig expected, MeshConfig actual)
    {
        var before = MeshBehaviour.Of(expected);
        var after = MeshBehaviour.Of(actual);
        var changes = before.CompareTo(after);
        Assert.True(changes.Count == 0, string.Join("\n", changes) + "\n--- before\n" + before + "\n--- after\n" + after);
        Assert.Equal(before.Rules.Select(r => r.Key), after.Rules.Select(r => r.Key));
    }

    [Fact]
    public void EveryRule_AndEveryTcpRoute_IsOneBehaviour_AtItsOwnPath()
    {
        MeshGenerators.Config.Sample(config =>
        {
            var rules = MeshBehaviour.Of(config).Rules;
            var paths = config.Routes.SelectMany((r, i) => r.Rules.Select((_, j) => $"$.spec.routes[{i}].rules[{j}]"))
                .Concat(config.TcpRoutes.Select((_, i) => $"$.spec.tcpRoutes[{i}]"));
            var mesh = rules.Where(r => r.Kind is RuleKind.Http or RuleKind.Tcp);
            Assert.Equal(paths.Order(StringComparer.Ordinal), mesh.Select(r => r.Path).Order(StringComparer.Ordinal));
            // At gateways: every rule of a route bound to a gateway, once per gateway (or listener) and host name.
            var entrances = config.GatewayRoutes.SelectMany((r, i) => r.Rules.Select((_, j) => ($"$.spec.gatewayRoutes[{i}].rules[{j}]", Entrances(r.Gateways, r.Hostnames))))
                .Concat(config.GatewayTlsRoutes.Select((r, i) => ($"$.spec.gatewayTlsRoutes[{i}]", Entrances(r.Gateways, r.Hostnames))))
                .Concat(config.GatewayTcpRoutes.Select((r, i) => ($"$.spec.gatewayTcpRoutes[{i}]", Entrances(r.Gateways, []))))
                .Where(e => e.Item2 > 0)
                .ToDictionary(e => e.Item1, e => e.Item2);
            var atGateways = rules.Where(r => r.Kind is not (RuleKind.Http or RuleKind.Tcp)).GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(entrances.OrderBy(e => e.Key, StringComparer.Ordinal), atGateways.OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.Equal(rules.Count, rules.Select(r => r.Key).Distinct().Count());
            Assert.All(rules.Where(r => r.Outcome == RuleOutcome.Forward), r => Assert.Equal(Share.All, new Share(
                r.Destinations.Aggregate(0L, (sum, d) => sum + (d.Share.Numerator * (Lcm(r) / d.Share.Denominator))), Lcm(r))));
        }, iter: Iterations);

        static int Entrances(Mesh.Collections.EquatableArray<GatewayRef> gateways, Mesh.Collections.EquatableArray<string> hostnames)
        {
            var names = hostnames.Select(h => h.ToLowerInvariant()).Distinct().ToList();
            return gateways.Distinct().Count() * (names.Count == 0 || names.Contains("*") ? 1 : names.Count);
        }

        static long Lcm(RuleBehaviour rule) => rule.Destinations.Aggregate(1L, (lcm, d) => lcm / Gcd(lcm, d.Share.Denominator) * d.Share.Denominator);
        static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
    }

    [Fact]
    public void Behaviour_OfTheNormalForm_IsTheSame() =>
        MeshGenerators.Config.Sample(config => AssertSameBehaviour(config, config.Normalize()), iter: Iterations);

    [Fact]
    public void Behaviour_AfterTheYamlRoundTrip_IsTheSame() =>
        MeshGenerators.Config.Sample(config => AssertSameBehaviour(config, MeshYaml.Read(MeshYaml.Write(config)).Config!), iter: Iterations);

    [Fact]
    public void CompareTo_Itself_IsEmpty() =>
        MeshGenerators.Config.Sample(config => Assert.Empty(MeshBehaviour.Of(config).CompareTo(MeshBehaviour.Of(config))), iter: Iterations);

    [Fact]
    public void ScalingTheWeightsOfARule_KeepsTheBehaviour() =>
        Gen.Select(AnyBackendList, Gen.Int[2, 1000]).Sample(t =>
        {
            var ((config, list, _), k) = t;
            AssertSameBehaviour(config, list.Replace([.. list.Backends.Select(b => b with { Weight = b.Weight * k })]));
        }, iter: Iterations);

    [Fact]
    public void BackendOrder_AndSplittingABackendInTwo_KeepTheBehaviour() =>
        AnyBackendList.Sample(t =>
        {
            var (config, list, pick) = t;
            var split = pick % list.Backends.Count;
            // Doubled weights, the picked backend as two halves, in reverse order.
            var backends = list.Backends.SelectMany((b, i) => i == split ? [b, b] : new[] { b with { Weight = b.Weight * 2 } }).Reverse();
            AssertSameBehaviour(config, list.Replace([.. backends]));
        }, iter: Iterations);

    [Fact]
    public void RouteNamesAndOrder_KeepTheBehaviour() =>
        MeshGenerators.Config.Sample(config =>
            AssertSameBehaviour(config, config with
            {
                Routes = [.. config.Routes.Reverse().Select((r, i) => r with { Name = $"renamed-{i}", Namespace = "elsewhere" })],
                TcpRoutes = [.. config.TcpRoutes.Reverse().Select((r, i) => r with { Name = $"tcp-{i}", Namespace = "elsewhere" })],
            }), iter: Iterations);

    [Fact]
    public void ExplicitPorts_OfSinglePortServices_KeepTheBehaviour() =>
        MeshGenerators.Config
            .Where(c => BackendList.Of(c).Any(l => l.Backends.Any(b => b.Port is null && c.FindService(b.Service) is { Ports.Count: 1 })))
            .Sample(config =>
            {
                var explicitPorts = config;
                foreach (var list in BackendList.Of(config))
                {
                    var current = BackendList.Of(explicitPorts).Single(l => l.Path == list.Path);
                    explicitPorts = current.Replace([.. current.Backends.Select(b =>
                        b.Port is null && config.FindService(b.Service) is { Ports.Count: 1 } single ? b with { Port = single.Ports[0].Port } : b)]);
                }
                Assert.NotEqual(config, explicitPorts);
                AssertSameBehaviour(config, explicitPorts);
            }, iter: Iterations);

    [Fact]
    public void MovingOneUnitOfWeight_BetweenDifferentDestinations_IsAChangeOfThatRule()
    {
        // The picked backend list and two of its backends that reach different workloads or ports, the first with weight to give.
        var moves = AnyBackendList.Select(t =>
        {
            var resolver = new WorkloadResolver(t.Config);
            var backends = t.List.Backends;
            var pairs = (from a in Enumerable.Range(0, backends.Count)
                         from b in Enumerable.Range(0, backends.Count)
                         where backends[a].Weight > 0
                         let source = resolver.Resolve(backends[a].Service, backends[a].Subset, backends[a].Port, t.List.RequestPort)
                         let destination = resolver.Resolve(backends[b].Service, backends[b].Subset, backends[b].Port, t.List.RequestPort)
                         where source != destination
                         select (a, b)).ToList();
            return (t.Config, t.List, Pairs: pairs, t.Pick);
        }).Where(t => t.Pairs.Count > 0);

        moves.Sample(t =>
        {
            var (from, to) = t.Pairs[t.Pick % t.Pairs.Count];
            var moved = t.List.Replace([.. t.List.Backends.Select((b, i) => i == from ? b with { Weight = b.Weight - 1 } : i == to ? b with { Weight = b.Weight + 1 } : b)]);

            var changes = MeshBehaviour.Of(t.Config).CompareTo(MeshBehaviour.Of(moved));

            var change = Assert.Single(changes);
            Assert.Equal(t.List.Path, change.Before!.Path);
            Assert.Equal(change.Before.Key, change.After!.Key);
            Assert.Contains(" → ", change.Message, StringComparison.Ordinal);
        }, iter: Iterations);
    }

    [Fact]
    public void ClusterServices_RestoreSelectorsAndTargetPorts_TheModelDoesNotCarry() =>
        MeshGenerators.Config.Sample(config =>
        {
            var stripped = config with
            {
                Services = [.. config.Services.Select(s => s with { Selector = default, Ports = [.. s.Ports.Select(p => p with { TargetPort = null })] })],
            };
            var changes = MeshBehaviour.Of(config).CompareTo(MeshBehaviour.Of(stripped, config.Services));
            Assert.True(changes.Count == 0, string.Join("\n", changes));
        }, iter: Iterations);
}
