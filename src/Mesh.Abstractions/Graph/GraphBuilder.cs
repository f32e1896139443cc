using System.Globalization;
using Mesh.Analysis.Checks;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Graph;

/// <summary>
/// The model as a picture: services (grouped by namespace, their subsets beside them) annotated with their ports, mTLS
/// mode and destination policy; an edge per backend of each route rule labelled with its matches, share and timeouts; a
/// dashed edge per mirror; external services on the edge of the picture; callers of access policies pointing at what
/// they may (or may not) call.
/// </summary>
internal sealed class GraphBuilder(MeshConfig config, MeshGraphOptions options)
{
    private readonly GraphModel _graph = new();
    private readonly Dictionary<ServiceRef, MeshService> _services = [];

    public GraphModel Build()
    {
        foreach (var service in config.Services.Where(s => s is not null)) _services.TryAdd(service.Reference, service);
        foreach (var service in _services.Values.Where(s => InScope(s.Namespace))) Service(service);
        foreach (var external in config.ExternalServices.Where(e => e is not null && InScope(e.Namespace))) External(external);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            if (config.Routes[i] is { } route && InScope(route.Host.Namespace)) Route(route, $"$.spec.routes[{i}]");
        }
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            if (config.TcpRoutes[i] is { } route && InScope(route.Host.Namespace)) TcpRoute(route, $"$.spec.tcpRoutes[{i}]");
        }
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            if (config.AccessPolicies[i] is { } policy && InScope(policy.Namespace)) Access(policy, $"$.spec.accessPolicies[{i}]");
        }
        return _graph;
    }

    private bool InScope(string ns) => options.Namespace is null || options.Namespace == ns;

    private static string ServiceId(ServiceRef s) => GraphModel.Id("svc", s.Namespace, s.Name);

    private static string SubsetId(ServiceRef s, string subset) => GraphModel.Id("sub", s.Namespace, s.Name, subset);

    private void Service(MeshService service)
    {
        var lines = new List<string> { service.Reference.ToString() };
        var ports = service.Ports.Where(p => p is not null).Select(p => $"{p.Protocol.ToString().ToLowerInvariant()} {p.Port}").ToList();
        if (ports.Count > 0) lines.Add(string.Join(", ", ports));
        if (EffectiveMtls.Of(config, service) is { } mtls) lines.Add($"mTLS {mtls.Policy.Mode.ToString().ToLowerInvariant()}");
        if (config.DestinationPolicies.FirstOrDefault(p => p is not null && p.Target.Service == service.Reference && p.Target.Subset is null && p.Target.Port is null) is { } policy) lines.AddRange(Policy(policy));
        _graph.Add(new GraphNode(ServiceId(service.Reference), NodeKind.Service, lines, service.Namespace, null));
    }

    /// <summary>The subset node, added the first time something sends to it (subsets nothing uses are not drawn).</summary>
    private string Subset(ServiceRef service, string subset)
    {
        var id = SubsetId(service, subset);
        if (_graph.Has(id)) return id;
        var lines = new List<string> { $"{service.Name} {subset}" };
        if (_services.GetValueOrDefault(service)?.FindSubset(subset) is { } found && !found.Labels.IsEmpty) lines.Add(string.Join(", ", found.Labels.Select(l => $"{l.Key}={l.Value}")));
        else if (_services.GetValueOrDefault(service)?.FindSubset(subset) is null) lines.Add("(not defined)");
        if (config.DestinationPolicies.FirstOrDefault(p => p is not null && p.Target.Service == service && p.Target.Subset == subset && p.Target.Port is null) is { } policy) lines.AddRange(Policy(policy));
        _graph.Add(new GraphNode(id, NodeKind.Subset, lines, service.Namespace, ServiceId(service)));
        return id;
    }

    /// <summary>A backend's node: its subset, its service, an external service, or a node for a service the model does not declare.</summary>
    private string Target(ServiceRef service, string? subset)
    {
        if (_services.ContainsKey(service))
        {
            if (!_graph.Has(ServiceId(service))) Service(_services[service]);
            return subset is null ? ServiceId(service) : Subset(service, subset);
        }
        if (config.ExternalServices.FirstOrDefault(e => e is not null && e.Name == service.Name && e.Namespace == service.Namespace) is { } external)
        {
            External(external);
            return GraphModel.Id("ext", external.Namespace, external.Name);
        }
        var id = ServiceId(service);
        _graph.Add(new GraphNode(id, NodeKind.Service, [service.ToString(), "(not declared)"], service.Namespace, null));
        return subset is null ? id : Subset(service, subset);
    }

    private void External(ExternalService external)
    {
        var lines = new List<string> { $"{external.Name}.{external.Namespace} (external)", string.Join(", ", external.Hosts) };
        var ports = external.Ports.Where(p => p is not null).Select(p => $"{p.Protocol.ToString().ToLowerInvariant()} {p.Port}").ToList();
        if (ports.Count > 0) lines.Add(string.Join(", ", ports));
        lines.Add($"resolution {external.Resolution.ToString().ToLowerInvariant()}");
        _graph.Add(new GraphNode(GraphModel.Id("ext", external.Namespace, external.Name), NodeKind.External, lines, null, null));
    }

    private void Route(HttpRoute route, string routePath)
    {
        var from = Target(route.Host, null);
        for (var k = 0; k < route.Rules.Count; k++)
        {
            if (route.Rules[k] is not { } rule) continue;
            var path = $"{routePath}.rules[{k}]";
            var head = new List<string> { Matches(rule.Matches) };
            var policy = RulePolicy(rule);
            var total = rule.Backends.Where(b => b is not null && b.Weight > 0).Sum(b => (long)b.Weight);
            if (rule.Redirect is { } redirect)
            {
                _graph.Edges.Add(new GraphEdge(from, from, EdgeKind.Traffic, [.. head, $"redirect {redirect.StatusCode} → {RedirectText(redirect)}"], path));
                continue;
            }
            foreach (var backend in rule.Backends.Where(b => b is not null && b.Weight > 0))
            {
                var share = total == 0 ? 0m : 100m * backend.Weight / total;
                var lines = new List<string>(head) { Percent(share) + (backend.Port is { } port ? $" :{port}" : string.Empty) };
                lines.AddRange(policy);
                _graph.Edges.Add(new GraphEdge(from, Target(backend.Service, backend.Subset), EdgeKind.Traffic, lines, path));
            }
            if (rule.Mirror is { } mirror)
            {
                _graph.Edges.Add(new GraphEdge(from, Target(mirror.Service, mirror.Subset), EdgeKind.Mirror, [.. head, $"mirror {Percent(mirror.Percentage)}"], path));
            }
        }
    }

    private void TcpRoute(TcpRoute route, string path)
    {
        var from = Target(route.Host, null);
        var total = route.Backends.Where(b => b is not null && b.Weight > 0).Sum(b => (long)b.Weight);
        foreach (var backend in route.Backends.Where(b => b is not null && b.Weight > 0))
        {
            var share = total == 0 ? 0m : 100m * backend.Weight / total;
            _graph.Edges.Add(new GraphEdge(from, Target(backend.Service, backend.Subset), EdgeKind.Traffic, [$"tcp{(route.Port is { } p ? $" :{p}" : string.Empty)}", Percent(share)], path));
        }
    }

    private void Access(AccessPolicy policy, string path)
    {
        // An audit policy changes no access: it is not an edge of who may call whom.
        if (policy.Action == AccessAction.Audit) return;
        var kind = policy.Action == AccessAction.Allow ? EdgeKind.Allow : EdgeKind.Deny;
        string target;
        if (policy.Target is { } t) target = Target(t.Service, t.Subset);
        else
        {
            target = GraphModel.Id("ns", policy.Namespace);
            _graph.Add(new GraphNode(target, NodeKind.Caller, [$"every workload of {policy.Namespace}"], policy.Namespace, null));
        }
        if (policy.Rules.IsEmpty && kind == EdgeKind.Allow)
        {
            var nobody = GraphModel.Id("caller", "nobody");
            _graph.Add(new GraphNode(nobody, NodeKind.Caller, ["nobody"], null, null));
            _graph.Edges.Add(new GraphEdge(nobody, target, kind, [$"{policy.Name}: allows nothing"], path));
            return;
        }
        for (var r = 0; r < policy.Rules.Count; r++)
        {
            if (policy.Rules[r] is not { } rule) continue;
            var what = (Operation(rule.To) + (rule.When.IsEmpty ? string.Empty : " when " + string.Join(" and ", rule.When.Select(c => c.Key.ToString())))).Trim();
            foreach (var (id, label) in Callers(rule.From))
            {
                _graph.Add(new GraphNode(id, NodeKind.Caller, [label], null, null));
                _graph.Edges.Add(new GraphEdge(id, target, kind, [$"{(kind == EdgeKind.Allow ? "allow" : "deny")}{(what.Length == 0 ? string.Empty : " " + what)}"], $"{path}.rules[{r}]"));
            }
        }
    }

    private static List<(string Id, string Label)> Callers(AccessSource? from)
    {
        if (from is null || !from.HasAlternatives)
        {
            return from?.Not is null ? [(GraphModel.Id("caller", "anyone"), "anyone")] : [(GraphModel.Id("caller", "anyone", Except(from.Not)), "anyone" + Except(from.Not))];
        }
        var callers = new List<(string Id, string Label)>();
        if (from.Authenticated) callers.Add((GraphModel.Id("caller", "authenticated"), "any authenticated workload"));
        foreach (var identity in from.Identities) callers.Add((GraphModel.Id("caller", "id", identity), $"identity {identity}"));
        foreach (var principal in from.RequestPrincipals) callers.Add((GraphModel.Id("caller", "jwt", principal), $"request principal {principal}"));
        foreach (var block in from.RemoteIpBlocks) callers.Add((GraphModel.Id("caller", "remote", block), $"client IP {block}"));
        foreach (var account in from.ServiceAccounts) callers.Add((GraphModel.Id("caller", "sa", account.ToString()), $"service account {account}"));
        foreach (var service in from.Services) callers.Add((GraphModel.Id("caller", "svc", service.ToString()), $"service {service}"));
        foreach (var ns in from.Namespaces) callers.Add((GraphModel.Id("caller", "ns", ns), $"namespace {ns}"));
        foreach (var block in from.IpBlocks) callers.Add((GraphModel.Id("caller", "ip", block), $"IP {block}"));
        if (from.Unauthenticated) callers.Add((GraphModel.Id("caller", "unauthenticated"), "unauthenticated"));
        if (from.Not is null) return callers;
        var except = Except(from.Not);
        return [.. callers.Select(c => (GraphModel.Id("caller", c.Id, except), c.Label + except))];
    }

    private static string Except(AccessSource not) =>
        " except " + string.Join(", ", Callers(not with { Not = null }).Select(c => c.Label));

    private static string Operation(AccessOperation? to)
    {
        if (to is null) return string.Empty;
        var parts = new List<string>();
        if (!to.Methods.IsEmpty) parts.Add(string.Join("|", to.Methods));
        if (!to.Paths.IsEmpty) parts.Add(string.Join(" ", to.Paths));
        if (!to.Ports.IsEmpty) parts.Add(":" + string.Join(",", to.Ports));
        if (!to.Hosts.IsEmpty) parts.Add("host " + string.Join(" ", to.Hosts));
        if (to.Not is { } not && Operation(not with { Not = null }) is { Length: > 0 } excluded) parts.Add("not " + excluded);
        return string.Join(" ", parts);
    }

    private static string Matches(EquatableArray<HttpMatch> matches) => matches.IsEmpty ? "every request" : string.Join(" or ", matches.Where(m => m is not null).Select(m => MatchText.Of(m).Trim('(', ')')));

    private static IEnumerable<string> RulePolicy(HttpRouteRule rule)
    {
        if (rule.Timeout is { } timeout) yield return $"timeout {MeshDuration.Format(timeout)}";
        if (rule.Retry is { Attempts: > 0 } retry) yield return $"retries {retry.Attempts}{(retry.PerTryTimeout is { } per ? " × " + MeshDuration.Format(per) : string.Empty)}";
        if (rule.Fault is { } fault)
        {
            if (fault.Delay is { } delay) yield return $"fault: delay {MeshDuration.Format(delay.Duration)} to {Percent(delay.Percentage)}";
            if (fault.Abort is { } abort) yield return $"fault: abort {abort.HttpStatus} to {Percent(abort.Percentage)}";
        }
    }

    private static IEnumerable<string> Policy(DestinationPolicy policy)
    {
        if (policy.LoadBalancer is { } lb)
        {
            if (lb.Algorithm != LoadBalancerAlgorithm.Default) yield return $"lb {Words(lb.Algorithm.ToString())}{(lb.ConsistentHash is { } hash ? $" on {Words(hash.Key.ToString())}{(hash.Name is { } n ? " " + n : string.Empty)}" : string.Empty)}";
            if (lb.Locality is { } locality)
            {
                yield return locality switch
                {
                    { Enabled: false } => "locality lb off",
                    { Failover.Count: > 0 } => "failover " + string.Join(", ", locality.Failover.Where(f => f is not null).Select(f => $"{f.From}→{f.To}")),
                    { FailoverPriority.Count: > 0 } => "failover by " + string.Join(", ", locality.FailoverPriority),
                    { Distribute.Count: > 0 } => $"locality distribution ({locality.Distribute.Count})",
                    _ => "locality lb",
                };
            }
            if (lb.Warmup is { } warmup) yield return $"warm-up {MeshDuration.Format(warmup.Duration)}";
        }
        if (policy.OutlierDetection is { } o) yield return $"outlier detection{(o.Consecutive5xx is { } n ? $" after {n}×5xx" : string.Empty)}";
        if (policy.ConnectionPool is { } c)
        {
            var limits = new List<string>();
            if (c.MaxConnections is { } mc) limits.Add($"{mc} conn");
            if (c.MaxRequests is { } mr) limits.Add($"{mr} req");
            if (c.MaxPendingRequests is { } mp) limits.Add($"{mp} pending");
            yield return limits.Count == 0 ? "connection pool" : "max " + string.Join(", ", limits);
        }
        if (policy.RateLimit is { } limit)
        {
            var routes = limit.Routes.Count == 0 ? string.Empty : $" ({limit.Routes.Count} route limit{(limit.Routes.Count == 1 ? string.Empty : "s")})";
            yield return limit.Requests is { } n ? $"rate limit {n}/{MeshDuration.Format(limit.Interval ?? LocalRateLimit.DefaultInterval)}{routes}" : "rate limit" + routes;
        }
        if (policy.Tls is { } tls) yield return tls.Mode == ClientTlsMode.Disable ? "TLS off" : $"TLS {Words(tls.Mode.ToString())}{(tls.Sni is { } sni ? $" sni {sni}" : string.Empty)}";
    }

    /// <summary>An enum name in words: <c>LeastRequest</c> → <c>least request</c>.</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string RedirectText(Redirect r) =>
        $"{(r.Scheme is null ? string.Empty : r.Scheme + "://")}{r.Host}{(r.Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : string.Empty)}{r.Path ?? r.PathPrefix ?? string.Empty}";

    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
