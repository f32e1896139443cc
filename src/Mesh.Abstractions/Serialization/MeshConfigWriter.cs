using System.Globalization;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Serialization;

/// <summary>Maps a <see cref="MeshConfig"/> to the writer-neutral tree, in the normative key order; empty and null values are left out.</summary>
internal static class MeshConfigWriter
{
    public static WriteMapping Write(MeshConfig config)
    {
        var spec = new WriteMapping()
            .Sequence("services", config.Services, Service)
            .Sequence("routes", config.Routes, Route)
            .Sequence("tcpRoutes", config.TcpRoutes, TcpRoute)
            .Sequence("destinationPolicies", config.DestinationPolicies, DestinationPolicy)
            .Sequence("mtls", config.Mtls, Mtls)
            .Sequence("accessPolicies", config.AccessPolicies, AccessPolicy)
            .Sequence("requestAuthentications", config.RequestAuthentications, RequestAuthentication)
            .Sequence("externalServices", config.ExternalServices, ExternalService)
            .Sequence("outbound", config.Outbound, Outbound)
            .Sequence("telemetry", config.Telemetry, Telemetry)
            .Sequence("gateways", config.Gateways, Gateway)
            .Sequence("gatewayRoutes", config.GatewayRoutes, GatewayRoute)
            .Sequence("gatewayTlsRoutes", config.GatewayTlsRoutes, GatewayTlsRoute)
            .Sequence("gatewayTcpRoutes", config.GatewayTcpRoutes, GatewayTcpRoute);
        return new WriteMapping()
            .String("kind", MeshConfigReader.Kind)
            .Add("metadata", new WriteMapping().String("name", config.Name))
            .Mapping("spec", spec);
    }

    internal static WriteMapping Service(MeshService s)
    {
        var subsets = new WriteMapping();
        foreach (var subset in s.Subsets) subsets.AddData(subset.Name, WriteMapping.Strings(subset.Labels));
        return new WriteMapping()
            .String("name", s.Name)
            .String("namespace", s.Namespace)
            .Mapping("selector", WriteMapping.Strings(s.Selector))
            .Sequence("ports", s.Ports, Port)
            .Mapping("subsets", subsets);
    }

    internal static WriteMapping Port(ServicePort p) => new WriteMapping()
        .String("name", p.Name)
        .Int("port", p.Port)
        .String("protocol", WireNames.Of(p.Protocol))
        .String("targetPort", p.TargetPort?.Name)
        .Int("targetPort", p.TargetPort?.Number);

    private static WriteMapping Route(HttpRoute r) => new WriteMapping()
        .String("name", r.Name)
        .String("namespace", r.Namespace)
        .String("host", r.Host.ToString())
        .Sequence("rules", r.Rules, Rule);

    internal static WriteMapping Rule(HttpRouteRule r) => new WriteMapping()
        .Sequence("matches", r.Matches, Match)
        .Sequence("backends", r.Backends, Backend)
        .Duration("timeout", r.Timeout)
        .Add("retry", r.Retry is null ? null : Retry(r.Retry))
        .Add("fault", r.Fault is null ? null : new WriteMapping()
            .Add("delay", r.Fault.Delay is null ? null : new WriteMapping().Decimal("percentage", r.Fault.Delay.Percentage).Duration("duration", r.Fault.Delay.Duration))
            .Add("abort", r.Fault.Abort is null ? null : new WriteMapping().Decimal("percentage", r.Fault.Abort.Percentage).Int("httpStatus", r.Fault.Abort.HttpStatus)))
        .Add("mirror", r.Mirror is null ? null : new WriteMapping()
            .String("service", r.Mirror.Service.ToString())
            .String("subset", r.Mirror.Subset)
            .Int("port", r.Mirror.Port)
            .Decimal("percentage", r.Mirror.Percentage))
        .Add("rewrite", r.Rewrite is null ? null : new WriteMapping()
            .String("pathPrefix", r.Rewrite.PathPrefix)
            .String("fullPath", r.Rewrite.FullPath)
            .String("authority", r.Rewrite.Authority))
        .Add("redirect", r.Redirect is null ? null : new WriteMapping()
            .String("scheme", r.Redirect.Scheme)
            .String("host", r.Redirect.Host)
            .Int("port", r.Redirect.Port)
            .String("path", r.Redirect.Path)
            .String("pathPrefix", r.Redirect.PathPrefix)
            .Int("statusCode", r.Redirect.StatusCode))
        .Add("requestHeaders", Headers(r.RequestHeaders))
        .Add("responseHeaders", Headers(r.ResponseHeaders))
        .Add("cors", r.Cors is null ? null : new WriteMapping()
            .Sequence("allowOrigins", r.Cors.AllowOrigins, WriteMapping.Text)
            .Sequence("allowMethods", r.Cors.AllowMethods, WriteMapping.Text)
            .Sequence("allowHeaders", r.Cors.AllowHeaders, WriteMapping.Text)
            .Sequence("exposeHeaders", r.Cors.ExposeHeaders, WriteMapping.Text)
            .Duration("maxAge", r.Cors.MaxAge)
            .Bool("allowCredentials", r.Cors.AllowCredentials));

    private static WriteMapping Match(HttpMatch m)
    {
        var map = new WriteMapping()
            .Add("path", m.Path is null ? null : new WriteMapping().String(PathForm(m.Path.Kind), m.Path.Value))
            .Sequence("headers", m.Headers, ValueMatch)
            .Sequence("queryParams", m.QueryParams, ValueMatch)
            .String("method", m.Method)
            .StringMap("sourceLabels", m.SourceLabels)
            .String("sourceNamespace", m.SourceNamespace)
            .Int("port", m.Port);
        return map;
    }

    private static string PathForm(PathMatchKind kind) => WireNames.Of(kind);

    private static WriteMapping ValueMatch(ValueMatch v)
    {
        var map = new WriteMapping().String("name", v.Name);
        return v.Kind is ValueMatchKind.Present or ValueMatchKind.Absent
            ? map.Bool(WireNames.Of(v.Kind), true)
            : map.String(WireNames.Of(v.Kind), v.Value ?? string.Empty);
    }

    private static WriteMapping Backend(WeightedBackend b) => new WriteMapping()
        .String("service", b.Service.ToString())
        .String("subset", b.Subset)
        .Int("port", b.Port)
        .Int("weight", b.Weight);

    private static WriteMapping Retry(RetryPolicy r) => new WriteMapping()
        .Int("attempts", r.Attempts)
        .Duration("perTryTimeout", r.PerTryTimeout)
        .Sequence("on", r.On, c => WriteMapping.Text(WireNames.Of(c)))
        .Sequence("statusCodes", r.StatusCodes, WriteMapping.Number)
        .Add("backoff", r.Backoff is null ? null : new WriteMapping().Duration("baseInterval", r.Backoff.BaseInterval).Duration("maxInterval", r.Backoff.MaxInterval));

    private static WriteMapping? Headers(HeaderModifier? h) => h is null ? null : new WriteMapping()
        .StringMap("set", h.Set)
        .StringMap("add", h.Add)
        .Sequence("remove", h.Remove, WriteMapping.Text);

    private static WriteMapping TcpRoute(TcpRoute r) => new WriteMapping()
        .String("name", r.Name)
        .String("namespace", r.Namespace)
        .String("host", r.Host.ToString())
        .Int("port", r.Port)
        .Sequence("backends", r.Backends, Backend);

    private static WriteMapping Target(PolicyTarget t) => new WriteMapping()
        .String("service", t.Service.ToString())
        .String("subset", t.Subset)
        .Int("port", t.Port);

    internal static WriteMapping DestinationPolicy(DestinationPolicy p) => new WriteMapping()
        .Add("target", Target(p.Target))
        .Add("loadBalancer", p.LoadBalancer is null ? null : LoadBalancer(p.LoadBalancer))
        .Add("connectionPool", p.ConnectionPool is not { } pool ? null : new WriteMapping()
            .Int("maxConnections", pool.MaxConnections)
            .Int("maxPendingRequests", pool.MaxPendingRequests)
            .Int("maxRequests", pool.MaxRequests)
            .Int("maxRequestsPerConnection", pool.MaxRequestsPerConnection)
            .Int("maxRetries", pool.MaxRetries)
            .Duration("connectTimeout", pool.ConnectTimeout)
            .Duration("idleTimeout", pool.IdleTimeout)
            .Int("maxConcurrentStreams", pool.MaxConcurrentStreams)
            .String("http2Upgrade", pool.Http2Upgrade is { } upgrade ? WireNames.Of(upgrade) : null))
        .Add("outlierDetection", p.OutlierDetection is not { } o ? null : new WriteMapping()
            .Int("consecutive5xx", o.Consecutive5xx)
            .Int("consecutiveGatewayErrors", o.ConsecutiveGatewayErrors)
            .Duration("interval", o.Interval)
            .Duration("baseEjectionTime", o.BaseEjectionTime)
            .Int("maxEjectionPercent", o.MaxEjectionPercent))
        .Add("tls", p.Tls is not { } tls ? null : new WriteMapping()
            .String("mode", WireNames.Of(tls.Mode))
            .String("sni", tls.Sni)
            .Sequence("subjectAltNames", tls.SubjectAltNames, WriteMapping.Text)
            .String("caCertificates", tls.CaCertificates)
            .String("credentialName", tls.CredentialName)
            .Bool("insecureSkipVerify", tls.InsecureSkipVerify ? true : null))
        .Add("rateLimit", p.RateLimit is not { } limit ? null : new WriteMapping()
            .Int("requests", limit.Requests)
            .Duration("interval", limit.Interval)
            .Int("burst", limit.Burst)
            .Int("status", limit.Status)
            .Sequence("routes", limit.Routes, r => new WriteMapping()
                .Add("path", new WriteMapping().String(PathForm(r.Path.Kind), r.Path.Value))
                .Int("requests", r.Requests)
                .Duration("interval", r.Interval)
                .Int("burst", r.Burst)));

    private static WriteMapping LoadBalancer(LoadBalancer lb)
    {
        var result = lb.Algorithm switch
        {
            LoadBalancerAlgorithm.Default => new WriteMapping(),
            LoadBalancerAlgorithm.ConsistentHash => new WriteMapping().Add("consistentHash", ConsistentHash(lb.ConsistentHash ?? Model.ConsistentHash.SourceIp)),
            _ => new WriteMapping().Add(WireNames.Of(lb.Algorithm), new WriteMapping()),
        };
        if (lb.Locality is { } locality)
        {
            result.Add("locality", new WriteMapping()
                .Bool("enabled", locality.Enabled)
                .Sequence("distribute", locality.Distribute, d => new WriteMapping()
                    .String("from", d.From)
                    .Add("to", Numbers(d.To)))
                .Sequence("failover", locality.Failover, f => new WriteMapping().String("from", f.From).String("to", f.To))
                .Sequence("failoverPriority", locality.FailoverPriority, WriteMapping.Text));
        }
        if (lb.Warmup is { } warmup)
        {
            result.Add("warmup", new WriteMapping()
                .Duration("duration", warmup.Duration)
                .Decimal("minimumPercent", warmup.MinimumPercent)
                .Decimal("aggression", warmup.Aggression));
        }
        return result;
    }

    private static WriteMapping ConsistentHash(ConsistentHash hash)
    {
        var key = hash switch
        {
            { Key: HashKey.SourceIp } => new WriteMapping().Bool("sourceIp", true),
            { Key: HashKey.Cookie, CookieTtl: null, CookiePath: null } => new WriteMapping().String("cookie", hash.Name ?? string.Empty),
            { Key: HashKey.Cookie } => new WriteMapping().Add("cookie", new WriteMapping()
                .String("name", hash.Name ?? string.Empty)
                .Duration("ttl", hash.CookieTtl)
                .String("path", hash.CookiePath)),
            _ => new WriteMapping().String(WireNames.Of(hash.Key), hash.Name ?? string.Empty),
        };
        return hash.Ring switch
        {
            { Kind: HashRingKind.Maglev } ring => key.Add("maglev", new WriteMapping().Size("tableSize", ring.Size)),
            { } ring => key.Add("ringHash", new WriteMapping().Size("minimumRingSize", ring.Size)),
            null => key,
        };
    }

    internal static WriteMapping Mtls(MtlsPolicy p)
    {
        var scope = new WriteMapping();
        if (p.Scope.Namespace is null) scope.Bool("mesh", true);
        else scope.String("namespace", p.Scope.Namespace);
        scope.StringMap("workload", p.Scope.Workload).Int("port", p.Scope.Port);
        return new WriteMapping().Add("scope", scope).String("mode", WireNames.Of(p.Mode));
    }

    internal static WriteMapping AccessPolicy(AccessPolicy p) => new WriteMapping()
        .String("name", p.Name)
        .String("namespace", p.Namespace)
        .Add("target", p.Target is null ? null : Target(p.Target))
        .String("action", WireNames.Of(p.Action))
        .Sequence("rules", p.Rules, AccessRule);

    internal static WriteMapping AccessRule(AccessRule r) => new WriteMapping()
        .Add("from", r.From is { } f ? AccessSource(f) : null)
        .Add("to", r.To is { } t ? AccessOperation(t) : null)
        .Sequence("when", r.When, c => new WriteMapping()
            .String("key", c.Key.ToString())
            .Sequence("values", c.Values, WriteMapping.Text)
            .Sequence("notValues", c.NotValues, WriteMapping.Text));

    internal static WriteMapping RequestAuthentication(RequestAuthentication p) => new WriteMapping()
        .String("name", p.Name)
        .String("namespace", p.Namespace)
        .Add("target", p.Target is null ? null : Target(p.Target))
        .String("gateway", p.Gateway)
        .Sequence("jwtRules", p.JwtRules, r => new WriteMapping()
            .String("issuer", r.Issuer)
            .Sequence("audiences", r.Audiences, WriteMapping.Text)
            .String("jwksUri", r.JwksUri)
            .String("jwks", r.Jwks)
            .Duration("jwksTimeout", r.JwksTimeout)
            .Sequence("fromHeaders", r.FromHeaders, h => new WriteMapping().String("name", h.Name).String("prefix", h.Prefix))
            .Sequence("fromParams", r.FromParams, WriteMapping.Text)
            .Sequence("fromCookies", r.FromCookies, WriteMapping.Text)
            .Bool("forwardOriginalToken", r.ForwardOriginalToken ? true : null)
            .Sequence("outputClaimToHeaders", r.OutputClaimToHeaders, h => new WriteMapping().String("header", h.Header).String("claim", h.Claim))
            .String("outputPayloadToHeader", r.OutputPayloadToHeader));

    private static WriteMapping AccessSource(AccessSource f) => new WriteMapping()
        .Sequence("serviceAccounts", f.ServiceAccounts, a => WriteMapping.Text(a.ToString()))
        .Sequence("services", f.Services, s => WriteMapping.Text(s.ToString()))
        .Sequence("namespaces", f.Namespaces, WriteMapping.Text)
        .Sequence("ipBlocks", f.IpBlocks, WriteMapping.Text)
        .Bool("unauthenticated", f.Unauthenticated ? true : null)
        .Bool("authenticated", f.Authenticated ? true : null)
        .Sequence("identities", f.Identities, WriteMapping.Text)
        .Sequence("requestPrincipals", f.RequestPrincipals, WriteMapping.Text)
        .Sequence("remoteIpBlocks", f.RemoteIpBlocks, WriteMapping.Text)
        .Add("not", f.Not is { } not ? AccessSource(not) : null);

    private static WriteMapping AccessOperation(AccessOperation t) => new WriteMapping()
        .Sequence("ports", t.Ports, WriteMapping.Number)
        .Sequence("methods", t.Methods, WriteMapping.Text)
        .Sequence("paths", t.Paths, WriteMapping.Text)
        .Sequence("hosts", t.Hosts, WriteMapping.Text)
        .Add("not", t.Not is { } not ? AccessOperation(not) : null);

    internal static WriteMapping ExternalService(ExternalService e) => new WriteMapping()
        .String("name", e.Name)
        .String("namespace", e.Namespace)
        .Sequence("hosts", e.Hosts, WriteMapping.Text)
        .Sequence("ports", e.Ports, Port)
        .String("resolution", WireNames.Of(e.Resolution))
        .Sequence("addresses", e.Addresses, WriteMapping.Text)
        .Sequence("endpoints", e.Endpoints, p => new WriteMapping()
            .String("address", p.Address)
            .Mapping("ports", Numbers(p.Ports))
            .Mapping("labels", WriteMapping.Strings(p.Labels))
            .String("serviceAccount", p.ServiceAccount))
        .Mapping("subsets", Subsets(e.Subsets));

    internal static WriteMapping Outbound(OutboundPolicy p) => new WriteMapping()
        .String("namespace", p.Namespace)
        .String("mode", WireNames.Of(p.Mode))
        .Sequence("hosts", p.Hosts, WriteMapping.Text);

    internal static WriteMapping Gateway(Gateway g) => new WriteMapping()
        .String("name", g.Name)
        .String("namespace", g.Namespace)
        .StringMap("workloads", g.Workloads)
        .String("className", g.ClassName)
        .Sequence("listeners", g.Listeners, l => new WriteMapping()
            .String("name", l.Name)
            .Int("port", l.Port)
            .String("protocol", WireNames.Of(l.Protocol))
            .Sequence("hosts", l.Hosts, WriteMapping.Text)
            .Add("tls", l.Tls is not { } tls ? null : new WriteMapping()
                .String("mode", WireNames.Of(tls.Mode))
                .String("credentialName", tls.CredentialName)
                .Add("files", tls.Files is not { } files ? null : new WriteMapping()
                    .String("certificateChain", files.CertificateChain)
                    .String("privateKey", files.PrivateKey)
                    .String("caCertificates", files.CaCertificates))
                .Sequence("subjectAltNames", tls.SubjectAltNames, WriteMapping.Text))
            .Bool("httpsRedirect", l.HttpsRedirect ? true : null));

    internal static WriteMapping GatewayRoute(GatewayRoute r) => new WriteMapping()
        .String("name", r.Name)
        .String("namespace", r.Namespace)
        .Sequence("gateways", r.Gateways, GatewayRef)
        .Sequence("hostnames", r.Hostnames, WriteMapping.Text)
        .Sequence("rules", r.Rules, Rule);

    private static WriteMapping GatewayRef(GatewayRef g) => new WriteMapping().String("name", g.Name).String("namespace", g.Namespace).String("listener", g.Listener);

    internal static WriteMapping GatewayTlsRoute(GatewayTlsRoute r) => new WriteMapping()
        .String("name", r.Name)
        .String("namespace", r.Namespace)
        .Sequence("gateways", r.Gateways, GatewayRef)
        .Sequence("hostnames", r.Hostnames, WriteMapping.Text)
        .Sequence("backends", r.Backends, Backend);

    internal static WriteMapping GatewayTcpRoute(GatewayTcpRoute r) => new WriteMapping()
        .String("name", r.Name)
        .String("namespace", r.Namespace)
        .Sequence("gateways", r.Gateways, GatewayRef)
        .Sequence("backends", r.Backends, Backend);

    internal static WriteMapping Telemetry(TelemetryPolicy p) => new WriteMapping()
        .String("namespace", p.Namespace)
        .StringMap("workload", p.Workload)
        .Bool("accessLogging", p.AccessLogging)
        .Add("tracing", p.Tracing is not { } t ? null : new WriteMapping()
            .Decimal("samplingPercentage", t.SamplingPercentage)
            .Sequence("customTags", t.CustomTags, tag => new WriteMapping()
                .String("name", tag.Name)
                .String(WireNames.Of(tag.Source), tag.Value)
                .String("default", tag.Default)));

    private static WriteMapping Subsets(EquatableArray<Subset> list)
    {
        var subsets = new WriteMapping();
        foreach (var subset in list) subsets.AddData(subset.Name, WriteMapping.Strings(subset.Labels));
        return subsets;
    }

    private static WriteMapping Numbers(EquatableMap<int> map)
    {
        var numbers = new WriteMapping();
        foreach (var (key, value) in map) numbers.AddData(key, new WriteScalar(value.ToString(CultureInfo.InvariantCulture), WriteScalarKind.Number));
        return numbers;
    }
}
