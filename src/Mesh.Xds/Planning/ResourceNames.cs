using System.Globalization;
using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// Every name the plan gives a resource or a principal, in one place: Istio's conventions, so that tools and
/// dashboards that read Istio's names read ours.
/// </summary>
internal static class ResourceNames
{
    /// <summary>The name of the inbound listener.</summary>
    public const string InboundListener = "virtualInbound";

    /// <summary>The name of the route that sends what no rule matched to the service itself.</summary>
    public const string DefaultRoute = "default";

    /// <summary>The stat prefix of the inbound local rate-limit filter (and of each route's bucket).</summary>
    public const string RateLimitStatPrefix = "http_local_rate_limiter";

    /// <summary>The inbound route of a destination policy's route rate limit, by its index.</summary>
    public static string RateLimitRoute(int index) => string.Create(CultureInfo.InvariantCulture, $"rate-limit-{index}");

    /// <summary><c>name.namespace.svc.&lt;cluster domain&gt;</c>.</summary>
    public static string Fqdn(ServiceRef service, string clusterDomain) => service.ToFqdn(clusterDomain);

    /// <summary><c>&lt;fqdn&gt;:&lt;port&gt;</c>: a virtual host, and a proxyless client's listener and route configuration.</summary>
    public static string FqdnPort(string fqdn, int port) => string.Create(CultureInfo.InvariantCulture, $"{fqdn}:{port}");

    /// <summary><c>outbound|&lt;port&gt;|&lt;subset&gt;|&lt;fqdn&gt;</c>.</summary>
    public static string OutboundCluster(string fqdn, int port, string? subset) =>
        string.Create(CultureInfo.InvariantCulture, $"outbound|{port}|{subset}|{fqdn}");

    /// <summary>The SNI of an outbound mTLS cluster: <c>outbound_.&lt;port&gt;_.&lt;subset&gt;_.&lt;fqdn&gt;</c>.</summary>
    public static string Sni(string fqdn, int port, string? subset) =>
        string.Create(CultureInfo.InvariantCulture, $"outbound_.{port}_.{subset}_.{fqdn}");

    /// <summary>A sidecar's outbound route configuration: the port.</summary>
    public static string OutboundRouteConfig(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>A sidecar's outbound listener: <c>0.0.0.0_&lt;port&gt;</c>.</summary>
    public static string OutboundListener(int port) => string.Create(CultureInfo.InvariantCulture, $"0.0.0.0_{port}");

    /// <summary>The stat prefix of a sidecar's outbound listener.</summary>
    public static string OutboundStatPrefix(string listener) => "outbound_" + listener;

    /// <summary>A route of a rule with no match (<paramref name="match"/> null) or of one of its matches.</summary>
    public static string Route(HttpRoute route, int rule, int? match) => Route(route.Namespace, route.Name, rule, match);

    /// <summary>A route of a mesh or gateway route's rule: <c>namespace.name.rule[.match]</c>.</summary>
    public static string Route(string @namespace, string name, int rule, int? match) => match is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{@namespace}.{name}.{rule}.{m}")
        : string.Create(CultureInfo.InvariantCulture, $"{@namespace}.{name}.{rule}");

    /// <summary>A gateway's route configuration for the plaintext HTTP listeners of a port: <c>http.&lt;port&gt;</c>.</summary>
    public static string GatewayHttpRouteConfig(int port) => string.Create(CultureInfo.InvariantCulture, $"http.{port}");

    /// <summary>A gateway's TLS or TCP filter chain: <c>&lt;protocol&gt;.&lt;port&gt;[.&lt;listener&gt;]</c>.</summary>
    public static string GatewayChain(string protocol, int port, string? listener) => listener is null
        ? string.Create(CultureInfo.InvariantCulture, $"{protocol}.{port}")
        : string.Create(CultureInfo.InvariantCulture, $"{protocol}.{port}.{listener}");

    /// <summary>A gateway's route configuration for one HTTPS listener: <c>https.&lt;port&gt;.&lt;listener&gt;</c>.</summary>
    public static string GatewayHttpsRouteConfig(int port, string listener) => string.Create(CultureInfo.InvariantCulture, $"https.{port}.{listener}");

    /// <summary>A sidecar's local cluster for a port of its own service: <c>inbound|&lt;port&gt;||</c>.</summary>
    public static string InboundCluster(int port) => string.Create(CultureInfo.InvariantCulture, $"inbound|{port}||");

    /// <summary>The virtual host of an inbound port: <c>inbound|http|&lt;port&gt;</c>.</summary>
    public static string InboundVirtualHost(int port) => string.Create(CultureInfo.InvariantCulture, $"inbound|http|{port}");

    /// <summary>The stat prefix of the inbound listener: <c>inbound_0.0.0.0_&lt;port&gt;</c>.</summary>
    public static string InboundStatPrefix(int port) => "inbound_0.0.0.0_" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>An RBAC policy, one per access rule: <c>&lt;namespace&gt;/&lt;policy&gt;/&lt;rule index&gt;</c>.</summary>
    public static string RbacPolicy(AccessPolicy policy, int rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{policy.Namespace}/{policy.Name}/{rule}");

    /// <summary>A JWT provider of the <c>jwt_authn</c> filter, one per JWT rule: <c>&lt;namespace&gt;/&lt;policy&gt;/&lt;rule index&gt;</c>.</summary>
    public static string JwtProvider(RequestAuthentication policy, int rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{policy.Namespace}/{policy.Name}/{rule}");

    /// <summary>The cluster a JWKS is fetched through: <c>jwks|&lt;host&gt;|&lt;port&gt;</c>.</summary>
    public static string JwksCluster(string host, int port) => string.Create(CultureInfo.InvariantCulture, $"jwks|{host}|{port}");

    /// <summary>The SPIFFE identity of a service account.</summary>
    public static string ServiceAccountPrincipal(string trustDomain, ServiceAccountRef account) =>
        $"spiffe://{trustDomain}/ns/{account.Namespace}/sa/{account.Name}";

    /// <summary>The SPIFFE identity prefix of every workload of a namespace.</summary>
    public static string NamespacePrincipalPrefix(string trustDomain, string @namespace) => $"spiffe://{trustDomain}/ns/{@namespace}/";
}
