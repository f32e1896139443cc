using System.Globalization;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>Resolves a <see cref="MeshConfig"/> for one proxy into an <see cref="XdsPlan"/>, collecting diagnostics.</summary>
internal sealed class Planner
{
    private readonly MeshConfig _config;
    private readonly XdsProxy _proxy;
    private readonly XdsEncoderOptions _options;
    private readonly Func<string, string?> _regexCheck;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<ServiceRef, int> _serviceIndex = [];
    private readonly Dictionary<ServiceRef, List<int>> _routesByHost = [];
    private readonly Dictionary<ServiceRef, List<DestinationPolicy>> _policiesByService = [];

    private Planner(MeshConfig config, XdsProxy proxy, XdsEncoderOptions options, List<Diagnostic> diagnostics)
    {
        _config = config;
        _proxy = proxy;
        _options = options;
        _regexCheck = options.RegexCheck ?? (pattern => Mesh.Validation.Re2.Check(pattern)?.Message);
        _diagnostics = diagnostics;
    }

    private bool Proxyless => _proxy.Kind == XdsProxyKind.ProxylessGrpc;

    public static XdsPlan Plan(MeshConfig config, XdsProxy proxy, XdsEncoderOptions options, List<Diagnostic> diagnostics) =>
        new Planner(config, proxy, options, diagnostics).Run();

    private XdsPlan Run()
    {
        if (string.IsNullOrEmpty(_proxy.NodeId))
        {
            Error(XdsDiagnosticCodes.InvalidProxy, "$.proxy.nodeId", "The proxy needs a node id.");
        }
        for (var i = 0; i < _config.Services.Count; i++)
        {
            var service = _config.Services[i];
            if (!_serviceIndex.TryAdd(service.Reference, i))
            {
                Error(XdsDiagnosticCodes.DuplicateResource, $"$.spec.services[{i}]", $"Service {service.Reference} is declared twice; its clusters would have the same names.");
            }
        }
        for (var r = 0; r < _config.Routes.Count; r++)
        {
            var host = _config.Routes[r].Host;
            if (!_routesByHost.TryGetValue(host, out var list)) _routesByHost[host] = list = [];
            list.Add(r);
        }
        foreach (var policy in _config.DestinationPolicies)
        {
            if (!_policiesByService.TryGetValue(policy.Target.Service, out var list)) _policiesByService[policy.Target.Service] = list = [];
            list.Add(policy);
        }
        CheckPolicies();
        var clusters = Clusters();
        var routeConfigs = RouteConfigs();
        var listeners = Listeners(routeConfigs);
        var (inboundClusters, inboundListener) = Inbound();
        if (inboundListener is not null) listeners = [.. listeners, inboundListener];
        ReportUnencoded();

        var byService = new Dictionary<ServiceRef, List<int>>();
        for (var i = 0; i < clusters.Length; i++) Add(byService, clusters[i].Service, i);
        var byHost = new Dictionary<ServiceRef, List<int>>();
        for (var i = 0; i < routeConfigs.Length; i++)
        {
            foreach (var host in routeConfigs[i].VirtualHosts) Add(byHost, host.Host, i);
        }
        return new XdsPlan
        {
            Proxy = _proxy,
            Options = _options,
            Clusters = clusters,
            InboundClusters = inboundClusters,
            RouteConfigs = routeConfigs,
            Listeners = listeners,
            ClustersByService = byService.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray()),
            RouteConfigsByHost = byHost.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray()),
        };

        static void Add(Dictionary<ServiceRef, List<int>> map, ServiceRef key, int index)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(index);
        }
    }

    // ---- Names -------------------------------------------------------------------------------------------

    private string Fqdn(ServiceRef service) => service.ToFqdn(_options.ClusterDomain);

    private string ClusterName(ServiceRef service, int port, string? subset) =>
        string.Create(CultureInfo.InvariantCulture, $"outbound|{port}|{subset}|{Fqdn(service)}");

    // ---- Clusters ----------------------------------------------------------------------------------------

    private ClusterPlan[] Clusters()
    {
        var result = new List<ClusterPlan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < _config.Services.Count; s++)
        {
            var service = _config.Services[s];
            var ports = new HashSet<int>();
            for (var p = 0; p < service.Ports.Count; p++)
            {
                var port = service.Ports[p];
                if (port.Port is < 1 or > 65535)
                {
                    Error(XdsDiagnosticCodes.PortOutOfRange, $"$.spec.services[{s}].ports[{p}].port", $"Port {port.Port} is outside 1-65535.");
                    continue;
                }
                if (!ports.Add(port.Port))
                {
                    Error(XdsDiagnosticCodes.DuplicateResource, $"$.spec.services[{s}].ports[{p}]", $"Port {port.Port} of {service.Reference} is declared twice.");
                    continue;
                }
                Add(Cluster(service, s, port, null));
                var subsets = new HashSet<string>(StringComparer.Ordinal);
                for (var k = 0; k < service.Subsets.Count; k++)
                {
                    var subset = service.Subsets[k];
                    if (!subsets.Add(subset.Name))
                    {
                        if (p == 0) Error(XdsDiagnosticCodes.DuplicateResource, $"$.spec.services[{s}].subsets.{subset.Name}", $"Subset '{subset.Name}' of {service.Reference} is declared twice.");
                        continue;
                    }
                    Add(Cluster(service, s, port, subset));
                }
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        // Built again in sorted order so that each cluster and its UTF-8 name sit next to the previous one in
        // memory: CDS and EDS walk the clusters in this order, and at tens of thousands of clusters a walk in
        // creation order (service by service) would miss the cache on almost every cluster.
        var sorted = new ClusterPlan[result.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var c = result[i];
            sorted[i] = new ClusterPlan(c.Name, c.Service, c.Port, c.Protocol, c.Subset, c.SubsetLabels, c.ConnectTimeout, c.LbPolicy, c.Pool, c.Outlier, c.TlsSni, c.Inbound);
        }
        return sorted;

        void Add(ClusterPlan cluster)
        {
            if (names.Add(cluster.Name)) result.Add(cluster);
        }
    }

    private ClusterPlan Cluster(MeshService service, int serviceIndex, ServicePort port, Subset? subset)
    {
        var (lb, pool, outlier) = Policy(service.Reference, subset?.Name);
        var lbPolicy = lb?.Algorithm switch
        {
            null or LoadBalancerAlgorithm.RoundRobin => 0,
            LoadBalancerAlgorithm.LeastRequest => Proxyless ? 0 : 1,
            LoadBalancerAlgorithm.Random => Proxyless ? 0 : 3,
            LoadBalancerAlgorithm.ConsistentHash => 2,
            _ => 0,
        };
        if (Proxyless && lb?.Algorithm is LoadBalancerAlgorithm.LeastRequest or LoadBalancerAlgorithm.Random && subset is null && port == service.Ports[0])
        {
            Warning(XdsDiagnosticCodes.ProxylessApproximated, $"$.spec.services[{serviceIndex}]",
                $"Proxyless gRPC clients accept ROUND_ROBIN or RING_HASH only: {WireNames.Of(lb.Algorithm)} for {service.Reference} is encoded as ROUND_ROBIN.");
        }
        string? sni = null;
        if (MtlsMode(service) == Model.MtlsMode.Strict && !Proxyless)
        {
            sni = string.Create(CultureInfo.InvariantCulture, $"outbound_.{port.Port}_.{subset?.Name}_.{Fqdn(service.Reference)}");
        }
        return new ClusterPlan(
            ClusterName(service.Reference, port.Port, subset?.Name),
            service.Reference,
            port.Port,
            port.Protocol,
            subset?.Name,
            [.. subset?.Labels ?? default],
            pool?.ConnectTimeout ?? _options.DefaultConnectTimeout,
            lbPolicy,
            pool,
            outlier,
            sni);
    }

    private (LoadBalancer?, ConnectionPool?, OutlierDetection?) Policy(ServiceRef service, string? subset)
    {
        DestinationPolicy? whole = null, specific = null;
        if (!_policiesByService.TryGetValue(service, out var policies)) return (null, null, null);
        foreach (var policy in policies)
        {
            if (policy.Target.Subset is null) whole = policy;
            else if (subset is not null && string.Equals(policy.Target.Subset, subset, StringComparison.Ordinal)) specific = policy;
        }
        return (specific?.LoadBalancer ?? whole?.LoadBalancer, specific?.ConnectionPool ?? whole?.ConnectionPool, specific?.OutlierDetection ?? whole?.OutlierDetection);
    }

    private MtlsMode MtlsMode(MeshService service)
    {
        MtlsMode? mesh = null, ns = null;
        foreach (var policy in _config.Mtls)
        {
            switch (policy.Scope.Kind)
            {
                case MtlsScopeKind.Mesh: mesh = policy.Mode; break;
                case MtlsScopeKind.Namespace when string.Equals(policy.Scope.Namespace, service.Namespace, StringComparison.Ordinal): ns = policy.Mode; break;
            }
        }
        return ns ?? mesh ?? Model.MtlsMode.Permissive;
    }

    // ---- Routes ------------------------------------------------------------------------------------------

    private static bool IsHttp(Protocol protocol) => protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc;

    private RouteConfigPlan[] RouteConfigs()
    {
        // Sidecars: one RouteConfiguration per outbound port holding a virtual host per service on that port.
        // Proxyless: one RouteConfiguration per service port, named like its listener, with one virtual host.
        var hostsByConfig = new SortedDictionary<string, List<VirtualHostPlan>>(StringComparer.Ordinal);
        for (var s = 0; s < _config.Services.Count; s++)
        {
            var service = _config.Services[s];
            if (_serviceIndex[service.Reference] != s) continue;
            var seen = new HashSet<int>();
            foreach (var port in service.Ports)
            {
                if (!IsHttp(port.Protocol) || port.Port is < 1 or > 65535 || !seen.Add(port.Port)) continue;
                var fqdnPort = string.Create(CultureInfo.InvariantCulture, $"{Fqdn(service.Reference)}:{port.Port}");
                var configName = Proxyless ? fqdnPort : port.Port.ToString(CultureInfo.InvariantCulture);
                var host = new VirtualHostPlan(fqdnPort, service.Reference, port.Port, Domains(service.Reference, port.Port, fqdnPort), Routes(service, port.Port));
                if (!hostsByConfig.TryGetValue(configName, out var hosts)) hostsByConfig[configName] = hosts = [];
                hosts.Add(host);
            }
        }
        for (var r = 0; r < _config.Routes.Count; r++)
        {
            var route = _config.Routes[r];
            var service = FindService(route.Host);
            if (service is null)
            {
                Error(XdsDiagnosticCodes.UnknownReference, $"$.spec.routes[{r}].host", $"Route {route.Namespace}/{route.Name} is for {route.Host}, which is not a service of the model.");
            }
            else if (!service.Ports.Any(p => IsHttp(p.Protocol)))
            {
                Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.routes[{r}]", $"Route {route.Namespace}/{route.Name}: {route.Host} has no HTTP, HTTP/2 or gRPC port, so the route has no listener to apply to.");
            }
        }
        return [.. hostsByConfig.Select(p => new RouteConfigPlan(p.Key, [.. p.Value.OrderBy(h => h.Name, StringComparer.Ordinal)]))];
    }

    private string[] Domains(ServiceRef service, int port, string fqdnPort)
    {
        if (Proxyless) return [fqdnPort];
        var p = port.ToString(CultureInfo.InvariantCulture);
        var fqdn = Fqdn(service);
        var names = new List<string>(8);
        if (string.Equals(service.Namespace, _proxy.Namespace, StringComparison.Ordinal)) names.Add(service.Name);
        names.Add($"{service.Name}.{service.Namespace}");
        names.Add($"{service.Name}.{service.Namespace}.svc");
        names.Add(fqdn);
        var domains = new List<string>(names.Count * 2);
        foreach (var name in names)
        {
            domains.Add(name);
            domains.Add($"{name}:{p}");
        }
        return [.. domains];
    }

    private RoutePlan[] Routes(MeshService host, int port)
    {
        var routes = new List<RoutePlan>();
        var indexes = _routesByHost.TryGetValue(host.Reference, out var list) ? new List<int>(list) : [];
        indexes.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(_config.Routes[a].Namespace, _config.Routes[b].Namespace);
            return c != 0 ? c : string.CompareOrdinal(_config.Routes[a].Name, _config.Routes[b].Name);
        });
        var catchAll = false;
        foreach (var r in indexes)
        {
            var route = _config.Routes[r];
            for (var i = 0; i < route.Rules.Count && !catchAll; i++)
            {
                var rule = route.Rules[i];
                var path = $"$.spec.routes[{r}].rules[{i}]";
                var backends = Backends(host, port, rule.Backends, path);
                var mirror = rule.Mirror is null ? null : Reference(rule.Mirror.Service, rule.Mirror.Port, rule.Mirror.Subset, port, path + ".mirror");
                var retryOn = rule.Retry is null ? null : RetryOn(rule.Retry);
                var hash = backends.Length > 0 ? HashFor(backends[0].Service, backends[0].Subset) : null;
                var redirectCode = 0;
                if (rule.Redirect is not null)
                {
                    redirectCode = rule.Redirect.StatusCode switch { 301 => 0, 302 => 1, 303 => 2, 307 => 3, 308 => 4, _ => -1 };
                    if (redirectCode < 0)
                    {
                        Error(XdsDiagnosticCodes.InvalidValue, path + ".redirect.statusCode", $"Redirect status {rule.Redirect.StatusCode} is not one Envoy sends (301, 302, 303, 307, 308).");
                        redirectCode = 0;
                    }
                }
                CheckRule(rule, path);
                if (rule.Cors is not null)
                {
                    Warning(XdsDiagnosticCodes.NotEncoded, path + ".cors", "CORS policies are not encoded into xDS yet (they need the envoy.filters.http.cors filter); the rule is emitted without CORS.");
                }
                if (Proxyless && rule.Redirect is not null)
                {
                    Warning(XdsDiagnosticCodes.ProxylessApproximated, path + ".redirect", "Proxyless gRPC clients fail RPCs on redirect routes; the route is encoded as Envoy would take it.");
                }
                if (rule.Matches.IsEmpty)
                {
                    routes.Add(new RoutePlan($"{route.Namespace}.{route.Name}.{i}", null, rule, backends, mirror, retryOn, hash, redirectCode));
                    catchAll = true;
                    continue;
                }
                for (var m = 0; m < rule.Matches.Count; m++)
                {
                    var match = rule.Matches[m];
                    CheckMatch(match, $"{path}.matches[{m}]");
                    routes.Add(new RoutePlan($"{route.Namespace}.{route.Name}.{i}.{m}", match, rule, backends, mirror, retryOn, hash, redirectCode));
                    if (match.Path is null or { Kind: PathMatchKind.Prefix, Value: "/" } && match.Headers.IsEmpty && match.QueryParams.IsEmpty && match.Method is null) catchAll = true;
                }
            }
        }
        if (!catchAll)
        {
            var cluster = ClusterName(host.Reference, port, null);
            routes.Add(new RoutePlan("default", null, null, [new BackendPlan(cluster, 1, host.Reference, null)], null, null, HashFor(host.Reference, null), 0));
        }
        return [.. routes];
    }

    private ConsistentHash? HashFor(ServiceRef service, string? subset)
    {
        var (lb, _, _) = Policy(service, subset);
        return lb is { Algorithm: LoadBalancerAlgorithm.ConsistentHash } ? lb.ConsistentHash ?? Model.ConsistentHash.SourceIp : null;
    }

    private BackendPlan[] Backends(MeshService host, int port, EquatableArray<WeightedBackend> backends, string path)
    {
        if (backends.IsEmpty) return [new BackendPlan(ClusterName(host.Reference, port, null), 1, host.Reference, null)];
        var result = new List<BackendPlan>(backends.Count);
        for (var b = 0; b < backends.Count; b++)
        {
            var backend = backends[b];
            var cluster = Reference(backend.Service, backend.Port, backend.Subset, port, $"{path}.backends[{b}]");
            if (cluster is null) continue;
            if (backend.Weight < 0)
            {
                Error(XdsDiagnosticCodes.InvalidValue, $"{path}.backends[{b}].weight", $"Weight {backend.Weight} is negative.");
                continue;
            }
            if (backend.Weight > 0) result.Add(new BackendPlan(cluster, backend.Weight, backend.Service, backend.Subset));
        }
        if (result.Count == 0 && backends.All(b => b.Weight == 0))
        {
            Error(XdsDiagnosticCodes.InvalidValue, path + ".backends", "The backends' weights add up to zero.");
        }
        return [.. result];
    }

    private string? Reference(ServiceRef target, int? targetPort, string? subset, int port, string path)
    {
        var service = FindService(target);
        if (service is null)
        {
            Error(XdsDiagnosticCodes.UnknownReference, path + ".service", $"{target} is not a service of the model.");
            return null;
        }
        var resolved = targetPort ?? (service.FindPort(port) is not null ? port : service.Ports.Count == 1 ? service.Ports[0].Port : (int?)null);
        if (resolved is null || service.FindPort(resolved.Value) is null)
        {
            Error(XdsDiagnosticCodes.UnknownReference, path + ".port", resolved is null
                ? $"{target} has no port {port} and more than one port: say which one."
                : $"{target} has no port {resolved}.");
            return null;
        }
        if (subset is not null && service.FindSubset(subset) is null)
        {
            Error(XdsDiagnosticCodes.UnknownReference, path + ".subset", $"{target} has no subset '{subset}'.");
            return null;
        }
        return ClusterName(target, resolved.Value, subset);
    }

    private MeshService? FindService(ServiceRef reference) =>
        _serviceIndex.TryGetValue(reference, out var index) ? _config.Services[index] : null;

    private static string? RetryOn(RetryPolicy retry)
    {
        var conditions = retry.On.Select(WireNames.Of).ToList();
        if (!retry.StatusCodes.IsEmpty && !retry.On.AsSpan().Contains(RetryCondition.RetriableStatusCodes))
        {
            conditions.Add(WireNames.Of(RetryCondition.RetriableStatusCodes));
        }
        return conditions.Count == 0 ? null : string.Join(',', conditions);
    }

    // ---- Values Envoy would reject (NACK) -----------------------------------------------------------------

    private void CheckPolicies()
    {
        for (var i = 0; i < _config.DestinationPolicies.Count; i++)
        {
            var policy = _config.DestinationPolicies[i];
            var path = $"$.spec.destinationPolicies[{i}]";
            if (policy.ConnectionPool?.ConnectTimeout is { } connect && connect <= TimeSpan.Zero)
            {
                Error(XdsDiagnosticCodes.InvalidValue, path + ".connectionPool.connectTimeout", "The connect timeout must be positive.");
            }
            if (policy.OutlierDetection is { } outlier)
            {
                if (outlier.Interval is { } interval && interval <= TimeSpan.Zero) Error(XdsDiagnosticCodes.InvalidValue, path + ".outlierDetection.interval", "The outlier detection interval must be positive.");
                if (outlier.BaseEjectionTime is { } ejection && ejection <= TimeSpan.Zero) Error(XdsDiagnosticCodes.InvalidValue, path + ".outlierDetection.baseEjectionTime", "The base ejection time must be positive.");
                if (outlier.MaxEjectionPercent is < 0 or > 100) Error(XdsDiagnosticCodes.InvalidValue, path + ".outlierDetection.maxEjectionPercent", "The maximum ejection percentage must be 0-100.");
            }
        }
    }

    private void CheckRule(HttpRouteRule rule, string path)
    {
        if (rule.Timeout < TimeSpan.Zero) Error(XdsDiagnosticCodes.InvalidValue, path + ".timeout", "The timeout must not be negative.");
        if (rule.Retry is { } retry)
        {
            if (retry.Attempts < 0) Error(XdsDiagnosticCodes.InvalidValue, path + ".retry.attempts", "Retry attempts must not be negative.");
            if (retry.PerTryTimeout < TimeSpan.Zero) Error(XdsDiagnosticCodes.InvalidValue, path + ".retry.perTryTimeout", "The per-try timeout must not be negative.");
            if (retry.Backoff is { } backoff && (backoff.BaseInterval <= TimeSpan.Zero || backoff.MaxInterval < backoff.BaseInterval))
            {
                Error(XdsDiagnosticCodes.InvalidValue, path + ".retry.backoff", "The back-off base interval must be positive and not above the maximum interval.");
            }
            for (var c = 0; c < retry.StatusCodes.Count; c++)
            {
                if (retry.StatusCodes[c] is < 100 or > 599) Error(XdsDiagnosticCodes.InvalidValue, $"{path}.retry.statusCodes[{c}]", $"{retry.StatusCodes[c]} is not an HTTP status code.");
            }
        }
        if (rule.Fault is { } fault)
        {
            if (fault.Delay is { } delay)
            {
                if (delay.Duration <= TimeSpan.Zero) Error(XdsDiagnosticCodes.InvalidValue, path + ".fault.delay.duration", "The fault delay must be positive.");
                CheckPercentage(delay.Percentage, path + ".fault.delay.percentage");
            }
            if (fault.Abort is { } abort)
            {
                if (abort.HttpStatus is < 200 or > 599) Error(XdsDiagnosticCodes.InvalidValue, path + ".fault.abort.httpStatus", $"Envoy aborts with statuses 200-599, not {abort.HttpStatus}.");
                CheckPercentage(abort.Percentage, path + ".fault.abort.percentage");
            }
        }
        if (rule.Mirror is { } mirror) CheckPercentage(mirror.Percentage, path + ".mirror.percentage");
    }

    private void CheckPercentage(decimal value, string path)
    {
        if (value is < 0m or > 100m) Error(XdsDiagnosticCodes.InvalidValue, path, $"{value} is not a percentage (0-100).");
    }

    private void CheckMatch(HttpMatch match, string path)
    {
        if (match.Path is { Kind: PathMatchKind.Regex } p) CheckRegex(p.Value, path + ".path.regex");
        for (var h = 0; h < match.Headers.Count; h++)
        {
            if (match.Headers[h] is { Kind: ValueMatchKind.Regex, Value: { } v }) CheckRegex(v, $"{path}.headers[{h}].regex");
        }
        for (var q = 0; q < match.QueryParams.Count; q++)
        {
            var query = match.QueryParams[q];
            if (query is { Kind: ValueMatchKind.Regex, Value: { } v }) CheckRegex(v, $"{path}.queryParams[{q}].regex");
            if (query.Kind == ValueMatchKind.Absent)
            {
                Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.queryParams[{q}]", $"Envoy cannot match the absence of query parameter '{query.Name}'; the route matches without that condition.");
            }
        }
    }

    private void CheckRegex(string pattern, string path)
    {
        if (_regexCheck(pattern) is { } reason)
        {
            Error(XdsDiagnosticCodes.RegexRejected, path, $"'{pattern}' cannot be used: {reason}");
        }
    }

    // ---- Listeners ---------------------------------------------------------------------------------------

    private ListenerPlan[] Listeners(RouteConfigPlan[] routeConfigs)
    {
        var result = new List<ListenerPlan>(routeConfigs.Length);
        foreach (var config in routeConfigs)
        {
            if (Proxyless)
            {
                result.Add(new ListenerPlan(config.Name, config.VirtualHosts[0].Port, true, config.Name, config.UsesFault, config.Name));
            }
            else
            {
                var port = config.VirtualHosts[0].Port;
                var name = string.Create(CultureInfo.InvariantCulture, $"0.0.0.0_{port}");
                result.Add(new ListenerPlan(name, port, false, config.Name, config.UsesFault, "outbound_" + name));
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return [.. result];
    }

    // ---- What is not encoded -----------------------------------------------------------------------------

    private void ReportUnencoded()
    {
        for (var i = 0; i < _config.TcpRoutes.Count; i++)
        {
            var route = _config.TcpRoutes[i];
            Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.tcpRoutes[{i}]", $"TCP route {route.Namespace}/{route.Name} is not encoded: the xDS encoder emits HTTP listeners only; {route.Host} keeps its clusters.");
        }
        for (var i = 0; i < _config.ExternalServices.Count; i++)
        {
            var external = _config.ExternalServices[i];
            Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.externalServices[{i}]", $"External service {external.Namespace}/{external.Name} is not encoded into xDS.");
        }
        var own = _proxy.Service is { } ownRef ? FindService(ownRef) : null;
        var inboundHttp = own is not null && own.Ports.Any(p => IsHttp(p.Protocol));
        for (var i = 0; i < _config.AccessPolicies.Count; i++)
        {
            var policy = _config.AccessPolicies[i];
            if (!AppliesToProxy(policy) || inboundHttp) continue;
            Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.accessPolicies[{i}]",
                $"Access policy {policy.Namespace}/{policy.Name} applies to this proxy, but {(own is null ? "its service is not in the model" : "its service has no HTTP port")}, so no inbound RBAC filter enforces it.");
        }
        for (var i = 0; i < _config.Mtls.Count; i++)
        {
            var policy = _config.Mtls[i];
            if (Proxyless && policy.Mode == Model.MtlsMode.Strict)
            {
                Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.mtls[{i}]", "Strict mTLS is not encoded for proxyless gRPC clients (it needs certificate providers in the client's bootstrap); clusters are plaintext.");
            }
            else if (policy.Scope.Kind is MtlsScopeKind.Workload or MtlsScopeKind.Port && _proxy.Kind == XdsProxyKind.Sidecar && !inboundHttp)
            {
                Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.mtls[{i}]", "Workload- and port-scoped mTLS governs a server's inbound side, which is emitted only for a sidecar whose own service (with an HTTP port) is given; clients follow the namespace or mesh mode.");
            }
        }
    }

    private bool AppliesToProxy(AccessPolicy policy)
    {
        if (_proxy.Kind != XdsProxyKind.Sidecar || _proxy.Service is not { } own) return false;
        if (!string.Equals(policy.Namespace, own.Namespace, StringComparison.Ordinal)) return false;
        if (policy.Target is null) return true;
        if (policy.Target.Service != own) return false;
        if (policy.Target.Subset is not { } subsetName) return true;
        // A subset-scoped policy applies when this workload carries the subset's labels.
        var subset = FindService(own)?.FindSubset(subsetName);
        return subset is not null && subset.Labels.All(l => _proxy.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));
    }

    // ---- Inbound (sidecar's own service): local clusters, mTLS termination, RBAC -------------------------

    private (ClusterPlan[], ListenerPlan?) Inbound()
    {
        if (_proxy.Kind != XdsProxyKind.Sidecar || _proxy.Service is not { } ownRef || FindService(ownRef) is not { } own) return ([], null);
        var ports = new List<InboundPortPlan>();
        var clusters = new List<ClusterPlan>();
        var seen = new HashSet<int>();
        foreach (var port in own.Ports.OrderBy(p => p.Port))
        {
            if (!IsHttp(port.Protocol) || port.Port is < 1 or > 65535 || !seen.Add(port.Port)) continue;
            var name = string.Create(CultureInfo.InvariantCulture, $"inbound|{port.Port}||");
            clusters.Add(new ClusterPlan(name, ownRef, port.Port, port.Protocol, null, [], _options.DefaultConnectTimeout, 0, null, null, null, Inbound: true));
            var route = new RoutePlan("default", null, null, [new BackendPlan(name, 1, ownRef, null)], null, null, null, 0);
            var routes = new RouteConfigPlan(name, [new VirtualHostPlan(string.Create(CultureInfo.InvariantCulture, $"inbound|http|{port.Port}"), ownRef, port.Port, ["*"], [route])]);
            var (mode, source) = InboundMtls(own, port.Port);
            if (mode == Model.MtlsMode.Permissive && source >= 0)
            {
                Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.mtls[{source}]", $"Permissive mTLS on inbound port {port.Port}: the inbound filter chain accepts plaintext only (no TLS-inspector chain for mTLS callers is emitted).");
            }
            ports.Add(new InboundPortPlan(port.Port, name, routes, mode == Model.MtlsMode.Strict));
        }
        if (ports.Count == 0) return ([], null);
        var deny = new List<RbacPolicyPlan>();
        var allow = new List<RbacPolicyPlan>();
        bool hasDeny = false, hasAllow = false;
        var order = Enumerable.Range(0, _config.AccessPolicies.Count)
            .OrderBy(i => _config.AccessPolicies[i].Namespace, StringComparer.Ordinal)
            .ThenBy(i => _config.AccessPolicies[i].Name, StringComparer.Ordinal);
        foreach (var i in order)
        {
            var policy = _config.AccessPolicies[i];
            if (!AppliesToProxy(policy)) continue;
            var target = policy.Action == AccessAction.Deny ? deny : allow;
            if (policy.Action == AccessAction.Deny) hasDeny = true; else hasAllow = true;
            for (var r = 0; r < policy.Rules.Count; r++)
            {
                var rule = policy.Rules[r];
                var path = $"$.spec.accessPolicies[{i}].rules[{r}]";
                target.Add(new RbacPolicyPlan(
                    string.Create(CultureInfo.InvariantCulture, $"{policy.Namespace}/{policy.Name}/{r}"),
                    rule.From,
                    rule.To,
                    Cidrs(rule.From, path + ".from.ipBlocks"),
                    [.. (rule.From?.ServiceAccounts ?? default).Select(a => $"spiffe://{_options.TrustDomain}/ns/{a.Namespace}/sa/{a.Name}")],
                    [.. (rule.From?.Namespaces ?? default).Select(n => $"spiffe://{_options.TrustDomain}/ns/{n}/")],
                    rule.From?.Unauthenticated ?? false));
            }
        }
        var inbound = new InboundPlan([.. ports], [.. deny], [.. allow], hasDeny, hasAllow);
        var listener = new ListenerPlan("virtualInbound", _options.InboundPort, false, string.Empty, false, "inbound_0.0.0.0_" + _options.InboundPort.ToString(CultureInfo.InvariantCulture), inbound);
        return ([.. clusters], listener);
    }

    private (string, int)[] Cidrs(AccessSource? from, string path)
    {
        if (from is null || from.IpBlocks.IsEmpty) return [];
        var result = new List<(string, int)>();
        for (var i = 0; i < from.IpBlocks.Count; i++)
        {
            var block = from.IpBlocks[i];
            var slash = block.IndexOf('/', StringComparison.Ordinal);
            var address = slash < 0 ? block : block[..slash];
            if (!System.Net.IPAddress.TryParse(address, out var ip))
            {
                Error(XdsDiagnosticCodes.InvalidAddress, $"{path}[{i}]", $"'{block}' is not an IP address or CIDR block.");
                continue;
            }
            var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
            var length = max;
            if (slash >= 0 && (!int.TryParse(block.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max))
            {
                Error(XdsDiagnosticCodes.InvalidAddress, $"{path}[{i}]", $"'{block}' has an invalid prefix length (0-{max}).");
                continue;
            }
            result.Add((address, length));
        }
        return [.. result];
    }

    private (MtlsMode Mode, int Source) InboundMtls(MeshService own, int port)
    {
        MtlsMode? mode = null;
        var rank = -1;
        var source = -1;
        for (var i = 0; i < _config.Mtls.Count; i++)
        {
            var policy = _config.Mtls[i];
            var scope = policy.Scope;
            var matches = scope.Kind switch
            {
                MtlsScopeKind.Mesh => true,
                MtlsScopeKind.Namespace => string.Equals(scope.Namespace, own.Namespace, StringComparison.Ordinal),
                _ => string.Equals(scope.Namespace, own.Namespace, StringComparison.Ordinal)
                    && scope.Workload.All(l => _proxy.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal))
                    && (scope.Kind == MtlsScopeKind.Workload || scope.Port == port),
            };
            var r = (int)scope.Kind;
            if (matches && r >= rank)
            {
                rank = r;
                mode = policy.Mode;
                source = i;
            }
        }
        return (mode ?? Model.MtlsMode.Permissive, source);
    }

    private void Error(DiagnosticCode code, string path, string message) => _diagnostics.Add(Diagnostic.Error(code, path, message) with { Provider = "xds" });

    private void Warning(DiagnosticCode code, string path, string message) => _diagnostics.Add(Diagnostic.Warning(code, path, message) with { Provider = "xds" });
}
