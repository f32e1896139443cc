using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Export;

/// <summary>
/// Access policies → Linkerd authorization: a <c>Server</c> per port of the target's pods (selected by the workload label
/// and the subset's labels), an <c>AuthorizationPolicy</c> per rule, port and kind of source (Linkerd requires every
/// authentication of a policy, while the model's sources are alternatives), a <c>MeshTLSAuthentication</c> for service
/// accounts and namespaces, a <c>NetworkAuthentication</c> for IP blocks (all networks for a rule without sources), and a
/// policy <c>HTTPRoute</c> whose parent is the Server for rules with methods or paths. Deny rules and unauthenticated-only
/// sources are reported.
/// </summary>
internal static class AuthorizationExporter
{
    /// <summary>Every IPv4 and IPv6 address: the network of a rule that allows any client.</summary>
    public static readonly string[] AllNetworks = ["0.0.0.0/0", "::/0"];

    private const string PolicyGroup = "policy.linkerd.io";

    /// <summary>The kinds written, in output order: the first number of each resource's key.</summary>
    private const int KindCount = 5;

    private sealed record Grant(int Rule, ServicePort? Port, string SourceKind, string AuthenticationName, List<GatewayResources.HttpRouteMatch>? Matches);

    public static IEnumerable<object> Export(MeshConfig config, LinkerdOptions options, RouteExportContext ctx)
    {
        // One table per kind (Server, MeshTLSAuthentication, NetworkAuthentication, HTTPRoute, AuthorizationPolicy), hashed
        // while policies are added (each commit looks its names up) and sorted once at the end; per kind, so that no table
        // of a large mesh becomes one large-object-heap array.
        var output = new Dictionary<(string Namespace, string Name), object>[KindCount];
        for (var k = 0; k < KindCount; k++) output[k] = new Dictionary<(string Namespace, string Name), object>(config.AccessPolicies.Count);
        var pending = new Dictionary<(int Order, string Namespace, string Name), object>();
        void Add(int order, string ns, string name, object resource) => pending.TryAdd((order, ns, name), resource);
        Action<int, string, string, object> add = Add;

        // A policy's resources are written together or not at all: Servers are shared by the policies of a workload,
        // any other name taken twice (names derive from policy names) would make one policy refer to another's resources.
        void Commit(string path)
        {
            (int Order, string Namespace, string Name) clash = default;
            foreach (var key in pending.Keys)
            {
                if (key.Order != 0 && output[key.Order].ContainsKey((key.Namespace, key.Name)))
                {
                    clash = key;
                    break;
                }
            }
            if (clash != default)
            {
                ctx.Unsupported(path, $"The name '{clash.Namespace}/{clash.Name}' of a resource this policy needs is already taken by another access policy's; the policy is not written (rename it).");
            }
            else
            {
                foreach (var (key, resource) in pending) output[key.Order].TryAdd((key.Namespace, key.Name), resource);
            }
            pending.Clear();
        }

        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            var path = $"$.spec.accessPolicies[{i}]";
            try
            {
                var policy = config.AccessPolicies[i];
                if (policy.Action == AccessAction.Deny)
                {
                    ctx.Unsupported($"{path}.action", "Linkerd authorization only allows (traffic no policy allows is denied by the Server's default); a deny policy cannot be expressed and is not written.");
                    continue;
                }
                MeshService? service = null;
                Dictionary<string, string>? labels = null;
                if (policy.Target is { } target)
                {
                    if (target.Service.Namespace != policy.Namespace)
                    {
                        ctx.Unsupported($"{path}.target.service", $"A Server selects pods of its own namespace only; '{target.Service}' is not in '{policy.Namespace}', so the policy is not written.");
                        continue;
                    }
                    service = ctx.FindService(target.Service);
                    if (service is null || service.Ports.IsEmpty)
                    {
                        ctx.Unsupported($"{path}.target.service", $"A Server needs a port, and the model defines no ports for '{target.Service}'; the policy is not written.");
                        continue;
                    }
                    labels = new Dictionary<string, string>(StringComparer.Ordinal) { [options.WorkloadLabel] = service.Name };
                    if (target.Subset is { } subsetName)
                    {
                        var subset = service.FindSubset(subsetName);
                        if (subset is null)
                        {
                            ctx.Unsupported($"{path}.target.subset", $"Subset '{subsetName}' of '{target.Service}' is not defined, so its labels are unknown; the policy is not written.");
                            continue;
                        }
                        if (subset.Labels.TryGetValue(options.WorkloadLabel, out var own) && own != service.Name)
                        {
                            ctx.Unsupported($"{path}.target.subset", $"Subset '{subsetName}' sets the '{options.WorkloadLabel}' label to '{own}', which the Server's selector uses for the service name; the policy is not written.");
                            continue;
                        }
                        foreach (var (key, value) in subset.Labels) labels[key] = value;
                        ctx.Approximated($"{path}.target.subset", $"The Servers select the pods of subset '{subsetName}' by its labels; read back, the policy targets the whole service '{target.Service}' (the subset labels are reported).");
                    }
                }
                string[] serverNames = [];
                if (service is not null)
                {
                    // Every port of the target gets its Server, so that what no rule allows is denied on every port, as an allow policy means.
                    serverNames = new string[service.Ports.Count];
                    for (var p = 0; p < serverNames.Length; p++)
                    {
                        var port = service.Ports[p];
                        serverNames[p] = ServerName(service, policy.Target!.Subset, port);
                        Add(0, policy.Namespace, serverNames[p], Server(serverNames[p], service.Namespace, port, p == 0 ? labels! : new Dictionary<string, string>(labels!, StringComparer.Ordinal)));
                    }
                }
                else
                {
                    ctx.Note(path, $"A Namespace-wide AuthorizationPolicy applies to the Servers of namespace '{policy.Namespace}'; ports no Server covers keep the cluster's default policy.");
                }
                if (policy.Rules.IsEmpty)
                {
                    ctx.Approximated($"{path}.rules", "An allow policy without rules admits nothing: only the target's Servers are written (Linkerd denies what no AuthorizationPolicy allows), and nothing of the policy reads back.");
                    continue;
                }

                var grants = new List<Grant>(policy.Rules.Count);
                var ruleBase = policy.Rules.Count == 1 ? policy.Name : null;
                for (var k = 0; k < policy.Rules.Count; k++)
                {
                    var rule = policy.Rules[k];
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
                        matches = Matches(to, rulePath, ctx);
                        if (matches is null) continue;
                        foreach (var port in ports)
                        {
                            if (port.Protocol is Protocol.Tcp or Protocol.Tls) ctx.Unsupported($"{rulePath}.to", $"Port {port.Port} of '{service.Reference}' is not HTTP, so no HTTPRoute can match methods or paths on it; the rule is not written for it.");
                        }
                        ports.RemoveAll(p => p.Protocol is Protocol.Tcp or Protocol.Tls);
                    }
                    // The authentications are written only once the rule is known to be written.
                    var sources = Sources(rule.From, policy.Namespace, authBase, rulePath, options, ctx, add);
                    if (sources.Count == 0 || (service is not null && ports.Count == 0)) continue;
                    if (service is null)
                    {
                        foreach (var (kind, name) in sources) grants.Add(new Grant(k, null, kind, name, null));
                        continue;
                    }
                    foreach (var port in ports)
                    {
                        foreach (var (kind, name) in sources) grants.Add(new Grant(k, port, kind, name, matches));
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
                        var serverName = serverNames[service.Ports.AsSpan().IndexOf(port)];
                        targetRef = new PolicyReference { Group = PolicyGroup, Kind = Resources.Server.KubeKind, Name = serverName };
                        if (grant.Matches is not null)
                        {
                            var routeName = ResourceNames.Join(name, "route");
                            Add(3, policy.Namespace, routeName, new PolicyHttpRoute
                            {
                                Metadata = { Name = routeName, NamespaceProperty = policy.Namespace },
                                Spec =
                                {
                                    ParentRefs = [new GatewayResources.ParentReference { Group = PolicyGroup, Kind = Resources.Server.KubeKind, Name = serverName }],
                                    Rules = [new GatewayResources.HttpRouteRule { Matches = grant.Matches }],
                                },
                            });
                            targetRef = new PolicyReference { Group = PolicyGroup, Kind = PolicyHttpRoute.KubeKind, Name = routeName };
                        }
                    }
                    Add(4, policy.Namespace, name, new AuthorizationPolicy
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
                Commit(path);
            }
        }
        var result = new List<object>();
        foreach (var kind in output)
        {
            var keys = new List<(string Namespace, string Name)>(kind.Keys);
            keys.Sort(OrdinalKeyComparer.Instance);
            foreach (var key in keys) result.Add(kind[key]);
        }
        return result;
    }

    private static string ServerName(MeshService service, string? subset, ServicePort port) =>
        ResourceNames.Join(service.Name, subset ?? string.Empty, port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Resources.Server Server(string name, string ns, ServicePort port, Dictionary<string, string> labels) => new()
    {
        Metadata = { Name = name, NamespaceProperty = ns },
        Spec =
        {
            PodSelector = new LabelSelector { MatchLabels = labels },
            Port = port.Port,
            ProxyProtocol = ProxyProtocols.Of(port.Protocol),
        },
    };

    /// <summary>The authentications of a rule's sources (each is one alternative), written through <paramref name="add"/>.</summary>
    private static List<(string Kind, string Name)> Sources(AccessSource? from, string ns, string authBase, string rulePath, LinkerdOptions options, RouteExportContext ctx, Action<int, string, string, object> add)
    {
        var result = new List<(string, string)>();
        var any = from is null || (from.ServiceAccounts.IsEmpty && from.Namespaces.IsEmpty && from.IpBlocks.IsEmpty && !from.Unauthenticated);
        if (any)
        {
            var name = ResourceNames.Join(authBase, "all");
            add(2, ns, name, new NetworkAuthentication { Metadata = { Name = name, NamespaceProperty = ns }, Spec = { Networks = [.. AllNetworks.Select(c => new Network { Cidr = c })] } });
            result.Add((NetworkAuthentication.KubeKind, name));
            return result;
        }
        if (!from!.ServiceAccounts.IsEmpty || !from.Namespaces.IsEmpty)
        {
            var name = ResourceNames.Join(authBase, "mtls");
            var spec = new MeshTlsAuthenticationSpec();
            if (from.Namespaces.IsEmpty)
            {
                spec.IdentityRefs = new List<PolicyReference>(from.ServiceAccounts.Count);
                foreach (var sa in from.ServiceAccounts) spec.IdentityRefs.Add(new PolicyReference { Kind = "ServiceAccount", Name = sa.Name, Namespace = sa.Namespace });
            }
            else
            {
                spec.Identities = new List<string>(from.ServiceAccounts.Count + from.Namespaces.Count);
                foreach (var sa in from.ServiceAccounts) spec.Identities.Add(LinkerdIdentity.Of(sa, options.TrustDomain));
                foreach (var n in from.Namespaces) spec.Identities.Add(LinkerdIdentity.OfNamespace(n, options.TrustDomain));
            }
            add(1, ns, name, new MeshTlsAuthentication { Metadata = { Name = name, NamespaceProperty = ns }, Spec = spec });
            result.Add((MeshTlsAuthentication.KubeKind, name));
        }
        if (!from.IpBlocks.IsEmpty)
        {
            var name = ResourceNames.Join(authBase, "net");
            add(2, ns, name, new NetworkAuthentication { Metadata = { Name = name, NamespaceProperty = ns }, Spec = { Networks = [.. from.IpBlocks.Select(c => new Network { Cidr = Cidrs.Of(c) })] } });
            result.Add((NetworkAuthentication.KubeKind, name));
        }
        if (from.Unauthenticated)
        {
            ctx.Unsupported($"{rulePath}.from.unauthenticated", "Linkerd authenticates clients by mesh identity or by network; it cannot allow only clients without an identity (an all-networks NetworkAuthentication would admit every client), so this source is not written.");
        }
        return result;
    }

    /// <summary>The route matches of a rule's methods and paths (every combination), or null when no path can be written.</summary>
    private static List<GatewayResources.HttpRouteMatch>? Matches(AccessOperation to, string rulePath, RouteExportContext ctx)
    {
        var paths = new List<GatewayResources.HttpPathMatch?>();
        for (var j = 0; j < to.Paths.Count; j++)
        {
            var text = to.Paths[j];
            var star = text.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                paths.Add(new GatewayResources.HttpPathMatch { Type = "Exact", Value = text });
            }
            else if (star == text.Length - 1 && text.StartsWith('/'))
            {
                var prefix = text[..^1];
                if (prefix.EndsWith('/'))
                {
                    prefix = prefix.Length == 1 ? "/" : prefix[..^1];
                }
                else
                {
                    ctx.Approximated($"{rulePath}.to.paths[{j}]", $"Gateway API path prefixes match whole path segments: '{text}' is written as the prefix '{prefix}', which does not match '{prefix}x…'.");
                }
                paths.Add(new GatewayResources.HttpPathMatch { Type = "PathPrefix", Value = prefix });
            }
            else if (text == "*")
            {
                paths.Add(new GatewayResources.HttpPathMatch { Type = "PathPrefix", Value = "/" });
            }
            else
            {
                ctx.Unsupported($"{rulePath}.to.paths[{j}]", $"An HTTPRoute matches exact paths, path prefixes and RE2 regular expressions; '{text}' (a suffix or inner wildcard) is not written.");
            }
        }
        if (!to.Paths.IsEmpty && paths.Count == 0)
        {
            ctx.Unsupported($"{rulePath}.to.paths", "None of the rule's paths can be written, so the rule is not written (writing it without paths would allow more).");
            return null;
        }
        if (paths.Count == 0) paths.Add(null);
        var result = new List<GatewayResources.HttpRouteMatch>(paths.Count * Math.Max(1, to.Methods.Count));
        foreach (var p in paths)
        {
            if (to.Methods.IsEmpty) result.Add(new GatewayResources.HttpRouteMatch { Path = p });
            foreach (var m in to.Methods) result.Add(new GatewayResources.HttpRouteMatch { Path = p, Method = m });
        }
        return result;
    }
}
