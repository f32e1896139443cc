using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// What every planning step shares for one <see cref="Planner.Plan"/> call: the model (valid: <c>MeshValidator</c>
/// found no error in it), the proxy, the options, the model indexed by service, and the diagnostics being collected.
/// Not thread-safe; one per call.
/// </summary>
internal sealed class PlanContext
{
    private readonly Dictionary<ServiceRef, int> _serviceIndex = [];
    private readonly Dictionary<ServiceRef, int> _externalIndex = [];
    private readonly HashSet<ServiceRef>? _visible;
    private readonly HashSet<ServiceRef>? _covered;
    private readonly Dictionary<ServiceRef, int> _routeByHost = [];
    private readonly Dictionary<ServiceRef, List<DestinationPolicy>> _policiesByService = [];
    private readonly List<Diagnostic> _diagnostics;
    private readonly HashSet<Diagnostic> _reported = [];

    public PlanContext(MeshConfig config, XdsProxy proxy, XdsEncoderOptions options, List<Diagnostic> diagnostics)
    {
        Config = config;
        Proxy = proxy;
        Options = options;
        RegexCheck = options.RegexCheck;
        _diagnostics = diagnostics;
        // The validator rejects a service declared twice and two routes for one host; first wins all the same.
        for (var i = 0; i < config.Services.Count; i++) _serviceIndex.TryAdd(config.Services[i].Reference, i);
        for (var r = 0; r < config.Routes.Count; r++) _routeByHost.TryAdd(config.Routes[r].Host, r);
        for (var i = 0; i < config.ExternalServices.Count; i++) _externalIndex.TryAdd(Ref(config.ExternalServices[i]), i);
        foreach (var policy in config.DestinationPolicies)
        {
            if (!_policiesByService.TryGetValue(policy.Target.Service, out var list)) _policiesByService[policy.Target.Service] = list = [];
            list.Add(policy);
        }
        // The outbound policy of the proxy's namespace, else the mesh-wide one (a proxy of unknown namespace takes that).
        for (var i = 0; i < config.Outbound.Count; i++)
        {
            var policy = config.Outbound[i];
            var applies = proxy.Namespace is { } ns ? ReferenceEquals(config.OutboundFor(ns), policy) : policy.Namespace is null;
            if (!applies) continue;
            Outbound = policy;
            OutboundIndex = i;
        }
        if (proxy.Kind == XdsProxyKind.Gateway)
        {
            for (var i = 0; i < config.Gateways.Count && Gateway is null; i++)
            {
                var gateway = config.Gateways[i];
                if (!string.Equals(gateway.Name, proxy.GatewayName, StringComparison.Ordinal) || !string.Equals(gateway.Namespace, proxy.Namespace, StringComparison.Ordinal)) continue;
                Gateway = gateway;
                GatewayIndex = i;
            }
            // A gateway proxy has clusters for the services its routes (HTTP, TLS and TCP) send or mirror to, and for no other.
            _visible = [];
            foreach (var r in GatewayRoutes())
            {
                foreach (var rule in config.GatewayRoutes[r].Rules)
                {
                    foreach (var backend in rule.Backends) _visible.Add(backend.Service);
                    if (rule.Mirror is { } mirror) _visible.Add(mirror.Service);
                }
            }
            if (Gateway is { } bound)
            {
                foreach (var route in config.GatewayTlsRoutes)
                {
                    if (!route.Gateways.Any(g => Binds(g, bound, null))) continue;
                    foreach (var backend in route.Backends) _visible.Add(backend.Service);
                }
                foreach (var route in config.GatewayTcpRoutes)
                {
                    if (!route.Gateways.Any(g => Binds(g, bound, null))) continue;
                    foreach (var backend in route.Backends) _visible.Add(backend.Service);
                }
            }
        }
        else if (Outbound is { Hosts.IsEmpty: false } scoped && !Proxyless)
        {
            (_covered, _visible) = Visible(scoped);
        }
    }

    /// <summary>For a gateway proxy, the model's gateway it runs, or null (another kind, or a gateway the model does not have).</summary>
    public Gateway? Gateway { get; }

    /// <summary>The index of <see cref="Gateway"/> in the model (for diagnostics' paths); meaningless when it is null.</summary>
    public int GatewayIndex { get; }

    /// <summary>Whether the proxy is a gateway proxy.</summary>
    public bool IsGateway => Proxy.Kind == XdsProxyKind.Gateway;

    /// <summary>The indexes of the gateway routes bound to <see cref="Gateway"/> (to it or to one of its listeners), in model order.</summary>
    public IEnumerable<int> GatewayRoutes()
    {
        if (Gateway is not { } gateway) yield break;
        for (var r = 0; r < Config.GatewayRoutes.Count; r++)
        {
            if (Config.GatewayRoutes[r].Gateways.Any(g => Binds(g, gateway, null))) yield return r;
        }
    }

    /// <summary>
    /// Whether a gateway route's reference binds it to <paramref name="gateway"/> and, when <paramref name="listener"/>
    /// is given, to that listener (a reference naming no listener binds to every listener).
    /// </summary>
    public static bool Binds(GatewayRef reference, Gateway gateway, GatewayListener? listener) =>
        string.Equals(reference.Name, gateway.Name, StringComparison.Ordinal)
        && string.Equals(reference.Namespace, gateway.Namespace, StringComparison.Ordinal)
        && (listener is null || reference.Listener is null || string.Equals(reference.Listener, listener.Name, StringComparison.Ordinal));

    /// <summary>
    /// The services and external services a sidecar under <paramref name="policy"/> sees: those whose host (a service's
    /// FQDN, any of an external service's hosts) an entry covers get virtual hosts and clusters; those the routes (HTTP and
    /// TCP) of a covered host send or mirror to get clusters as well, so that no route of a covered host points at a missing cluster.
    /// </summary>
    private (HashSet<ServiceRef> Covered, HashSet<ServiceRef> Visible) Visible(OutboundPolicy policy)
    {
        var workloadNamespace = Proxy.Namespace ?? string.Empty;
        var visible = new HashSet<ServiceRef>();
        foreach (var service in Config.Services)
        {
            if (policy.Covers(service.Namespace, Fqdn(service.Reference), workloadNamespace)) visible.Add(service.Reference);
        }
        foreach (var external in Config.ExternalServices)
        {
            if (external.Hosts.Any(h => policy.Covers(external.Namespace, h, workloadNamespace))) visible.Add(Ref(external));
        }
        var covered = new HashSet<ServiceRef>(visible);
        foreach (var route in Config.Routes)
        {
            if (!covered.Contains(route.Host)) continue;
            foreach (var rule in route.Rules)
            {
                foreach (var backend in rule.Backends) visible.Add(backend.Service);
                if (rule.Mirror is { } mirror) visible.Add(mirror.Service);
            }
        }
        // A covered host's TCP routes send to their backends' clusters (OutboundTcpPlanner).
        foreach (var route in Config.TcpRoutes)
        {
            if (!covered.Contains(route.Host)) continue;
            foreach (var backend in route.Backends) visible.Add(backend.Service);
        }
        return (covered, visible);
    }

    /// <summary>The outbound policy that applies to the proxy (its namespace's, else the mesh-wide one), or null.</summary>
    public OutboundPolicy? Outbound { get; }

    /// <summary>The index of <see cref="Outbound"/> in the model (for diagnostics' paths); meaningless when it is null.</summary>
    public int OutboundIndex { get; }

    /// <summary>
    /// Whether the proxy has clusters for a service or external service: always, unless the outbound policy that applies
    /// to a sidecar lists hosts (see <see cref="Visible(OutboundPolicy)"/>).
    /// </summary>
    public bool IsVisible(ServiceRef service) => _visible is null || _visible.Contains(service);

    /// <summary>Whether the proxy has virtual hosts for a service or external service: the hosts of its outbound policy cover it (or there are none).</summary>
    public bool IsCovered(ServiceRef service) => _covered is null || _covered.Contains(service);

    /// <summary>An external service's reference, <c>name.namespace</c>, as routes and policies name it.</summary>
    public static ServiceRef Ref(ExternalService external) => new(external.Name, external.Namespace);

    /// <summary>The external service of a reference, or null.</summary>
    public ExternalService? FindExternal(ServiceRef reference) =>
        _externalIndex.TryGetValue(reference, out var index) ? Config.ExternalServices[index] : null;

    /// <summary>The index of an external service in the model (for diagnostics' paths).</summary>
    public int ExternalIndex(ServiceRef reference) => _externalIndex[reference];

    public MeshConfig Config { get; }

    public XdsProxy Proxy { get; }

    public XdsEncoderOptions Options { get; }

    /// <summary>The caller's regex check (null when a pattern is accepted, else the reason), or null when none is given.</summary>
    public Func<string, string?>? RegexCheck { get; }

    public bool Proxyless => Proxy.Kind == XdsProxyKind.ProxylessGrpc;

    /// <summary>
    /// The service of a reference, or null: a valid model's references all resolve, but to an external service
    /// as well, which has no clusters.
    /// </summary>
    public MeshService? FindService(ServiceRef reference) =>
        _serviceIndex.TryGetValue(reference, out var index) ? Config.Services[index] : null;

    /// <summary>The index of the HTTP route for a host (a valid model has at most one), or null.</summary>
    public int? RouteFor(ServiceRef host) => _routeByHost.TryGetValue(host, out var index) ? index : null;

    /// <summary>
    /// The destination policy settings for a service port, or one subset of it: each of load balancer, connection
    /// pool, outlier detection and client TLS from the most specific policy that sets it — the subset's port, the
    /// subset, the service's port, then the whole service (Istio's merge order of a DestinationRule).
    /// </summary>
    public (LoadBalancer?, ConnectionPool?, OutlierDetection?) Policy(ServiceRef service, string? subset, int? port = null)
    {
        var (lb, pool, outlier, _) = PolicyWithTls(service, subset, port);
        return (lb, pool, outlier);
    }

    /// <inheritdoc cref="Policy"/>
    public (LoadBalancer?, ConnectionPool?, OutlierDetection?, ClientTls?) PolicyWithTls(ServiceRef service, string? subset, int? port)
    {
        if (!_policiesByService.TryGetValue(service, out var policies)) return (null, null, null, null);
        DestinationPolicy? whole = null, wholePort = null, specific = null, specificPort = null;
        foreach (var policy in policies)
        {
            var samePort = policy.Target.Port is { } p && p == port;
            if (policy.Target.Port is not null && !samePort) continue;
            if (policy.Target.Subset is null)
            {
                if (samePort) wholePort = policy;
                else whole = policy;
            }
            else if (subset is not null && string.Equals(policy.Target.Subset, subset, StringComparison.Ordinal))
            {
                if (samePort) specificPort = policy;
                else specific = policy;
            }
        }
        // Most specific first; no delegates, as this runs once per cluster.
        return (
            specificPort?.LoadBalancer ?? specific?.LoadBalancer ?? wholePort?.LoadBalancer ?? whole?.LoadBalancer,
            specificPort?.ConnectionPool ?? specific?.ConnectionPool ?? wholePort?.ConnectionPool ?? whole?.ConnectionPool,
            specificPort?.OutlierDetection ?? specific?.OutlierDetection ?? wholePort?.OutlierDetection ?? whole?.OutlierDetection,
            specificPort?.Tls ?? specific?.Tls ?? wholePort?.Tls ?? whole?.Tls);
    }

    public string Fqdn(ServiceRef service) => ResourceNames.Fqdn(service, Options.ClusterDomain);

    public string ClusterName(ServiceRef service, int port, string? subset) => ResourceNames.OutboundCluster(Fqdn(service), port, subset);

    public void Error(DiagnosticCode code, string path, string message) => Report(Diagnostic.Error(code, path, message) with { Provider = XdsEncoder.ProviderName });

    public void Warning(DiagnosticCode code, string path, string message) => Report(Diagnostic.Warning(code, path, message) with { Provider = XdsEncoder.ProviderName });

    /// <summary>
    /// Adds a diagnostic unless the same one (severity, code, path, message) was reported already: a host's rules
    /// are planned once per HTTP port of the host, and a problem of a rule is one problem.
    /// </summary>
    private void Report(Diagnostic diagnostic)
    {
        if (_reported.Add(diagnostic)) _diagnostics.Add(diagnostic);
    }

    /// <summary>Whether a port is one Envoy routes HTTP on (HTTP/1, HTTP/2 or gRPC).</summary>
    public static bool IsHttp(Protocol protocol) => protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc;
}
