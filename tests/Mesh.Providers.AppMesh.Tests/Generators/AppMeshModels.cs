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
    /// Valid routing and destination-policy models within App Mesh's capabilities, mapped by <see cref="ToAppMesh"/>. mTLS,
    /// egress and gRPC routes have their own example tests (Export/, Import/).
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

        var written = services.Count > 0;
        return new MeshConfig
        {
            Name = written ? m.Name : "imported",
            Services = [.. services],
            Routes = [.. routes],
            TcpRoutes = [.. tcpRoutes],
            DestinationPolicies = [.. policies.Where(p => p.ConnectionPool is not null || p.OutlierDetection is not null || p.Tls is not null)],
            Telemetry = [.. AccessLogging(m, services)],
        };
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
