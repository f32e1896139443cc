using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// What every planning step shares for one <see cref="Planner.Plan"/> call: the model, the proxy, the options, the
/// model indexed by service, and the diagnostics being collected. Not thread-safe; one per call.
/// </summary>
internal sealed class PlanContext
{
    private readonly Dictionary<ServiceRef, int> _serviceIndex = [];
    private readonly Dictionary<ServiceRef, List<int>> _routesByHost = [];
    private readonly Dictionary<ServiceRef, List<DestinationPolicy>> _policiesByService = [];
    private readonly List<Diagnostic> _diagnostics;
    private readonly HashSet<Diagnostic> _reported = [];

    public PlanContext(MeshConfig config, XdsProxy proxy, XdsEncoderOptions options, List<Diagnostic> diagnostics)
    {
        Config = config;
        Proxy = proxy;
        Options = options;
        RegexCheck = options.RegexCheck ?? (pattern => Mesh.Validation.Re2.Check(pattern)?.Message);
        _diagnostics = diagnostics;
        for (var i = 0; i < config.Services.Count; i++)
        {
            if (!_serviceIndex.TryAdd(config.Services[i].Reference, i)) DuplicateServices.Add(i);
        }
        for (var r = 0; r < config.Routes.Count; r++)
        {
            var host = config.Routes[r].Host;
            if (!_routesByHost.TryGetValue(host, out var list)) _routesByHost[host] = list = [];
            list.Add(r);
        }
        foreach (var policy in config.DestinationPolicies)
        {
            if (!_policiesByService.TryGetValue(policy.Target.Service, out var list)) _policiesByService[policy.Target.Service] = list = [];
            list.Add(policy);
        }
    }

    public MeshConfig Config { get; }

    public XdsProxy Proxy { get; }

    public XdsEncoderOptions Options { get; }

    /// <summary>The RE2 check: null when a pattern is accepted, else the reason.</summary>
    public Func<string, string?> RegexCheck { get; }

    public bool Proxyless => Proxy.Kind == XdsProxyKind.ProxylessGrpc;

    /// <summary>The indexes of services declared again after their first declaration (same name and namespace).</summary>
    public List<int> DuplicateServices { get; } = [];

    /// <summary>The service of a reference (its first declaration), or null.</summary>
    public MeshService? FindService(ServiceRef reference) =>
        _serviceIndex.TryGetValue(reference, out var index) ? Config.Services[index] : null;

    /// <summary>Whether the service at <paramref name="index"/> is the first declaration of its name.</summary>
    public bool IsFirstDeclaration(int index) => _serviceIndex[Config.Services[index].Reference] == index;

    /// <summary>The indexes of the HTTP routes for a host, in declaration order, or null.</summary>
    public List<int>? RoutesFor(ServiceRef host) => _routesByHost.TryGetValue(host, out var list) ? list : null;

    /// <summary>
    /// The destination policy settings for a service or one subset of it: each of load balancer, connection pool
    /// and outlier detection from the subset's policy when it sets it, else from the whole service's.
    /// </summary>
    public (LoadBalancer?, ConnectionPool?, OutlierDetection?) Policy(ServiceRef service, string? subset)
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

    /// <summary>Whether a port number is one Envoy accepts (1-65535).</summary>
    public static bool IsValidPort(int port) => port is >= 1 and <= 65535;
}
