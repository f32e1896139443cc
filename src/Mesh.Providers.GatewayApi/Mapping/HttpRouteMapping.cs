using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;
using HttpMatch = Mesh.Model.HttpMatch;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model route ↔ an <c>HTTPRoute</c> or a <c>GRPCRoute</c> in mesh form (GAMMA), at the level of the route: which kind is
/// written (a <c>GRPCRoute</c> when the host speaks only gRPC and every rule fits), its <c>parentRefs</c> (the host Service,
/// once per HTTP-family port, each named by <c>sectionName</c> too when there are several and the dialect says so), and its
/// <c>hostnames</c>; a route whose backends without a port take the request's port is written once per parent port
/// (<see cref="PortSplitMapping"/>). The rules map in <see cref="HttpRuleMapping"/> and <see cref="GrpcRuleMapping"/>.
/// Public: meshes that route with Gateway API (Linkerd) write and read their routes with it.
/// </summary>
public static class HttpRouteMapping
{
    /// <summary>
    /// The annotation on each route of a model route written once per parent port (<see cref="ToGatewayApiRoutes"/>): the
    /// model route's name, by which the importer reads the routes back as one route.
    /// </summary>
    public const string SplitOfAnnotation = "mesh-sdk.io/split-of";

    /// <summary>
    /// The parent ports of a route whose matches name ports: Gateway API has no port condition in a match, but a route
    /// attached to one port of its Service (<c>parentRefs[].port</c>) serves requests to that port only. When every match of
    /// every rule names the same port, one of <paramref name="ports"/>, the route is attached to that port alone
    /// (approximated: it is read back as the route's port, not as a match condition); otherwise every port condition is
    /// reported and the route is attached to all of <paramref name="ports"/>.
    /// </summary>
    private static List<int> MatchPort(Model.HttpRoute route, string path, List<int> ports, RouteExportContext ctx)
    {
        int? shared = null;
        var uniform = true;
        var any = false;
        foreach (var rule in route.Rules)
        {
            if (rule.Matches.IsEmpty)
            {
                uniform = false;
                continue;
            }
            foreach (var match in rule.Matches)
            {
                if (match.Port is not { } port)
                {
                    uniform = false;
                    continue;
                }
                any = true;
                if (shared is null) shared = port;
                else if (shared != port) uniform = false;
            }
        }
        if (!any) return ports;
        if (uniform && shared is { } p && ports.Contains(p))
        {
            ctx.Approximated(path, $"Every match names port {p}: the route is attached to port {p} of '{route.Host}' only (parentRefs[].port), which reads back as the route's port rather than a match condition.");
            return [p];
        }
        for (var k = 0; k < route.Rules.Count; k++)
        {
            for (var m = 0; m < route.Rules[k].Matches.Count; m++)
            {
                if (route.Rules[k].Matches[m].Port is { } port)
                {
                    ctx.Unsupported($"{new RulePath(path, k)}.matches[{m}].port", $"Gateway API matches have no port; a route is attached to one port (parentRefs[].port) only when every match of it names that port, which this route's matches do not: the condition on port {port} is not written (the match applies to every port of '{route.Host}').");
                }
            }
        }
        return ports;
    }

    /// <summary>
    /// Model → Gateway API: writes <paramref name="route"/> as one <c>HTTPRoute</c>, or as a <c>GRPCRoute</c> when its host speaks
    /// only gRPC, its rules fit and the options allow it; what the route's <see cref="RouteExportContext.Dialect"/> cannot express
    /// is reported to <paramref name="ctx"/>. With <see cref="RouteDialect.ResolveBackendPorts"/>, a backend or mirror without a
    /// port whose service has several ports takes the route's parent port when the route has one; on a route for several
    /// ports it is left out (reported) — <see cref="ToGatewayApiRoutes"/> writes one route per port instead.
    /// </summary>
    /// <param name="route">The model route.</param>
    /// <param name="path">Its JSON path in the model (<c>$.spec.routes[i]</c>).</param>
    /// <param name="ctx">The translation's context.</param>
    /// <returns>A <see cref="Resources.HttpRoute"/> or a <see cref="Resources.GrpcRoute"/>.</returns>
    public static object ToGatewayApi(Model.HttpRoute route, string path, RouteExportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(ctx);
        var host = ctx.FindService(route.Host);
        var grpc = ctx.Options.EmitGrpcRoutes && IsGrpc(route, host, ctx.Dialect);
        var ports = MatchPort(route, path, ParentPorts(host, grpc), ctx);
        return Write(route, path, host, grpc, ports, ports.Count == 1 ? ports[0] : null, route.Name, splitOf: null, ctx);
    }

    /// <summary>
    /// Model → Gateway API: writes <paramref name="route"/> as <see cref="ToGatewayApi"/> does, but when it is written for
    /// several ports of its host and, with <see cref="RouteDialect.ResolveBackendPorts"/>, some backend or mirror without a
    /// port has every one of them (so requests keep the port they came in on), as one route per parent port, named
    /// <c>&lt;route&gt;-&lt;port&gt;</c> and annotated <see cref="SplitOfAnnotation"/> with the route's name: a Gateway API
    /// rule applies to every parent of its route, so only one route per port can send each port's requests to that port.
    /// </summary>
    /// <param name="route">The model route.</param>
    /// <param name="path">Its JSON path in the model (<c>$.spec.routes[i]</c>).</param>
    /// <param name="ctx">The translation's context.</param>
    /// <returns>One or more <see cref="Resources.HttpRoute"/>s or <see cref="Resources.GrpcRoute"/>s, in port order.</returns>
    public static IReadOnlyList<object> ToGatewayApiRoutes(Model.HttpRoute route, string path, RouteExportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(ctx);
        var host = ctx.FindService(route.Host);
        var grpc = ctx.Options.EmitGrpcRoutes && IsGrpc(route, host, ctx.Dialect);
        var ports = MatchPort(route, path, ParentPorts(host, grpc), ctx);
        if (ports.Count < 2 || !ctx.Dialect.ResolveBackendPorts || !PortSplitMapping.IsNeeded(route, host!, ports, ctx))
        {
            return [Write(route, path, host, grpc, ports, ports.Count == 1 ? ports[0] : null, route.Name, splitOf: null, ctx)];
        }
        ctx.Note(path, $"Backends without a port keep the port a request came in on, which a Gateway API rule cannot say for a route on several ports: the route is written as one {(grpc ? "GRPCRoute" : "HTTPRoute")} per port of '{route.Host}' ({string.Join(", ", ports.Select(p => PortSplitMapping.Name(route.Name, p)))}), each annotated {SplitOfAnnotation}: {route.Name}.");
        var result = new List<object>(ports.Count);
        RouteExportContext? quiet = null;
        foreach (var port in ports)
        {
            // Every route of the split says the same but for the port, so only the first reports what it cannot write.
            var c = result.Count == 0 ? ctx : quiet ??= ctx.Quiet(PortSplitMapping.Services(route, ctx));
            result.Add(Write(route, path, host, grpc, [port], port, PortSplitMapping.Name(route.Name, port), splitOf: route.Name, c));
        }
        return result;
    }

    private static object Write(Model.HttpRoute route, string path, MeshService? host, bool grpc, List<int> ports, int? parentPort, string name, string? splitOf, RouteExportContext ctx)
    {
        var metadata = new k8s.Models.V1ObjectMeta { Name = name, NamespaceProperty = route.Namespace };
        if (splitOf is not null) metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [SplitOfAnnotation] = splitOf };
        var parents = Parents(route, host, ports, ctx.Dialect);
        if (grpc)
        {
            return new GrpcRoute
            {
                Metadata = metadata,
                Spec = new GrpcRouteSpec { ParentRefs = parents, Rules = Rules(route, path, parentPort, ctx, GrpcRuleMapping.ToGatewayApi) },
            };
        }
        return new Resources.HttpRoute
        {
            Metadata = metadata,
            Spec = new HttpRouteSpec { ParentRefs = parents, Rules = Rules(route, path, parentPort, ctx, HttpRuleMapping.ToGatewayApi) },
        };
    }

    private static List<T>? Rules<T>(Model.HttpRoute route, string path, int? parentPort, RouteExportContext ctx, Func<HttpRouteRule, ServiceRef, string, RulePath, int?, RouteExportContext, T?> rule)
        where T : class
    {
        if (route.Rules.IsEmpty) return null;
        if (typeof(T) == typeof(Resources.HttpRouteRule)) ReportPrecedence(route, path, ctx);
        var result = new List<T>(route.Rules.Count);
        for (var k = 0; k < route.Rules.Count; k++)
        {
            if (rule(route.Rules[k], route.Host, route.Namespace, new RulePath(path, k), parentPort, ctx) is { } written) result.Add(written);
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>
    /// Reports each rule that Gateway API's precedence would put before an earlier rule a request can match too: on the cluster
    /// such requests go to the later rule (the most specific match), in the model to the earlier one.
    /// </summary>
    private static void ReportPrecedence(Model.HttpRoute route, string path, RouteExportContext ctx) => ReportPrecedence(route.Rules, path, ctx);

    /// <summary>The same for the rules of any route at <paramref name="path"/> (a gateway route's too).</summary>
    internal static void ReportPrecedence(IReadOnlyList<HttpRouteRule> rules, string path, RouteExportContext ctx)
    {
        foreach (var (earlier, later, earlierMatch, laterMatch) in MatchPrecedence.Conflicts(rules))
        {
            ctx.ApproximatedOnce(
                new RulePath(path, later).ToString(),
                $"Gateway API picks the most specific match, not the first: requests matching both rule {earlier} ({Describe(earlierMatch)}) and this rule ({Describe(laterMatch)}) go to this rule on the cluster, to rule {earlier} in the model. Put the more specific rule first, or make the two exclusive.");
            // The earlier rule loses those requests: named too, so that its changed behaviour is accounted for.
            ctx.ApproximatedOnce(
                new RulePath(path, earlier).ToString(),
                $"Gateway API picks the most specific match, not the first: requests matching both this rule ({Describe(earlierMatch)}) and the later rule {later} ({Describe(laterMatch)}) go to rule {later} on the cluster, to this rule in the model.");
        }
    }

    private static string Describe(HttpMatch? m)
    {
        if (m is null) return "every request";
        var parts = new List<string>();
        if (m.Path is { } p) parts.Add($"path {p.Kind.ToString().ToLowerInvariant()} {p.Value}");
        if (m.Method is { } method) parts.Add($"method {method}");
        if (m.Headers.Count > 0) parts.Add($"{m.Headers.Count} header match(es)");
        if (m.QueryParams.Count > 0) parts.Add($"{m.QueryParams.Count} query match(es)");
        return parts.Count == 0 ? "every request" : string.Join(", ", parts);
    }

    /// <summary>Whether <paramref name="route"/> is written as a GRPCRoute: its host's ports are all gRPC and every rule is expressible there.</summary>
    /// <param name="route">The model route.</param>
    /// <param name="host">Its host service in the model, or null when the model does not define it.</param>
    /// <param name="dialect">What the target implementation supports, or null for plain Gateway API.</param>
    /// <returns>Whether a GRPCRoute is written (when the options allow GRPCRoutes).</returns>
    public static bool IsGrpc(Model.HttpRoute route, MeshService? host, RouteDialect? dialect = null)
    {
        if (host is not { Ports.IsEmpty: false }) return false;
        foreach (var port in host.Ports)
        {
            if (port.Protocol != Protocol.Grpc) return false;
        }
        foreach (var rule in route.Rules)
        {
            if (!GrpcRuleMapping.IsExpressible(rule, dialect ?? RouteDialect.GatewayApi)) return false;
        }
        return true;
    }

    /// <summary>The service ports a route's parentRefs name: the host's HTTP-family ports (gRPC only for a GRPCRoute).</summary>
    /// <param name="host">The host service in the model, or null when the model does not define it (no ports).</param>
    /// <param name="grpc">Whether the route is written as a GRPCRoute.</param>
    /// <returns>The ports, in ascending order.</returns>
    public static List<int> ParentPorts(MeshService? host, bool grpc)
    {
        var ports = new List<int>(host?.Ports.Count ?? 0);
        if (host is null) return ports;
        foreach (var p in host.Ports)
        {
            if (grpc ? p.Protocol == Protocol.Grpc : p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc) ports.Add(p.Port);
        }
        ports.Sort();
        return ports;
    }

    private static List<ParentReference> Parents(Model.HttpRoute route, MeshService? host, List<int> ports, RouteDialect dialect)
    {
        var ns = route.Host.Namespace == route.Namespace ? null : route.Host.Namespace;
        if (ports.Count == 0) return [new ParentReference { Group = string.Empty, Kind = "Service", Namespace = ns, Name = route.Host.Name }];
        // Several parentRefs to one Service are told apart by sectionName (the port's name) in the standard-channel CRDs.
        var named = ports.Count > 1 && dialect.PortSectionNames;
        var result = new List<ParentReference>(ports.Count);
        foreach (var p in ports)
        {
            result.Add(new ParentReference { Group = string.Empty, Kind = "Service", Namespace = ns, Name = route.Host.Name, Port = p, SectionName = named ? host!.FindPort(p)!.EffectiveName : null });
        }
        return result;
    }

    /// <summary>Gateway API → model: imports the rules of a HTTPRoute named <paramref name="name"/> in <paramref name="ns"/> into <paramref name="model"/>, reporting every field not carried.</summary>
    /// <param name="routeSpec">The spec (null is read as empty).</param>
    /// <param name="name">The route's name.</param>
    /// <param name="ns">The route's namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void ToModel(HttpRouteSpec? routeSpec, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var spec = routeSpec ?? new HttpRouteSpec();
        var atGateways = model.ReadsGateways && spec.ParentRefs?.Any(GatewayRouteMapping.IsGateway) is true;
        if (atGateways) model.PendingGatewayRoutes.Add(new GatewayRouteMapping.Pending(spec, name, ns, source));
        else ReportHostnames(spec.Hostnames, source, ctx);
        if (Parent(spec.ParentRefs, ns, source, Protocol.Http, model, ctx, $"parentRef of HTTPRoute '{ns}/{name}'", atGateways) is not { } host)
        {
            if (spec.Rules is not null && !atGateways) ctx.NotImported(source, "$.spec.rules", "The route has no Service parent, so its rules have no place in the model (mesh routes attach to Services).");
            return;
        }
        var rules = new List<HttpRouteRule>();
        for (var i = 0; i < (spec.Rules?.Count ?? 0); i++)
        {
            if (spec.Rules![i] is { } rule && HttpRuleMapping.ToModel(rule, host, ns, source, $"$.spec.rules[{i}]", ctx, model, $"HTTPRoute '{ns}/{name}'") is { } imported) rules.Add(imported);
        }
        // The model is first-match; Gateway API picks the most specific match.
        var ordered = MatchPrecedence.Order(rules);
        if (!ReferenceEquals(ordered, rules))
        {
            ctx.Note(source, "$.spec.rules", "Gateway API picks the most specific match, not the first: the rules are read in the order of that precedence (a more specific match moved before a broader one it overlaps, its rule split where needed), so the model routes as the cluster does.");
        }
        model.Routes.Add(new Model.HttpRoute { Name = name, Namespace = ns, Host = host, Rules = [.. ordered] });
    }

    /// <summary>Gateway API → model: imports the rules of a GRPCRoute named <paramref name="name"/> in <paramref name="ns"/> into <paramref name="model"/>, reporting every field not carried.</summary>
    /// <param name="routeSpec">The spec (null is read as empty).</param>
    /// <param name="name">The route's name.</param>
    /// <param name="ns">The route's namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void ToModel(GrpcRouteSpec? routeSpec, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var spec = routeSpec ?? new GrpcRouteSpec();
        ReportHostnames(spec.Hostnames, source, ctx);
        if (Parent(spec.ParentRefs, ns, source, Protocol.Grpc, model, ctx, $"parentRef of GRPCRoute '{ns}/{name}'") is not { } host)
        {
            if (spec.Rules is not null) ctx.NotImported(source, "$.spec.rules", "The route has no Service parent, so its rules have no place in the model (mesh routes attach to Services).");
            return;
        }
        var rules = new List<HttpRouteRule>();
        for (var i = 0; i < (spec.Rules?.Count ?? 0); i++)
        {
            if (spec.Rules![i] is { } rule && GrpcRuleMapping.ToModel(rule, host, ns, source, $"$.spec.rules[{i}]", ctx, model, $"GRPCRoute '{ns}/{name}'") is { } imported) rules.Add(imported);
        }
        model.Routes.Add(new Model.HttpRoute { Name = name, Namespace = ns, Host = host, Rules = [.. rules] });
    }

    /// <summary>Gateway API → model: reports the <c>hostnames</c> of a mesh route, which a mesh route is not selected by (its parent Service is).</summary>
    /// <param name="hostnames">The route's hostnames (nothing is reported when null).</param>
    /// <param name="source">The route's source name (<c>file#doc</c>).</param>
    /// <param name="ctx">The import's context.</param>
    public static void ReportHostnames(List<string>? hostnames, string source, ImportContext ctx)
    {
        if (hostnames is not null) ctx.OutOfScope(source, "$.spec.hostnames", "Hostnames select requests at a Gateway; mesh routes are selected by their parent Service, so they were not imported.");
    }

    private static ServiceRef? Parent(List<ParentReference>? parents, string ns, string source, Protocol protocol, ModelBuilder model, ImportContext ctx, string what, bool gatewaysRead = false)
    {
        ServiceRef? host = null;
        for (var i = 0; i < (parents?.Count ?? 0); i++)
        {
            var path = $"$.spec.parentRefs[{i}]";
            if (parents![i] is not { } parent) continue;
            if (gatewaysRead && GatewayRouteMapping.IsGateway(parent)) continue;
            if (parent.Kind != "Service" || !BackendMapping.IsCoreGroup(parent.Group))
            {
                ctx.OutOfScope(source, path, parent.Kind is null or "Gateway"
                    ? "A Gateway parent binds the route to a gateway; only Service parents (mesh routing) are in the model."
                    : $"A {parent.Kind} parent is not a Service; only routes whose parent is a Service (mesh routing) are in the model.");
                continue;
            }
            if (string.IsNullOrEmpty(parent.Name))
            {
                ctx.Invalid(source, $"{path}.name", "A parentRef needs a name.");
                continue;
            }
            var service = new ServiceRef(parent.Name, string.IsNullOrEmpty(parent.Namespace) ? ns : parent.Namespace);
            if (host is not null && host != service)
            {
                ctx.NotImported(source, path, "A model route has one host service; only the first Service parent was imported.");
                continue;
            }
            host = service;
            if (parent.Port is { } port)
            {
                if (port is < 1 or > 65535)
                {
                    ctx.Invalid(source, $"{path}.port", "A port is between 1 and 65535.");
                    continue;
                }
                model.AddPort(service, port, protocol);
            }
            model.Refer(service, parent.Port, protocol, source, path, what);
            SectionName(parent, service, source, path, model, ctx);
        }
        return host;
    }

    /// <summary>
    /// Gateway API → model: the <c>sectionName</c> of a Service parentRef, which names the Service port of the parentRef's
    /// <c>port</c>: read as that port's name. Without a port, or as a name the model cannot give the port, it is reported.
    /// </summary>
    internal static void SectionName(ParentReference parent, ServiceRef service, string source, string path, ModelBuilder model, ImportContext ctx)
    {
        if (string.IsNullOrEmpty(parent.SectionName)) return;
        var at = $"{path}.sectionName";
        if (parent.Port is not { } port)
        {
            ctx.NotImported(source, at, $"The parentRef names its Service port only by name ('{parent.SectionName}'); the model names a route's ports by number, so it was read as a parent on every port of '{service}'.");
        }
        else if (!Validation.DnsNames.IsDnsLabel(parent.SectionName))
        {
            ctx.NotImported(source, at, $"'{parent.SectionName}' is not a port name the model takes (a DNS label); port {port} is read without it.");
        }
        else if (!model.NamePort(service, port, parent.SectionName))
        {
            ctx.NotImported(source, at, $"Another port of '{service}' is already named '{parent.SectionName}', or port {port} already has another name; this name was not imported.");
        }
    }
}
