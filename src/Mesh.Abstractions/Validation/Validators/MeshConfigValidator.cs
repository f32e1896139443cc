using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// The root validator: the mesh name, every collection through its record validator, and the rules that need the
/// whole config (duplicates, two routes for one host).
/// </summary>
internal sealed class MeshConfigValidator : ModelValidator<MeshConfig>
{
    public static readonly MeshConfigValidator Instance = new();

    private MeshConfigValidator()
    {
        Each(x => x.Services, MeshServiceValidator.Instance);
        Each(x => x.Routes, HttpRouteValidator.Instance);
        Each(x => x.TcpRoutes, TcpRouteValidator.Instance);
        Each(x => x.DestinationPolicies, DestinationPolicyValidator.Instance);
        Each(x => x.Mtls, MtlsPolicyValidator.Instance);
        Each(x => x.AccessPolicies, AccessPolicyValidator.Instance);
        Each(x => x.RequestAuthentications, RequestAuthenticationValidator.Instance);
        Each(x => x.ExternalServices, ExternalServiceValidator.Instance);
        Each(x => x.Outbound, OutboundPolicyValidator.Instance);
        Each(x => x.Telemetry, TelemetryPolicyValidator.Instance);
        Each(x => x.Gateways, GatewayValidator.Instance);
        Each(x => x.GatewayRoutes, GatewayRouteValidator.Instance);
        Each(x => x.GatewayTlsRoutes, GatewayTlsRouteValidator.Instance);
        Each(x => x.GatewayTcpRoutes, GatewayTcpRouteValidator.Instance);
    }

    protected override void Check(MeshConfig item, Reporter report)
    {
        report.DnsLabel(nameof(MeshConfig.Name), item.Name, "The mesh name");
        report.NoNullItems(nameof(MeshConfig.Services), item.Services, "A service");
        report.NoNullItems(nameof(MeshConfig.Routes), item.Routes, "A route");
        report.NoNullItems(nameof(MeshConfig.TcpRoutes), item.TcpRoutes, "A TCP route");
        report.NoNullItems(nameof(MeshConfig.DestinationPolicies), item.DestinationPolicies, "A destination policy");
        report.NoNullItems(nameof(MeshConfig.Mtls), item.Mtls, "An mTLS policy");
        report.NoNullItems(nameof(MeshConfig.AccessPolicies), item.AccessPolicies, "An access policy");
        report.NoNullItems(nameof(MeshConfig.RequestAuthentications), item.RequestAuthentications, "A request authentication");
        report.NoNullItems(nameof(MeshConfig.ExternalServices), item.ExternalServices, "An external service");
        report.NoNullItems(nameof(MeshConfig.Outbound), item.Outbound, "An outbound policy");
        report.NoNullItems(nameof(MeshConfig.Telemetry), item.Telemetry, "A telemetry policy");
        report.NoNullItems(nameof(MeshConfig.Gateways), item.Gateways, "A gateway");
        report.NoNullItems(nameof(MeshConfig.GatewayRoutes), item.GatewayRoutes, "A gateway route");
        report.NoNullItems(nameof(MeshConfig.GatewayTlsRoutes), item.GatewayTlsRoutes, "A gateway TLS route");
        report.NoNullItems(nameof(MeshConfig.GatewayTcpRoutes), item.GatewayTcpRoutes, "A gateway TCP route");

        Unique(report, nameof(MeshConfig.Services), item.Services, s => (s.Namespace, s.Name), "Name", "service");
        Unique(report, nameof(MeshConfig.Routes), item.Routes, r => (r.Namespace, r.Name), "Name", "route");
        Unique(report, nameof(MeshConfig.TcpRoutes), item.TcpRoutes, r => (r.Namespace, r.Name), "Name", "TCP route");
        Unique(report, nameof(MeshConfig.AccessPolicies), item.AccessPolicies, p => (p.Namespace, p.Name), "Name", "access policy");
        Unique(report, nameof(MeshConfig.RequestAuthentications), item.RequestAuthentications, p => (p.Namespace, p.Name), "Name", "request authentication");
        for (var i = 0; i < item.RequestAuthentications.Count; i++)
        {
            if (item.RequestAuthentications[i] is { Gateway: { } gateway, Namespace: { } ns } && item.FindGateway(gateway, ns) is null)
            {
                report.Error($"{nameof(MeshConfig.RequestAuthentications)}[{i}].{nameof(RequestAuthentication.Gateway)}", DiagnosticCodes.InvalidRequestAuthentication, $"Gateway '{ns}/{gateway}' is not in the model: a request authentication names a gateway of its own namespace.");
            }
        }
        Unique(report, nameof(MeshConfig.ExternalServices), item.ExternalServices, e => (e.Namespace, e.Name), "Name", "external service");
        Unique(report, nameof(MeshConfig.Gateways), item.Gateways, g => (g.Namespace, g.Name), "Name", "gateway");
        Unique(report, nameof(MeshConfig.GatewayRoutes), item.GatewayRoutes, r => (r.Namespace, r.Name), "Name", "gateway route");
        Unique(report, nameof(MeshConfig.GatewayTlsRoutes), item.GatewayTlsRoutes, r => (r.Namespace, r.Name), "Name", "gateway TLS route");
        Unique(report, nameof(MeshConfig.GatewayTcpRoutes), item.GatewayTcpRoutes, r => (r.Namespace, r.Name), "Name", "gateway TCP route");
        GatewayAttachments(item, report);
        StreamAttachments(item, report);
        Unique(report, nameof(MeshConfig.DestinationPolicies), item.DestinationPolicies, p => p.Target, "Target", "destination policy for target");
        // name.namespace references either kind: one name for both would make every reference to it ambiguous.
        var services = new HashSet<ServiceRef>(item.Services.Where(s => s?.Name is not null && s.Namespace is not null).Select(s => s.Reference));
        for (var i = 0; i < item.ExternalServices.Count; i++)
        {
            if (item.ExternalServices[i] is { Name: { } name, Namespace: { } ns } && services.Contains(new ServiceRef(name, ns)))
            {
                report.Error($"{nameof(MeshConfig.ExternalServices)}[{i}].Name", DiagnosticCodes.DuplicateName, $"'{name}.{ns}' is also a service of the model: references (name.namespace) must name one of them; rename the external service.");
            }
        }
        Unique(report, nameof(MeshConfig.Mtls), item.Mtls, m => m.Scope, "Scope", "mTLS policy for scope");
        OutboundScopes(item, report);
        var scopes = new Dictionary<(string, string), int>();
        for (var i = 0; i < item.Telemetry.Count; i++)
        {
            if (item.Telemetry[i] is not { } t) continue;
            if (!scopes.TryAdd((t.Namespace ?? "", t.Workload.ToString()), i))
            {
                report.Error($"{nameof(MeshConfig.Telemetry)}[{i}].{nameof(TelemetryPolicy.Namespace)}", DiagnosticCodes.InvalidTelemetry, $"A second telemetry policy for the same scope: the first is at index {scopes[(t.Namespace ?? "", t.Workload.ToString())]}.");
            }
        }

        for (var j = 0; j < item.Routes.Count; j++)
        {
            if (item.Routes[j] is not { } route) continue;
            for (var i = 0; i < j; i++)
            {
                if (item.Routes[i] is { } earlier && earlier.Host == route.Host)
                {
                    report.Error($"Routes[{j}].Host", DiagnosticCodes.ConflictingRoutes, $"Routes {i} ('{earlier.Name}') and {j} ('{route.Name}') both route host '{route.Host}'; merge their rules into one route.");
                    break;
                }
            }
        }
        for (var j = 0; j < item.TcpRoutes.Count; j++)
        {
            if (item.TcpRoutes[j] is not { } route) continue;
            for (var i = 0; i < j; i++)
            {
                // No port means every port of the host, which overlaps any other route for it.
                if (item.TcpRoutes[i] is { } earlier && earlier.Host == route.Host && (earlier.Port is null || route.Port is null || earlier.Port == route.Port))
                {
                    report.Error($"TcpRoutes[{j}].Host", DiagnosticCodes.ConflictingRoutes, $"TCP routes {i} ('{earlier.Name}') and {j} ('{route.Name}') both route host '{route.Host}' on the same port.");
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Each gateway route attaches to gateways (and listeners) of the model that route HTTP, and some listener it attaches to
    /// serves one of its host names (else it routes nothing: a warning).
    /// </summary>
    private static void GatewayAttachments(MeshConfig item, Reporter report)
    {
        for (var r = 0; r < item.GatewayRoutes.Count; r++)
        {
            if (item.GatewayRoutes[r] is not { } route) continue;
            var listeners = new List<GatewayListener>();
            for (var g = 0; g < route.Gateways.Count; g++)
            {
                if (route.Gateways[g] is not { Name: { } name, Namespace: { } ns } reference) continue;
                var path = $"{nameof(MeshConfig.GatewayRoutes)}[{r}].{nameof(GatewayRoute.Gateways)}[{g}]";
                if (item.FindGateway(name, ns) is not { } gateway)
                {
                    report.Error(path, DiagnosticCodes.InvalidGatewayRoute, $"Gateway '{ns}/{name}' is not in the model.");
                    continue;
                }
                var http = gateway.Listeners.Where(l => l is { Protocol: ListenerProtocol.Http or ListenerProtocol.Https }).ToList();
                if (reference.Listener is { } listenerName)
                {
                    var listener = gateway.Listeners.FirstOrDefault(l => l?.Name == listenerName);
                    if (listener is null)
                    {
                        report.Error($"{path}.Listener", DiagnosticCodes.InvalidGatewayRoute, $"Gateway '{ns}/{name}' has no listener '{listenerName}'.");
                        continue;
                    }
                    if (listener.Protocol is not (ListenerProtocol.Http or ListenerProtocol.Https))
                    {
                        report.Error($"{path}.Listener", DiagnosticCodes.InvalidGatewayRoute, $"Listener '{listenerName}' of gateway '{ns}/{name}' is {WireNames.Of(listener.Protocol)}: a gateway route routes HTTP requests, on http and https listeners.");
                        continue;
                    }
                    http = [listener];
                }
                else if (http.Count == 0)
                {
                    report.Error(path, DiagnosticCodes.InvalidGatewayRoute, $"Gateway '{ns}/{name}' has no http or https listener for the route's requests.");
                    continue;
                }
                listeners.AddRange(http);
            }
            if (listeners.Count > 0 && !listeners.Any(l => l.HttpsRedirect is false && Serves(l, route.Hostnames)))
            {
                report.Warning($"{nameof(MeshConfig.GatewayRoutes)}[{r}].{nameof(GatewayRoute.Hostnames)}", DiagnosticCodes.InvalidGatewayRoute,
                    "No listener the route attaches to serves its host names (or each one only redirects to HTTPS): it routes no request.");
            }
        }
    }

    /// <summary>
    /// Each gateway TLS route attaches to TLS listeners (terminated or passed through) of the model's gateways and each
    /// gateway TCP route to TCP listeners; a TLS route none of whose server names a listener serves routes nothing (a
    /// warning); two routes that claim the same connections of one listener (two TCP routes, or two TLS routes with a
    /// common server name) conflict.
    /// </summary>
    private static void StreamAttachments(MeshConfig item, Reporter report)
    {
        var claims = new Dictionary<(string, string, string), (int Route, EquatableArray<string> Hosts)>();
        for (var r = 0; r < item.GatewayTlsRoutes.Count; r++)
        {
            if (item.GatewayTlsRoutes[r] is not { } route) continue;
            var prefix = $"{nameof(MeshConfig.GatewayTlsRoutes)}[{r}]";
            var listeners = StreamListeners(item, route.Gateways, ListenerProtocol.Tls, prefix, report);
            if (listeners.Count > 0 && !listeners.Any(l => Serves(l.Listener, route.Hostnames)))
            {
                report.Warning($"{prefix}.{nameof(GatewayTlsRoute.Hostnames)}", DiagnosticCodes.InvalidGatewayRoute,
                    "No TLS listener the route attaches to serves its server names: it routes no connection.");
            }
            foreach (var (gateway, listener, g) in listeners)
            {
                var key = (gateway.Namespace, gateway.Name, listener.Name);
                if (claims.TryGetValue(key, out var earlier) && route.Hostnames.FirstOrDefault(h => earlier.Hosts.Any(e => string.Equals(e, h, StringComparison.OrdinalIgnoreCase))) is { } shared)
                {
                    report.Error($"{prefix}.{nameof(GatewayTlsRoute.Gateways)}[{g}]", DiagnosticCodes.InvalidGatewayRoute,
                        $"Gateway TLS routes {earlier.Route} and {r} both route server name '{shared}' on listener '{listener.Name}' of gateway '{gateway.Namespace}/{gateway.Name}'.");
                    continue;
                }
                claims[key] = (r, earlier.Hosts.IsEmpty ? route.Hostnames : [.. earlier.Hosts, .. route.Hostnames]);
            }
        }
        var tcpClaims = new Dictionary<(string, string, string), int>();
        for (var r = 0; r < item.GatewayTcpRoutes.Count; r++)
        {
            if (item.GatewayTcpRoutes[r] is not { } route) continue;
            var prefix = $"{nameof(MeshConfig.GatewayTcpRoutes)}[{r}]";
            foreach (var (gateway, listener, g) in StreamListeners(item, route.Gateways, ListenerProtocol.Tcp, prefix, report))
            {
                if (!tcpClaims.TryAdd((gateway.Namespace, gateway.Name, listener.Name), r))
                {
                    report.Error($"{prefix}.{nameof(GatewayTcpRoute.Gateways)}[{g}]", DiagnosticCodes.InvalidGatewayRoute,
                        $"Gateway TCP routes {tcpClaims[(gateway.Namespace, gateway.Name, listener.Name)]} and {r} both route listener '{listener.Name}' of gateway '{gateway.Namespace}/{gateway.Name}': a TCP listener has one route.");
                }
            }
        }
    }

    /// <summary>The listeners of <paramref name="protocol"/> that a TLS or TCP route's gateway references bind it to; a missing gateway, listener or a listener of another protocol is reported.</summary>
    private static List<(Gateway Gateway, GatewayListener Listener, int Ref)> StreamListeners(MeshConfig item, EquatableArray<GatewayRef> refs, ListenerProtocol protocol, string prefix, Reporter report)
    {
        var kind = WireNames.Of(protocol);
        var found = new List<(Gateway, GatewayListener, int)>();
        for (var g = 0; g < refs.Count; g++)
        {
            if (refs[g] is not { Name: { } name, Namespace: { } ns } reference) continue;
            var path = $"{prefix}.Gateways[{g}]";
            if (item.FindGateway(name, ns) is not { } gateway)
            {
                report.Error(path, DiagnosticCodes.InvalidGatewayRoute, $"Gateway '{ns}/{name}' is not in the model.");
                continue;
            }
            if (reference.Listener is { } listenerName)
            {
                var listener = gateway.Listeners.FirstOrDefault(l => l?.Name == listenerName);
                if (listener is null)
                {
                    report.Error($"{path}.Listener", DiagnosticCodes.InvalidGatewayRoute, $"Gateway '{ns}/{name}' has no listener '{listenerName}'.");
                }
                else if (listener.Protocol != protocol)
                {
                    report.Error($"{path}.Listener", DiagnosticCodes.InvalidGatewayRoute, $"Listener '{listenerName}' of gateway '{ns}/{name}' is {WireNames.Of(listener.Protocol)}: a gateway {kind} route attaches to {kind} listeners.");
                }
                else
                {
                    found.Add((gateway, listener, g));
                }
                continue;
            }
            var matching = gateway.Listeners.Where(l => l?.Protocol == protocol).ToList();
            if (matching.Count == 0) report.Error(path, DiagnosticCodes.InvalidGatewayRoute, $"Gateway '{ns}/{name}' has no {kind} listener for the route's connections.");
            found.AddRange(matching.Select(l => (gateway, l, g)));
        }
        return found;
    }

    /// <summary>Whether a listener serves some host of the list: every host on either side, an equal name, or a name under a wildcard.</summary>
    internal static bool Serves(GatewayListener listener, Mesh.Collections.EquatableArray<string> hostnames)
    {
        if (listener.Hosts.IsEmpty || listener.Hosts.Contains("*") || hostnames.IsEmpty || hostnames.Contains("*")) return true;
        return hostnames.Any(h => h is not null && listener.Hosts.Any(l => l is not null && HostsIntersect(l, h)));
    }

    private static bool HostsIntersect(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        return Under(a, b) || Under(b, a);

        // '*.example.com' covers 'shop.example.com' and '*.shop.example.com'.
        static bool Under(string wildcard, string host) =>
            wildcard.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(wildcard[1..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One outbound policy per namespace (and one mesh-wide); a host entry naming a host that nothing in the model has is a warning (it makes nothing visible).</summary>
    private static void OutboundScopes(MeshConfig item, Reporter report)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < item.Outbound.Count; i++)
        {
            if (item.Outbound[i] is not { } policy) continue;
            var key = policy.Namespace ?? "";
            if (seen.TryGetValue(key, out var first))
            {
                report.Error($"{nameof(MeshConfig.Outbound)}[{i}].{nameof(OutboundPolicy.Namespace)}", DiagnosticCodes.InvalidOutbound, policy.Namespace is null
                    ? $"A second mesh-wide outbound policy: the first is at index {first}; a mesh has one."
                    : $"A second outbound policy for namespace '{policy.Namespace}': the first is at index {first}; a namespace has one.");
                continue;
            }
            seen[key] = i;
            for (var h = 0; h < policy.Hosts.Count; h++)
            {
                var entry = policy.Hosts[h];
                var slash = entry?.IndexOf('/', StringComparison.Ordinal) ?? -1;
                if (slash <= 0 || entry![(slash + 1)..] == "*") continue;
                var probe = new OutboundPolicy { Hosts = [entry] };
                var workloadNs = policy.Namespace;
                bool Visible(string ns, string host) => workloadNs is null
                    ? probe.Covers(ns, host, ns) // mesh-wide: '.' is each workload's own namespace
                    : probe.Covers(ns, host, workloadNs);
                var any = item.Services.Any(s => s?.Name is not null && s.Namespace is not null && Visible(s.Namespace, s.Reference.ToFqdn()))
                    || item.ExternalServices.Any(e => e?.Namespace is not null && e.Hosts.Any(x => x is not null && Visible(e.Namespace, x)));
                if (!any)
                {
                    report.Warning($"{nameof(MeshConfig.Outbound)}[{i}].{nameof(OutboundPolicy.Hosts)}[{h}]", DiagnosticCodes.InvalidOutbound, $"'{entry}' names no service (name.namespace.svc.cluster.local) or external service host of the model: it makes nothing visible.");
                }
            }
        }
    }

    private static void Unique<T, TKey>(Reporter report, string collection, EquatableArray<T> items, Func<T, TKey> key, string property, string what)
        where T : class
        where TKey : notnull
    {
        var seen = new Dictionary<TKey, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item) continue;
            var k = key(item);
            if (k is null) continue;
            if (seen.TryGetValue(k, out var first))
            {
                report.Error($"{collection}[{i}].{property}", DiagnosticCodes.DuplicateName, $"Duplicate {what} {Describe(k)}: already declared at index {first}.");
            }
            else
            {
                seen[k] = i;
            }
        }
    }

    private static string Describe(object key) => key switch
    {
        ValueTuple<string, string> t => $"'{t.Item2}' in namespace '{t.Item1}'",
        PolicyTarget t => t.Subset is null ? $"'{t.Service}'" : $"'{t.Service}' subset '{t.Subset}'",
        MtlsScope s => s.Kind switch
        {
            MtlsScopeKind.Mesh => "'mesh'",
            MtlsScopeKind.Namespace => $"namespace '{s.Namespace}'",
            _ => $"workload {s.Workload} in namespace '{s.Namespace}'" + (s.Port is { } p ? $" port {p}" : ""),
        },
        _ => $"'{key}'",
    };
}
