using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Validation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Gateway routes ↔ <c>HTTPRoute</c>s whose <c>parentRefs</c> name Gateways (a listener by <c>sectionName</c>, once per
/// Gateway API listener it is written as), with the host names as <c>hostnames</c> and the rules of mesh routes. A backend
/// or mirror in another namespace than the route gets a <c>ReferenceGrant</c> there (one per namespace pair), which Gateway
/// API requires; grants are derived again on export and noted on import. Routes are read after every Gateway of the input.
/// </summary>
internal static class GatewayRouteMapping
{
    /// <summary>The group of Gateway parents.</summary>
    public const string GatewayGroup = "gateway.networking.k8s.io";

    public static List<Resources.HttpRoute> ToGatewayApi(MeshConfig config, IReadOnlyCollection<Resources.Gateway> written, ISet<(string Namespace, string Name)> taken, Grants grants, RouteExportContext ctx)
    {
        var routes = new List<Resources.HttpRoute>();
        for (var i = 0; i < config.GatewayRoutes.Count; i++)
        {
            var route = config.GatewayRoutes[i];
            var path = $"$.spec.gatewayRoutes[{i}]";
            var parents = new List<ParentReference>();
            for (var g = 0; g < route.Gateways.Count; g++)
            {
                var reference = route.Gateways[g];
                var gateway = config.FindGateway(reference.Name, reference.Namespace);
                if (gateway is null || !written.Any(w => w.Metadata.Name == reference.Name && w.Metadata.NamespaceProperty == reference.Namespace))
                {
                    ctx.Unsupported($"{path}.gateways[{g}]", $"Gateway '{reference.Namespace}/{reference.Name}' is not written, so the route is not bound to it.");
                    continue;
                }
                var ns = reference.Namespace == route.Namespace ? null : reference.Namespace;
                if (reference.Listener is null)
                {
                    parents.Add(new ParentReference { Group = GatewayGroup, Kind = Resources.Gateway.KubeKind, Namespace = ns, Name = reference.Name });
                    continue;
                }
                var listener = gateway.Listeners.First(l => l.Name == reference.Listener);
                parents.AddRange(GatewayMapping.Names(listener).Select(n => new ParentReference { Group = GatewayGroup, Kind = Resources.Gateway.KubeKind, Namespace = ns, Name = reference.Name, SectionName = n }));
            }
            if (parents.Count == 0)
            {
                ctx.Unsupported(path, "The route is bound to no gateway that is written; it is not written.");
                continue;
            }
            var name = route.Name;
            if (taken.Contains((route.Namespace, name)))
            {
                name = $"{route.Name}-gateway";
                if (taken.Contains((route.Namespace, name)))
                {
                    ctx.Unsupported(path, $"HTTPRoutes '{route.Name}' and '{name}' are both taken by other routes in '{route.Namespace}'; the gateway route is not written. Rename it.");
                    continue;
                }
                ctx.Note($"{path}.name", $"A mesh route is already written as HTTPRoute '{route.Name}'; the gateway route is written as '{name}'.");
            }
            taken.Add((route.Namespace, name));
            var host = new ServiceRef(string.Empty, route.Namespace);
            var rules = new List<Resources.HttpRouteRule>();
            for (var k = 0; k < route.Rules.Count; k++)
            {
                var rule = route.Rules[k];
                if (HttpRuleMapping.ToGatewayApi(rule, host, route.Namespace, new RulePath(path, k), null, ctx) is { } r) rules.Add(r);
                if (rule.Retry is not null && ctx.Dialect.RetriesElsewhere)
                {
                    // The dialect's retries are the mesh's own (Linkerd's annotations), which a gateway implementation does not read.
                    ctx.Unsupported($"{new RulePath(path, k)}.retry", "Retries of a route at a gateway are the gateway implementation's (experimental-channel HTTPRoute retries); the retry policy is not written.");
                }
                foreach (var target in rule.Backends.Select(b => b.Service).Append(rule.Mirror?.Service ?? host))
                {
                    grants.Need(target, route.Namespace, Resources.HttpRoute.KubeKind, ModelObjectNames.Of(route));
                }
            }
            HttpRouteMapping.ReportPrecedence(route.Rules, path, ctx);
            routes.Add(Ownership.From(new Resources.HttpRoute
            {
                Metadata = { Name = name, NamespaceProperty = route.Namespace },
                Spec = new HttpRouteSpec { ParentRefs = parents, Hostnames = route.Hostnames.IsEmpty ? null : [.. route.Hostnames], Rules = rules.Count == 0 ? null : rules },
            }, ModelObjectNames.Of(route)));
        }
        return routes;
    }

    /// <summary>
    /// The <c>ReferenceGrant</c>s the gateway routes need: one per namespace of a backend, namespace of the routes and route
    /// kind (<c>httproutes-from-NS</c>, <c>tlsroutes-from-NS</c>, <c>tcproutes-from-NS</c>), each owned by the routes needing it.
    /// </summary>
    public sealed class Grants
    {
        private readonly SortedDictionary<(string To, string From, string Kind), SortedSet<string>> _needed = new(Comparer<(string To, string From, string Kind)>.Create(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.To, b.To);
            if (c == 0) c = string.CompareOrdinal(a.From, b.From);
            return c != 0 ? c : string.CompareOrdinal(a.Kind, b.Kind);
        }));

        /// <summary>Records that a route of <paramref name="kind"/> in <paramref name="from"/>, owned by <paramref name="owner"/>, sends to <paramref name="target"/> (nothing when it is in the same namespace).</summary>
        public void Need(ServiceRef target, string from, string kind, string owner)
        {
            if (string.IsNullOrEmpty(target.Name) || target.Namespace == from) return;
            if (!_needed.TryGetValue((target.Namespace, from, kind), out var needing)) _needed[(target.Namespace, from, kind)] = needing = new SortedSet<string>(StringComparer.Ordinal);
            needing.Add(owner);
        }

        /// <summary>The grants, by namespace, then the routes' namespace and kind.</summary>
        public List<ReferenceGrant> ToGatewayApi() => [.. _needed.Select(g => Ownership.From(new ReferenceGrant
        {
            Metadata = { Name = $"{g.Key.Kind.ToLowerInvariant()}s-from-{g.Key.From}", NamespaceProperty = g.Key.To },
            Spec =
            {
                From = [new ReferenceGrantFrom { Group = GatewayGroup, Kind = g.Key.Kind, Namespace = g.Key.From }],
                To = [new ReferenceGrantTo { Group = string.Empty, Kind = "Service" }],
            },
        }, g.Value))];
    }

    /// <summary>Whether a parent reference names a Gateway.</summary>
    public static bool IsGateway(ParentReference? parent) =>
        parent is not null && (parent.Kind ?? Resources.Gateway.KubeKind) == Resources.Gateway.KubeKind && (parent.Group ?? GatewayGroup) == GatewayGroup;

    /// <summary>An HTTPRoute with Gateway parents, read once every Gateway of the input is.</summary>
    public sealed record Pending(HttpRouteSpec Spec, string Name, string Namespace, string Source);

    /// <summary>Gateway API → model: the gateway routes of the HTTPRoutes with Gateway parents, bound to the Gateways the input declares.</summary>
    public static void ToModel(IEnumerable<Pending> pending, ModelBuilder model, ImportContext ctx)
    {
        foreach (var (spec, name, ns, source) in pending)
        {
            if (GatewayMapping.IsHttpsRedirect(spec) && RedirectListener(spec, ns, model) is { } redirected)
            {
                var (gateway, listener) = redirected;
                var index = model.Gateways.IndexOf(gateway);
                model.Gateways[index] = gateway with { Listeners = [.. gateway.Listeners.Select(l => l == listener ? l with { HttpsRedirect = true } : l)] };
                continue;
            }
            var refs = new List<GatewayRef>();
            for (var i = 0; i < (spec.ParentRefs?.Count ?? 0); i++)
            {
                var parent = spec.ParentRefs![i];
                var path = $"$.spec.parentRefs[{i}]";
                if (!IsGateway(parent) || GatewayParent(parent!, ns, source, path, model, ctx) is not { } reference) continue;
                if (!refs.Contains(reference)) refs.Add(reference);
            }
            if (refs.Count == 0)
            {
                if (spec.Hostnames is not null) ctx.NotImported(source, "$.spec.hostnames", "The route is bound to no gateway of the input; its host names were not imported.");
                if (spec.Rules is not null) ctx.NotImported(source, "$.spec.rules", "The route is bound to no gateway of the input; its rules were not imported (for gateway callers).");
                continue;
            }
            var hostnames = new List<string>();
            for (var h = 0; h < (spec.Hostnames?.Count ?? 0); h++)
            {
                var host = spec.Hostnames![h];
                if (DnsNames.IsHostName(host)) hostnames.Add(host.ToLowerInvariant());
                else ctx.Invalid(source, $"$.spec.hostnames[{h}]", $"'{host}' is not a host name.");
            }
            var rules = new List<Model.HttpRouteRule>();
            var none = new ServiceRef(string.Empty, ns);
            for (var k = 0; k < (spec.Rules?.Count ?? 0); k++)
            {
                if (spec.Rules![k] is not { } rule) continue;
                if (rule.BackendRefs is null && rule.Filters?.Any(f => f?.Type == "RequestRedirect") is not true)
                {
                    ctx.NotImported(source, $"$.spec.rules[{k}]", "A rule at a gateway without backendRefs or a redirect answers 500; it was not imported.");
                    continue;
                }
                if (HttpRuleMapping.ToModel(rule, none, ns, source, $"$.spec.rules[{k}]", ctx, model, $"HTTPRoute '{ns}/{name}'") is { } imported) rules.Add(imported);
            }
            var ordered = MatchPrecedence.Order(rules);
            if (!ReferenceEquals(ordered, rules))
            {
                ctx.Note(source, "$.spec.rules", "Gateway API picks the most specific match, not the first: the rules are read in the order of that precedence, so the model routes as the cluster does.");
            }
            model.GatewayRoutes.Add(new GatewayRoute { Name = name, Namespace = ns, Gateways = [.. refs], Hostnames = [.. hostnames], Rules = [.. ordered] });
        }
    }

    /// <summary>
    /// The model binding of a Gateway parentRef of a route in <paramref name="ns"/>: the gateway, and the listener its
    /// <c>sectionName</c> names; null (reported) when the Gateway or listener was not read. A <c>port</c> is reported.
    /// </summary>
    public static GatewayRef? GatewayParent(ParentReference parent, string ns, string source, string path, ModelBuilder model, ImportContext ctx)
    {
        var gatewayNs = string.IsNullOrEmpty(parent.Namespace) ? ns : parent.Namespace;
        if (string.IsNullOrEmpty(parent.Name) || !model.Gateways.Any(g => g.Name == parent.Name && g.Namespace == gatewayNs))
        {
            ctx.NotImported(source, path, $"Gateway '{gatewayNs}/{parent.Name}' is not in the input (or was not imported); the route is not bound to it. Include its Gateway.");
            return null;
        }
        if (parent.Port is not null) ctx.NotImported(source, $"{path}.port", "A Gateway parent's port selects its listeners on that port; the model binds a route to a gateway or one listener, so the port was not imported (every listener of the gateway).");
        string? listener = null;
        if (!string.IsNullOrEmpty(parent.SectionName) && !model.ListenerNames.TryGetValue((gatewayNs, parent.Name, parent.SectionName), out listener))
        {
            ctx.NotImported(source, $"{path}.sectionName", $"Gateway '{gatewayNs}/{parent.Name}' has no listener '{parent.SectionName}' the model holds; the route is not bound to it.");
            return null;
        }
        return new GatewayRef { Name = parent.Name, Namespace = gatewayNs, Listener = listener };
    }

    /// <summary>The HTTP listener (of a Gateway read) every parentRef of a redirect route names, or null.</summary>
    private static (Model.Gateway Gateway, GatewayListener Listener)? RedirectListener(HttpRouteSpec spec, string ns, ModelBuilder model)
    {
        var first = spec.ParentRefs![0]!;
        var gatewayNs = string.IsNullOrEmpty(first.Namespace) ? ns : first.Namespace;
        if (model.Gateways.FirstOrDefault(g => g.Name == first.Name && g.Namespace == gatewayNs) is not { } gateway) return null;
        var names = spec.ParentRefs.Select(p => model.ListenerNames.GetValueOrDefault((gatewayNs, first.Name!, p!.SectionName!))).Distinct().ToList();
        if (names is not [{ } listenerName]) return null;
        var listener = gateway.Listeners.First(l => l.Name == listenerName);
        return listener.Protocol == ListenerProtocol.Http ? (gateway, listener) : null;
    }

    /// <summary>Gateway API → model: a ReferenceGrant is derived from the routes on export; noted, not carried.</summary>
    public static void ToModel(ReferenceGrant grant, string source, ImportContext ctx) =>
        ctx.NotImportedInfo(source, "$.spec", $"ReferenceGrant '{grant.Metadata?.NamespaceProperty}/{grant.Metadata?.Name}' lets routes of other namespaces reach this one's Services; the model needs no grant, and the export writes the grants its routes need.");
}
