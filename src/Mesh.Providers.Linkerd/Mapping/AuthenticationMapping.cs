using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Export;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Import;

/// <summary>
/// Linkerd authorization → access policies. Each <c>AuthorizationPolicy</c> (and each legacy <c>ServerAuthorization</c>)
/// becomes an allow policy with one rule: its target Server's workload (the <see cref="LinkerdOptions.WorkloadLabel"/> of
/// the pod selector) is the target, its authentication the source, and the Server's port (when the service has more than
/// one port) and the matches of a policy HTTPRoute the operation. Servers also give the workload's service its ports; a
/// Server's container port name is resolved through the Services of the input (<see cref="ServiceImporter"/>).
/// </summary>
internal sealed class AuthorizationImporter(LinkerdOptions options, ServiceImporter services, ImportContext ctx)
{
    private readonly Dictionary<(string Namespace, string Name), (ServiceRef Service, int Port)> _workloads = [];

    private readonly Dictionary<(string Namespace, string Name), (Server Server, string Source)> _servers = [];
    private readonly Dictionary<(string Namespace, string Name), (MeshTlsAuthentication Resource, string Source)> _meshTls = [];
    private readonly Dictionary<(string Namespace, string Name), (NetworkAuthentication Resource, string Source)> _networks = [];
    private readonly Dictionary<(string Namespace, string Name), (GatewayResources.HttpRouteSpec Spec, string Source)> _routes = [];
    private readonly List<(AuthorizationPolicy Policy, string Namespace, string Source)> _policies = [];
    private readonly List<(ServerAuthorization Authorization, string Namespace, string Source)> _legacy = [];
    private readonly HashSet<(string Namespace, string Name)> _targetedRoutes = [];
    private readonly HashSet<(string Namespace, string Name)> _usedServers = [];
    private readonly HashSet<(string Kind, string Namespace, string Name)> _usedAuthentications = [];
    private readonly List<(string Kind, string Namespace, string Name)> _pendingAuthentications = [];

    /// <summary>Whether <paramref name="spec"/> is an inbound (authorization) route: a parent is a Server.</summary>
    public static bool IsServerRoute(GatewayResources.HttpRouteSpec? spec) =>
        spec?.ParentRefs?.Any(p => p.Kind == Server.KubeKind && p.Group is null or "policy.linkerd.io") == true;

    public void Add(object resource, string ns, string name, string source)
    {
        switch (resource)
        {
            case Server server: _servers.TryAdd((ns, name), (server, source)); break;
            case MeshTlsAuthentication m: _meshTls.TryAdd((ns, name), (m, source)); break;
            case NetworkAuthentication n: _networks.TryAdd((ns, name), (n, source)); break;
            case AuthorizationPolicy p: _policies.Add((p, ns, source)); break;
            case ServerAuthorization a:
                ctx.Legacy(source, "$.kind", "ServerAuthorization is Linkerd's legacy authorization: it became an AuthorizationPolicy targeting the Server with a MeshTLSAuthentication (identities) or NetworkAuthentication (networks), which is how this provider writes it back.");
                _legacy.Add((a, ns, source));
                break;
            case PolicyHttpRoute r:
                HttpRouteMapping.ReportHostnames(r.Spec.Hostnames, source, ctx);
                _routes.TryAdd((ns, name), (r.Spec, source));
                break;
            case GatewayResources.HttpRoute r:
                HttpRouteMapping.ReportHostnames(r.Spec.Hostnames, source, ctx);
                _routes.TryAdd((ns, name), (r.Spec, source));
                break;
        }
    }

    /// <summary>Reads the Servers added: their ports go to <paramref name="model"/>.</summary>
    public void AddServers(ModelBuilder model)
    {
        var workloads = _workloads;
        foreach (var ((ns, name), (server, source)) in _servers.OrderBy(s => s.Key, OrdinalKeyComparer.Instance))
        {
            if (Workload(server, ns, source) is { } workload)
            {
                workloads[(ns, name)] = workload;
                var protocol = ProxyProtocols.Parse(server.Spec.ProxyProtocol);
                if (protocol is null) ctx.NotImported(source, "$.spec.proxyProtocol", $"Proxy protocol '{server.Spec.ProxyProtocol}' is not one Linkerd defines; the port is read as HTTP.");
                model.AddPort(workload.Service, workload.Port, protocol ?? Protocol.Http);
            }
            if (server.Spec.AccessPolicy is { } access && access != "deny")
            {
                ctx.NotImported(source, "$.spec.accessPolicy", $"The Server's default policy '{access}' (for traffic no AuthorizationPolicy allows) is not in the model.");
            }
        }
    }

    /// <summary>
    /// The access policies of everything added, once <see cref="AddServers"/> has run; <paramref name="model"/> holds every
    /// port of every service. A Server's policy applies to its port only: the rule names the port when the service has others.
    /// </summary>
    public List<AccessPolicy> Build(MeshConfig model)
    {
        var workloads = _workloads;
        AccessOperation? PortOperation((ServiceRef Service, int Port) w) => model.FindService(w.Service) is { Ports.Count: > 1 } ? new AccessOperation { Ports = [w.Port] } : null;

        // Linkerd applies the default policy to ports no Server covers; the model's allow policy denies what no rule allows on
        // every port, and the Servers written back cover every port.
        var covered = workloads.Values.GroupBy(w => w.Service).ToDictionary(g => g.Key, g => g.Select(w => w.Port).ToHashSet());
        void Uncovered(ServiceRef service, string source, string path)
        {
            var others = model.FindService(service)?.Ports.Select(p => p.Port).Where(p => !covered[service].Contains(p)).ToList() ?? [];
            if (others.Count == 0) return;
            var ports = (others.Count == 1 ? "port " : "ports ") + string.Join(", ", others);
            ctx.NotImported(source, path, $"The policy applies to the ports of the Servers of '{service}' only; {ports} of the service {(others.Count == 1 ? "has" : "have")} no Server in the input, so Linkerd's default policy governs {(others.Count == 1 ? "it" : "them")}, which the model's allow policy (what no rule allows is denied, on every port of the service) does not express. Written back, every port of the service gets a Server that denies what no policy allows.");
        }

        var result = new List<AccessPolicy>();
        foreach (var (policy, ns, source) in _policies)
        {
            // The authentications of a policy count as read only when the policy itself is imported.
            var before = result.Count;
            _pendingAuthentications.Clear();
            try
            {
                var name = policy.Metadata?.Name ?? "authorization";
                var from = Authentication(policy.Spec.RequiredAuthenticationRefs, ns, source, out var ok);
                if (!ok) continue;
                var target = policy.Spec.TargetRef;
                switch (target?.Kind)
                {
                    case "Namespace":
                        if (target.Name != ns)
                        {
                            ctx.NotImported(source, "$.spec", $"The policy targets namespace '{target.Name}' from namespace '{ns}'; Linkerd applies it to no Server, so it is not imported.");
                            continue;
                        }
                        result.Add(Policy(name, ns, null, new AccessRule { From = from }));
                        break;
                    case "Server":
                        if (!workloads.TryGetValue((ns, target.Name ?? string.Empty), out var workload))
                        {
                            ctx.NotImported(source, "$.spec", $"Server '{target.Name}' is not in the input (or selects no service by the '{options.WorkloadLabel}' label); the policy is not imported.");
                            continue;
                        }
                        _usedServers.Add((ns, target.Name!));
                        result.Add(Policy(name, ns, workload.Service, new AccessRule { From = from, To = PortOperation(workload) }));
                        Uncovered(workload.Service, source, "$.spec.targetRef");
                        break;
                    case "HTTPRoute":
                        if (!_routes.TryGetValue((ns, target.Name ?? string.Empty), out var route))
                        {
                            ctx.NotImported(source, "$.spec", $"HTTPRoute '{target.Name}' is not in the input; the policy is not imported.");
                            continue;
                        }
                        _targetedRoutes.Add((ns, target.Name!));
                        var parent = route.Spec.ParentRefs!.First(p => p.Kind == Server.KubeKind);
                        if (!workloads.TryGetValue((parent.Namespace ?? ns, parent.Name ?? string.Empty), out var routeWorkload))
                        {
                            ctx.NotImported(source, "$.spec", $"The parent Server '{parent.Name}' of HTTPRoute '{target.Name}' is not in the input; the policy is not imported.");
                            continue;
                        }
                        if (Operation(route.Spec, route.Source) is not { } operation) continue;
                        _usedServers.Add((parent.Namespace ?? ns, parent.Name!));
                        var ports = PortOperation(routeWorkload);
                        result.Add(Policy(name, ns, routeWorkload.Service, new AccessRule { From = from, To = operation with { Ports = ports?.Ports ?? default } }));
                        Uncovered(routeWorkload.Service, source, "$.spec.targetRef");
                        break;
                    default:
                        ctx.NotImported(source, "$.spec", $"A policy targeting a {target?.Kind ?? "missing kind"} is not in the model (it targets Servers, their HTTPRoutes or Namespaces); it is not imported.");
                        break;
                }
            }
            finally
            {
                if (result.Count > before) _usedAuthentications.UnionWith(_pendingAuthentications);
            }
        }
        foreach (var (authorization, ns, source) in _legacy) Legacy(authorization, ns, source, workloads, PortOperation, Uncovered, result);
        foreach (var ((ns, name), (_, source)) in _servers.Where(s => workloads.ContainsKey(s.Key) && !_usedServers.Contains(s.Key)).OrderBy(s => s.Key, OrdinalKeyComparer.Instance))
        {
            var w = workloads[(ns, name)];
            ctx.NotImportedInfo(source, "$.spec", $"No access policy imported targets Server '{ns}/{name}': it is read as port {w.Port} of service '{w.Service}', and written back only for the access policies that target it.");
        }
        var unused = _meshTls.Select(m => (Kind: MeshTlsAuthentication.KubeKind, m.Key, m.Value.Source))
            .Concat(_networks.Select(n => (Kind: NetworkAuthentication.KubeKind, n.Key, n.Value.Source)))
            .Where(a => !_usedAuthentications.Contains((a.Kind, a.Key.Namespace, a.Key.Name)));
        foreach (var (kind, (ns, name), source) in unused.OrderBy(a => a.Source, StringComparer.Ordinal))
        {
            ctx.NotImported(source, "$.spec", $"No AuthorizationPolicy imported requires {kind} '{ns}/{name}'; an authentication alone allows nothing, so it is not imported.");
        }
        foreach (var ((ns, name), (_, source)) in _routes.Where(r => !_targetedRoutes.Contains(r.Key)).OrderBy(r => r.Key, OrdinalKeyComparer.Instance))
        {
            ctx.NotImported(source, "$.spec", $"No AuthorizationPolicy in the input targets HTTPRoute '{ns}/{name}', so it restricts nothing the model records; it is not imported.");
        }
        return result;
    }

    private static AccessPolicy Policy(string name, string ns, ServiceRef? service, AccessRule rule) => new()
    {
        Name = name,
        Namespace = ns,
        Target = service is { } s ? new PolicyTarget { Service = s } : null,
        Action = AccessAction.Allow,
        Rules = [rule],
    };

    /// <summary>The service and port a Server stands for: the workload label of its pod selector names the service.</summary>
    private (ServiceRef Service, int Port)? Workload(Server server, string ns, string source)
    {
        var selector = server.Spec.PodSelector;
        string? service = null;
        if (selector?.MatchLabels is { } labels)
        {
            foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (key == options.WorkloadLabel) service = value;
                else ctx.NotImported(source, "$.spec.podSelector.matchLabels" + JsonPaths.Segment(key), "The model's access policies target whole services; this label narrows the pods further and is not imported.");
            }
        }
        if (selector?.MatchExpressions is { Count: > 0 }) ctx.NotImported(source, "$.spec.podSelector.matchExpressions", "Set-based selectors are not in the model; they are not imported.");
        if (server.Spec.ExternalWorkloadSelector is not null) ctx.NotImported(source, "$.spec.externalWorkloadSelector", "External workloads are not in the model.");
        if (service is null)
        {
            ctx.NotImported(source, "$.spec", $"The pod selector has no '{options.WorkloadLabel}' label naming a service; the Server and its policies are not imported.");
            return null;
        }
        switch (server.Spec.Port)
        {
            case int port:
                return (new ServiceRef(service, ns), port);
            case string name when services.ResolveServerPort(ns, service, name, source) is { } resolved:
                return (new ServiceRef(service, ns), resolved);
            case string:
                return null;
            default:
                ctx.NotImported(source, "$.spec", "The Server has no port; it and its policies are not imported.");
                return null;
        }
    }

    /// <summary>The source of a policy with exactly one authentication (Linkerd requires all; the model's sources are alternatives).</summary>
    private AccessSource? Authentication(List<PolicyReference>? refs, string ns, string source, out bool ok)
    {
        ok = false;
        if (refs is not { Count: > 0 })
        {
            ctx.NotImported(source, "$.spec", "A policy without authentications is not in the model; it is not imported.");
            return null;
        }
        if (refs.Count > 1 && !refs.All(r => r.Kind == "ServiceAccount"))
        {
            ctx.NotImported(source, "$.spec", "Linkerd requires every authentication of a policy, while the model's sources are alternatives; a policy with several kinds of authentication is not imported.");
            return null;
        }
        if (refs.All(r => r.Kind == "ServiceAccount"))
        {
            if (refs.Any(r => r.Name is null or "*"))
            {
                ctx.NotImported(source, "$.spec", "A ServiceAccount authentication without a name (every service account) is not in the model; the policy is not imported.");
                return null;
            }
            ok = true;
            return new AccessSource { ServiceAccounts = [.. refs.Select(r => new ServiceAccountRef(r.Namespace ?? ns, r.Name ?? string.Empty))] };
        }
        var reference = refs[0];
        var key = (reference.Namespace ?? ns, reference.Name ?? string.Empty);
        switch (reference.Kind)
        {
            case MeshTlsAuthentication.KubeKind when _meshTls.TryGetValue(key, out var mesh):
                _pendingAuthentications.Add((MeshTlsAuthentication.KubeKind, key.Item1, key.Item2));
                var meshSource = MeshSource(mesh.Resource, key.Item1, mesh.Source);
                if (meshSource.ServiceAccounts.IsEmpty && meshSource.Namespaces.IsEmpty)
                {
                    // Without an identity the model expresses, the rule would read as "any client": not imported rather than widened.
                    ctx.NotImported(source, "$.spec", $"MeshTLSAuthentication '{key.Item1}/{key.Item2}' names no service account or namespace the model expresses; the policy is not imported.");
                    return null;
                }
                ok = true;
                return meshSource;
            case NetworkAuthentication.KubeKind when _networks.TryGetValue(key, out var network):
                _pendingAuthentications.Add((NetworkAuthentication.KubeKind, key.Item1, key.Item2));
                if (network.Resource.Spec.Networks?.Any(n => !string.IsNullOrEmpty(n.Cidr)) != true)
                {
                    ctx.NotImported(source, "$.spec", $"NetworkAuthentication '{key.Item1}/{key.Item2}' has no networks, so it admits nobody; the policy is not imported.");
                    return null;
                }
                ok = true;
                return NetworkSource(network.Resource.Spec.Networks, network.Source, "$.spec.networks");
            case MeshTlsAuthentication.KubeKind or NetworkAuthentication.KubeKind:
                ctx.NotImported(source, "$.spec", $"{reference.Kind} '{key.Item1}/{key.Item2}' is not in the input; the policy is not imported.");
                return null;
            default:
                ctx.NotImported(source, "$.spec", $"Authentication kind '{reference.Kind}' is not one Linkerd defines; the policy is not imported.");
                return null;
        }
    }

    private AccessSource MeshSource(MeshTlsAuthentication mesh, string ns, string source, string path = "$.spec")
    {
        var accounts = new List<ServiceAccountRef>();
        var namespaces = new List<string>();
        var identities = mesh.Spec.Identities ?? [];
        for (var j = 0; j < identities.Count; j++)
        {
            var (account, whole) = LinkerdIdentity.Parse(identities[j], options.TrustDomain);
            if (account is { } a) accounts.Add(a);
            else if (whole is not null) namespaces.Add(whole);
            else ctx.NotImported(source, $"{path}.identities[{j}]", $"Identity '{identities[j]}' is not a service account or a whole namespace of trust domain '{options.TrustDomain}'; it is not imported.");
        }
        var refs = mesh.Spec.IdentityRefs ?? [];
        for (var j = 0; j < refs.Count; j++)
        {
            var r = refs[j];
            if (r.Name is null or "*") ctx.NotImported(source, $"{path}.identityRefs[{j}]", $"Every {r.Kind} (any authenticated client) is not in the model; it is not imported.");
            else if (r.Kind == "ServiceAccount") accounts.Add(new ServiceAccountRef(r.Namespace ?? ns, r.Name));
            else if (r.Kind == "Namespace") namespaces.Add(r.Name);
            else ctx.NotImported(source, $"{path}.identityRefs[{j}].kind", $"Identity kind '{r.Kind}' is not a ServiceAccount or Namespace; it is not imported.");
        }
        return new AccessSource { ServiceAccounts = [.. accounts], Namespaces = [.. namespaces] };
    }

    /// <summary>IP blocks of networks; every address (<c>0.0.0.0/0</c> and <c>::/0</c>) means any client: no source condition.</summary>
    private AccessSource? NetworkSource(List<Network>? networks, string source, string path)
    {
        var list = networks ?? [];
        for (var j = 0; j < list.Count; j++)
        {
            if (list[j].Except is { Count: > 0 }) ctx.NotImported(source, $"{path}[{j}].except", "Exceptions to a network are not in the model; the whole network is imported.");
        }
        var cidrs = list.Select(n => Cidrs.Address(n.Cidr ?? string.Empty)).Where(c => c.Length > 0).ToList();
        if (cidrs.Count == AuthorizationExporter.AllNetworks.Length && AuthorizationExporter.AllNetworks.All(cidrs.Contains)) return null;
        return new AccessSource { IpBlocks = [.. cidrs] };
    }

    /// <summary>The methods and paths of an inbound route's matches (the model takes every combination of the two).</summary>
    private AccessOperation? Operation(GatewayResources.HttpRouteSpec spec, string source)
    {
        var methods = new List<string>();
        var paths = new List<string>();
        var pairs = 0;
        var rules = spec.Rules ?? [];
        for (var k = 0; k < rules.Count; k++)
        {
            var rule = rules[k];
            var rulePath = $"$.spec.rules[{k}]";
            if (rule.Filters is { Count: > 0 }) ctx.NotImported(source, $"{rulePath}.filters", "Filters of an inbound route are not part of an access policy; they are not imported.");
            if (rule.BackendRefs is { Count: > 0 }) ctx.NotImported(source, $"{rulePath}.backendRefs", "An inbound route has no backends; they are not imported.");
            if (rule.Timeouts is not null) ctx.NotImported(source, $"{rulePath}.timeouts", "Timeouts of an inbound route are not part of an access policy; they are not imported.");
            var matches = rule.Matches ?? [];
            for (var m = 0; m < matches.Count; m++)
            {
                var match = matches[m];
                var matchPath = $"{rulePath}.matches[{m}]";
                if (match.Headers is { Count: > 0 }) ctx.NotImported(source, $"{matchPath}.headers", "Header conditions are not in the model's access rules; they are not imported.");
                if (match.QueryParams is { Count: > 0 }) ctx.NotImported(source, $"{matchPath}.queryParams", "Query conditions are not in the model's access rules; they are not imported.");
                if (match.Path is { } p)
                {
                    switch (p.Type)
                    {
                        case "Exact" when p.Value is not null: paths.Add(p.Value); break;
                        case null or "PathPrefix": paths.Add(p.Value is null or "/" ? "/*" : p.Value.TrimEnd('/') + "/*"); break;
                        default:
                            ctx.NotImported(source, $"{matchPath}.path", $"A {p.Type} path is not an access-rule path (exact or prefix); the policy is not imported.");
                            return null;
                    }
                }
                if (match.Method is { } method) methods.Add(method);
                pairs++;
            }
        }
        var distinctPaths = paths.Distinct(StringComparer.Ordinal).ToList();
        var distinctMethods = methods.Distinct(StringComparer.Ordinal).ToList();
        if (pairs != Math.Max(1, distinctPaths.Count) * Math.Max(1, distinctMethods.Count))
        {
            ctx.NotImported(source, "$.spec.rules", "The route's matches are not every combination of their methods and paths, which is what an access rule means; they are read as every combination.");
        }
        return new AccessOperation { Methods = [.. distinctMethods], Paths = [.. distinctPaths] };
    }

    private void Legacy(ServerAuthorization authorization, string ns, string source, Dictionary<(string Namespace, string Name), (ServiceRef Service, int Port)> workloads, Func<(ServiceRef, int), AccessOperation?> ports, Action<ServiceRef, string, string> uncovered, List<AccessPolicy> result)
    {
        var name = authorization.Metadata?.Name ?? "server-authorization";
        var server = authorization.Spec.Server;
        var targets = new List<(ServiceRef Service, int Port)>();
        if (server?.Name is { } serverName)
        {
            if (workloads.TryGetValue((ns, serverName), out var w))
            {
                targets.Add(w);
                _usedServers.Add((ns, serverName));
            }
        }
        else if (server?.Selector is { } selector)
        {
            if (selector.MatchExpressions is { Count: > 0 }) ctx.NotImported(source, "$.spec.server.selector.matchExpressions", "Set-based Server selectors are not read; only matchLabels selects the Servers.");
            foreach (var ((sns, sname), (s, _)) in _servers.Where(s => s.Key.Namespace == ns).OrderBy(s => s.Key, OrdinalKeyComparer.Instance))
            {
                var labels = s.Metadata?.Labels ?? new Dictionary<string, string>();
                if ((selector.MatchLabels ?? []).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value) && workloads.TryGetValue((sns, sname), out var w))
                {
                    targets.Add(w);
                    _usedServers.Add((sns, sname));
                }
            }
        }
        if (targets.Count == 0)
        {
            ctx.NotImported(source, "$.spec", "No Server in the input that selects a service matches; the authorization is not imported.");
            return;
        }
        var client = authorization.Spec.Client;
        AccessSource? from;
        if (client?.Unauthenticated == true)
        {
            from = client.Networks is { Count: > 0 } ? NetworkSource(client.Networks, source, "$.spec.client.networks") : null;
            if (client.MeshTls is not null) ctx.NotImported(source, "$.spec.client.meshTLS", "Unauthenticated clients are authorized, which includes every meshed client; the meshTLS clients add nothing.");
        }
        else if (client?.MeshTls is { } mesh)
        {
            if (mesh.UnauthenticatedTls == true) ctx.NotImported(source, "$.spec.client.meshTLS.unauthenticatedTLS", "TLS clients without a mesh identity are not in the model; they are not imported.");
            var accounts = (mesh.ServiceAccounts ?? []).Where(a => a.Name is not null).Select(a => new ServiceAccountRef(a.Namespace ?? ns, a.Name!)).ToList();
            var converted = MeshSource(new MeshTlsAuthentication { Spec = { Identities = mesh.Identities } }, ns, source, "$.spec.client.meshTLS");
            from = converted with { ServiceAccounts = [.. accounts, .. converted.ServiceAccounts] };
            if (from.ServiceAccounts.IsEmpty && from.Namespaces.IsEmpty)
            {
                ctx.NotImported(source, "$.spec", "The meshTLS clients name no service account or namespace the model expresses (e.g. every authenticated client); the authorization is not imported rather than read as any client.");
                return;
            }
            if (client.Networks is { Count: > 0 }) ctx.NotImported(source, "$.spec.client.networks", "Linkerd requires both the network and the identity here, while the model's sources are alternatives; the networks are not imported.");
        }
        else
        {
            ctx.NotImported(source, "$.spec", "The client authorizes nobody (neither unauthenticated nor meshTLS); the authorization is not imported.");
            return;
        }
        ctx.NotImportedInfo(source, "$.spec", "The ServerAuthorization is read as an access policy and written back in its current form (an AuthorizationPolicy targeting the Server, with a MeshTLSAuthentication or NetworkAuthentication), not as a ServerAuthorization.");
        for (var t = 0; t < targets.Count; t++)
        {
            var policyName = targets.Count == 1 ? name : ResourceNames.Join(name, (t + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            result.Add(Policy(policyName, ns, targets[t].Service, new AccessRule { From = from, To = ports(targets[t]) }));
        }
        foreach (var service in targets.Select(t => t.Service).Distinct()) uncovered(service, source, "$.spec.server");
    }
}
