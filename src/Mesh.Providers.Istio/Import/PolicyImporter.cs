using Mesh.Kubernetes;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;
using Model = Mesh.Model;

namespace Mesh.Providers.Istio.Import;

/// <summary><c>DestinationRule</c> → the host's service with its subsets, and destination policies for the host and each subset.</summary>
internal static class PolicyImporter
{
    public static void Services(DestinationRule dr, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        if (!TryHost(dr, ns, source, ctx, report: false, out var service)) return;
        // A service exists in the model when the rule gives it subsets or a policy the model carries.
        if (dr.Spec.Subsets is not { Count: > 0 } && !Carried(dr.Spec.TrafficPolicy)) return;
        var key = service.Namespace + "/" + service.Name;
        var existing = model.Services.TryGetValue(key, out var s) ? s : new MeshService { Name = service.Name, Namespace = service.Namespace };
        var subsets = existing.Subsets.ToList();
        for (var i = 0; i < (dr.Spec.Subsets?.Count ?? 0); i++)
        {
            if (dr.Spec.Subsets![i] is not { } subset) continue;
            if (string.IsNullOrEmpty(subset.Name))
            {
                ctx.Invalid(source, $"$.spec.subsets[{i}].name", "A subset needs a name.");
                continue;
            }
            if (subsets.Any(x => x.Name == subset.Name))
            {
                ctx.NotImported(source, $"$.spec.subsets[{i}]", $"Subset '{subset.Name}' of '{service}' is already defined; this definition was not imported.");
                continue;
            }
            subsets.Add(new Model.Subset { Name = subset.Name, Labels = (subset.Labels ?? []).Where(e => e.Value is not null).ToEquatableMap() });
        }
        model.Services[key] = existing with { Subsets = [.. subsets] };
    }

    public static void Policies(DestinationRule dr, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        if (!TryHost(dr, ns, source, ctx, report: true, out var service)) return;
        if (dr.Spec.TrafficPolicy is { } traffic && Carried(traffic)) Add(traffic, service, null, source, "$.spec.trafficPolicy", model, ctx);
        for (var i = 0; i < (dr.Spec.Subsets?.Count ?? 0); i++)
        {
            if (dr.Spec.Subsets![i] is { TrafficPolicy: { } policy, Name: { Length: > 0 } name } && Carried(policy)) Add(policy, service, name, source, $"$.spec.subsets[{i}].trafficPolicy", model, ctx);
        }
    }

    /// <summary>Whether a traffic policy holds anything the model carries (an empty or TLS-only policy does not).</summary>
    private static bool Carried(TrafficPolicy? traffic) =>
        traffic is not null && (traffic.LoadBalancer is not null || traffic.OutlierDetection is not null
            || traffic.ConnectionPool?.Tcp is { MaxConnections: not null } or { ConnectTimeout: not null }
            || traffic.ConnectionPool?.Http is { Http1MaxPendingRequests: not null } or { Http2MaxRequests: not null } or { MaxRequestsPerConnection: not null } or { MaxRetries: not null });

    private static bool TryHost(DestinationRule dr, string ns, string source, IstioImportContext ctx, bool report, out ServiceRef service)
    {
        service = default;
        if (string.IsNullOrEmpty(dr.Spec?.Host))
        {
            if (report) ctx.Invalid(source, "$.spec.host", "A DestinationRule needs a host.");
            return false;
        }
        if (IstioHosts.TryResolve(dr.Spec.Host, ns, ctx.Options, out service)) return true;
        if (report) ctx.NotImported(source, "$.spec", $"'{dr.Spec.Host}' is not a mesh service; policies for other hosts are not in the model.");
        return false;
    }

    private static void Add(TrafficPolicy traffic, ServiceRef service, string? subset, string source, string path, ModelBuilder model, IstioImportContext ctx)
    {
        if (model.DestinationPolicies.Any(p => p.Target.Service == service && p.Target.Subset == subset))
        {
            ctx.NotImported(source, path, "Another DestinationRule already sets the policy of this target; this one was not imported.");
            return;
        }
        model.DestinationPolicies.Add(new DestinationPolicy
        {
            Target = new PolicyTarget { Service = service, Subset = subset },
            LoadBalancer = traffic.LoadBalancer is { } lb ? LoadBalancer(lb, source, $"{path}.loadBalancer", ctx) : null,
            ConnectionPool = traffic.ConnectionPool is { } pool ? new Model.ConnectionPool
            {
                MaxConnections = pool.Tcp?.MaxConnections,
                ConnectTimeout = Duration(pool.Tcp?.ConnectTimeout, source, $"{path}.connectionPool.tcp.connectTimeout", ctx),
                MaxPendingRequests = pool.Http?.Http1MaxPendingRequests,
                MaxRequests = pool.Http?.Http2MaxRequests,
                MaxRequestsPerConnection = pool.Http?.MaxRequestsPerConnection,
                MaxRetries = pool.Http?.MaxRetries,
            } : null,
            OutlierDetection = traffic.OutlierDetection is { } od ? new Model.OutlierDetection
            {
                Consecutive5xx = od.Consecutive5xxErrors,
                ConsecutiveGatewayErrors = od.ConsecutiveGatewayErrors,
                Interval = Duration(od.Interval, source, $"{path}.outlierDetection.interval", ctx),
                BaseEjectionTime = Duration(od.BaseEjectionTime, source, $"{path}.outlierDetection.baseEjectionTime", ctx),
                MaxEjectionPercent = od.MaxEjectionPercent,
            } : null,
        });
    }

    private static Model.LoadBalancer? LoadBalancer(LoadBalancerSettings lb, string source, string path, IstioImportContext ctx)
    {
        if (lb.ConsistentHash is { } hash)
        {
            if (lb.Simple is not null) ctx.NotImported(source, $"{path}.simple", "Istio takes one of simple and consistentHash; the consistent hash was imported.");
            var keys = new List<(string Field, Model.ConsistentHash Key)>();
            if (hash.HttpHeaderName is { } header) keys.Add(("httpHeaderName", Model.ConsistentHash.Header(header)));
            if (hash.HttpCookie is { Name: { } cookie }) keys.Add(("httpCookie", Model.ConsistentHash.Cookie(cookie)));
            if (hash.UseSourceIp is true) keys.Add(("useSourceIp", Model.ConsistentHash.SourceIp));
            if (hash.HttpQueryParameterName is { } query) keys.Add(("httpQueryParameterName", Model.ConsistentHash.QueryParameter(query)));
            if (keys.Count == 0)
            {
                ctx.NotImported(source, $"{path}.consistentHash", "The consistent hash has no hash key the model knows; it was not imported.");
                return null;
            }
            foreach (var (field, _) in keys.Skip(1)) ctx.NotImported(source, $"{path}.consistentHash.{field}", "A consistent hash has one key; only the first was imported.");
            return Model.LoadBalancer.HashOn(keys[0].Key);
        }
        switch (lb.Simple)
        {
            case null:
                return null;
            case "ROUND_ROBIN":
                return Model.LoadBalancer.RoundRobin;
            case "LEAST_REQUEST":
                return Model.LoadBalancer.LeastRequest;
            case "RANDOM":
                return Model.LoadBalancer.Random;
            case "LEAST_CONN":
                ctx.Legacy(source, $"{path}.simple", "LEAST_CONN is the deprecated name of LEAST_REQUEST; it was read as least request.");
                return Model.LoadBalancer.LeastRequest;
            case "UNSPECIFIED":
                ctx.NotImportedInfo(source, $"{path}.simple", "UNSPECIFIED is the mesh's default load balancer; the model leaves it unset.");
                return null;
            case "PASSTHROUGH":
                ctx.NotImported(source, $"{path}.simple", "PASSTHROUGH (forward to the original destination) is not a model load balancer; it was not imported.");
                return null;
            default:
                ctx.Invalid(source, $"{path}.simple", $"'{lb.Simple}' is not a load balancer (ROUND_ROBIN, LEAST_REQUEST, RANDOM, PASSTHROUGH, LEAST_CONN, UNSPECIFIED).");
                return null;
        }
    }

    private static TimeSpan? Duration(string? text, string source, string path, IstioImportContext ctx)
    {
        if (text is null) return null;
        if (GoDuration.TryParse(text, out var value)) return value;
        ctx.Invalid(source, path, $"'{text}' is not a duration (e.g. 10s, 1.5s, 100ms).");
        return null;
    }
}
