using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;
using GatewayRoute = Mesh.Providers.AppMesh.Resources.GatewayRoute;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Gateway routes ↔ App Mesh GatewayRoutes. An App Mesh gateway route has one match, one host name condition and one target,
/// so a model route is written as one <c>httpRoute</c> per rule, match, bound listener and host name (<c>NAME-0</c>,
/// <c>NAME-1</c>, …), in the model's order as <c>priority</c>: the host names the route and its listener both serve are
/// <c>match.hostname</c> (<c>*.example.com</c> as the suffix <c>.example.com</c>), the listener's port is <c>match.port</c>
/// when the gateway has several (or the route names the listener), and the target is the backend's virtual service (and port).
/// App Mesh rewrites a request's host to the target's name and a matched prefix to <c>/</c> unless told not to: the export
/// disables both unless the model rewrites them. What a gateway route cannot hold — a split, a subset, retries, timeouts,
/// faults, mirrors, redirects, header changes, CORS — is reported. Import groups the routes the export wrote from one
/// model route (the <c>mesh-sdk.io/source</c> annotation; otherwise each is a route of its own) and reads each run of routes
/// with the same action, in priority order, as one rule.
/// </summary>
internal static class GatewayRouteMapping
{
    /// <summary>App Mesh's highest (last) gateway route priority.</summary>
    public const int MaxPriority = 1000;

    // Model → App Mesh.

    public static List<GatewayRoute> ToAppMesh(MeshConfig config, List<GatewayMapping.Planned> gateways, AppMeshExportContext ctx)
    {
        var written = new List<GatewayRoute>();
        for (var i = 0; i < config.GatewayRoutes.Count; i++)
        {
            var route = config.GatewayRoutes[i];
            var path = $"$.spec.gatewayRoutes[{i}]";
            var count = 0;
            // One pass per gateway, over the listeners of every binding to it: the rules keep their order across the gateway's
            // priorities (a pass per binding would interleave them, and they would read back repeated).
            foreach (var binding in Enumerable.Range(0, route.Gateways.Count).GroupBy(x => (route.Gateways[x].Name, route.Gateways[x].Namespace)))
            {
                var g = binding.First();
                var reference = route.Gateways[g];
                var plan = gateways.FirstOrDefault(p => p.Gateway.Name == reference.Name && p.Gateway.Namespace == reference.Namespace);
                if (plan is null)
                {
                    foreach (var x in binding) ctx.Unsupported($"{path}.gateways[{x}]", $"Gateway '{reference.Namespace}/{reference.Name}' is not written (see its diagnostics): the route is not written for it.");
                    continue;
                }
                var listeners = new List<(GatewayListener Listener, int Port)>();
                foreach (var x in binding)
                {
                    var bound = route.Gateways[x];
                    var own = plan.Listeners.Where(l => l.Listener.Protocol is ListenerProtocol.Http or ListenerProtocol.Https && (bound.Listener is null || l.Listener.Name == bound.Listener)).ToList();
                    if (own.Count == 0)
                    {
                        ctx.Unsupported($"{path}.gateways[{x}]", bound.Listener is null
                            ? $"Gateway '{bound.Namespace}/{bound.Name}' has no HTTP or HTTPS listener written: the route is not written for it."
                            : $"Listener '{bound.Listener}' of gateway '{bound.Namespace}/{bound.Name}' is not written (see its diagnostics): the route is not written for it.");
                    }
                    foreach (var listener in own.Where(l => !listeners.Contains(l))) listeners.Add(listener);
                }
                if (listeners.Count == 0) continue;
                var withPort = plan.Ports > 1 || binding.All(x => route.Gateways[x].Listener is not null);
                var before = count;
                for (var k = 0; k < route.Rules.Count; k++)
                {
                    var rulePath = $"{path}.rules[{k}]";
                    if (Action(route.Rules[k], route.Namespace, rulePath, ctx) is not { } action) continue;
                    var matches = route.Rules[k].Matches.IsEmpty ? [null] : route.Rules[k].Matches.Select(m => (HttpMatch?)m).ToList();
                    for (var m = 0; m < matches.Count; m++)
                    {
                        var matchPath = matches[m] is null ? rulePath : $"{rulePath}.matches[{m}]";
                        foreach (var port in listeners.Select(l => l.Port).Distinct())
                        {
                            if (matches[m]?.Port is { } wanted && wanted != port) continue;
                            var hosts = listeners.Where(l => l.Port == port).SelectMany(l => Hosts(route.Hostnames, l.Listener.Hosts)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                            foreach (var host in hosts)
                            {
                                var match = Match(matches[m], matchPath, host, withPort ? port : null, ctx);
                                written.Add(Resource(route, plan, count++, match, action(match), rulePath, ctx));
                            }
                        }
                    }
                }
                if (count == before && route.Rules.Count > 0)
                {
                    ctx.Unsupported($"{path}.gateways[{g}]", $"No rule of the route is written for gateway '{reference.Namespace}/{reference.Name}': its listeners serve none of the route's host names, or no rule can be written (see the rules' diagnostics).");
                }
                else if (count > before)
                {
                    plan.RouteNamespaces.Add(route.Namespace);
                }
            }
        }
        return written;
    }

    /// <summary>The host name conditions of a route on a listener: null for any host; empty when they serve no host in common.</summary>
    public static IEnumerable<string?> Hosts(EquatableArray<string> route, EquatableArray<string> listener)
    {
        var routeAll = route.IsEmpty || route.Contains("*");
        var listenerAll = listener.IsEmpty || listener.Contains("*");
        if (routeAll && listenerAll) return [null];
        if (routeAll) return listener;
        if (listenerAll) return route;
        var both = new List<string?>();
        foreach (var r in route)
        {
            foreach (var l in listener)
            {
                if (Narrower(r, l) is { } h && !both.Contains(h, StringComparer.OrdinalIgnoreCase)) both.Add(h);
            }
        }
        return both;
    }

    /// <summary>The narrower of two host names when one includes the other (<c>*.example.com</c> includes <c>shop.example.com</c>), else null.</summary>
    private static string? Narrower(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return a;
        if (b.StartsWith("*.", StringComparison.Ordinal) && a.EndsWith(b[1..], StringComparison.OrdinalIgnoreCase)) return a;
        if (a.StartsWith("*.", StringComparison.Ordinal) && b.EndsWith(a[1..], StringComparison.OrdinalIgnoreCase)) return b;
        return null;
    }

    private static GatewayHttpRouteMatch Match(HttpMatch? match, string path, string? host, int? port, AppMeshExportContext ctx)
    {
        var written = MatchMapping.Http(match, path, null, ctx);
        return new GatewayHttpRouteMatch
        {
            Prefix = written.Prefix,
            Path = written.Path,
            Method = written.Method,
            Headers = written.Headers,
            QueryParameters = written.QueryParameters,
            Hostname = host is null ? null
                : host.StartsWith("*.", StringComparison.Ordinal) ? new GatewayRouteHostnameMatch { Suffix = host[1..] }
                : new GatewayRouteHostnameMatch { Exact = host },
            Port = port,
        };
    }

    private static GatewayRoute Resource(Model.GatewayRoute route, GatewayMapping.Planned plan, int n, GatewayHttpRouteMatch match, GatewayHttpRouteAction action, string rulePath, AppMeshExportContext ctx)
    {
        var priority = plan.NextPriority++;
        if (priority > MaxPriority)
        {
            ctx.ApproximatedOnce(rulePath, $"App Mesh orders a gateway's routes by priority 0–{MaxPriority}: gateway '{plan.Gateway.Namespace}/{plan.Gateway.Name}' has more routes than that, so the later ones share priority {MaxPriority} and App Mesh orders them itself.");
            priority = MaxPriority;
        }
        var resource = new GatewayRoute
        {
            Metadata =
            {
                Name = $"{route.Name}-{n}",
                NamespaceProperty = route.Namespace,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [GatewayMapping.GatewayLabel] = plan.Gateway.Name, [GatewayMapping.GatewayNamespaceLabel] = plan.Gateway.Namespace },
            },
            Spec = { Priority = priority, HttpRoute = new GatewayHttpRouteSpec { Match = match, Action = action } },
        };
        return Ownership.From(resource, ModelObjectNames.Of(route));
    }

    /// <summary>
    /// What a rule's requests become: a function of the match written (the path rewrite depends on the match's kind), or null
    /// when the rule cannot be written (reported).
    /// </summary>
    private static Func<GatewayHttpRouteMatch, GatewayHttpRouteAction>? Action(HttpRouteRule rule, string routeNamespace, string path, AppMeshExportContext ctx)
    {
        if (rule.Redirect is not null)
        {
            ctx.UnsupportedOnce($"{path}.redirect", "App Mesh gateway routes cannot redirect: the rule is not written (its requests get 404 or the next rule).");
            return null;
        }
        if (rule.Backends.IsEmpty) return null;
        var index = 0;
        for (var b = 1; b < rule.Backends.Count; b++) if (rule.Backends[b].Weight > rule.Backends[index].Weight) index = b;
        var chosen = rule.Backends[index];
        if (rule.Backends.Count > 1)
        {
            var total = rule.Backends.Sum(b => (long)b.Weight);
            ctx.UnsupportedOnce($"{path}.backends", $"An App Mesh gateway route has one target and no weights: every request goes to {chosen.Service} (weight {chosen.Weight} of {total}); the other backends get none. Split behind the gateway with a route of {chosen.Service} instead.");
        }
        var backendPath = $"{path}.backends[{index}]";
        string? targetName;
        var service = ctx.FindService(chosen.Service);
        if (service is not null)
        {
            targetName = ctx.Fqdn(service.Reference);
            if (chosen.Subset is not null)
            {
                ctx.UnsupportedOnce($"{backendPath}.subset", $"An App Mesh gateway route targets a virtual service, not a subset: requests go to the whole service {chosen.Service} (its routes decide the subset).");
            }
        }
        else if (ctx.FindExternal(chosen.Service) is not null && ctx.Plan.Nodes.FirstOrDefault(n => n.External is { } e && e.Name == chosen.Service.Name && e.Namespace == chosen.Service.Namespace) is { Host: { } host })
        {
            targetName = host;
        }
        else
        {
            ctx.UnsupportedOnce($"{backendPath}.service", $"{chosen.Service} has no virtual service in the output: the rule is not written.");
            return null;
        }
        var port = chosen.Port;
        if (port is null && service is { Ports.Count: > 1 })
        {
            port = service.Ports[0].Port;
            ctx.ApproximatedOnce($"{backendPath}.port", $"App Mesh needs the target's port when its virtual service has several: port {port}, the first of {chosen.Service}, is written.");
        }
        if (rule.Timeout is not null) ctx.UnsupportedOnce($"{path}.timeout", "App Mesh gateway routes have no timeout: the target's own routes' timeouts apply.");
        if (rule.Retry is not null) ctx.UnsupportedOnce($"{path}.retry", "App Mesh gateway routes do not retry: the target's own routes' retries apply.");
        if (rule.Fault is not null) ctx.UnsupportedOnce($"{path}.fault", "App Mesh has no fault injection.");
        if (rule.Mirror is not null) ctx.UnsupportedOnce($"{path}.mirror", "App Mesh has no traffic mirroring.");
        if (rule.RequestHeaders is not null) ctx.UnsupportedOnce($"{path}.requestHeaders", "App Mesh gateway routes cannot change headers.");
        if (rule.ResponseHeaders is not null) ctx.UnsupportedOnce($"{path}.responseHeaders", "App Mesh gateway routes cannot change headers.");
        if (rule.Cors is not null) ctx.UnsupportedOnce($"{path}.cors", "App Mesh has no CORS policy.");
        var reference = new AppMeshReference { Name = chosen.Service.Name, Namespace = chosen.Service.Namespace == routeNamespace ? null : chosen.Service.Namespace };
        var rewrite = rule.Rewrite;
        var hostname = new GatewayRouteHostnameRewrite { DefaultTargetHostname = "DISABLED" };
        if (rewrite?.Authority is { } authority)
        {
            if (string.Equals(authority, targetName, StringComparison.OrdinalIgnoreCase)) hostname.DefaultTargetHostname = "ENABLED";
            else ctx.UnsupportedOnce($"{path}.rewrite.authority", $"An App Mesh gateway route rewrites the host only to its target's name ({targetName}): the authority '{authority}' is not written, and the request keeps its host.");
        }
        return match =>
        {
            var written = new GatewayHttpRouteRewrite { Hostname = hostname };
            if (match.Prefix is not null)
            {
                if (rewrite?.PathPrefix is { } prefix) written.Prefix = new GatewayRoutePrefixRewrite { Value = prefix };
                else written.Prefix = new GatewayRoutePrefixRewrite { DefaultPrefix = "DISABLED" };
                if (rewrite?.FullPath is not null) ctx.UnsupportedOnce($"{path}.rewrite.fullPath", "App Mesh rewrites a prefix match's prefix only: the full path rewrite is not written on this rule's prefix matches (the path is kept).");
            }
            else if ((rewrite?.FullPath ?? (match.Path?.Exact is not null ? rewrite?.PathPrefix : null)) is { } full)
            {
                written.Path = new GatewayRoutePathRewrite { Exact = full };
            }
            else if (rewrite?.PathPrefix is not null)
            {
                ctx.UnsupportedOnce($"{path}.rewrite.pathPrefix", "App Mesh rewrites a regular-expression match's path to one exact path only: the prefix rewrite is not written on this rule's regex matches (the path is kept).");
            }
            return new GatewayHttpRouteAction
            {
                Target = new GatewayRouteTarget { VirtualService = new GatewayRouteVirtualService { VirtualServiceRef = reference }, Port = port },
                Rewrite = written,
            };
        };
    }

    // App Mesh → model.

    /// <summary>One GatewayRoute read: its gateway, the model route it belongs to, its order, and the rule it stands for.</summary>
    internal sealed record Part(string Route, int Priority, string Name, int? Port, string? Host, HttpMatch Match, HttpRouteRule Action);

    public static void ToModel(
        IEnumerable<ImportDocument<GatewayRoute>> routes,
        IReadOnlyList<GatewayMapping.Read> gateways,
        IReadOnlyDictionary<ResourceKey, ServiceRef> virtualServices,
        IReadOnlyDictionary<ResourceKey, ImportDocument<VirtualService>> documents,
        List<Model.GatewayRoute> model,
        ImportContext ctx)
    {
        var groups = new SortedDictionary<(ResourceKey Gateway, string Namespace, string Route), List<Part>>();
        foreach (var document in routes)
        {
            if (Gateway(document, gateways, ctx) is not { } gateway) continue;
            if (Read(document, virtualServices, documents, ctx) is not { } part) continue;
            var key = (new ResourceKey(gateway.Document.Namespace, gateway.Document.Name), document.Namespace, part.Route);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(part);
        }
        foreach (var ((gatewayKey, ns, name), parts) in groups)
        {
            var gateway = gateways.First(g => g.Document.Namespace == gatewayKey.Namespace && g.Document.Name == gatewayKey.Name);
            parts.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : string.CompareOrdinal(a.Name, b.Name));
            var rules = new List<HttpRouteRule>();
            foreach (var part in parts)
            {
                if (rules.Count > 0 && rules[^1] with { Matches = default } == part.Action)
                {
                    if (!rules[^1].Matches.Contains(part.Match)) rules[^1] = rules[^1] with { Matches = [.. rules[^1].Matches, part.Match] };
                    continue;
                }
                rules.Add(part.Action with { Matches = [part.Match] });
            }
            // A rule with a match on everything matches every request: the model writes that as no match.
            rules = [.. rules.Select(r => r.Matches.Contains(new HttpMatch()) ? r with { Matches = default } : r)];
            var hostnames = parts.Any(p => p.Host is null) ? [] : parts.Select(p => p.Host!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var ports = parts.Select(p => p.Port).Distinct().ToList();
            List<GatewayRef> refs = ports.Contains(null) || (gateway.Gateway.Listeners.Count > 1 && gateway.Gateway.Listeners.All(l => ports.Contains(l.Port)))
                ? [new GatewayRef { Name = gateway.Gateway.Name, Namespace = gateway.Gateway.Namespace }]
                : [.. ports.Select(p => gateway.ListenerOn(p!.Value)).OfType<string>().Order(StringComparer.Ordinal).Select(l => new GatewayRef { Name = gateway.Gateway.Name, Namespace = gateway.Gateway.Namespace, Listener = l })];
            if (refs.Count == 0) continue;
            var routeName = model.Any(r => r.Namespace == ns && r.Name == name) ? $"{name}-{gateway.Gateway.Name}" : name;
            model.Add(new Model.GatewayRoute { Name = routeName, Namespace = ns, Gateways = [.. refs], Hostnames = [.. hostnames], Rules = [.. rules] });
        }
    }

    /// <summary>The gateway a route attaches to: the one gateway read whose selectors select it.</summary>
    private static GatewayMapping.Read? Gateway(ImportDocument<GatewayRoute> document, IReadOnlyList<GatewayMapping.Read> gateways, ImportContext ctx)
    {
        var labels = document.Resource.Metadata?.Labels ?? new Dictionary<string, string>();
        var selecting = gateways.Where(g => Selects(g.Document.Resource.Spec?.NamespaceSelector, document.Namespace)
            && (g.Document.Resource.Spec?.GatewayRouteSelector?.MatchLabels ?? []).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        if (selecting.Count == 1) return selecting[0];
        ctx.NotImported(document.Source, "$.spec", selecting.Count == 0
            ? "No VirtualGateway of the input selects this gateway route (by its namespaceSelector and gatewayRouteSelector), so App Mesh attaches it to none; it was not imported."
            : $"VirtualGateways {string.Join(", ", selecting.Select(g => $"{g.Document.Namespace}/{g.Document.Name}"))} all select this gateway route, which App Mesh refuses; it was not imported.");
        return null;
    }

    /// <summary>Whether a namespace selector selects <paramref name="ns"/>: by its name label; a selector on other namespace labels is assumed to (the input has no Namespaces).</summary>
    private static bool Selects(AppMeshLabelSelector? selector, string ns)
    {
        if (selector is null) return false;
        if (selector.MatchLabels?.TryGetValue(GatewayMapping.NamespaceNameLabel, out var name) == true && name != ns) return false;
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            if (requirement?.Key != GatewayMapping.NamespaceNameLabel) continue;
            var listed = requirement.Values?.Contains(ns) ?? false;
            if (requirement.Operator == "In" && !listed) return false;
            if (requirement.Operator == "NotIn" && listed) return false;
            if (requirement.Operator == "DoesNotExist") return false;
        }
        return true;
    }

    private static Part? Read(ImportDocument<GatewayRoute> document, IReadOnlyDictionary<ResourceKey, ServiceRef> virtualServices, IReadOnlyDictionary<ResourceKey, ImportDocument<VirtualService>> documents, ImportContext ctx)
    {
        var (source, spec) = (document.Source, document.Resource.Spec);
        if (spec.MeshRef is not null) ctx.NotImportedInfo(source, "$.spec.meshRef", "The mesh reference is set by the App Mesh controller.");
        if (spec.VirtualGatewayRef is not null) ctx.NotImportedInfo(source, "$.spec.virtualGatewayRef", "The gateway reference is set by the App Mesh controller; the route's gateway is the VirtualGateway that selects it.");
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The model names routes after the resource; the App Mesh name is not kept.");
        var kinds = (spec.HttpRoute is null ? 0 : 1) + (spec.Http2Route is null ? 0 : 1) + (spec.GrpcRoute is null ? 0 : 1);
        if (kinds != 1)
        {
            ctx.Invalid(source, "$.spec", "A gateway route takes exactly one of httpRoute, http2Route or grpcRoute.");
            return null;
        }
        var owner = Ownership.SourcesOf(document.Resource).FirstOrDefault(s => s.StartsWith("gatewayRoutes/", StringComparison.Ordinal));
        var route = owner is not null && owner.Split('/') is [_, var ns, var modelName] && ns == document.Namespace && Validation.DnsNames.IsDnsLabel(modelName) ? modelName : document.Name;
        var priority = spec.Priority ?? MaxPriority;
        string kind;
        int? port;
        GatewayRouteHostnameMatch? hostname;
        MatchResult? match;
        GatewayRouteTarget? target;
        GatewayRouteHostnameRewrite? hostRewrite;
        GatewayHttpRouteRewrite? rewrite = null;
        if (spec.GrpcRoute is { } grpc)
        {
            kind = "grpcRoute";
            port = grpc.Match?.Port;
            hostname = grpc.Match?.Hostname;
            match = MatchMapping.ToModel(grpc.Match is { } g ? new GrpcRouteMatch { ServiceName = g.ServiceName, Metadata = g.Metadata } : null, source, "$.spec.grpcRoute.match", ctx);
            target = grpc.Action?.Target;
            hostRewrite = grpc.Action?.Rewrite?.Hostname;
        }
        else
        {
            var http = spec.HttpRoute ?? spec.Http2Route!;
            kind = spec.HttpRoute is not null ? "httpRoute" : "http2Route";
            port = http.Match?.Port;
            hostname = http.Match?.Hostname;
            match = MatchMapping.ToModel(http.Match is { } h ? new HttpRouteMatch { Prefix = h.Prefix ?? (h.Path is null ? "/" : null), Path = h.Path, Method = h.Method, Headers = h.Headers, QueryParameters = h.QueryParameters } : null, source, $"$.spec.{kind}.match", ctx);
            target = http.Action?.Target;
            rewrite = http.Action?.Rewrite;
            hostRewrite = rewrite?.Hostname;
        }
        if (match is null) return null;
        var path = $"$.spec.{kind}";
        string? host = null;
        if (hostname is not null)
        {
            if ((hostname.Exact is null) == (hostname.Suffix is null))
            {
                ctx.Invalid(source, $"{path}.match.hostname", "A hostname match takes exactly one of exact or suffix.");
                return null;
            }
            host = hostname.Exact ?? (hostname.Suffix!.StartsWith('.') ? "*" + hostname.Suffix : null);
            if (host is null || !Validation.DnsNames.IsHostName(host.TrimStart('*', '.')))
            {
                ctx.NotImported(source, $"{path}.match.hostname", $"The model's route host names are exact names or *. wildcards: '{hostname.Exact ?? hostname.Suffix}' was not imported, nor the route.");
                return null;
            }
            host = host.ToLowerInvariant();
        }
        if (target?.VirtualService is not { } vs)
        {
            ctx.Invalid(source, $"{path}.action.target.virtualService", "A gateway route needs a target virtual service.");
            return null;
        }
        if (vs.VirtualServiceRef is not { Name: { Length: > 0 } vsName } reference)
        {
            ctx.NotImported(source, $"{path}.action.target.virtualService", "A virtual service named by ARN lives outside the input; the route was not imported.");
            return null;
        }
        var key = new ResourceKey(string.IsNullOrEmpty(reference.Namespace) ? document.Namespace : reference.Namespace, vsName);
        if (!virtualServices.TryGetValue(key, out var service))
        {
            ctx.NotImported(source, $"{path}.action.target.virtualService.virtualServiceRef", $"Virtual service {key} is not in the input (or was not imported); the route was not imported.");
            return null;
        }
        var rule = new HttpRouteRule { Backends = [new WeightedBackend { Service = service, Port = target.Port is > 0 ? target.Port : null }] };
        var model = new Rewrite();
        if (hostRewrite?.DefaultTargetHostname != "DISABLED")
        {
            var awsName = documents.TryGetValue(key, out var doc) && doc.Resource.Spec.AwsName is { } n ? n : $"{key.Name}.{key.Namespace}";
            model = model with { Authority = awsName };
        }
        var prefixMatch = match.Match.Path is null or { Kind: PathMatchKind.Prefix };
        if (rewrite?.Prefix is { } prefix)
        {
            if (!prefixMatch) ctx.NotImported(source, $"{path}.action.rewrite.prefix", "A prefix rewrite applies to prefix matches only; it was not imported.");
            else if (prefix.Value is { } value) model = model with { PathPrefix = value };
            else if (prefix.DefaultPrefix != "DISABLED" && match.Match.Path is not null) model = model with { PathPrefix = "/" };
        }
        else if (prefixMatch && match.Match.Path is not null)
        {
            model = model with { PathPrefix = "/" };
        }
        if (rewrite?.Path?.Exact is { } exact)
        {
            if (prefixMatch) ctx.NotImported(source, $"{path}.action.rewrite.path", "App Mesh rewrites the path of exact and regex matches only; it was not imported.");
            else model = model with { FullPath = exact };
        }
        if (model != new Rewrite()) rule = rule with { Rewrite = model };
        return new Part(route, priority, document.Name, port is > 0 ? port : null, host, match.Match, rule);
    }
}
