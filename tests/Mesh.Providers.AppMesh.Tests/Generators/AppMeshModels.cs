using CsCheck;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.AppMesh.Mapping;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Generators;

/// <summary>
/// The shared generators seen through App Mesh: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/>
/// drops what App Mesh reports Unsupported and maps what it approximates to the model it reads back.
/// </summary>
internal static class AppMeshModels
{
    private static readonly ProviderCapabilities Capabilities = AppMeshCapabilities.Instance;

    private static readonly HashSet<RetryCondition> HttpConditions = [RetryCondition.ServerError, RetryCondition.GatewayError, RetryCondition.Retriable4xx, RetryCondition.RefusedStream, RetryCondition.ConnectFailure];

    private static readonly string[] Methods = ["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"];

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>
    /// Valid routing, destination-policy and ingress models within App Mesh's capabilities, mapped by <see cref="ToAppMesh"/>.
    /// mTLS, egress and gRPC routes have their own example tests (Export/, Import/).
    /// </summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported && f.Area is not ("Security" or "Egress"))
            .Select(ToAppMesh);

    /// <summary>
    /// Maps a model to what the App Mesh provider writes and reads back exactly with every Service written:
    /// <list type="bullet">
    /// <item>TLS ports become TCP (App Mesh listeners speak http, http2, grpc or tcp);</item>
    /// <item>HTTP routes are kept on hosts with one HTTP or HTTP/2 port, TCP routes on hosts with one TCP port, each in its host's
    /// namespace (a router lives beside its virtual service);</item>
    /// <item>a match on the path prefix <c>/</c> alone is no path condition, and a rule with a match left empty matches everything;
    /// header and query conditions on the empty string and query conditions other than exact are not written;</item>
    /// <item>a backend without a subset to a service with subsets names its first subset (else it is split over them); backends to
    /// the same node and port are one target; weights are scaled as App Mesh's 0–100 weights are; a TCP route names its host's port;</item>
    /// <item>retries keep the HTTP conditions App Mesh has (the defaults when none are given; no policy when none is left), a per-try
    /// timeout of 15s when none is set, no status codes or back-off;</item>
    /// <item>destination policies are per virtual node: a service's policy applies to each of its subsets unless the subset has
    /// its own, keeping what the first port's listener takes, outlier detection with Envoy's defaults filled in;</item>
    /// <item>a service's client TLS (its first whole-service policy's) is written on the backends of the other services' nodes, so it
    /// reads back when another service exists (<see cref="ClientTls"/>); without one, the first port policy's TLS, for the ports
    /// whose policies set the same TLS; a subset's is not written;</item>
    /// <item>access logging reads back from the virtual nodes that log (see <see cref="AccessLogging"/>); tracing is not written;</item>
    /// <item>gateways and gateway routes read back as <see cref="Edge"/> says;</item>
    /// <item>the model is named <c>imported</c> when nothing is written (no Mesh carries the name); a model with a subset that has no
    /// labels of its own (the whole service's pods), or with two services of a namespace whose selectors nest, is replaced by
    /// the empty model.</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToAppMesh(MeshConfig m)
    {
        var services = m.Services.Select(s => s with
        {
            Ports = [.. s.Ports.Select(p => p with { Protocol = p.Protocol == Protocol.Tls ? Protocol.Tcp : p.Protocol })],
        }).ToList();
        // A subset with no labels of its own selects the service's pods: App Mesh gives a pod one node, so it cannot be told apart.
        // Nor can a service whose selector holds another's of its namespace: its nodes read back as a subset of that one.
        static bool Holds(EquatableMap<string> outer, EquatableMap<string> inner) => inner.All(l => outer.TryGetValue(l.Key, out var v) && v == l.Value);
        if (services.Any(s => s.Subsets.Any(x => Holds(s.EffectiveSelector, x.Labels)))
            || services.Any(a => services.Any(b => a != b && a.Namespace == b.Namespace && Holds(a.EffectiveSelector, b.EffectiveSelector))))
        {
            return new MeshConfig { Name = "imported" };
        }
        var byRef = services.ToDictionary(s => s.Reference);
        WeightedBackend Backend(WeightedBackend b) =>
            b.Subset is null && byRef.TryGetValue(b.Service, out var s) && !s.Subsets.IsEmpty ? b with { Subset = s.Subsets[0].Name } : b;

        var routes = new List<HttpRoute>();
        foreach (var route in m.Routes)
        {
            if (!byRef.TryGetValue(route.Host, out var host) || host.Ports.Count != 1 || host.Ports[0].Protocol is not (Protocol.Http or Protocol.Http2)) continue;
            var rules = new List<HttpRouteRule>();
            foreach (var rule in route.Rules)
            {
                if (rule.Backends.IsEmpty || rule.Backends.Count > 10) continue;
                var backends = Merged(rule.Backends.Select(Backend));
                var (weights, _) = Weights.Scale([.. backends.Select(b => b.Weight)]);
                rules.Add(rule with
                {
                    Matches = Matches(rule.Matches),
                    Backends = [.. backends.Select((b, i) => b with { Weight = weights[i] })],
                    Retry = Retry(rule.Retry),
                    Mirror = null, Fault = null, Rewrite = null, Redirect = null, RequestHeaders = null, ResponseHeaders = null, Cors = null,
                });
            }
            routes.Add(route with { Namespace = host.Namespace, Rules = [.. rules] });
        }

        var tcpRoutes = new List<TcpRoute>();
        foreach (var tcp in m.TcpRoutes)
        {
            if (!byRef.TryGetValue(tcp.Host, out var host) || host.Ports.Count != 1 || host.Ports[0].Protocol != Protocol.Tcp || tcp.Backends.Count > 10) continue;
            var backends = Merged(tcp.Backends.Select(Backend));
            var (weights, _) = Weights.Scale([.. backends.Select(b => b.Weight)]);
            tcpRoutes.Add(tcp with { Namespace = host.Namespace, Port = tcp.Port ?? host.Ports[0].Port, Backends = [.. backends.Select((b, i) => b with { Weight = weights[i] })] });
        }

        var policies = new List<DestinationPolicy>();
        foreach (var service in services.Where(s => !s.Ports.IsEmpty))
        {
            var whole = m.DestinationPolicies.FirstOrDefault(p => p.Target.Service == service.Reference && p.Target.Subset is null && p.Target.Port is null);
            if (service.Subsets.IsEmpty)
            {
                if (whole is not null) policies.Add(Policy(whole, service));
                continue;
            }
            foreach (var subset in service.Subsets)
            {
                var own = m.DestinationPolicies.FirstOrDefault(p => p.Target.Service == service.Reference && p.Target.Subset == subset.Name && p.Target.Port is null) ?? whole;
                if (own is not null) policies.Add(Policy(own with { Target = new PolicyTarget { Service = service.Reference, Subset = subset.Name } }, service));
            }
        }

        // Client TLS is written on the callers' backends: the first whole-service policy's TLS of a service another service calls.
        foreach (var service in services.DistinctBy(s => s.Reference))
        {
            if (!services.Any(s => s.Reference != service.Reference)) continue;
            if (m.DestinationPolicies.FirstOrDefault(p => p.Target.Service == service.Reference && p.Target.Subset is null && p.Target.Port is null && p.Tls is not null)?.Tls is not { } tls) continue;
            var whole = new PolicyTarget { Service = service.Reference };
            var index = policies.FindIndex(p => p.Target == whole);
            if (index >= 0) policies[index] = policies[index] with { Tls = ClientTls(tls) };
            else policies.Add(new DestinationPolicy { Target = whole, Tls = ClientTls(tls) });
        }
        // Without one, the first port policy's TLS, limited to the ports whose policies set the same TLS (a backend has one client policy).
        foreach (var service in services.DistinctBy(s => s.Reference))
        {
            if (!services.Any(s => s.Reference != service.Reference)) continue;
            if (m.DestinationPolicies.Any(p => p.Target.Service == service.Reference && p.Target.Subset is null && p.Target.Port is null && p.Tls is not null)) continue;
            var ported = m.DestinationPolicies.Where(p => p.Target.Service == service.Reference && p.Target.Subset is null && p.Target.Port is not null && p.Tls is not null).ToList();
            if (ported.Count == 0) continue;
            foreach (var port in ported.Where(p => p.Tls == ported[0].Tls).Select(p => p.Target.Port!.Value).Distinct())
            {
                policies.Add(new DestinationPolicy { Target = new PolicyTarget { Service = service.Reference, Port = port }, Tls = ClientTls(ported[0].Tls!) });
            }
        }

        var (gateways, gatewayRoutes) = Edge(m, byRef);
        var written = services.Count > 0 || gateways.Count > 0;
        return new MeshConfig
        {
            Name = written ? m.Name : "imported",
            Services = [.. services],
            Routes = [.. routes],
            TcpRoutes = [.. tcpRoutes],
            DestinationPolicies = [.. policies.Where(p => p.ConnectionPool is not null || p.OutlierDetection is not null || p.Tls is not null)],
            Telemetry = [.. AccessLogging(m, services)],
            Gateways = [.. gateways],
            GatewayRoutes = [.. gatewayRoutes],
        };
    }

    /// <summary>
    /// What App Mesh's ingress reads back (its export writes it and reads it back as such): per gateway its HTTP and HTTPS
    /// listeners (the first of a port, or later ones equal to it), named <c>http-PORT</c>/<c>https-PORT</c>, without host names,
    /// class or redirects, mutual TLS with certificate files but no CA as one-way TLS; per gateway route one GatewayRoute per
    /// rule, match, bound port and host name both the route and the listener serve, in order, each to the heaviest backend's
    /// whole service (and port, the first of a service with several), with the rewrites App Mesh writes for the match's
    /// kind; read back as rules of runs of routes with the same action, host names all hosts written (or none when one route
    /// takes every host), and bound to the whole gateway or to the listeners of the ports written.
    /// </summary>
    private static (List<Gateway> Gateways, List<GatewayRoute> Routes) Edge(MeshConfig m, Dictionary<ServiceRef, MeshService> services)
    {
        var read = new Dictionary<(string, string), (Gateway Read, List<(GatewayListener Listener, int Port)> Listeners)>();
        var gateways = new List<Gateway>();
        foreach (var gateway in m.Gateways)
        {
            var bound = new List<(GatewayListener, int)>();
            var listeners = new List<GatewayListener>();
            foreach (var listener in gateway.Listeners)
            {
                if (listener.Protocol is not (ListenerProtocol.Http or ListenerProtocol.Https) || listener.HttpsRedirect) continue;
                if (bound.FirstOrDefault(b => b.Item2 == listener.Port) is ({ } same, _))
                {
                    if (same.Protocol == listener.Protocol && same.Tls == listener.Tls) bound.Add((listener, listener.Port));
                    continue;
                }
                bound.Add((listener, listener.Port));
                var protocol = listener.Protocol == ListenerProtocol.Http ? "http" : "https";
                listeners.Add(new GatewayListener { Name = $"{protocol}-{listener.Port}", Port = listener.Port, Protocol = listener.Protocol, Tls = GatewayTls(listener) });
            }
            if (listeners.Count == 0) continue;
            var written = gateway with { ClassName = null, Listeners = [.. listeners] };
            gateways.Add(written);
            read[(gateway.Namespace, gateway.Name)] = (written, bound);
        }
        var routes = new List<GatewayRoute>();
        foreach (var route in m.GatewayRoutes)
        {
            var parts = new List<(HttpMatch Match, HttpRouteRule Action, int? Port, string? Host, Gateway Gateway)>();
            foreach (var reference in route.Gateways)
            {
                if (!read.TryGetValue((reference.Namespace, reference.Name), out var g)) continue;
                var listeners = g.Listeners.Where(l => reference.Listener is null || l.Listener.Name == reference.Listener).ToList();
                var withPort = g.Read.Listeners.Count > 1 || reference.Listener is not null;
                foreach (var rule in route.Rules)
                {
                    if (rule.Redirect is not null || rule.Backends.IsEmpty) continue;
                    var chosen = rule.Backends[0];
                    foreach (var b in rule.Backends) if (b.Weight > chosen.Weight) chosen = b;
                    var service = services[chosen.Service];
                    var target = new WeightedBackend { Service = chosen.Service, Port = chosen.Port ?? (service.Ports.Count > 1 ? service.Ports[0].Port : null) };
                    var fqdn = $"{chosen.Service.Name}.{chosen.Service.Namespace}.svc.cluster.local";
                    foreach (var match in rule.Matches.IsEmpty ? [null] : rule.Matches.Select(x => (HttpMatch?)x).ToList())
                    {
                        var mapped = match is null ? new HttpMatch() : Matches([match]) is [var one] ? one : new HttpMatch();
                        var action = new HttpRouteRule { Backends = [target], Rewrite = Rewrite(rule.Rewrite, mapped.Path?.Kind ?? PathMatchKind.Prefix, fqdn) };
                        foreach (var port in listeners.Select(l => l.Port).Distinct())
                        {
                            if (match?.Port is { } wanted && wanted != port) continue;
                            var hosts = listeners.Where(l => l.Port == port).SelectMany(l => GatewayRouteMapping.Hosts(route.Hostnames, l.Listener.Hosts)).Distinct(StringComparer.OrdinalIgnoreCase);
                            foreach (var host in hosts) parts.Add((mapped with { Port = null }, action, withPort ? port : null, host, g.Read));
                        }
                    }
                }
            }
            if (parts.Count == 0) continue;
            var rules = new List<HttpRouteRule>();
            foreach (var (match, action, _, _, _) in parts)
            {
                if (rules.Count > 0 && rules[^1] with { Matches = default } == action)
                {
                    if (!rules[^1].Matches.Contains(match)) rules[^1] = rules[^1] with { Matches = [.. rules[^1].Matches, match] };
                    continue;
                }
                rules.Add(action with { Matches = [match] });
            }
            var gateway = parts[0].Gateway;
            var ports = parts.Select(p => p.Port).Distinct().ToList();
            List<GatewayRef> refs = ports.Contains(null) || (gateway.Listeners.Count > 1 && gateway.Listeners.All(l => ports.Contains(l.Port)))
                ? [new GatewayRef { Name = gateway.Name, Namespace = gateway.Namespace }]
                : [.. ports.Select(p => gateway.Listeners.First(l => l.Port == p).Name).Order(StringComparer.Ordinal).Select(l => new GatewayRef { Name = gateway.Name, Namespace = gateway.Namespace, Listener = l })];
            routes.Add(route with
            {
                Gateways = [.. refs],
                Hostnames = parts.Any(p => p.Host is null) ? [] : [.. parts.Select(p => p.Host!.ToLowerInvariant()).Distinct()],
                Rules = [.. rules.Select(r => r.Matches.Contains(new HttpMatch()) ? r with { Matches = default } : r)],
            });
        }
        return (gateways, routes);
    }

    /// <summary>A listener's TLS as read back: mutual TLS with files but no CA is one-way.</summary>
    private static GatewayTls? GatewayTls(GatewayListener listener) => listener.Protocol != ListenerProtocol.Https ? null
        : listener.Tls is { Mode: GatewayTlsMode.Mutual, Files: { CaCertificates: null }, CredentialName: null } tls ? tls with { Mode = GatewayTlsMode.Terminate, SubjectAltNames = default }
        : listener.Tls is { Mode: GatewayTlsMode.Mutual } mutual ? mutual with { SubjectAltNames = [.. mutual.SubjectAltNames.Where(s => s.Length > 0).Distinct()] }
        : listener.Tls is { } terminate ? terminate with { SubjectAltNames = default, Files = terminate.Files is { } f ? f with { CaCertificates = null } : null }
        : null;

    /// <summary>The rewrite a gateway route writes and reads back for a match of <paramref name="kind"/>.</summary>
    private static Rewrite? Rewrite(Rewrite? rewrite, PathMatchKind kind, string targetName)
    {
        var result = new Rewrite
        {
            Authority = string.Equals(rewrite?.Authority, targetName, StringComparison.OrdinalIgnoreCase) ? targetName : null,
            PathPrefix = kind == PathMatchKind.Prefix ? rewrite?.PathPrefix : null,
            FullPath = kind switch { PathMatchKind.Exact => rewrite?.FullPath ?? rewrite?.PathPrefix, PathMatchKind.Regex => rewrite?.FullPath, _ => null },
        };
        return result == new Rewrite() ? null : result;
    }

    /// <summary>
    /// What the virtual nodes' access logs read back as: a node (a service, or each subset of one) logs when the narrowest policy
    /// that sets access logging for its pods turns it on; one mesh-wide policy when every node logs, else per namespace one
    /// policy when all its nodes log, else one per logging node with its pod labels. Tracing is not written.
    /// </summary>
    private static List<TelemetryPolicy> AccessLogging(MeshConfig m, List<MeshService> services)
    {
        var nodes = services.SelectMany(s => s.Subsets.IsEmpty
            ? [(s.Namespace, s.EffectiveSelector)]
            : s.Subsets.Select(x => (s.Namespace, s.WorkloadLabels(x.Name) ?? s.EffectiveSelector))).ToList();
        bool Logs((string Namespace, EquatableMap<string> Labels) node)
        {
            bool Applies(TelemetryPolicy p) => p.Namespace is null || (p.Namespace == node.Namespace && p.Workload.All(l => node.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
            var mesh = m.Telemetry.Where(p => p.Namespace is null && Applies(p)).Select(p => p.AccessLogging).LastOrDefault(a => a is not null);
            var ns = m.Telemetry.Where(p => p.Namespace is not null && p.Workload.IsEmpty && Applies(p)).Select(p => p.AccessLogging).LastOrDefault(a => a is not null);
            var workload = m.Telemetry.Where(p => !p.Workload.IsEmpty && Applies(p)).Select(p => p.AccessLogging).LastOrDefault(a => a is not null);
            return (workload ?? ns ?? mesh) == true;
        }
        var logs = nodes.Select(n => (n.Namespace, n.Item2, Logs(n))).ToList();
        if (!logs.Any(n => n.Item3)) return [];
        if (logs.All(n => n.Item3)) return [new TelemetryPolicy { AccessLogging = true }];
        var policies = new List<TelemetryPolicy>();
        foreach (var group in logs.GroupBy(n => n.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (group.All(n => n.Item3)) policies.Add(new TelemetryPolicy { Namespace = group.Key, AccessLogging = true });
            else policies.AddRange(group.Where(n => n.Item3).Select(n => new TelemetryPolicy { Namespace = group.Key, Workload = n.Item2, AccessLogging = true }));
        }
        return [.. policies.Distinct()];
    }

    /// <summary>
    /// What App Mesh's client policy keeps of a destination's TLS: no SNI, always verifying; a simple TLS with a CA file trusts
    /// the file only; disable has no settings and mesh only its subject alternative names.
    /// </summary>
    private static ClientTls ClientTls(ClientTls tls) => tls.Mode switch
    {
        ClientTlsMode.Disable => new ClientTls { Mode = ClientTlsMode.Disable },
        ClientTlsMode.Mesh => new ClientTls { Mode = ClientTlsMode.Mesh, SubjectAltNames = tls.SubjectAltNames },
        ClientTlsMode.Simple => tls with { Sni = null, InsecureSkipVerify = false, CredentialName = tls.CaCertificates is null ? tls.CredentialName : null },
        _ => tls with { Sni = null, InsecureSkipVerify = false },
    };

    /// <summary>Backends to the same node and port are one weighted target: their weights add up.</summary>
    private static List<WeightedBackend> Merged(IEnumerable<WeightedBackend> backends) =>
        [.. backends.GroupBy(b => (b.Service, b.Subset, b.Port)).Select(g => g.First() with { Weight = g.Sum(b => b.Weight) })];

    private static EquatableArray<HttpMatch> Matches(EquatableArray<HttpMatch> matches)
    {
        var mapped = matches.Select(x => x with
        {
            Path = x.Path is { Kind: PathMatchKind.Prefix, Value: "/" } ? null : x.Path,
            Headers = [.. x.Headers.Where(h => h.Value is null || h.Value.Length > 0)],
            QueryParams = [.. x.QueryParams.Where(q => q.Kind == ValueMatchKind.Exact && q.Value is { Length: > 0 })],
            Method = x.Method is { } method && Methods.Contains(method) ? method : null,
        }).ToList();
        return mapped.Any(x => x.Path is null && x.Headers.IsEmpty && x.QueryParams.IsEmpty && x.Method is null) ? [] : [.. mapped];
    }

    private static RetryPolicy? Retry(RetryPolicy? retry)
    {
        if (retry is null) return null;
        var on = retry.On.IsEmpty ? [RetryCondition.ServerError, RetryCondition.GatewayError, RetryCondition.ConnectFailure] : retry.On.Where(HttpConditions.Contains).ToList();
        if (on.Count == 0) return null;
        return retry with { On = [.. on], StatusCodes = default, Backoff = null, PerTryTimeout = retry.PerTryTimeout ?? TimeSpan.FromSeconds(15) };
    }

    private static DestinationPolicy Policy(DestinationPolicy policy, MeshService service) => policy with
    {
        LoadBalancer = null,
        Tls = null,
        ConnectionPool = policy.ConnectionPool is { } pool ? Pool(pool, service.Ports[0].Protocol) : null,
        OutlierDetection = policy.OutlierDetection is { } o && (o.Consecutive5xx is not null || o.Interval is not null || o.BaseEjectionTime is not null || o.MaxEjectionPercent is not null) ? Outlier(o) : null,
    };

    /// <summary>What a listener of <paramref name="protocol"/> keeps of a connection pool.</summary>
    private static ConnectionPool? Pool(ConnectionPool pool, Protocol protocol)
    {
        var kept = protocol switch
        {
            Protocol.Http => pool.MaxConnections is null ? new ConnectionPool() : new ConnectionPool { MaxConnections = pool.MaxConnections, MaxPendingRequests = pool.MaxPendingRequests },
            Protocol.Http2 or Protocol.Grpc => new ConnectionPool { MaxRequests = pool.MaxRequests },
            _ => new ConnectionPool { MaxConnections = pool.MaxConnections },
        };
        return kept == new ConnectionPool() ? null : kept;
    }

    private static OutlierDetection Outlier(OutlierDetection o) => new()
    {
        Consecutive5xx = o.Consecutive5xx ?? 5,
        Interval = o.Interval ?? TimeSpan.FromSeconds(10),
        BaseEjectionTime = o.BaseEjectionTime ?? TimeSpan.FromSeconds(30),
        MaxEjectionPercent = o.MaxEjectionPercent ?? 10,
    };
}
