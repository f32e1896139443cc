using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Xds.Planning;

// The plan is the model resolved for one proxy: every name, reference, default and policy merge decided once,
// so that encoding is a pure walk that allocates nothing. These types are internal and immutable.

/// <summary>One Envoy cluster: a service port, or one subset of it.</summary>
internal sealed record ClusterPlan(
    string Name,
    ServiceRef Service,
    int Port,
    Protocol Protocol,
    string? Subset,
    KeyValuePair<string, string>[] SubsetLabels,
    TimeSpan ConnectTimeout,
    int LbPolicy,
    ConnectionPool? Pool,
    OutlierDetection? Outlier,
    string? TlsSni);

/// <summary>One weighted backend of a route, already resolved to a cluster name.</summary>
internal sealed record BackendPlan(string Cluster, int Weight, ServiceRef Service, string? Subset);

/// <summary>One Envoy route: a rule with one of its matches (a rule with N matches becomes N routes).</summary>
internal sealed record RoutePlan(
    string Name,
    HttpMatch? Match,
    HttpRouteRule? Rule,
    BackendPlan[] Backends,
    string? MirrorCluster,
    string? RetryOn,
    ConsistentHash? HashOn,
    int RedirectCode)
{
    /// <summary>The rule's request header sets, as an array so encoding does not allocate an enumerator.</summary>
    public KeyValuePair<string, string>[] RequestSet { get; } = [.. Rule?.RequestHeaders?.Set ?? default];

    /// <summary>The rule's request header appends.</summary>
    public KeyValuePair<string, string>[] RequestAdd { get; } = [.. Rule?.RequestHeaders?.Add ?? default];

    /// <summary>The rule's response header sets.</summary>
    public KeyValuePair<string, string>[] ResponseSet { get; } = [.. Rule?.ResponseHeaders?.Set ?? default];

    /// <summary>The rule's response header appends.</summary>
    public KeyValuePair<string, string>[] ResponseAdd { get; } = [.. Rule?.ResponseHeaders?.Add ?? default];
}

/// <summary>One virtual host: a service port with the domains clients use for it.</summary>
internal sealed record VirtualHostPlan(string Name, ServiceRef Host, int Port, string[] Domains, RoutePlan[] Routes);

/// <summary>One RouteConfiguration.</summary>
internal sealed record RouteConfigPlan(string Name, VirtualHostPlan[] VirtualHosts)
{
    /// <summary>Whether any route carries a fault, so listeners add the fault filter.</summary>
    public bool UsesFault => VirtualHosts.Any(v => v.Routes.Any(r => r.Rule?.Fault is { } f && (f.Delay is not null || f.Abort is not null)));
}

/// <summary>One Listener: an outbound sidecar port, or a proxyless api_listener.</summary>
internal sealed record ListenerPlan(string Name, int Port, bool ApiListener, string RouteConfigName, bool Fault, string StatPrefix);
