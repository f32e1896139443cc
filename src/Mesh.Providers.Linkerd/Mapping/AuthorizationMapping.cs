using Mesh.Translation;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Providers.Linkerd.Translation;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// Access policies ↔ Linkerd authorization. Written: the target's <c>Server</c>s (<see cref="ServerMapping"/>), an
/// <c>AuthorizationPolicy</c> per rule, port and kind of source (Linkerd requires every authentication of a policy, while the
/// model's sources are alternatives), its authentication (<see cref="AuthenticationMapping"/>), and for rules with methods or
/// paths a policy <c>HTTPRoute</c> whose parent is the Server (<see cref="AuthorizationRouteMapping"/>). Deny rules and
/// unauthenticated-only sources are reported. Read: each <c>AuthorizationPolicy</c> (and each legacy
/// <c>ServerAuthorization</c>, <see cref="ServerAuthorizationMapping"/>) becomes an allow policy with one rule: its target
/// Server's workload is the target, its authentication the source, and the Server's port (when the service has more than one
/// port) and the matches of a policy HTTPRoute the operation. Static members map model → Linkerd; an instance reads the
/// authorization resources of one import.
/// </summary>
internal sealed class AuthorizationMapping
{
    /// <summary>The API group of Linkerd's policy resources.</summary>
    public const string PolicyGroup = "policy.linkerd.io";

    private sealed record Grant(int Rule, ServicePort? Port, string SourceKind, string AuthenticationName, List<GatewayResources.HttpRouteMatch>? Matches);

    private readonly ImportContext _ctx;
    private readonly ServerMapping _servers;
    private readonly AuthenticationMapping _authentications;
    private readonly AuthorizationRouteMapping _routes;
    private readonly ServerAuthorizationMapping _legacy;
    private readonly List<(AuthorizationPolicy Policy, string Namespace, string Source)> _policies = [];

    /// <summary>Starts reading the authorization resources of one import; Servers' container port names resolve through <paramref name="services"/>.</summary>
    public AuthorizationMapping(LinkerdOptions options, ServicePortMapping services, ImportContext ctx)
    {
        _ctx = ctx;
        _servers = new ServerMapping(services, ctx);
        _authentications = new AuthenticationMapping(options, ctx);
        _routes = new AuthorizationRouteMapping(ctx);
        _legacy = new ServerAuthorizationMapping(_servers, _authentications, ctx);
    }

    /// <summary>
    /// Model → Linkerd: the authorization resources of <paramref name="config"/>'s access policies, by kind (Servers first), each
    /// kind sorted by namespace and name; a policy's resources are written together or not at all (<see cref="AuthorizationOutput"/>).
    /// </summary>
    public static IEnumerable<object> ToLinkerd(MeshConfig config, LinkerdOptions options, RouteExportContext ctx)
    {
        var output = new AuthorizationOutput(config.AccessPolicies.Count);
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            var path = $"$.spec.accessPolicies[{i}]";
            try
            {
                var policy = config.AccessPolicies[i];
                if (!ctx.WritesAccessAction(i, LinkerdCapabilities.Instance)) continue;
                if (policy.Action == AccessAction.Deny)
                {
                    ctx.Unsupported($"{path}.action", "Linkerd authorization only allows (traffic no policy allows is denied by the Server's default); a deny policy cannot be expressed and is not written.");
                    continue;
                }
                if (!ServerMapping.ToLinkerd(policy, path, options.ServiceOutput, ctx, out var service, out var servers)) continue;
                foreach (var server in servers) output.Add(AuthorizationOutput.Servers, policy.Namespace, server.Metadata.Name, server);
                if (policy.Rules.IsEmpty)
                {
                    ctx.Approximated($"{path}.rules", "An allow policy without rules admits nothing: only the target's Servers are written (Linkerd denies what no AuthorizationPolicy allows), and nothing of the policy reads back.");
                    continue;
                }

                var grants = new List<Grant>(policy.Rules.Count);
                var ruleBase = policy.Rules.Count == 1 ? policy.Name : null;
                for (var k = 0; k < policy.Rules.Count; k++)
                {
                    if (ctx.FitAccessRule(i, k, LinkerdCapabilities.Instance) is not { } rule) continue;
                    var rulePath = $"{path}.rules[{k}]";
                    var authBase = ruleBase ?? ResourceNames.Join(policy.Name, ResourceNames.Ordinal(k));
                    var to = rule.To;
                    List<ServicePort> ports = service is null ? [] : [.. service.Ports.AsSpan()];
                    if (to is not null && !to.Ports.IsEmpty)
                    {
                        if (service is null)
                        {
                            ctx.Unsupported($"{rulePath}.to.ports", "A namespace-wide AuthorizationPolicy has no port condition; the rule is not written.");
                            continue;
                        }
                        for (var j = 0; j < to.Ports.Count; j++)
                        {
                            if (service.FindPort(to.Ports[j]) is null) ctx.Unsupported($"{rulePath}.to.ports[{j}]", $"Port {to.Ports[j]} is not a port of '{service.Reference}', so there is no Server for it; the port is not written.");
                        }
                        ports.RemoveAll(p => !to.Ports.AsSpan().Contains(p.Port));
                        if (ports.Count == 0) continue;
                        ctx.Approximated($"{rulePath}.to.ports", "Linkerd has no port condition: the rule is written for the Servers of these ports, and reads back with a port only when the service has more than one port.");
                    }
                    List<GatewayResources.HttpRouteMatch>? matches = null;
                    if (to is not null && (!to.Methods.IsEmpty || !to.Paths.IsEmpty))
                    {
                        if (service is null)
                        {
                            ctx.Unsupported($"{rulePath}.to", "Per-method or per-path authorization needs an HTTPRoute whose parent is a Server, and this policy has no target; the rule is not written.");
                            continue;
                        }
                        matches = AuthorizationRouteMapping.ToLinkerd(to, rulePath, ctx);
                        if (matches is null) continue;
                        foreach (var port in ports)
                        {
                            if (port.Protocol is Protocol.Tcp or Protocol.Tls) ctx.Unsupported($"{rulePath}.to", $"Port {port.Port} of '{service.Reference}' is not HTTP, so no HTTPRoute can match methods or paths on it; the rule is not written for it.");
                        }
                        ports.RemoveAll(p => p.Protocol is Protocol.Tcp or Protocol.Tls);
                    }
                    // The authentications are written only once the rule is known to be written.
                    var sources = AuthenticationMapping.ToLinkerd(rule.From, policy.Namespace, authBase, rulePath, options, ctx);
                    foreach (var (kind, name, resource) in sources) output.Add(kind == MeshTlsAuthentication.KubeKind ? AuthorizationOutput.MeshTlsAuthentications : AuthorizationOutput.NetworkAuthentications, policy.Namespace, name, resource);
                    if (sources.Count == 0 || (service is not null && ports.Count == 0)) continue;
                    if (service is null)
                    {
                        foreach (var (kind, name, _) in sources) grants.Add(new Grant(k, null, kind, name, null));
                        continue;
                    }
                    foreach (var port in ports)
                    {
                        foreach (var (kind, name, _) in sources) grants.Add(new Grant(k, port, kind, name, matches));
                    }
                }

                for (var g = 0; g < grants.Count; g++)
                {
                    var grant = grants[g];
                    var name = grants.Count == 1 ? policy.Name : ResourceNames.Join(policy.Name, ResourceNames.Ordinal(g));
                    PolicyReference targetRef;
                    if (service is null || grant.Port is not { } port)
                    {
                        targetRef = new PolicyReference { Kind = "Namespace", Name = policy.Namespace };
                    }
                    else
                    {
                        var serverName = servers[service.Ports.AsSpan().IndexOf(port)].Metadata.Name;
                        targetRef = new PolicyReference { Group = PolicyGroup, Kind = Server.KubeKind, Name = serverName };
                        if (grant.Matches is not null)
                        {
                            var routeName = ResourceNames.Join(name, "route");
                            output.Add(AuthorizationOutput.Routes, policy.Namespace, routeName, AuthorizationRouteMapping.ToLinkerd(routeName, policy.Namespace, serverName, grant.Matches));
                            targetRef = new PolicyReference { Group = PolicyGroup, Kind = PolicyHttpRoute.KubeKind, Name = routeName };
                        }
                    }
                    output.Add(AuthorizationOutput.Policies, policy.Namespace, name, new AuthorizationPolicy
                    {
                        Metadata = { Name = name, NamespaceProperty = policy.Namespace },
                        Spec =
                        {
                            TargetRef = targetRef,
                            RequiredAuthenticationRefs = [new PolicyReference { Group = PolicyGroup, Kind = grant.SourceKind, Name = grant.AuthenticationName }],
                        },
                    });
                }
            }
            finally
            {
                output.Commit(path, ModelObjectNames.Of(config.AccessPolicies[i]), ctx);
            }
        }
        return output.ToList();
    }

    /// <summary>Whether <paramref name="resource"/> is read as authorization: a Server, an AuthorizationPolicy, an authentication, a ServerAuthorization, or an HTTPRoute whose parent is a Server.</summary>
    public static bool IsAuthorization(object resource) =>
        resource is Server or AuthorizationPolicy or MeshTlsAuthentication or NetworkAuthentication or ServerAuthorization
        || (resource is PolicyHttpRoute policyRoute && AuthorizationRouteMapping.IsServerRoute(policyRoute.Spec))
        || (resource is GatewayResources.HttpRoute gatewayRoute && AuthorizationRouteMapping.IsServerRoute(gatewayRoute.Spec));

    /// <summary>Linkerd → model: reads an authorization resource (see <see cref="IsAuthorization"/>).</summary>
    public void Read(object resource, string ns, string name, string source)
    {
        switch (resource)
        {
            case Server server: _servers.Read(server, ns, name, source); break;
            case MeshTlsAuthentication m: _authentications.Read(m, ns, name, source); break;
            case NetworkAuthentication n: _authentications.Read(n, ns, name, source); break;
            case AuthorizationPolicy p: _policies.Add((p, ns, source)); break;
            case ServerAuthorization a: _legacy.Read(a, ns, source); break;
            case PolicyHttpRoute r: _routes.Read(r.Spec, ns, name, source); break;
            case GatewayResources.HttpRoute r: _routes.Read(r.Spec, ns, name, source); break;
        }
    }

    /// <summary>Linkerd → model: reads the Servers: their ports go to <paramref name="model"/>.</summary>
    public void ReadServers(ModelBuilder model) => _servers.ToModel(model);

    /// <summary>The Servers read (their workloads once <see cref="ReadServers"/> has run).</summary>
    public ServerMapping Servers => _servers;

    /// <summary>The service ports the Servers read name (once <see cref="ReadServers"/> has run).</summary>
    public IReadOnlySet<(ServiceRef Service, int Port)> ServerPorts => _servers.Ports;

    /// <summary>Linkerd → model: <paramref name="config"/> with the subsets the Servers select (once <see cref="ReadServers"/> has run).</summary>
    public MeshConfig AddSubsets(MeshConfig config) => _servers.AddSubsets(config);

    /// <summary>
    /// Linkerd → model: the access policies of everything read, once <see cref="ReadServers"/> has run; <paramref name="model"/>
    /// holds every port of every service. A Server's policy applies to its port only: the rule names the port when the service
    /// has others.
    /// </summary>
    public List<AccessPolicy> ToModel(MeshConfig model)
    {
        var workloads = _servers.Workloads;
        AccessOperation? PortOperation(ServerMapping.ServerWorkload w) => ServerMapping.PortOperation(w, model);
        var uncovered = _servers.Uncovered(model);

        var result = new List<AccessPolicy>();
        foreach (var (policy, ns, source) in _policies)
        {
            // The authentications of a policy count as read only when the policy itself is imported.
            var before = result.Count;
            _authentications.BeginPolicy();
            try
            {
                var name = policy.Metadata?.Name ?? "authorization";
                var from = _authentications.ToModel(policy.Spec.RequiredAuthenticationRefs, ns, source, out var ok);
                if (!ok) continue;
                var target = policy.Spec.TargetRef;
                switch (target?.Kind)
                {
                    case "Namespace":
                        if (target.Name != ns)
                        {
                            _ctx.NotImported(source, "$.spec", $"The policy targets namespace '{target.Name}' from namespace '{ns}'; Linkerd applies it to no Server, so it is not imported.");
                            continue;
                        }
                        result.Add(Policy(name, ns, null, null, new AccessRule { From = from }));
                        break;
                    case "Server":
                        if (!workloads.TryGetValue((ns, target.Name ?? string.Empty), out var workload))
                        {
                            _ctx.NotImported(source, "$.spec", $"Server '{target.Name}' is not in the input (or is not imported: see its diagnostics); the policy is not imported.");
                            continue;
                        }
                        _servers.Use((ns, target.Name!));
                        result.Add(Policy(name, ns, workload.Service, workload.Subset, new AccessRule { From = from, To = PortOperation(workload) }));
                        uncovered(workload, source, "$.spec.targetRef");
                        break;
                    case "HTTPRoute":
                        if (!_routes.TryTarget(ns, target.Name, out var route))
                        {
                            _ctx.NotImported(source, "$.spec", $"HTTPRoute '{target.Name}' is not in the input; the policy is not imported.");
                            continue;
                        }
                        var parent = route.Spec.ParentRefs!.First(p => p.Kind == Server.KubeKind);
                        if (!workloads.TryGetValue((parent.Namespace ?? ns, parent.Name ?? string.Empty), out var routeWorkload))
                        {
                            _ctx.NotImported(source, "$.spec", $"The parent Server '{parent.Name}' of HTTPRoute '{target.Name}' is not in the input; the policy is not imported.");
                            continue;
                        }
                        if (_routes.ToModel(route.Spec, route.Source) is not { } operation) continue;
                        _servers.Use((parent.Namespace ?? ns, parent.Name!));
                        var ports = PortOperation(routeWorkload);
                        result.Add(Policy(name, ns, routeWorkload.Service, routeWorkload.Subset, new AccessRule { From = from, To = operation with { Ports = ports?.Ports ?? default } }));
                        uncovered(routeWorkload, source, "$.spec.targetRef");
                        break;
                    default:
                        _ctx.NotImported(source, "$.spec", $"A policy targeting a {target?.Kind ?? "missing kind"} is not in the model (it targets Servers, their HTTPRoutes or Namespaces); it is not imported.");
                        break;
                }
            }
            finally
            {
                _authentications.EndPolicy(imported: result.Count > before);
            }
        }
        _legacy.ToModel(PortOperation, uncovered, result);
        _servers.ReportUnused();
        _authentications.ReportUnused();
        _routes.ReportUntargeted();
        return result;
    }

    /// <summary>An allow policy of one rule, targeting <paramref name="service"/> (or its <paramref name="subset"/>; or, when null, its namespace).</summary>
    internal static AccessPolicy Policy(string name, string ns, ServiceRef? service, string? subset, AccessRule rule) => new()
    {
        Name = name,
        Namespace = ns,
        Target = service is { } s ? new PolicyTarget { Service = s, Subset = subset } : null,
        Action = AccessAction.Allow,
        Rules = [rule],
    };
}
