using Mesh.Kubernetes;
using System.Globalization;
using k8s.Models;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;
using TcpRoute = Mesh.Providers.Osm.Resources.TcpRoute;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Allow policies → SMI access control: a <c>TrafficTarget</c> per rule (named after the policy, <c>&lt;policy&gt;-r&lt;rule&gt;</c>
/// when it has several), in the target's namespace, whose destination is the target service's account and whose sources are the
/// rule's service accounts; what the rule allows is an <c>HTTPRouteGroup</c> of the same name (its paths × methods, one match each,
/// for the HTTP-family ports) and a <c>TCPRoute</c> of the same name (the target ports of its TCP and TLS ports, when no method or
/// path is required). A rule's IP blocks are an <c>IngressBackend</c> of the same name (<see cref="IngressBackendMapping"/>). Deny
/// rules, namespace-wide targets and other sources are reported.
/// </summary>
internal static partial class AccessPolicyMapping
{
    public const string HttpRouteGroupKind = "HTTPRouteGroup";

    public const string TcpRouteKind = "TCPRoute";

    /// <summary>The methods of HTTPRouteGroup's enum.</summary>
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal) { "GET", "HEAD", "PUT", "POST", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" };

    public static (List<TrafficTarget> Targets, List<HttpRouteGroup> Groups, List<TcpRoute> TcpRoutes, List<IngressBackend> Ingress) ToOsm(OsmExportContext ctx)
    {
        var targets = new List<TrafficTarget>();
        var ingress = new List<IngressBackend>();
        var groups = new List<HttpRouteGroup>();
        var tcpRoutes = new List<TcpRoute>();
        var names = new HashSet<(string, string)>();
        var protectedServices = new HashSet<ServiceRef>();
        var policies = ctx.Config.AccessPolicies;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var path = $"$.spec.accessPolicies[{i}]";
            if (!ctx.WritesAccessAction(i, OsmCapabilities.Instance)) continue;
            if (policy.Action == AccessAction.Deny)
            {
                ctx.Unsupported($"{path}.action", "SMI access control is allow-only: OSM denies what no TrafficTarget allows, and this deny policy is not written.");
                continue;
            }
            if (policy.Target is not { } target)
            {
                ctx.Unsupported($"{path}.target", "A TrafficTarget's destination is one service account: a policy for every workload of a namespace is not written.");
                continue;
            }
            protectedServices.Add(target.Service);
            if (target.Subset is not null)
            {
                ctx.Approximated($"{path}.target.subset", "A TrafficTarget's destination is the service's account: every subset of the service is allowed alike.");
            }
            if (policy.Rules.IsEmpty)
            {
                ctx.Note(path, "Allows nothing: OSM denies what no TrafficTarget allows, so nothing is written.");
                continue;
            }
            var service = ctx.FindService(target.Service);
            for (var j = 0; j < policy.Rules.Count; j++)
            {
                var rulePath = $"{path}.rules[{j.ToString(CultureInfo.InvariantCulture)}]";
                var name = policy.Rules.Count == 1 ? policy.Name : $"{policy.Name}-r{j.ToString(CultureInfo.InvariantCulture)}";
                if (!names.Add((target.Service.Namespace, name)) && !names.Add((target.Service.Namespace, name = $"{name}-{policy.Namespace}")))
                {
                    ctx.Unsupported(rulePath, $"Another policy's TrafficTarget in namespace {target.Service.Namespace} is named {name}: this rule is not written.");
                    continue;
                }
                if (ctx.FitAccessRule(i, j, OsmCapabilities.Instance) is not { } rule) continue;
                if (rule.From is { IpBlocks.IsEmpty: false } && IngressBackendMapping.ToOsm(name, policy, rule, service, rulePath, ctx) is { } backend) ingress.Add(backend);
                if (Sources(rule, rulePath, ctx) is not { } sources) continue;
                var rules = new List<TrafficTargetRule>();
                var to = rule.To ?? new AccessOperation();
                var (httpPorts, tcpPorts) = Ports(service, to, rulePath, ctx);
                if (httpPorts && HttpMatches(to, rulePath, ctx) is { } matches)
                {
                    groups.Add(Ownership.From(new HttpRouteGroup { Metadata = Meta(name, target.Service.Namespace), Spec = new HttpRouteGroupSpec { Matches = matches } }, ModelObjectNames.Of(policy)));
                    rules.Add(new TrafficTargetRule { Kind = HttpRouteGroupKind, Name = name, Matches = [.. matches.Select(m => m.Name!)] });
                }
                if (tcpPorts.Count > 0 && to.Methods.IsEmpty && to.Paths.IsEmpty)
                {
                    tcpRoutes.Add(Ownership.From(new TcpRoute { Metadata = Meta(name, target.Service.Namespace), Spec = new TcpRouteSpec { Matches = new TcpRouteMatches { Ports = tcpPorts } } }, ModelObjectNames.Of(policy)));
                    rules.Add(new TrafficTargetRule { Kind = TcpRouteKind, Name = name });
                }
                if (rules.Count == 0) continue;
                var meta = Meta(name, target.Service.Namespace);
                meta.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [OsmAnnotations.AccessPolicy] = $"{policy.Namespace}/{policy.Name}",
                    [OsmAnnotations.AccessRule] = j.ToString(CultureInfo.InvariantCulture),
                    [OsmAnnotations.Target] = target.Subset is null ? target.Service.Name : $"{target.Service.Name}/{target.Subset}",
                };
                if (!to.Ports.IsEmpty) meta.Annotations[OsmAnnotations.AccessPorts] = string.Join(",", to.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));
                targets.Add(Ownership.From(new TrafficTarget
                {
                    Metadata = meta,
                    Spec = new TrafficTargetSpec { Destination = Identities.Account(Identities.AccountOf(target.Service)), Rules = rules, Sources = sources },
                }, ModelObjectNames.Of(policy)));
            }
        }
        if (protectedServices.Count > 0) ReportOpenServices(protectedServices, ctx);
        return (targets, groups, tcpRoutes, ingress);
    }

    private static V1ObjectMeta Meta(string name, string ns) => new() { Name = name, NamespaceProperty = ns };

    /// <summary>The rule's service accounts; every other kind of source is reported (IP blocks are an IngressBackend's). Null when none is left.</summary>
    private static List<KindReference>? Sources(AccessRule rule, string path, OsmExportContext ctx)
    {
        if (rule.From is not { } from)
        {
            ctx.Unsupported($"{path}.from", "A TrafficTarget lists its sources: a rule allowing any caller is not written.");
            return null;
        }
        if (!from.Namespaces.IsEmpty) ctx.Unsupported($"{path}.from.namespaces", "TrafficTarget sources are service accounts: a whole namespace cannot be allowed.");
        if (from.Unauthenticated) ctx.Unsupported($"{path}.from.unauthenticated", "TrafficTarget sources are mesh identities: plaintext callers cannot be allowed.");
        if (from.ServiceAccounts.IsEmpty) return null;
        return [.. from.ServiceAccounts.Select(Identities.Account)];
    }

    /// <summary>Whether the rule allows HTTP-family ports, and the TCP and TLS target ports it allows.</summary>
    private static (bool Http, List<int> TcpPorts) Ports(MeshService? service, AccessOperation to, string path, OsmExportContext ctx)
    {
        var ports = service?.Ports ?? default;
        // A service that declares no port is taken to speak HTTP, OSM's default protocol.
        if (ports.IsEmpty) return (true, [.. to.Ports]);
        var selected = to.Ports.IsEmpty ? [.. ports] : ports.Where(p => to.Ports.Contains(p.Port)).ToList();
        var http = selected.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).ToList();
        if (!to.Ports.IsEmpty && http.Count > 0 && ports.Any(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc && !to.Ports.Contains(p.Port)))
        {
            ctx.Approximated($"{path}.to.ports", "An HTTPRouteGroup has no port: the target's other HTTP ports are allowed too.");
        }
        var tcp = new List<int>();
        foreach (var port in selected.Where(p => p.Protocol is Protocol.Tcp or Protocol.Tls))
        {
            // OSM matches a TCPRoute's ports on the workload's side: the target port.
            if (port.EffectiveTargetPort.Number is { } number) tcp.Add(number);
            else
            {
                ctx.Approximated($"{path}.to.ports", ctx.Message("A TCPRoute matches the workload's port by number: port {0} targets a named container port and is written by its service port number.", port.Port.ToString(CultureInfo.InvariantCulture)));
                tcp.Add(port.Port);
            }
        }
        // Ports the rule names that the service does not declare are matched as TCP ports.
        tcp.AddRange(to.Ports.Where(p => !ports.Any(q => q.Port == p)));
        return (http.Count > 0, [.. tcp.Distinct().Order()]);
    }

    /// <summary>The matches allowed on HTTP ports: one per path, each with the methods; null when every method is reported.</summary>
    private static List<HttpMatchDefinition>? HttpMatches(AccessOperation to, string path, OsmExportContext ctx)
    {
        var methods = to.Methods.Where(Methods.Contains).ToList();
        var dropped = to.Methods.Where(m => !Methods.Contains(m)).ToList();
        if (dropped.Count > 0)
        {
            ctx.Unsupported($"{path}.to.methods", $"HTTPRouteGroup's method enum has no {string.Join(", ", dropped)}: not allowed.");
            if (methods.Count == 0) return null;
        }
        var paths = to.Paths.IsEmpty ? [null] : to.Paths.Select(p => (string?)PathRegex.Of(p)).ToList();
        return [.. paths.Select((regex, k) => new HttpMatchDefinition
        {
            Name = $"m{k.ToString(CultureInfo.InvariantCulture)}",
            PathRegex = regex,
            Methods = methods.Count == 0 ? null : methods,
        })];
    }

    /// <summary>With any TrafficTarget permissive mode is off, and OSM denies calls to the services no policy protects, which the model allows.</summary>
    private static void ReportOpenServices(HashSet<ServiceRef> protectedServices, OsmExportContext ctx)
    {
        var open = ctx.Config.Services.Select(s => s.Reference).Where(s => !protectedServices.Contains(s)).Select(s => s.ToString()).ToList();
        if (open.Count == 0) return;
        ctx.Approximated("$.spec.accessPolicies", $"With access policies, permissive traffic policy mode is off, and OSM denies calls that no TrafficTarget allows: calls to {string.Join(", ", open)}, which no policy protects and the model lets anyone make, are denied.");
    }
}
