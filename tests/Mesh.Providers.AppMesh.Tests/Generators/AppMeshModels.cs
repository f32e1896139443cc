using CsCheck;
using Mesh.Model;
using Mesh.Providers.AppMesh.Mapping;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Generators;

/// <summary>
/// The shared generators seen through App Mesh: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/>
/// drops what App Mesh reports Unsupported and maps what it approximates to the model it reads back.
/// </summary>
internal static class AppMeshModels
{
    private static readonly ProviderCapabilities Capabilities = AppMeshCapabilities.Instance;

    private static readonly HashSet<RetryCondition> HttpConditions = [RetryCondition.ServerError, RetryCondition.GatewayError, RetryCondition.Retriable4xx, RetryCondition.RefusedStream, RetryCondition.ConnectFailure];

    private static readonly HashSet<RetryCondition> GrpcConditions = [RetryCondition.Cancelled, RetryCondition.DeadlineExceeded, RetryCondition.Internal, RetryCondition.ResourceExhausted, RetryCondition.Unavailable];

    private static readonly string[] Methods = ["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"];

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>
    /// Valid routing and destination-policy models within App Mesh's capabilities, mapped by <see cref="ToAppMesh"/> (models the
    /// mapping cannot keep exact are left out). mTLS and egress have their own example tests.
    /// </summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported && f.Area is not ("Security" or "Egress"))
            .Select(ToAppMesh).Where(m => m is not null).Select(m => m!);

    /// <summary>
    /// Maps a model to what the App Mesh provider writes and reads back exactly (every Service written):
    /// <list type="bullet">
    /// <item>TLS ports become TCP (App Mesh listeners speak http, http2, grpc or tcp) and target ports the port itself;</item>
    /// <item>routes live in their host's namespace and are named after it when a host has one route;</item>
    /// <item>a match on the path prefix <c>/</c> alone is no path condition, and a rule whose only match is empty matches everything;</item>
    /// <item>weights are scaled as App Mesh's 0–100 weights are; a backend without a subset to a service with subsets is left out (null);</item>
    /// <item>retries keep the conditions of the route kind, a per-try timeout of 15s when none is set, the default events when none are given, no status codes or back-off;</item>
    /// <item>rules with more than 10 backends, and models whose hosts have no HTTP or TCP port, are left out.</item>
    /// </list>
    /// </summary>
    public static MeshConfig? ToAppMesh(MeshConfig m)
    {
        var services = m.Services.Select(s => s with
        {
            Ports = [.. s.Ports.Select(p => p with { Protocol = p.Protocol == Protocol.Tls ? Protocol.Tcp : p.Protocol, TargetPort = null })],
        }).ToList();
        var byRef = services.ToDictionary(s => s.Reference);
        var routes = new List<HttpRoute>();
        foreach (var route in m.Routes)
        {
            if (!byRef.TryGetValue(route.Host, out var host)) return null;
            var grpc = host.Ports.Count > 0 && host.Ports.All(p => p.Protocol == Protocol.Grpc);
            var rules = new List<HttpRouteRule>();
            foreach (var rule in route.Rules)
            {
                if (rule.Backends.IsEmpty) continue;
                if (rule.Backends.Count > 10) return null;
                if (rule.Backends.Any(b => b.Subset is null && byRef.TryGetValue(b.Service, out var s) && !s.Subsets.IsEmpty)) return null;
                var (weights, _) = Weights.Scale([.. rule.Backends.Select(b => b.Weight)]);
                rules.Add(rule with
                {
                    Matches = Matches(rule.Matches),
                    Backends = [.. rule.Backends.Select((b, i) => b with { Weight = weights[i] })],
                    Retry = Retry(rule.Retry, grpc),
                    Mirror = null, Fault = null, Rewrite = null, Redirect = null, RequestHeaders = null, ResponseHeaders = null, Cors = null,
                });
            }
            routes.Add(route with { Namespace = host.Namespace, Rules = [.. rules] });
        }
        var tcpRoutes = new List<TcpRoute>();
        foreach (var tcp in m.TcpRoutes)
        {
            if (!byRef.TryGetValue(tcp.Host, out var host)) return null;
            if (tcp.Backends.Count > 10 || tcp.Backends.Any(b => b.Subset is null && byRef.TryGetValue(b.Service, out var s) && !s.Subsets.IsEmpty)) return null;
            var (weights, _) = Weights.Scale([.. tcp.Backends.Select(b => b.Weight)]);
            tcpRoutes.Add(tcp with { Namespace = host.Namespace, Backends = [.. tcp.Backends.Select((b, i) => b with { Weight = weights[i] })] });
        }
        var policies = m.DestinationPolicies.Select(p => p with
        {
            LoadBalancer = null,
            ConnectionPool = p.ConnectionPool is { } pool ? Pool(pool, byRef.GetValueOrDefault(p.Target.Service)) : null,
            OutlierDetection = p.OutlierDetection is { } o ? Outlier(o) : null,
        }).Where(p => p.ConnectionPool is not null || p.OutlierDetection is not null).ToList();
        return new MeshConfig { Name = m.Name, Services = [.. services], Routes = [.. routes], TcpRoutes = [.. tcpRoutes], DestinationPolicies = [.. policies] };
    }

    private static Mesh.Collections.EquatableArray<HttpMatch> Matches(Mesh.Collections.EquatableArray<HttpMatch> matches)
    {
        var mapped = matches.Select(x => x with
        {
            Path = x.Path is { Kind: PathMatchKind.Prefix, Value: "/" } ? null : x.Path,
            QueryParams = [.. x.QueryParams.Where(q => q.Kind == ValueMatchKind.Exact)],
            Method = x.Method is { } method && Methods.Contains(method) ? method : null,
        }).ToList();
        return mapped.Any(x => x.Path is null && x.Headers.IsEmpty && x.QueryParams.IsEmpty && x.Method is null) ? [] : [.. mapped];
    }

    private static RetryPolicy? Retry(RetryPolicy? retry, bool grpc)
    {
        if (retry is null) return null;
        var on = retry.On.Where(c => HttpConditions.Contains(c) || (grpc && GrpcConditions.Contains(c))).ToList();
        if (retry.On.IsEmpty) on = [RetryCondition.ServerError, RetryCondition.GatewayError, RetryCondition.ConnectFailure];
        return retry with { On = [.. on], StatusCodes = default, Backoff = null, PerTryTimeout = retry.PerTryTimeout ?? TimeSpan.FromSeconds(15) };
    }

    /// <summary>What the first listener's protocol keeps of a connection pool.</summary>
    private static ConnectionPool? Pool(ConnectionPool pool, MeshService? service)
    {
        var protocol = service is { Ports.Count: > 0 } ? service.Ports[0].Protocol : Protocol.Http;
        var kept = protocol switch
        {
            Protocol.Http => new ConnectionPool { MaxConnections = pool.MaxConnections, MaxPendingRequests = pool.MaxPendingRequests },
            Protocol.Http2 or Protocol.Grpc => new ConnectionPool { MaxRequests = pool.MaxRequests },
            _ => new ConnectionPool { MaxConnections = pool.MaxConnections },
        };
        return kept == new ConnectionPool() ? null : kept;
    }

    private static OutlierDetection Outlier(OutlierDetection o) => new()
    {
        Consecutive5xx = o.Consecutive5xx ?? 5,
        Interval = o.Interval ?? TimeSpan.FromSeconds(10),
        BaseEjectionTime = o.BaseEjectionTime ?? TimeSpan.FromSeconds(30),
        MaxEjectionPercent = o.MaxEjectionPercent ?? 10,
    };
}
