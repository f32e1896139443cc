using CsCheck;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Providers.Consul.Tests.Generators;

/// <summary>
/// Models with gateways within what Consul's API gateway expresses: a gateway in <c>edge</c> (no class, Consul's default class, or
/// another) with HTTP, HTTPS (TLS terminated with a Secret) and TCP listeners, HTTP gateway routes of the <c>edge</c> namespace
/// (to the whole gateway or one listener) whose rules match paths, headers, methods and query parameters, split by weight across
/// services of another namespace (so ReferenceGrants are written), modify request and response headers and rewrite path
/// prefixes, in the order of Gateway API's precedence (a specific rule, then a catch-all); a TCP route to one service.
/// <see cref="ToConsul"/> is what Consul reads back.
/// </summary>
internal static class EdgeModels
{
    public static readonly MeshService Web = new() { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] };

    public static readonly MeshService Api = new() { Name = "api", Namespace = "shop", Ports = [new ServicePort { Port = 9090, Protocol = Protocol.Http }] };

    public static readonly MeshService Db = new() { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] };

    private static readonly MeshService[] Http = [Web, Api];

    private static Gen<string[]> ListenerHosts { get; } = Gen.OneOf<string[]>([], ["shop.example.com"], ["shop.example.com", "*.example.com"]);

    /// <summary>The listeners: a non-empty choice of HTTP, HTTPS and TCP with at least one that routes HTTP.</summary>
    private static Gen<GatewayListener[]> Listeners { get; } =
        Gen.Select(Gen.Int[1, 7].Where(mask => (mask & 3) != 0), ListenerHosts, ListenerHosts, (mask, httpHosts, httpsHosts) =>
        {
            var listeners = new List<GatewayListener>();
            if ((mask & 1) != 0) listeners.Add(new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, Hosts = [.. httpHosts] });
            if ((mask & 2) != 0) listeners.Add(new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Hosts = [.. httpsHosts], Tls = new GatewayTls { CredentialName = "shop-cert" } });
            if ((mask & 4) != 0) listeners.Add(new GatewayListener { Name = "postgres", Port = 5432, Protocol = ListenerProtocol.Tcp });
            return listeners.ToArray();
        });

    private static Gen<WeightedBackend[]> Backends { get; } =
        Gen.Int[0, Http.Length - 1].ArrayUnique[1, 2].SelectMany(picked => Gen.Int[1, 5].Array[picked.Length].Select(weights =>
            picked.Select((s, i) => new WeightedBackend { Service = Http[s].Reference, Port = Http[s].Ports[0].Port, Weight = weights[i] }).ToArray()));

    /// <summary>A rule with one match (an exact or prefix path, sometimes a header, a method, a query parameter), header modifiers and, on a prefix, a prefix rewrite.</summary>
    private static Gen<HttpRouteRule> Specific { get; } =
        Gen.Select(Gen.OneOf(new PathMatch(PathMatchKind.Exact, "/login"), new PathMatch(PathMatchKind.Prefix, "/api")), Gen.Bool, Gen.OneOf<string?>(null, "GET", "POST"), Gen.Bool, Gen.Bool, Backends)
            .Select(x => (Path: x.Item1, Header: x.Item2, Method: x.Item3, Query: x.Item4, Modify: x.Item5, Backends: x.Item6))
            .Select(x => new HttpRouteRule
            {
                Matches =
                [
                    new HttpMatch
                    {
                        Path = x.Path,
                        Headers = x.Header ? [new ValueMatch("x-env", ValueMatchKind.Exact, "canary")] : default,
                        Method = x.Method,
                        QueryParams = x.Query ? [new ValueMatch("debug", ValueMatchKind.Exact, "1")] : default,
                    },
                ],
                Backends = [.. x.Backends],
                RequestHeaders = x.Modify ? new HeaderModifier { Set = new Dictionary<string, string> { ["x-gateway"] = "consul" }.ToEquatableMap(), Remove = ["x-internal"] } : null,
                ResponseHeaders = x.Modify ? new HeaderModifier { Add = new Dictionary<string, string> { ["x-served-by"] = "edge" }.ToEquatableMap() } : null,
                Rewrite = x.Modify && x.Path.Kind == PathMatchKind.Prefix ? new Rewrite { PathPrefix = "/v2" } : null,
            });

    private static Gen<HttpRouteRule[]> Rules { get; } =
        Gen.Select(Specific, Gen.Bool, Backends, (specific, catchAll, rest) => catchAll ? new[] { specific, new HttpRouteRule { Backends = [.. rest] } } : [specific]);

    /// <summary>Models with one gateway and its routes.</summary>
    public static Gen<MeshConfig> Any { get; } =
        Gen.Select(Gen.OneOf<string?>(null, "consul", "consul-internal"), Listeners, Gen.Int[0, 2], Rules.Array[1, 2], Gen.OneOf<string[]>([], ["shop.example.com"]), Gen.Bool)
            .Select(x => (Class: x.Item1, Listeners: x.Item2, Bind: x.Item3, Rules: x.Item4, Hostnames: x.Item5, TcpListener: x.Item6))
            .Select(x =>
            {
                var http = x.Listeners.Where(l => l.Protocol != ListenerProtocol.Tcp).ToArray();
                var tcp = x.Listeners.FirstOrDefault(l => l.Protocol == ListenerProtocol.Tcp);
                return new MeshConfig
                {
                    Name = "imported",
                    Services = [Web, Api, Db],
                    Gateways = [new Gateway { Name = "public", Namespace = "edge", ClassName = x.Class, Listeners = [.. x.Listeners] }],
                    GatewayRoutes =
                    [
                        .. x.Rules.Select((rules, i) => new GatewayRoute
                        {
                            Name = i == 0 ? "shop" : "api",
                            Namespace = "edge",
                            Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = x.Bind < http.Length ? http[x.Bind].Name : null }],
                            Hostnames = [.. x.Hostnames],
                            Rules = [.. rules],
                        }),
                    ],
                    GatewayTcpRoutes = tcp is null ? default :
                    [
                        new GatewayTcpRoute { Name = "db", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = x.TcpListener ? tcp.Name : null }], Backends = [new WeightedBackend { Service = Db.Reference, Port = 5432 }] },
                    ],
                };
            });

    /// <summary>What Consul reads back: the gateway of Consul's default class when it names none.</summary>
    public static MeshConfig ToConsul(MeshConfig m) => m with { Gateways = [.. m.Gateways.Select(g => g with { ClassName = g.ClassName ?? "consul" })] };
}
