using Mesh.Translation;
using Mesh.Kubernetes;
using System.Globalization;
using System.Runtime.CompilerServices;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Export;

/// <summary>
/// Model → Linkerd: routes (the Gateway API mapping with Linkerd's filter set, HTTP routes in the configured API group,
/// retries and shared timeouts as Linkerd's route annotations), TCP routes as <c>v1alpha2</c> TCPRoutes, authorization
/// (<see cref="AuthorizationExporter"/>) and egress (<see cref="EgressExporter"/>: EgressNetworks and the routes on them).
/// Outlier detection is reported with the Service annotations to apply, service ports the written resources do not carry
/// with <see cref="ServicePortReport"/>; everything else is reported.
/// </summary>
internal static class LinkerdExporter
{
    /// <summary>The <c>apiVersion</c> TCPRoutes are written with: the only one Linkerd's bundled Gateway API CRDs serve.</summary>
    public const string TcpApiVersion = GatewayResources.TcpRoute.KubeGroup + "/" + GatewayResources.TcpRoute.KubeApiVersionV1Alpha2;

    public static RouteDialect Dialect { get; } = new(ProviderName.Linkerd, "Linkerd", Rewrite: false, Mirror: false, Cors: false, ResponseHeaders: false, RetriesElsewhere: true, RedirectCodes: [301, 302]);

    private static readonly Dictionary<RetryCondition, string> GrpcConditions = new()
    {
        [RetryCondition.Cancelled] = "cancelled",
        [RetryCondition.DeadlineExceeded] = "deadline-exceeded",
        [RetryCondition.Internal] = "internal",
        [RetryCondition.ResourceExhausted] = "resource-exhausted",
        [RetryCondition.Unavailable] = "unavailable",
    };

    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LinkerdOptions options)
    {
        var ctx = new RouteExportContext(new GatewayApiOptions { DefaultNamespace = options.DefaultNamespace, EmitGrpcRoutes = true }, config, Dialect);
        var routes = new SortedDictionary<(string Namespace, string Name), object>(OrdinalKeyComparer.Instance);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = $"$.spec.routes[{i}]";
            if (routes.ContainsKey((route.Namespace, route.Name)))
            {
                ctx.Unsupported(path, $"Another route is already written as '{route.Namespace}/{route.Name}'; this route is not written.");
                continue;
            }
            var written = HttpRouteMapping.ToGatewayApi(route, path, ctx);
            switch (written)
            {
                case GatewayResources.HttpRoute http:
                    var annotations = Annotations(route, grpc: false, path, ctx, http.Spec.Rules);
                    object result = options.RouteApi == LinkerdRouteApi.Policy
                        ? new PolicyHttpRoute { Metadata = http.Metadata, Spec = http.Spec }
                        : http;
                    http.Metadata.Annotations = annotations;
                    routes[(route.Namespace, route.Name)] = result;
                    break;
                case GatewayResources.GrpcRoute grpc:
                    grpc.Metadata.Annotations = Annotations(route, grpc: true, path, ctx, null);
                    routes[(route.Namespace, route.Name)] = grpc;
                    break;
            }
        }
        var tcp = TcpRouteMapping.ToGatewayApi(config, ctx, TcpApiVersion);
        TcpPrecedence(config, routes.Values, tcp, ctx);
        Report(config, ctx);
        var policies = AuthorizationExporter.Export(config, options, ctx).ToList();
        // The names taken are only needed (and only worth collecting) when there is egress to write.
        var egress = config.ExternalServices.IsEmpty ? [] : EgressExporter.Export(config, options, ctx, Written([.. routes.Values, .. tcp.Select(t => t.Route), .. policies]));
        List<object> resources = [.. routes.Values, .. tcp.Select(t => t.Route), .. policies, .. egress];
        ServicePortReport.Report(config, resources, options, ctx);
        return (resources, ctx.Diagnostics);
    }

    /// <summary>The <c>group/Kind</c>, namespace and name of each resource written.</summary>
    private static HashSet<(string Kind, string Namespace, string Name)> Written(List<object> resources)
    {
        var written = new HashSet<(string, string, string)>();
        foreach (var resource in resources)
        {
            if (resource is not k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> k) continue;
            var slash = k.ApiVersion.IndexOf('/', StringComparison.Ordinal);
            written.Add(($"{(slash < 0 ? string.Empty : k.ApiVersion[..slash])}/{k.Kind}", k.Metadata.NamespaceProperty, k.Metadata.Name));
        }
        return written;
    }

    /// <summary>
    /// The route's annotations: retries when every rule has the same policy, and <c>timeout.linkerd.io/request</c> when every
    /// rule has the same timeout (the per-rule <c>timeouts.request</c> are then left out).
    /// </summary>
    private static Dictionary<string, string>? Annotations(Model.HttpRoute route, bool grpc, string path, RouteExportContext ctx, List<GatewayResources.HttpRouteRule>? rules)
    {
        var annotations = new List<KeyValuePair<string, string>>(4);
        var first = route.Rules.Count > 0 ? route.Rules[0] : null;
        if (first is not null && rules is not null && first.Timeout is { } timeout && route.Rules.All(r => r.Timeout == timeout) && rules.All(r => r.Timeouts is not null))
        {
            annotations.Add(new(LinkerdAnnotations.TimeoutRequest, rules[0].Timeouts!.Request!));
            foreach (var rule in rules) rule.Timeouts = null;
        }
        if (route.Rules.Any(r => r.Retry is not null))
        {
            if (first?.Retry is { } retry && route.Rules.All(r => r.Retry == retry))
            {
                Retry(retry, grpc, path, ctx, annotations);
            }
            else
            {
                for (var k = 0; k < route.Rules.Count; k++)
                {
                    if (route.Rules[k].Retry is not null) ctx.Unsupported($"{path}.rules[{k}].retry", "Linkerd sets retries per route (annotations); the rules of this route have different retry policies, so this one is not written.");
                }
            }
        }
        if (annotations.Count == 0) return null;
        // Written in key order (the writer keeps a dictionary's order).
        annotations.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var result = new Dictionary<string, string>(annotations.Count, StringComparer.Ordinal);
        foreach (var (key, value) in annotations) result.Add(key, value);
        return result;
    }

    private static void Retry(RetryPolicy retry, bool grpc, string routePath, RouteExportContext ctx, List<KeyValuePair<string, string>> annotations)
    {
        annotations.Add(new(LinkerdAnnotations.RetryLimit, retry.Attempts.ToString(CultureInfo.InvariantCulture)));
        if (retry.PerTryTimeout is { } perTry)
        {
            if (!DurationMapping.TryFormat(perTry, out var text)) ctx.Approximated($"{routePath}.rules[0].retry.perTryTimeout", $"The per-try timeout is written in whole milliseconds: {text}.");
            annotations.Add(new(LinkerdAnnotations.RetryTimeout, text));
        }
        if (retry.Backoff is not null) ctx.Unsupported($"{routePath}.rules[0].retry.backoff", "Linkerd has no retry back-off setting; it is not written.");
        var conditions = new List<string>();
        foreach (var condition in retry.On)
        {
            switch (condition)
            {
                case RetryCondition.ServerError when !grpc:
                    conditions.Add("5xx");
                    break;
                case RetryCondition.GatewayError when !grpc:
                    conditions.Add("gateway-error");
                    break;
                case RetryCondition.RetriableStatusCodes when !grpc:
                    conditions.AddRange(retry.StatusCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)));
                    break;
                default:
                    if (grpc && GrpcConditions.TryGetValue(condition, out var name)) conditions.Add(name);
                    else ctx.Unsupported($"{routePath}.rules[0].retry.on", $"Linkerd cannot retry on '{WireNames.Of(condition)}' for {(grpc ? "a GRPCRoute" : "an HTTPRoute")}; the condition is not written.");
                    break;
            }
        }
        if (conditions.Count > 0) annotations.Add(new(grpc ? LinkerdAnnotations.RetryGrpc : LinkerdAnnotations.RetryHttp, string.Join(",", conditions)));
    }

    /// <summary>
    /// Linkerd serves one kind of route per Service port, GRPCRoute before HTTPRoute before TLSRoute before TCPRoute,
    /// unless the port is opaque (appProtocol <c>linkerd.io/opaque</c>, or listed in <c>config.linkerd.io/opaque-ports</c>),
    /// where only TCPRoutes count. A TCP split on a port an HTTP or gRPC route of the same Service also names is
    /// therefore approximated; one on an HTTP-family port of the model that no such route names turns off HTTP detection
    /// there (an info).
    /// </summary>
    private static void TcpPrecedence(MeshConfig config, IEnumerable<object> routes, List<(int Index, GatewayResources.TcpRoute Route)> tcp, RouteExportContext ctx)
    {
        if (tcp.Count == 0) return;
        // The ports each Service's HTTP or gRPC route is written for (null: every port).
        var l7 = new Dictionary<ServiceRef, (string Kind, string Name, SortedSet<int>? Ports)>();
        foreach (var route in routes)
        {
            var (kind, metadata, parents) = route switch
            {
                GatewayResources.GrpcRoute g => ("GRPCRoute", g.Metadata, g.Spec.ParentRefs),
                GatewayResources.HttpRoute h => ("HTTPRoute", h.Metadata, h.Spec.ParentRefs),
                PolicyHttpRoute p => ("HTTPRoute", p.Metadata, p.Spec.ParentRefs),
                _ => (null, null, null),
            };
            if (kind is null || metadata is null) continue;
            foreach (var parent in parents ?? [])
            {
                if (parent.Kind != "Service" || parent.Name is null) continue;
                var service = new ServiceRef(parent.Name, parent.Namespace ?? metadata.NamespaceProperty);
                if (!l7.TryGetValue(service, out var entry)) l7[service] = entry = (kind, $"{metadata.NamespaceProperty}/{metadata.Name}", []);
                if (parent.Port is { } port) entry.Ports?.Add(port);
                else l7[service] = entry with { Ports = null };
            }
        }
        foreach (var (index, _) in tcp)
        {
            var route = config.TcpRoutes[index];
            var path = $"$.spec.tcpRoutes[{index}]";
            SortedSet<int> shadowed = [];
            if (l7.TryGetValue(route.Host, out var other))
            {
                var every = other.Ports is null && route.Port is null;
                if (!every)
                {
                    if (other.Ports is null) shadowed.Add(route.Port!.Value);
                    else if (route.Port is { } port) { if (other.Ports.Contains(port)) shadowed.Add(port); }
                    else shadowed.UnionWith(other.Ports);
                }
                if (every || shadowed.Count > 0)
                {
                    var where = every ? "every port" : (shadowed.Count == 1 ? "port " : "ports ") + string.Join(", ", shadowed);
                    ctx.Approximated(path, $"Linkerd serves one kind of route per Service port and prefers {other.Kind} '{other.Name}' on {where} of '{route.Host}': there this TCP split applies only if the port is opaque (appProtocol linkerd.io/opaque, or listed in config.linkerd.io/opaque-ports), which sets the {other.Kind} aside.");
                    if (every) continue;
                }
            }
            if (ctx.FindService(route.Host) is not { } host) continue;
            var http = host.Ports.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc && (route.Port is null || p.Port == route.Port) && !shadowed.Contains(p.Port)).Select(p => p.Port).Order().ToList();
            if (http.Count > 0)
            {
                ctx.Note(path, $"Linkerd proxies {(http.Count == 1 ? "port " : "ports ")}{string.Join(", ", http)} of '{route.Host}' opaquely while this TCPRoute is attached: no HTTP detection there, so no per-request metrics, retries or timeouts. A Service port with appProtocol http or kubernetes.io/h2c ignores the TCPRoute instead.");
            }
        }
    }

    private static void Report(MeshConfig config, RouteExportContext ctx)
    {
        for (var i = 0; i < config.DestinationPolicies.Count; i++) Destination(config.DestinationPolicies[i], $"$.spec.destinationPolicies[{i}]", ctx);
        for (var i = 0; i < config.Mtls.Count; i++)
        {
            var mode = config.Mtls[i].Mode;
            if (mode == MtlsMode.Strict) ctx.Approximated($"$.spec.mtls[{i}]", "mTLS is always on between meshed pods in Linkerd: nothing is written, so the policy is not read back.");
            else ctx.Unsupported($"$.spec.mtls[{i}].mode", $"mTLS is always on in Linkerd; mode '{WireNames.Of(mode)}' cannot be expressed.");
        }
        for (var i = 0; i < config.Services.Count; i++)
        {
            for (var k = 0; k < config.Services[i].Subsets.Count; k++) ctx.Unsupported($"$.spec.services[{i}].subsets.{config.Services[i].Subsets[k].Name}", "Linkerd routes to whole Services; there are no subsets.");
        }
    }

    /// <summary>
    /// A destination policy: Linkerd has no load-balancer choice or connection limits; its outlier detection is Linkerd's
    /// failure accrual, annotations on the Service, which this provider does not write — the diagnostic names the exact
    /// annotations to apply.
    /// </summary>
    private static void Destination(DestinationPolicy policy, string path, RouteExportContext ctx)
    {
        if (policy.LoadBalancer is not null) ctx.Unsupported($"{path}.loadBalancer", "Linkerd always balances with EWMA / power of two choices; the load balancer is not written.");
        if (policy.ConnectionPool is not null) ctx.Unsupported($"{path}.connectionPool", "Linkerd has no connection-pool limits or connect timeout; they are not written.");
        if (policy.OutlierDetection is not { } outlier) return;
        if (policy.Target.Subset is not null)
        {
            ctx.Unsupported($"{path}.outlierDetection", "Linkerd's failure accrual is set per Service, not per subset; the outlier detection is not written.");
            return;
        }
        // One string for the message (pooled buffer), not one per annotation and one for their list.
        var message = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture);
        message.AppendLiteral("Linkerd's outlier detection is failure accrual, set by annotations on the Service, which this provider does not write: annotate Service '");
        message.AppendFormatted(policy.Target.Service.Namespace);
        message.AppendLiteral("/");
        message.AppendFormatted(policy.Target.Service.Name);
        message.AppendLiteral("' with ");
        var first = true;
        foreach (var (key, value) in FailureAccrual.Annotations(outlier))
        {
            if (!first) message.AppendLiteral(", ");
            first = false;
            message.AppendFormatted(key);
            message.AppendLiteral(": \"");
            message.AppendFormatted(value);
            message.AppendLiteral("\"");
        }
        message.AppendLiteral(".");
        ctx.Approximated($"{path}.outlierDetection", message.ToStringAndClear());
        if (outlier.Consecutive5xx is null && outlier.ConsecutiveGatewayErrors is not null) ctx.Approximated($"{path}.outlierDetection.consecutiveGatewayErrors", "Linkerd counts every failed response (5xx) toward failure accrual, not only gateway errors.");
        if (outlier.Consecutive5xx is not null && outlier.ConsecutiveGatewayErrors is not null) ctx.Unsupported($"{path}.outlierDetection.consecutiveGatewayErrors", "Linkerd has one consecutive-failure count; the gateway-error count is not written.");
        if (outlier.Interval is not null) ctx.Unsupported($"{path}.outlierDetection.interval", "Linkerd's failure accrual counts consecutive failures, not failures per interval; the interval is not written.");
        if (outlier.MaxEjectionPercent is not null) ctx.Unsupported($"{path}.outlierDetection.maxEjectionPercent", "Linkerd's failure accrual has no cap on the share of endpoints made unavailable; the percentage is not written.");
    }
}
