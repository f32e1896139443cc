using System.Globalization;
using k8s;
using k8s.Models;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Translation;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Translation;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Gateways ↔ Consul's API gateway, which consul-k8s configures with Gateway API resources: the public Gateway API edge
/// mapping (<see cref="GatewayEdgeMapping"/>) with what consul-k8s's controller translates into its <c>api-gateway</c>,
/// <c>http-route</c> and <c>tcp-route</c> config entries. Written in the versions that controller watches and the Gateway API
/// CRDs it bundles serve: Gateway, HTTPRoute and ReferenceGrant <c>gateway.networking.k8s.io/v1beta1</c>, TCPRoute
/// <c>v1alpha2</c>; the class is the gateway's, else <see cref="ConsulOptions.GatewayClassName"/>.
/// Consul's listeners are HTTP, HTTPS (TLS terminated with a Secret) and TCP; its HTTP routes match paths, headers, query
/// parameters and methods, split by weight and modify request and response headers and path prefixes; a tcp-route takes one
/// service. Reported and not written: TLS listeners (passthrough, SNI routing) and gateway TLS routes, redirects (HTTPS redirect
/// of a listener, rule redirects: consul-k8s drops RequestRedirect and rules without backends), mirrors, CORS, full-path and
/// host rewrites, timeouts and retries (Consul takes them from RouteTimeoutFilter and RouteRetryFilter extension filters, not
/// written yet), TCP splits; and by the edge mapping: workload labels, mutual TLS, certificate files, backends to subsets.
/// Import reads the same kinds back (<see cref="Read"/>, <see cref="Bind"/>).
/// </summary>
internal static class ApiGatewayMapping
{
    /// <summary>The <c>apiVersion</c> of the Gateways, HTTPRoutes and ReferenceGrants written (consul-k8s watches <c>v1beta1</c>).</summary>
    public const string ApiVersion = GatewayResources.Gateway.KubeGroup + "/v1beta1";

    /// <summary>The <c>apiVersion</c> of the TCPRoutes written (consul-k8s watches <c>v1alpha2</c>).</summary>
    public const string TcpRouteApiVersion = GatewayResources.TcpRoute.KubeGroup + "/" + GatewayResources.TcpRoute.KubeApiVersionV1Alpha2;

    /// <summary>
    /// What consul-k8s's API gateway controller translates of an HTTPRoute rule: header modifiers (request and response) and
    /// URLRewrite (prefix only, checked beforehand), no RequestMirror, CORS or RequestRedirect; retries are reported beforehand.
    /// </summary>
    public static RouteDialect Dialect { get; } = new(ProviderName.Consul, "Consul's API gateway", Rewrite: true, Mirror: false, Cors: false, ResponseHeaders: true, RetriesElsewhere: true, RedirectCodes: [], PortSectionNames: true, ResolveBackendPorts: true);

    private const string NoTls = "Consul's API gateway listens on HTTP, HTTPS and TCP only and terminates TLS itself: it has no TLS listener, no passthrough and no routing by server name (SNI)";

    /// <summary>Model → Consul: the Gateways, HTTPRoutes, TCPRoutes and ReferenceGrants of the model's gateways and gateway routes; what Consul cannot express is reported to <paramref name="ctx"/>.</summary>
    public static IReadOnlyList<object> ToConsul(MeshConfig config, ConsulExportContext ctx)
    {
        if (config.Gateways.IsEmpty && config.GatewayRoutes.IsEmpty && config.GatewayTlsRoutes.IsEmpty && config.GatewayTcpRoutes.IsEmpty) return [];
        var paths = new PathMap();
        var restricted = Restrict(config, paths, ctx);
        var edge = new RouteExportContext(new GatewayApiOptions { DefaultNamespace = ctx.Options.DefaultNamespace, GatewayClassName = ctx.Options.GatewayClassName }, restricted, Dialect);
        var resources = GatewayEdgeMapping.ToGatewayApi(restricted, [], edge, TcpRouteApiVersion);
        foreach (var diagnostic in edge.Diagnostics) ctx.Diagnostics.Add(diagnostic with { Path = paths.Map(diagnostic.Path) });
        foreach (var resource in resources)
        {
            if (resource is GatewayResources.Gateway or GatewayResources.HttpRoute or GatewayResources.ReferenceGrant) ((IKubernetesObject)resource).ApiVersion = ApiVersion;
        }
        if (resources.OfType<GatewayResources.Gateway>().Any())
        {
            ctx.Note("$.spec.gateways", "Consul's ingress is its API gateway, configured with Gateway API resources: the gateways are written as Gateways of a class Consul's controller serves, with the HTTPRoutes and TCPRoutes bound to them. The gateway calls its backends as the Consul service named after the Gateway: where access policies restrict a backend's callers, an intention must allow it.");
        }
        return resources;
    }

    /// <summary>The model cut down to what Consul's API gateway expresses beyond the edge mapping's own reports; every cut is reported with its path into <paramref name="config"/>.</summary>
    private static MeshConfig Restrict(MeshConfig config, PathMap paths, ConsulExportContext ctx)
    {
        var gateways = new List<Gateway>();
        for (var i = 0; i < config.Gateways.Count; i++)
        {
            var gateway = config.Gateways[i];
            var listeners = new List<GatewayListener>();
            var kept = new List<int>();
            for (var l = 0; l < gateway.Listeners.Count; l++)
            {
                var listener = gateway.Listeners[l];
                var path = $"$.spec.gateways[{i}].listeners[{l}]";
                if (listener.Protocol == ListenerProtocol.Tls)
                {
                    if (listener.Tls?.Mode == GatewayTlsMode.Passthrough) ctx.Unsupported($"{path}.tls.mode", NoTls + "; the passthrough listener is not written.");
                    else ctx.Unsupported($"{path}.protocol", NoTls + "; the TLS listener is not written (an HTTPS listener terminates TLS for HTTP routes).");
                    continue;
                }
                if (listener.Tls?.Mode == GatewayTlsMode.Mutual)
                {
                    ctx.Unsupported($"{path}.tls.mode", "Consul's API gateway does not verify client certificates (its listener TLS settings are certificates, TLS versions and cipher suites); the mutual-TLS listener is not written, rather than written without verifying clients.");
                    continue;
                }
                if (listener.Tls?.Files is not null)
                {
                    ctx.Unsupported($"{path}.tls.files", "Consul's API gateway listeners take certificates from Kubernetes Secrets (certificateRefs), not files; the listener is not written.");
                    continue;
                }
                if (listener.HttpsRedirect)
                {
                    ctx.Unsupported($"{path}.httpsRedirect", "Consul's API gateway does not run the RequestRedirect filter (consul-k8s drops it, and a rule without backends): the redirect to HTTPS is not written; the HTTP listener serves the routes bound to it.");
                    listener = listener with { HttpsRedirect = false };
                }
                listeners.Add(listener);
                kept.Add(l);
            }
            paths.Inner($"$.spec.gateways[{i}].listeners[", kept, gateway.Listeners.Count);
            gateways.Add(gateway with { Listeners = [.. listeners] });
        }

        var routes = new List<GatewayRoute>();
        var keptRoutes = new List<int>();
        for (var i = 0; i < config.GatewayRoutes.Count; i++)
        {
            var route = config.GatewayRoutes[i];
            var bound = Bound(route.Gateways, gateways, config, l => l.Protocol is ListenerProtocol.Http or ListenerProtocol.Https, $"$.spec.gatewayRoutes[{i}]", "HTTP or HTTPS", ctx);
            if (bound.Count == 0) continue;
            var rules = new List<HttpRouteRule>();
            var kept = new List<int>();
            for (var k = 0; k < route.Rules.Count; k++)
            {
                if (Rule(route.Rules[k], $"$.spec.gatewayRoutes[{i}].rules[{k}]", ctx) is not { } rule) continue;
                rules.Add(rule);
                kept.Add(k);
            }
            if (rules.Count == 0)
            {
                ctx.Unsupported($"$.spec.gatewayRoutes[{i}]", "No rule of the route can be written for Consul's API gateway; the route is not written.");
                continue;
            }
            paths.Inner($"$.spec.gatewayRoutes[{routes.Count}].rules[", kept, route.Rules.Count);
            paths.Inner($"$.spec.gatewayRoutes[{routes.Count}].gateways[", bound, route.Gateways.Count);
            routes.Add(route with { Gateways = [.. bound.Select(g => route.Gateways[g])], Rules = [.. rules] });
            keptRoutes.Add(i);
        }
        paths.Outer("$.spec.gatewayRoutes[", keptRoutes, config.GatewayRoutes.Count);

        for (var i = 0; i < config.GatewayTlsRoutes.Count; i++)
        {
            ctx.Unsupported($"$.spec.gatewayTlsRoutes[{i}]", NoTls + "; the gateway TLS route is not written (Consul's controller reads no TLSRoute).");
        }

        var tcp = new List<GatewayTcpRoute>();
        var keptTcp = new List<int>();
        for (var i = 0; i < config.GatewayTcpRoutes.Count; i++)
        {
            var route = config.GatewayTcpRoutes[i];
            var bound = Bound(route.Gateways, gateways, config, l => l.Protocol == ListenerProtocol.Tcp, $"$.spec.gatewayTcpRoutes[{i}]", "TCP", ctx);
            if (bound.Count == 0) continue;
            paths.Inner($"$.spec.gatewayTcpRoutes[{tcp.Count}].gateways[", bound, route.Gateways.Count);
            route = route with { Gateways = [.. bound.Select(g => route.Gateways[g])] };
            var live = Enumerable.Range(0, route.Backends.Count).Where(b => route.Backends[b].Weight > 0).ToList();
            keptTcp.Add(i);
            if (route.Backends.Count <= 1)
            {
                tcp.Add(route);
                continue;
            }
            // Consul's tcp-route takes one service and consul-k8s ignores TCPRoute weights: the heaviest backend (the first of equals) is written.
            var chosen = live.Count == 0 ? 0 : live.MaxBy(b => route.Backends[b].Weight);
            if (live.Count > 1) ctx.Unsupported($"$.spec.gatewayTcpRoutes[{i}].backends", $"Consul's tcp-route takes one service (consul-k8s ignores TCPRoute weights): the route is written to '{route.Backends[chosen].Service}' only; the other backends get no connections.");
            else ctx.Note($"$.spec.gatewayTcpRoutes[{i}].backends", "Consul's tcp-route takes one service (consul-k8s ignores TCPRoute weights): the backends of weight 0 are left out; they get no connections either way.");
            paths.Inner($"$.spec.gatewayTcpRoutes[{tcp.Count}].backends[", [chosen], route.Backends.Count);
            tcp.Add(route with { Backends = [route.Backends[chosen]] });
        }

        paths.Outer("$.spec.gatewayTcpRoutes[", keptTcp, config.GatewayTcpRoutes.Count);
        return config with { Gateways = [.. gateways], GatewayRoutes = [.. routes], GatewayTlsRoutes = [], GatewayTcpRoutes = [.. tcp] };
    }

    /// <summary>
    /// The indexes of the bindings of a route whose gateway keeps a listener the route can attach to (<paramref name="fits"/>; the
    /// named one, if any) once what Consul cannot express is cut; each other binding is reported, and a route left with none too.
    /// </summary>
    private static List<int> Bound(EquatableArray<GatewayRef> refs, List<Gateway> restricted, MeshConfig config, Func<GatewayListener, bool> fits, string path, string kind, ConsulExportContext ctx)
    {
        var bound = new List<int>();
        for (var g = 0; g < refs.Count; g++)
        {
            var reference = refs[g];
            // A gateway the model does not declare is the edge mapping's to report.
            if (config.FindGateway(reference.Name, reference.Namespace) is null) { bound.Add(g); continue; }
            var gateway = restricted.Find(x => x.Name == reference.Name && x.Namespace == reference.Namespace);
            if (gateway is not null && gateway.Listeners.Any(l => fits(l) && (reference.Listener is null || l.Name == reference.Listener))) { bound.Add(g); continue; }
            ctx.Unsupported($"{path}.gateways[{g}]", $"Gateway '{reference}' keeps no {kind} listener for the route once what Consul's API gateway cannot express is left out; the route is not bound to it.");
        }
        if (bound.Count == 0) ctx.Unsupported(path, "The route is bound to no gateway listener Consul's API gateway can serve; it is not written.");
        return bound;
    }

    /// <summary>A gateway route's rule cut down to what Consul's API gateway runs, or null (reported) when it has nothing left to route.</summary>
    private static HttpRouteRule? Rule(HttpRouteRule rule, string path, ConsulExportContext ctx)
    {
        if (rule.Redirect is not null)
        {
            ctx.Unsupported($"{path}.redirect", "Consul's API gateway does not run the RequestRedirect filter and drops a rule without backends: the redirecting rule is not written; its requests go to the next rule that matches.");
            return null;
        }
        if (rule.Timeout is not null)
        {
            ctx.Unsupported($"{path}.timeout", "Consul's API gateway ignores HTTPRoute timeouts: it takes them from a RouteTimeoutFilter (consul.hashicorp.com) named by an extensionRef filter, which this provider does not write yet; the timeout is not written.");
            rule = rule with { Timeout = null };
        }
        if (rule.Retry is not null)
        {
            ctx.Unsupported($"{path}.retry", "Consul's API gateway takes retries from a RouteRetryFilter (consul.hashicorp.com) named by an extensionRef filter, which this provider does not write yet; the retry policy is not written.");
            rule = rule with { Retry = null };
        }
        if (rule.Rewrite is { } rewrite)
        {
            if (rewrite.FullPath is not null)
            {
                ctx.Unsupported($"{path}.rewrite.fullPath", "Consul's API gateway rewrites path prefixes only (URLRewrite ReplacePrefixMatch); the full-path rewrite is not written.");
                rewrite = rewrite with { FullPath = null };
            }
            if (rewrite.Authority is not null)
            {
                ctx.Unsupported($"{path}.rewrite.authority", "Consul's API gateway does not rewrite the host (consul-k8s ignores URLRewrite hostname); the authority rewrite is not written.");
                rewrite = rewrite with { Authority = null };
            }
            rule = rule with { Rewrite = rewrite.PathPrefix is null ? null : rewrite };
        }
        return rule;
    }

    /// <summary>
    /// Gateway API → model: reads a Gateway, an HTTPRoute or TCPRoute bound to Gateways (bound by <see cref="Bind"/> once every
    /// resource is read) or a ReferenceGrant into <paramref name="model"/>; TLSRoutes, GRPCRoutes and routes without a Gateway
    /// parent are out of scope (Consul's controller reads neither). Returns false for any other resource.
    /// </summary>
    public static bool Read(object resource, string source, ModelBuilder model, ConsulOptions options, ImportContext ctx)
    {
        switch (resource)
        {
            case GatewayResources.Gateway gateway:
                ctx.ReportMetadata(gateway.Metadata, source);
                if (gateway.Spec?.GatewayClassName is { Length: > 0 } className && className != options.GatewayClassName)
                {
                    ctx.NotImportedInfo(source, "$.spec.gatewayClassName", $"Consul's API gateway serves the Gateways of GatewayClasses whose controllerName is consul.hashicorp.com/gateway-controller; class '{className}' is not ConsulOptions.GatewayClassName ('{options.GatewayClassName}'): the Gateway is read as one of Consul's, with its class.");
                }
                GatewayEdgeMapping.ReadGateway(gateway, ctx.NameOf(gateway, source), ctx.NamespaceOf(gateway), source, model, ctx);
                return true;
            case GatewayResources.HttpRoute http:
                ctx.ReportMetadata(http.Metadata, source);
                if (!BoundToGateways(http.Spec?.ParentRefs, source, "HTTPRoute", ctx)) return true;
                Strip(http.Spec!, source, ctx);
                GatewayApi.Mapping.HttpRouteMapping.ToModel(http.Spec, ctx.NameOf(http, source), ctx.NamespaceOf(http), source, model, ctx);
                return true;
            case GatewayResources.TcpRoute tcp:
                ctx.ReportMetadata(tcp.Metadata, source);
                if (!BoundToGateways(tcp.Spec?.ParentRefs, source, "TCPRoute", ctx)) return true;
                GatewayApi.Mapping.TcpRouteMapping.ToModel(tcp.Spec, ctx.NameOf(tcp, source), ctx.NamespaceOf(tcp), source, model, ctx);
                return true;
            case GatewayResources.ReferenceGrant grant:
                ctx.ReportMetadata(grant.Metadata, source);
                GatewayEdgeMapping.ReadReferenceGrant(grant, source, ctx);
                return true;
            case GatewayResources.TlsRoute or GatewayResources.GrpcRoute:
                ctx.ReportMetadata(((IKubernetesObject<V1ObjectMeta>)resource).Metadata, source);
                ctx.OutOfScope(source, "$.kind", "Consul's API gateway routes HTTPRoutes and TCPRoutes only (its controller reads no TLSRoute or GRPCRoute); it was not imported.");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Gateway API → model: once every resource is read, binds the routes read to the Gateways read; the gateways, gateway routes and gateway TCP routes of <paramref name="model"/>.</summary>
    public static (List<Gateway> Gateways, List<GatewayRoute> Routes, List<GatewayTcpRoute> TcpRoutes) Bind(ModelBuilder model, ImportContext ctx)
    {
        GatewayEdgeMapping.BindRoutes(model, ctx);
        var built = model.Build("edge");
        return ([.. built.Gateways], [.. built.GatewayRoutes], [.. built.GatewayTcpRoutes]);
    }

    /// <summary>Whether a route names a Gateway parent; one that does not is mesh routing (GAMMA), which Consul does with its config entries: reported.</summary>
    private static bool BoundToGateways(List<GatewayResources.ParentReference>? parents, string source, string kind, ImportContext ctx)
    {
        static bool IsGateway(GatewayResources.ParentReference? p) =>
            p is not null && (p.Kind ?? GatewayResources.Gateway.KubeKind) == GatewayResources.Gateway.KubeKind && (p.Group ?? GatewayResources.Gateway.KubeGroup) == GatewayResources.Gateway.KubeGroup;
        if (parents?.Any(IsGateway) is true) return true;
        ctx.OutOfScope(source, "$.spec.parentRefs", $"A {kind} without a Gateway parent routes inside the mesh (GAMMA), which Consul configures with its config entries (ServiceRouter, ServiceSplitter, ServiceResolver); Consul's API gateway controller reads routes of Gateways only. It was not imported.");
        return false;
    }

    /// <summary>
    /// Removes from an HTTPRoute bound to Consul's API gateway what consul-k8s does not translate into its http-route config
    /// entry (so it does not route), each reported: timeouts, RequestRedirect, RequestMirror and CORS filters, full-path and host rewrites.
    /// </summary>
    private static void Strip(GatewayResources.HttpRouteSpec spec, string source, ImportContext ctx)
    {
        for (var i = 0; i < (spec.Rules?.Count ?? 0); i++)
        {
            if (spec.Rules![i] is not { } rule) continue;
            var path = $"$.spec.rules[{i}]";
            if (rule.Timeouts is not null)
            {
                ctx.NotImported(source, $"{path}.timeouts", "Consul's API gateway ignores HTTPRoute timeouts (it takes them from RouteTimeoutFilter extension filters); they were not imported.");
                rule.Timeouts = null;
            }
            if (rule.Filters is not { } filters) continue;
            for (var f = 0; f < filters.Count; f++)
            {
                var filter = filters[f];
                var at = $"{path}.filters[{f}]";
                switch (filter?.Type)
                {
                    case "RequestRedirect" or "RequestMirror" or "CORS":
                        ctx.NotImported(source, at, $"Consul's API gateway does not run the {filter.Type} filter (consul-k8s does not translate it); it was not imported.");
                        filters[f] = null!;
                        break;
                    case "URLRewrite" when filter.UrlRewrite is { } rewrite:
                        if (rewrite.Hostname is not null)
                        {
                            ctx.NotImported(source, $"{at}.urlRewrite.hostname", "Consul's API gateway does not rewrite the host; it was not imported.");
                            rewrite.Hostname = null;
                        }
                        if (rewrite.Path is { Type: not "ReplacePrefixMatch" })
                        {
                            ctx.NotImported(source, $"{at}.urlRewrite.path", "Consul's API gateway rewrites path prefixes only (ReplacePrefixMatch); the path rewrite was not imported.");
                            rewrite.Path = null;
                        }
                        if (rewrite is { Hostname: null, Path: null }) filters[f] = null!;
                        break;
                }
            }
            filters.RemoveAll(f => f is null);
            if (filters.Count == 0) rule.Filters = null;
        }
    }

    /// <summary>
    /// Maps the paths of the edge mapping's diagnostics, which index the restricted model, back to the model's: listeners, rules
    /// and backends left out (inner lists, keyed by the restricted parent's index) first, then routes left out.
    /// </summary>
    private sealed class PathMap
    {
        private readonly List<(string Prefix, int[] Old)> _inner = [];
        private readonly List<(string Prefix, int[] Old)> _outer = [];

        public void Inner(string prefix, List<int> kept, int count) => Add(_inner, prefix, kept, count);

        public void Outer(string prefix, List<int> kept, int count) => Add(_outer, prefix, kept, count);

        private static void Add(List<(string, int[])> maps, string prefix, List<int> kept, int count)
        {
            if (kept.Count == count) return;
            maps.Add((prefix, [.. kept]));
        }

        public string Map(string path)
        {
            foreach (var (prefix, old) in _inner) path = Apply(path, prefix, old);
            foreach (var (prefix, old) in _outer) path = Apply(path, prefix, old);
            return path;
        }

        private static string Apply(string path, string prefix, int[] old)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) return path;
            var close = path.IndexOf(']', prefix.Length);
            if (close < 0 || !int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n >= old.Length) return path;
            return prefix + old[n].ToString(CultureInfo.InvariantCulture) + path[close..];
        }
    }
}
