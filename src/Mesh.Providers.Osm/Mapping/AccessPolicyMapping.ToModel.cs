using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// TrafficTargets with the HTTPRouteGroups and TCPRoutes they name → allow policies on the service named after the destination
/// account (<see cref="Identities"/>), from the source accounts. A TrafficTarget annotated <see cref="OsmAnnotations.AccessPolicy"/>
/// and <see cref="OsmAnnotations.AccessRule"/> is that rule of that policy (the export writes one per rule); any other is a policy
/// of its own. Its HTTPRouteGroup matches become rules by method set (paths from <c>pathRegex</c>, <see cref="PathRegex.ToPattern"/>),
/// its TCPRoute ports the service ports they target. Two TrafficTargets read as one rule of one policy overlap, which SMI leaves
/// undefined: the first in namespace/name order is kept, the other reported, naming it.
/// </summary>
internal static partial class AccessPolicyMapping
{
    /// <summary>The annotations the import reads on a TrafficTarget.</summary>
    public static readonly IReadOnlySet<string> Carried = new HashSet<string>(StringComparer.Ordinal) { OsmAnnotations.AccessPolicy, OsmAnnotations.AccessRule, OsmAnnotations.Target, OsmAnnotations.AccessPorts };

    private sealed record PolicyDraft(string Name, string Namespace, ServiceRef Target, ImportDocument<TrafficTarget> First)
    {
        public SortedDictionary<int, (ImportDocument<TrafficTarget> Doc, List<AccessRule> Rules)> Rules { get; } = [];
    }

    public static List<AccessPolicy> ToModel(ImportIndex index, IReadOnlyList<MeshService> services, IReadOnlyDictionary<(ServiceRef Parent, string Subset), ServiceRef> leaves, ImportContext ctx)
    {
        var drafts = new List<PolicyDraft>();
        var byKey = new Dictionary<(string, string), PolicyDraft>();
        var usedGroups = new HashSet<(string, string)>();
        var usedTcp = new HashSet<(string, string)>();
        var byDestination = new Dictionary<ServiceRef, ((string, string) Key, ImportDocument<TrafficTarget> Doc)>();
        foreach (var doc in index.Targets.Values)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, Carried);
            if (doc.Resource.Spec is not { } spec)
            {
                ctx.Invalid(doc.Source, "$.spec", "A TrafficTarget needs a spec (destination, sources and rules).");
                continue;
            }
            if (spec.Destination is not { Kind: Identities.ServiceAccountKind, Name: { Length: > 0 } account } destination || !Validation.DnsNames.IsDnsLabel(account))
            {
                ctx.Invalid(doc.Source, "$.spec.destination", "A TrafficTarget's destination is a ServiceAccount with a name.");
                continue;
            }
            var service = new ServiceRef(account, string.IsNullOrEmpty(destination.Namespace) ? doc.Namespace : destination.Namespace);
            var target = Target(doc, service, leaves, ctx);
            var sources = Sources(doc, spec, ctx);
            if (sources is null) continue;
            var rules = Rules(doc, spec, new AccessSource { ServiceAccounts = [.. sources] }, services.FirstOrDefault(s => s.Reference == service), index, usedGroups, usedTcp, ctx);
            if (rules.Count == 0)
            {
                ctx.NotImported(doc.Source, "$.spec", "No rule of the TrafficTarget allows anything the model reads: it is not imported.");
                continue;
            }
            var (key, ruleIndex) = PolicyKey(doc, ctx);
            if (byDestination.TryGetValue(service, out var earlier) && earlier.Key != key)
            {
                ImportNotes.Note(ctx, doc.Source, "$.spec.destination", $"TrafficTarget {earlier.Doc.Namespace}/{earlier.Doc.Name} allows calls to {service} too: SMI does not say how TrafficTargets of one destination combine; OSM allows what any of them allows, and so does the model, which reads each as an access policy of its own.");
            }
            byDestination.TryAdd(service, (key, doc));
            if (!byKey.TryGetValue(key, out var draft))
            {
                draft = new PolicyDraft(key.Item2, key.Item1, target, doc);
                byKey[key] = draft;
                drafts.Add(draft);
            }
            else if (draft.Target != target)
            {
                ctx.NotImported(doc.Source, "$.spec.destination", $"TrafficTarget {draft.First.Namespace}/{draft.First.Name} is read as access policy {key.Item1}/{key.Item2} too, for {draft.Target}: a policy has one target, and this TrafficTarget is not imported.");
                continue;
            }
            if (!draft.Rules.TryAdd(ruleIndex, (doc, rules)))
            {
                var kept = draft.Rules[ruleIndex].Doc;
                ctx.NotImported(doc.Source, "$.spec", $"TrafficTarget {kept.Namespace}/{kept.Name} is read as the same rule of access policy {key.Item1}/{key.Item2}: SMI leaves such overlapping TrafficTargets undefined, and the model keeps {kept.Namespace}/{kept.Name}, the first in namespace/name order; this one is not imported.");
            }
        }
        ReportUnused(index, usedGroups, usedTcp, ctx);
        return [.. drafts.Select(d => new AccessPolicy
        {
            Name = d.Name,
            Namespace = d.Namespace,
            Target = new PolicyTarget { Service = d.Target },
            Action = AccessAction.Allow,
            Rules = [.. d.Rules.Values.SelectMany(r => r.Rules)],
        })];
    }

    /// <summary>The target service: the destination account's, or the leaf Service of the subset <see cref="OsmAnnotations.Target"/> names (folded back into that subset).</summary>
    private static ServiceRef Target(ImportDocument<TrafficTarget> doc, ServiceRef service, IReadOnlyDictionary<(ServiceRef Parent, string Subset), ServiceRef> leaves, ImportContext ctx)
    {
        if (OsmAnnotations.Get(doc.Resource.Metadata, OsmAnnotations.Target) is not { } text) return service;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? text : text[..slash];
        var path = "$.metadata.annotations" + JsonPaths.Segment(OsmAnnotations.Target);
        if (name != service.Name)
        {
            ctx.NotImported(doc.Source, path, $"It names {name}, not the destination's service {service.Name}: the destination is read.");
            return service;
        }
        if (slash < 0) return service;
        var subset = text[(slash + 1)..];
        if (leaves.TryGetValue((Parent: service, Subset: subset), out var leaf)) return leaf;
        ctx.NotImportedInfo(doc.Source, path, $"No leaf Service of the input stands for subset {subset} of {service}: the policy is read for the whole service, whose account the TrafficTarget names.");
        return service;
    }

    /// <summary>The source accounts, or null when none is left.</summary>
    private static List<ServiceAccountRef>? Sources(ImportDocument<TrafficTarget> doc, TrafficTargetSpec spec, ImportContext ctx)
    {
        var accounts = new List<ServiceAccountRef>();
        var list = spec.Sources ?? [];
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k] is { Kind: Identities.ServiceAccountKind, Name: { Length: > 0 } name } source && Validation.DnsNames.IsDnsLabel(name))
            {
                var account = new ServiceAccountRef(string.IsNullOrEmpty(source.Namespace) ? doc.Namespace : source.Namespace, name);
                if (!accounts.Contains(account)) accounts.Add(account);
            }
            else
            {
                ctx.NotImported(doc.Source, $"$.spec.sources[{k.ToString(CultureInfo.InvariantCulture)}]", "A source the model reads is a ServiceAccount with a name; this one allows nothing.");
            }
        }
        if (accounts.Count > 0) return accounts;
        ctx.NotImported(doc.Source, "$.spec", "No source account: the TrafficTarget allows no one, and is not imported.");
        return null;
    }

    /// <summary>The policy a TrafficTarget is a rule of (its annotations', else its own name) and the rule's index.</summary>
    private static ((string, string) Key, int Rule) PolicyKey(ImportDocument<TrafficTarget> doc, ImportContext ctx)
    {
        var annotations = doc.Resource.Metadata?.Annotations;
        if (OsmAnnotations.Get(doc.Resource.Metadata, OsmAnnotations.AccessPolicy) is not { } text) return ((doc.Namespace, doc.Name), 0);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !Validation.DnsNames.IsDnsLabel(text[..slash]) || !Validation.DnsNames.IsDnsLabel(text[(slash + 1)..]))
        {
            ctx.NotImported(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(OsmAnnotations.AccessPolicy), $"'{text}' is not namespace/name: the TrafficTarget is read as a policy of its own.");
            return ((doc.Namespace, doc.Name), 0);
        }
        var rule = OsmAnnotations.Get(doc.Resource.Metadata, OsmAnnotations.AccessRule) is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return ((text[..slash], text[(slash + 1)..]), rule);
    }

    /// <summary>The model rules of a TrafficTarget's rules.</summary>
    private static List<AccessRule> Rules(
        ImportDocument<TrafficTarget> doc,
        TrafficTargetSpec spec,
        AccessSource from,
        MeshService? service,
        ImportIndex index,
        HashSet<(string, string)> usedGroups,
        HashSet<(string, string)> usedTcp,
        ImportContext ctx)
    {
        var http = new List<(List<string> Methods, List<string?> Paths)>();
        List<int>? tcp = null;
        var tcpAll = false;
        var list = spec.Rules ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"$.spec.rules[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (list[i] is not { } rule) continue;
            var key = (doc.Namespace, rule.Name ?? string.Empty);
            if (rule.Kind == HttpRouteGroupKind && index.Groups.TryGetValue(key, out var group))
            {
                usedGroups.Add(key);
                HttpMatches(doc, path, rule, group, http, ctx);
            }
            else if (rule.Kind == TcpRouteKind && index.TcpRoutes.TryGetValue(key, out var route))
            {
                usedTcp.Add(key);
                if (rule.Matches is { Count: > 0 }) ctx.NotImported(doc.Source, $"{path}.matches", "A TCPRoute has no named matches; its ports are read.");
                if (route.Resource.Spec?.Matches?.Ports is { Count: > 0 } ports) (tcp ??= []).AddRange(ports.Where(p => p is >= 1 and <= 65535));
                else tcpAll = true;
                tcp ??= [];
            }
            else
            {
                ctx.NotImported(doc.Source, path, rule.Kind is HttpRouteGroupKind or TcpRouteKind
                    ? $"No {rule.Kind} {rule.Name} in namespace {doc.Namespace} is in the input: this rule allows nothing the model can read."
                    : $"'{rule.Kind}' is no rule kind of a TrafficTarget (HTTPRouteGroup or TCPRoute): it allows nothing.");
            }
        }
        if (http.Count == 0 && tcp is null) return [];
        var httpPorts = service?.Ports.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).Select(p => p.Port).ToList() ?? [];
        var tcpServicePorts = service?.Ports.Where(p => p.Protocol is Protocol.Tcp or Protocol.Tls).ToList() ?? [];
        var tcpPorts = tcp is null ? [] : tcpAll ? [.. tcpServicePorts.Select(p => p.Port)] : tcp.Distinct().Select(p => ServicePortOf(p, tcpServicePorts)).Distinct().ToList();
        var all = service?.Ports.Select(p => p.Port).ToHashSet() ?? [];
        // Ports that cover every port of the service are all ports, the model's default.
        EquatableArray<int> Ports(IEnumerable<int> ports)
        {
            var set = ports.Distinct().Order().ToList();
            return all.Count > 0 && all.All(set.Contains) ? default : [.. set];
        }
        var rules = new List<AccessRule>();
        var plain = http.Count == 1 && http[0].Methods.Count == 0 && http[0].Paths.All(p => p is null);
        if (plain && tcp is not null)
        {
            // A service the input does not declare is taken to speak HTTP on every port (as the export takes it): the TCP ports say it all.
            rules.Add(Rule(from, [], [], service is not { Ports.IsEmpty: false } ? (tcpAll ? default : [.. tcpPorts.Order()]) : Ports(httpPorts.Concat(tcpPorts))));
            return WrittenPorts(doc, rules, ctx);
        }
        foreach (var (methods, paths) in http)
        {
            var patterns = paths.Any(p => p is null) ? [] : paths.OfType<string>().Distinct().ToList();
            rules.Add(Rule(from, methods, patterns, tcpServicePorts.Count == 0 || httpPorts.Count == 0 ? default : Ports(httpPorts)));
        }
        if (tcp is not null) rules.Add(Rule(from, [], [], tcpAll && httpPorts.Count == 0 ? default : Ports(tcpPorts)));
        return WrittenPorts(doc, rules, ctx);
    }

    /// <summary>
    /// The rules with the ports <see cref="OsmAnnotations.AccessPorts"/> names: the TrafficTarget is then one model rule, whose
    /// TCPRoute (written only for a rule without methods and paths) says no more than the ports.
    /// </summary>
    private static List<AccessRule> WrittenPorts(ImportDocument<TrafficTarget> doc, List<AccessRule> rules, ImportContext ctx)
    {
        if (OsmAnnotations.Get(doc.Resource.Metadata, OsmAnnotations.AccessPorts) is not { } text || rules.Count == 0) return rules;
        var ports = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) ports.Add(port);
            else
            {
                ctx.NotImported(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(OsmAnnotations.AccessPorts), $"'{text}' is not a list of port numbers; the ports are read from the rules.");
                return rules;
            }
        }
        var http = rules.Where(r => r.To is { } to && (!to.Methods.IsEmpty || !to.Paths.IsEmpty)).ToList();
        return [.. (http.Count > 0 ? http : [rules[0]]).Select(r => r with { To = (r.To ?? new AccessOperation()) with { Ports = [.. ports] } })];
    }

    private static AccessRule Rule(AccessSource from, List<string> methods, List<string> paths, EquatableArray<int> ports) =>
        new()
        {
            From = from,
            To = methods.Count == 0 && paths.Count == 0 && ports.IsEmpty ? null : new AccessOperation { Methods = [.. methods], Paths = [.. paths], Ports = ports },
        };

    /// <summary>The service port a TCPRoute port (the workload's, i.e. a target port) stands for; the number itself when none does.</summary>
    private static int ServicePortOf(int port, List<ServicePort> ports) =>
        ports.Find(p => p.EffectiveTargetPort.Number == port)?.Port ?? ports.Find(p => p.Port == port)?.Port ?? port;

    /// <summary>The matches of <paramref name="group"/> a rule names, added to <paramref name="http"/> by method set.</summary>
    private static void HttpMatches(ImportDocument<TrafficTarget> doc, string path, TrafficTargetRule rule, ImportDocument<HttpRouteGroup> group, List<(List<string> Methods, List<string?> Paths)> http, ImportContext ctx)
    {
        var matches = group.Resource.Spec?.Matches ?? [];
        var names = rule.Matches is { Count: > 0 } named ? named : [.. matches.Select(m => m?.Name).OfType<string>()];
        if (rule.Matches is not { Count: > 0 } && matches.Exists(m => m?.Name is null))
        {
            ctx.NotImported(group.Source, "$.spec.matches", "A match without a name cannot be named by a TrafficTarget rule.");
        }
        for (var k = 0; k < names.Count; k++)
        {
            var m = matches.FindIndex(x => x?.Name == names[k]);
            if (m < 0)
            {
                ctx.NotImported(doc.Source, $"{path}.matches[{k.ToString(CultureInfo.InvariantCulture)}]", $"HTTPRouteGroup {group.Name} has no match {names[k]}: it allows nothing.");
                continue;
            }
            var match = matches[m]!;
            var at = $"$.spec.matches[{m.ToString(CultureInfo.InvariantCulture)}]";
            if (match.Headers is { Count: > 0 }) ctx.NotImported(group.Source, $"{at}.headers", "The model's access rules have no header conditions: the match is read without them, allowing requests with any headers.");
            string? pattern = null;
            if (match.PathRegex is { } regex)
            {
                pattern = PathRegex.ToPattern(regex);
                if (pattern is null)
                {
                    ctx.NotImported(group.Source, $"{at}.pathRegex", $"'{regex}' is not a path the model's access rules take (exact, prefix '/a/.*', suffix '.*x' or any '.*'): the match allows nothing in the model.");
                    continue;
                }
                if (pattern == "*") pattern = null;
            }
            var methods = new List<string>();
            foreach (var method in match.Methods ?? [])
            {
                if (method == "*")
                {
                    methods.Clear();
                    break;
                }
                if (Methods.Contains(method) && !methods.Contains(method)) methods.Add(method);
            }
            if (match.Methods is { Count: > 0 } written && methods.Count == 0 && !written.Contains("*"))
            {
                ctx.NotImported(group.Source, $"{at}.methods", "No method of HTTPRouteGroup's enum: the match allows nothing.");
                continue;
            }
            var same = http.FindIndex(h => h.Methods.Count == methods.Count && h.Methods.All(methods.Contains));
            if (same < 0) http.Add((methods, [pattern]));
            else http[same].Paths.Add(pattern);
        }
    }

    /// <summary>HTTPRouteGroups and TCPRoutes no TrafficTarget names allow nothing.</summary>
    private static void ReportUnused(ImportIndex index, HashSet<(string, string)> usedGroups, HashSet<(string, string)> usedTcp, ImportContext ctx)
    {
        foreach (var (key, group) in index.Groups)
        {
            ctx.ReportMetadata(group.Resource.Metadata, group.Source);
            if (!usedGroups.Contains(key)) ctx.NotImported(group.Source, "$.spec", "No TrafficTarget of the input names this HTTPRouteGroup (OSM routes no request by it): it allows nothing and is not imported.");
        }
        foreach (var (key, route) in index.TcpRoutes)
        {
            ctx.ReportMetadata(route.Resource.Metadata, route.Source);
            if (!usedTcp.Contains(key)) ctx.NotImported(route.Source, "$.spec", "No TrafficTarget of the input names this TCPRoute: it allows nothing and is not imported.");
        }
    }
}
