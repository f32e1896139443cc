using System.Globalization;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Analysis;

/// <summary>
/// The routing behaviour of a model: for every HTTP route rule and every TCP route (and at gateways, every gateway route rule,
/// TLS route and TCP route per gateway and host name), the traffic it matches and the exact
/// share of it each workload receives (and what is mirrored or redirected). Two models that send the same requests to the
/// same workloads with the same shares have no <see cref="CompareTo">changes</see> between them, whatever their route names,
/// route order, weight scale, backend order and duplicates, implicit single ports or normal form.
/// </summary>
/// <remarks>
/// Only routing is evaluated: timeouts, retries, faults, rewrites, header changes, CORS and policies are not part of the
/// behaviour. Which rule takes a request first is modelled by rule order per host (<see cref="CompareTo"/> reports a
/// reordering), not by analysing overlapping matches. An HTTP backend without a port goes to the request's port; that is
/// known when the route's host has a single HTTP, HTTP/2 or gRPC port (the only one HTTP rules see traffic of), so naming
/// that port or leaving it out is the same behaviour.
/// </remarks>
public sealed class MeshBehaviour
{
    private readonly Dictionary<string, RuleBehaviour> _byKey;

    private MeshBehaviour(IReadOnlyList<RuleBehaviour> rules)
    {
        Rules = rules;
        _byKey = new Dictionary<string, RuleBehaviour>(StringComparer.Ordinal);
        // Keys are unique by construction (the occurrence index); TryAdd keeps a host name holding key syntax from throwing.
        foreach (var rule in rules) _byKey.TryAdd(rule.Key, rule);
    }

    /// <summary>
    /// The rules, HTTP before TCP, by host (namespace, then name) and TCP port, and in match order within a host (routes of one
    /// host by namespace and name, then their rules in order).
    /// </summary>
    public IReadOnlyList<RuleBehaviour> Rules { get; }

    /// <summary>Computes the behaviour of <paramref name="config"/>. Never throws on an invalid model: what it cannot resolve it marks (see <see cref="Workload"/>).</summary>
    /// <param name="config">The model, as given (paths index it); it need not be normalised.</param>
    /// <returns>The behaviour.</returns>
    public static MeshBehaviour Of(MeshConfig config) => Of(config, []);

    /// <summary>
    /// Computes the behaviour of <paramref name="config"/> on a cluster whose Kubernetes Services are
    /// <paramref name="clusterServices"/>: a service listed there selects its workloads with that service's selector and
    /// forwards its ports as that service's ports do, whether or not the model declares the service; subsets stay the
    /// model's. Use it to compare a model with one re-imported from a mesh that does not carry Services (Gateway API and
    /// Linkerd routes, Istio resources): evaluate both with the original model's services, e.g.
    /// <c>MeshBehaviour.Of(source, source.Services).CompareTo(MeshBehaviour.Of(imported, source.Services))</c>.
    /// </summary>
    /// <param name="config">The model, as given (paths index it); it need not be normalised.</param>
    /// <param name="clusterServices">The Services of the cluster (their name, namespace, selector and ports count; their subsets do not).</param>
    /// <returns>The behaviour.</returns>
    public static MeshBehaviour Of(MeshConfig config, IEnumerable<MeshService> clusterServices)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(clusterServices);
        var resolver = new WorkloadResolver(config, clusterServices);
        var rules = new List<RuleBehaviour>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var i in InRouteOrder(config.Routes, r => (r.Namespace, r.Name)))
        {
            var route = config.Routes[i];
            // "The request's port" is known when the host has one port HTTP traffic can arrive on.
            var httpPort = resolver.HttpRequestPort(route.Host);
            for (var j = 0; j < route.Rules.Count; j++)
            {
                if (route.Rules[j] is not { } rule) continue;
                var (matches, text) = CanonicalMatches.Of(rule.Matches);
                var path = $"$.spec.routes[{I(i)}].rules[{I(j)}]";
                var occurrence = Occurrence(occurrences, $"http {route.Host} [{text}]");
                if (rule.Redirect is { } redirect)
                {
                    var canonical = redirect with { Scheme = redirect.Scheme?.ToLowerInvariant(), Host = redirect.Host?.ToLowerInvariant() };
                    rules.Add(new RuleBehaviour(RuleKind.Http, route.Host, null, matches, text, occurrence, RuleOutcome.Redirect, [], [], canonical, path));
                    continue;
                }
                var destinations = Split(rule.Backends, resolver, requestPort: httpPort);
                var mirrors = rule.Mirror is { Percentage: > 0 } mirror
                    ? [Mirror(mirror, resolver, httpPort)]
                    : EquatableArray<WorkloadShare>.Empty;
                var outcome = destinations.IsEmpty ? RuleOutcome.NoDestination : RuleOutcome.Forward;
                rules.Add(new RuleBehaviour(RuleKind.Http, route.Host, null, matches, text, occurrence, outcome, destinations, mirrors, null, path));
            }
        }

        foreach (var i in InRouteOrder(config.TcpRoutes, r => (r.Namespace, r.Name)))
        {
            var route = config.TcpRoutes[i];
            var port = route.Port is { } p ? p.ToString(CultureInfo.InvariantCulture) : "*";
            var occurrence = Occurrence(occurrences, $"tcp {route.Host}:{port}");
            var destinations = Split(route.Backends, resolver, route.Port);
            var outcome = destinations.IsEmpty ? RuleOutcome.NoDestination : RuleOutcome.Forward;
            rules.Add(new RuleBehaviour(RuleKind.Tcp, route.Host, route.Port, [], CanonicalMatches.Everything, occurrence, outcome, destinations, [], null, $"$.spec.tcpRoutes[{I(i)}]"));
        }

        Gateways(config, resolver, rules, occurrences);

        // Evaluation order is kept within a host (a stable sort): it is the match order.
        return new MeshBehaviour([.. rules
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.Host.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Host.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Port ?? 0)
            .ThenBy(r => r.Gateway?.Listener ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Hostname ?? "", StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The rules of gateway routes, TLS routes and TCP routes: one per gateway (or listener) the route binds to and per host
    /// name (server name for TLS), since a request's host name and the gateway it reaches decide which route takes it.
    /// </summary>
    private static void Gateways(MeshConfig config, WorkloadResolver resolver, List<RuleBehaviour> rules, Dictionary<string, int> occurrences)
    {
        foreach (var i in InRouteOrder(config.GatewayRoutes, r => (r.Namespace, r.Name)))
        {
            var route = config.GatewayRoutes[i];
            foreach (var (gateway, hostname) in Entrances(route.Gateways, route.Hostnames))
            {
                for (var j = 0; j < route.Rules.Count; j++)
                {
                    if (route.Rules[j] is not { } rule) continue;
                    var (matches, text) = CanonicalMatches.Of(rule.Matches);
                    var path = $"$.spec.gatewayRoutes[{I(i)}].rules[{I(j)}]";
                    var occurrence = Occurrence(occurrences, $"gateway {gateway} {hostname} [{text}]");
                    var host = new ServiceRef(gateway.Name, gateway.Namespace);
                    if (rule.Redirect is { } redirect)
                    {
                        var canonical = redirect with { Scheme = redirect.Scheme?.ToLowerInvariant(), Host = redirect.Host?.ToLowerInvariant() };
                        rules.Add(new RuleBehaviour(RuleKind.Gateway, host, null, matches, text, occurrence, RuleOutcome.Redirect, [], [], canonical, path, gateway, hostname));
                        continue;
                    }
                    // A gateway's request port is its listener's, not the backend's: a backend without a port is resolved without one.
                    var destinations = Split(rule.Backends, resolver, requestPort: null);
                    var mirrors = rule.Mirror is { Percentage: > 0 } mirror ? [Mirror(mirror, resolver, null)] : EquatableArray<WorkloadShare>.Empty;
                    var outcome = destinations.IsEmpty ? RuleOutcome.NoDestination : RuleOutcome.Forward;
                    rules.Add(new RuleBehaviour(RuleKind.Gateway, host, null, matches, text, occurrence, outcome, destinations, mirrors, null, path, gateway, hostname));
                }
            }
        }
        foreach (var i in InRouteOrder(config.GatewayTlsRoutes, r => (r.Namespace, r.Name)))
        {
            var route = config.GatewayTlsRoutes[i];
            foreach (var (gateway, hostname) in Entrances(route.Gateways, route.Hostnames))
            {
                var occurrence = Occurrence(occurrences, $"gateway-tls {gateway} {hostname}");
                var destinations = Split(route.Backends, resolver, null);
                var outcome = destinations.IsEmpty ? RuleOutcome.NoDestination : RuleOutcome.Forward;
                rules.Add(new RuleBehaviour(RuleKind.GatewayTls, new ServiceRef(gateway.Name, gateway.Namespace), null, [], CanonicalMatches.Everything, occurrence, outcome, destinations, [], null, $"$.spec.gatewayTlsRoutes[{I(i)}]", gateway, hostname));
            }
        }
        foreach (var i in InRouteOrder(config.GatewayTcpRoutes, r => (r.Namespace, r.Name)))
        {
            var route = config.GatewayTcpRoutes[i];
            foreach (var gateway in Distinct(route.Gateways))
            {
                var occurrence = Occurrence(occurrences, $"gateway-tcp {gateway}");
                var destinations = Split(route.Backends, resolver, null);
                var outcome = destinations.IsEmpty ? RuleOutcome.NoDestination : RuleOutcome.Forward;
                rules.Add(new RuleBehaviour(RuleKind.GatewayTcp, new ServiceRef(gateway.Name, gateway.Namespace), null, [], CanonicalMatches.Everything, occurrence, outcome, destinations, [], null, $"$.spec.gatewayTcpRoutes[{I(i)}]", gateway));
            }
        }
    }

    /// <summary>Each gateway (or listener) a route binds to, with each of its host names in lower case (<c>*</c>: every host name).</summary>
    private static IEnumerable<(GatewayRef Gateway, string Hostname)> Entrances(EquatableArray<GatewayRef> gateways, EquatableArray<string> hostnames)
    {
        var names = hostnames.Where(h => h is not null).Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // A host list with '*' is every host name (the canonical form's reading).
        if (names.Count == 0 || names.Contains("*")) names = ["*"];
        foreach (var gateway in Distinct(gateways))
        {
            foreach (var name in names) yield return (gateway, name);
        }
    }

    private static IEnumerable<GatewayRef> Distinct(EquatableArray<GatewayRef> gateways) =>
        gateways.Where(g => g is not null).Distinct().OrderBy(g => g.ToString(), StringComparer.Ordinal);

    /// <summary>The rule of <paramref name="key"/>.</summary>
    /// <param name="key">A <see cref="RuleBehaviour.Key"/>.</param>
    /// <returns>The rule, or null when this model has none of that key.</returns>
    public RuleBehaviour? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKey.GetValueOrDefault(key);
    }

    /// <summary>
    /// The differences in behaviour from this model to <paramref name="target"/>, one per rule that differs: a rule of this model
    /// with no rule of its key in the target, different destinations, shares or ports, different mirrors, a different outcome or
    /// redirect, or a different position relative to the other rules of its host; then every rule only in the target.
    /// </summary>
    /// <param name="target">The behaviour to compare with, e.g. of the model re-imported from a provider's output.</param>
    /// <returns>The changes; empty when both models behave alike.</returns>
    public IReadOnlyList<BehaviourChange> CompareTo(MeshBehaviour target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return BehaviourComparison.Compare(this, target);
    }

    /// <summary>One line per rule (<see cref="RuleBehaviour.ToString"/>).</summary>
    public override string ToString() => string.Join('\n', Rules);

    private static IEnumerable<int> InRouteOrder<T>(EquatableArray<T> routes, Func<T, (string Namespace, string Name)> name) where T : class =>
        Enumerable.Range(0, routes.Count)
            .Where(i => routes[i] is not null)
            .OrderBy(i => name(routes[i]).Namespace ?? "", StringComparer.Ordinal)
            .ThenBy(i => name(routes[i]).Name ?? "", StringComparer.Ordinal);

    private static int Occurrence(Dictionary<string, int> occurrences, string key)
    {
        occurrences.TryGetValue(key, out var seen);
        occurrences[key] = seen + 1;
        return seen;
    }

    /// <summary>The backends as exact shares of their total weight, added up per workload and port; negative weights count as 0.</summary>
    private static EquatableArray<WorkloadShare> Split(EquatableArray<WeightedBackend> backends, WorkloadResolver resolver, int? requestPort)
    {
        var weights = new Dictionary<(Workload, TargetPort?), long>();
        long total = 0;
        foreach (var backend in backends)
        {
            if (backend is not { Weight: > 0 }) continue;
            var destination = resolver.Resolve(backend.Service, backend.Subset, backend.Port, requestPort);
            weights[destination] = weights.GetValueOrDefault(destination) + backend.Weight;
            total += backend.Weight;
        }
        if (total == 0) return [];
        return Sorted(weights.Select(w => new WorkloadShare(w.Key.Item1, w.Key.Item2, new Share(w.Value, total))));
    }

    private static WorkloadShare Mirror(Mirror mirror, WorkloadResolver resolver, int? requestPort)
    {
        var (workload, port) = resolver.Resolve(mirror.Service, mirror.Subset, mirror.Port, requestPort);
        return new WorkloadShare(workload, port, Share.FromPercentage(Math.Min(mirror.Percentage, 100m)));
    }

    /// <summary>Destinations in their deterministic order: by workload text, then port (none, numbers, names).</summary>
    internal static EquatableArray<WorkloadShare> Sorted(IEnumerable<WorkloadShare> shares) =>
        [.. shares
            .OrderBy(s => s.Workload.ToString(), StringComparer.Ordinal)
            .ThenBy(s => s.Port is null ? 0 : s.Port.Number is null ? 2 : 1)
            .ThenBy(s => s.Port?.Number ?? 0)
            .ThenBy(s => s.Port?.Name ?? "", StringComparer.Ordinal)];

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
