using System.Globalization;
using k8s.Models;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.Linkerd.Export;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Translation;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Import;

/// <summary>
/// Linkerd resources → model: routes (both API groups) with the retry and timeout annotations applied to their rules, TCPRoutes,
/// legacy ServiceProfiles, authorization (<see cref="AuthorizationImporter"/>), egress (<see cref="EgressImporter"/>:
/// EgressNetworks and the routes whose parent is one), and core Services: their ports (<see cref="ServiceImporter"/>) and
/// failure-accrual annotations.
/// </summary>
internal static class LinkerdImporter
{
    public static ResourceCatalog Catalog { get; } = new(
        LinkerdResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(PolicyHttpRoute)] = PolicyHttpRoute.KubeGroup + "/" + PolicyHttpRoute.KubeApiVersion,
            [typeof(GatewayResources.HttpRoute)] = GatewayResources.HttpRoute.KubeGroup + "/" + GatewayResources.HttpRoute.KubeApiVersion,
            [typeof(GatewayResources.GrpcRoute)] = GatewayResources.GrpcRoute.KubeGroup + "/" + GatewayResources.GrpcRoute.KubeApiVersion,
            [typeof(GatewayResources.TcpRoute)] = LinkerdExporter.TcpApiVersion,
            [typeof(GatewayResources.TlsRoute)] = GatewayResources.TlsRoute.KubeGroup + "/" + GatewayResources.TlsRoute.KubeApiVersion,
            [typeof(ServiceProfile)] = ServiceProfile.KubeGroup + "/" + ServiceProfile.KubeApiVersion,
            [typeof(Server)] = Server.KubeGroup + "/" + Server.KubeApiVersion,
            [typeof(AuthorizationPolicy)] = AuthorizationPolicy.KubeGroup + "/" + AuthorizationPolicy.KubeApiVersion,
            [typeof(MeshTlsAuthentication)] = MeshTlsAuthentication.KubeGroup + "/" + MeshTlsAuthentication.KubeApiVersion,
            [typeof(NetworkAuthentication)] = NetworkAuthentication.KubeGroup + "/" + NetworkAuthentication.KubeApiVersion,
            [typeof(EgressNetwork)] = EgressNetwork.KubeGroup + "/" + EgressNetwork.KubeApiVersion,
            [typeof(ServerAuthorization)] = ServerAuthorization.KubeGroup + "/" + ServerAuthorization.KubeApiVersion,
            [typeof(CoreService)] = CoreService.KubeApiVersion,
        },
        new HashSet<string>(LinkerdResourceTypes.Groups, StringComparer.Ordinal),
        "a Linkerd resource this provider reads",
        VersionNotes: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{GatewayResources.TcpRoute.KubeGroup}/{GatewayResources.TcpRoute.KubeApiVersion}/{GatewayResources.TcpRoute.KubeKind}"] =
                $"Linkerd's bundled Gateway API CRDs serve TCPRoute only as {LinkerdExporter.TcpApiVersion}; this {GatewayResources.TcpRoute.KubeGroup}/{GatewayResources.TcpRoute.KubeApiVersion} TCPRoute was read as {LinkerdExporter.TcpApiVersion} and is written back in that version.",
        });

    private static readonly HashSet<string> NoAnnotations = [];

    public static ImportResult Import(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, LinkerdOptions options, ImportOptions? importOptions)
    {
        var model = new ModelBuilder();
        var services = new ServiceImporter(options, ctx);
        var authorization = new AuthorizationImporter(options, services, ctx);
        var egress = new EgressImporter(ctx);
        var destinations = new List<DestinationPolicy>();
        foreach (var (resource, source) in resources)
        {
            if (resource is Server or AuthorizationPolicy or MeshTlsAuthentication or NetworkAuthentication or ServerAuthorization
                || (resource is PolicyHttpRoute policyRoute && AuthorizationImporter.IsServerRoute(policyRoute.Spec))
                || (resource is GatewayResources.HttpRoute gatewayRoute && AuthorizationImporter.IsServerRoute(gatewayRoute.Spec)))
            {
                var meta = (k8s.IKubernetesObject<V1ObjectMeta>)resource;
                ctx.ReportMetadata(meta.Metadata, source);
                authorization.Add(resource, ctx.NamespaceOf(meta), ctx.NameOf(meta, source), source);
                continue;
            }
            if (resource is EgressNetwork network)
            {
                ctx.ReportMetadata(network.Metadata, source);
                egress.Add(network, ctx.NameOf(network, source), ctx.NamespaceOf(network), source);
                continue;
            }
            if (EgressImporter.IsEgressRoute(resource))
            {
                var route = (k8s.IKubernetesObject<V1ObjectMeta>)resource;
                ctx.ReportMetadata(route.Metadata, source, LinkerdAnnotations.Carried);
                egress.AddRoute(resource, route.Metadata, ctx.NameOf(route, source), ctx.NamespaceOf(route), source);
                continue;
            }
            if (resource is GatewayResources.TlsRoute tls)
            {
                ctx.ReportMetadata(tls.Metadata, source);
                ctx.OutOfScope(source, "$.kind", "A TLSRoute without an EgressNetwork parent routes TLS inside the mesh, which the model does not describe; it was skipped.");
                continue;
            }
            if (resource is CoreService service)
            {
                ctx.ReportMetadata(service.Metadata, source, ServiceImporter.CarriedAnnotations);
                var serviceName = ctx.NameOf(service, source);
                var serviceNamespace = ctx.NamespaceOf(service);
                if (FailureAccrualImporter.Import(service, serviceName, serviceNamespace, source, ctx) is { } destination) destinations.Add(destination);
                services.Add(service, serviceName, serviceNamespace, source);
                continue;
            }
            if (resource is ServiceProfile profile)
            {
                ctx.ReportMetadata(profile.Metadata, source);
                ServiceProfileImporter.Import(profile, ctx.NamespaceOf(profile), source, model, ctx);
                continue;
            }
            if (resource is GatewayResources.TcpRoute tcp)
            {
                // Linkerd's route annotations (retries, timeouts) are HTTP and gRPC settings: on a TCPRoute each is reported.
                ctx.ReportMetadata(tcp.Metadata, source, NoAnnotations);
                TcpRouteMapping.ToModel(tcp.Spec, ctx.NameOf(tcp, source), ctx.NamespaceOf(tcp), source, model, ctx);
                continue;
            }
            if (resource is not k8s.IKubernetesObject<V1ObjectMeta> k || resource is not (PolicyHttpRoute or GatewayResources.HttpRoute or GatewayResources.GrpcRoute))
            {
                ctx.UnknownKind(source, "$", $"{resource.GetType().Name} is not a Linkerd route this provider reads; it was skipped.");
                continue;
            }
            ctx.ReportMetadata(k.Metadata, source, LinkerdAnnotations.Carried);
            var name = ctx.NameOf(k, source);
            var ns = ctx.NamespaceOf(k);
            var before = model.Routes.Count;
            var grpc = false;
            switch (resource)
            {
                case PolicyHttpRoute policy:
                    HttpRouteMapping.ToModel(policy.Spec, name, ns, source, model, ctx);
                    break;
                case GatewayResources.HttpRoute http:
                    HttpRouteMapping.ToModel(http.Spec, name, ns, source, model, ctx);
                    break;
                case GatewayResources.GrpcRoute g:
                    grpc = true;
                    HttpRouteMapping.ToModel(g.Spec, name, ns, source, model, ctx);
                    break;
            }
            var annotations = k.Metadata?.Annotations;
            if (annotations is not { Count: > 0 }) continue;
            if (model.Routes.Count > before && model.Routes[^1].Rules.Count > 0)
            {
                var route = model.Routes[^1];
                model.Routes[^1] = route with { Rules = [.. route.Rules.Select(Apply(annotations, grpc, source, ctx))] };
            }
            else
            {
                // Nothing imported to apply them to: the retry and timeout annotations are lost, and said so.
                foreach (var key in annotations.Keys.Where(LinkerdAnnotations.Carried.Contains).Order(StringComparer.Ordinal))
                {
                    ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(key), "No rule of this route was imported, so the annotation applies to nothing in the model.");
                }
            }
        }
        var modelName = importOptions?.ModelName ?? "imported";
        // Servers name ports (resolving container port names through the Services), then the Services' own ports fill in
        // what no route or Server names; a Server's policy names its port when the service ends up with others.
        authorization.AddServers(model);
        var withPorts = services.Merge(model.Build(modelName));
        var accessPolicies = authorization.Build(withPorts);
        var externals = egress.Build();
        var config = ctx.Diagnostics.Any(d => d.IsError)
            ? new MeshConfig { Name = modelName }
            : (withPorts with { AccessPolicies = [.. accessPolicies], ExternalServices = [.. externals], DestinationPolicies = [.. destinations] }).Normalize();
        return ImportResult.Create(config, ctx.Diagnostics, importOptions);
    }

    private static Func<HttpRouteRule, HttpRouteRule> Apply(IDictionary<string, string> annotations, bool grpc, string source, ImportContext ctx)
    {
        var timeout = Duration(annotations, LinkerdAnnotations.TimeoutRequest, source, ctx);
        var retry = Retry(annotations, grpc, source, ctx);
        return rule => rule with { Timeout = rule.Timeout ?? timeout, Retry = retry };
    }

    private static string At(string annotation) => "$.metadata.annotations" + JsonPaths.Segment(annotation);

    private static TimeSpan? Duration(IDictionary<string, string> annotations, string key, string source, ImportContext ctx)
    {
        if (!annotations.TryGetValue(key, out var text) || text is null) return null;
        if (DurationMapping.TryParse(text, out var value) || GoDuration.TryParse(text, out value)) return value;
        ctx.Invalid(source, At(key), $"'{text}' is not a duration (e.g. 300ms, 2s, 1m).");
        return null;
    }

    private static RetryPolicy? Retry(IDictionary<string, string> annotations, bool grpc, string source, ImportContext ctx)
    {
        var hasAny = annotations.ContainsKey(LinkerdAnnotations.RetryLimit) || annotations.ContainsKey(LinkerdAnnotations.RetryTimeout)
            || annotations.ContainsKey(LinkerdAnnotations.RetryHttp) || annotations.ContainsKey(LinkerdAnnotations.RetryGrpc);
        if (!hasAny) return null;
        var attempts = 1;
        if (annotations.TryGetValue(LinkerdAnnotations.RetryLimit, out var limit))
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out attempts))
            {
                ctx.Invalid(source, At(LinkerdAnnotations.RetryLimit), $"'{limit}' is not a whole number of retries.");
                attempts = 1;
            }
        }
        var on = new List<RetryCondition>();
        var codes = new List<int>();
        if (annotations.TryGetValue(LinkerdAnnotations.RetryHttp, out var http) && http is not null)
        {
            if (grpc) ctx.NotImported(source, At(LinkerdAnnotations.RetryHttp), "HTTP retry conditions do not apply to a GRPCRoute; they were not imported.");
            else HttpConditions(http, on, codes, source, ctx);
        }
        if (annotations.TryGetValue(LinkerdAnnotations.RetryGrpc, out var grpcText) && grpcText is not null)
        {
            if (!grpc) ctx.NotImported(source, At(LinkerdAnnotations.RetryGrpc), "gRPC retry conditions apply to GRPCRoutes; they were not imported.");
            else GrpcConditions(grpcText, on, source, ctx);
        }
        if (codes.Count > 0) on.Add(RetryCondition.RetriableStatusCodes);
        return new RetryPolicy
        {
            Attempts = attempts,
            PerTryTimeout = Duration(annotations, LinkerdAnnotations.RetryTimeout, source, ctx),
            On = [.. on.Distinct()],
            StatusCodes = [.. codes.Distinct()],
        };
    }

    private static void HttpConditions(string text, List<RetryCondition> on, List<int> codes, string source, ImportContext ctx)
    {
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (token == "5xx") on.Add(RetryCondition.ServerError);
            else if (token == "gateway-error") on.Add(RetryCondition.GatewayError);
            else if (Range(token) is { } range) codes.AddRange(range);
            else ctx.NotImported(source, At(LinkerdAnnotations.RetryHttp), $"Retry condition '{token}' is not in the model; it was not imported.");
        }
    }

    private static IEnumerable<int>? Range(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        var (low, high) = dash < 0 ? (token, token) : (token[..dash], token[(dash + 1)..]);
        if (!int.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var from) || !int.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out var to)) return null;
        if (from is < 100 or > 599 || to is < 100 or > 599 || to < from) return null;
        return Enumerable.Range(from, to - from + 1);
    }

    private static void GrpcConditions(string text, List<RetryCondition> on, string source, ImportContext ctx)
    {
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            RetryCondition? condition = token switch
            {
                "cancelled" => RetryCondition.Cancelled,
                "deadline-exceeded" => RetryCondition.DeadlineExceeded,
                "internal" => RetryCondition.Internal,
                "resource-exhausted" => RetryCondition.ResourceExhausted,
                "unavailable" => RetryCondition.Unavailable,
                _ => null,
            };
            if (condition is { } c) on.Add(c);
            else ctx.NotImported(source, At(LinkerdAnnotations.RetryGrpc), $"gRPC retry condition '{token}' is not in the model; it was not imported.");
        }
    }
}
