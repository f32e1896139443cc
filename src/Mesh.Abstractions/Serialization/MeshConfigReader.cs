using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Serialization;

/// <summary>Maps a parsed document to a <see cref="MeshConfig"/>, by hand, one reader per record, collecting every problem.</summary>
internal static class MeshConfigReader
{
    public const string Kind = "Mesh";

    // Stand-ins for required objects that are missing or malformed; the model is dropped when they are used.
    private static readonly PolicyTarget PlaceholderTarget = new() { Service = default };
    private static readonly PathMatch PlaceholderPath = new(PathMatchKind.Prefix, "/");
    private static readonly MtlsScope PlaceholderScope = new();

    public static MeshConfig? Read(YamlNode root, ReadContext c)
    {
        c.Visit("$", root);
        var doc = c.Map(root, "$");
        if (doc is null) return null;
        var kindNode = doc.Require("kind");
        if (kindNode is not null)
        {
            var kind = c.String(kindNode, "$.kind");
            if (kindNode.ScalarType == ScalarType.String && !string.Equals(kind, Kind, StringComparison.Ordinal))
            {
                c.Error(DiagnosticCodes.UnknownKind, "$.kind", kindNode, $"Unknown kind '{kind}': expected '{Kind}'.");
            }
        }
        var name = doc.RequiredObject("metadata", m => m.RequiredString("name"), string.Empty);
        var config = doc.Object("spec", s => Spec(s, name)) ?? new MeshConfig { Name = name };
        doc.Finish();
        return config;
    }

    private static MeshConfig Spec(MapView s, string name) => new()
    {
        Name = name,
        Services = s.List("services", (n, p) => Item(s.Context, n, p, Service)),
        Routes = s.List("routes", (n, p) => Item(s.Context, n, p, Route)),
        TcpRoutes = s.List("tcpRoutes", (n, p) => Item(s.Context, n, p, TcpRoute)),
        DestinationPolicies = s.List("destinationPolicies", (n, p) => Item(s.Context, n, p, DestinationPolicy)),
        Mtls = s.List("mtls", (n, p) => Item(s.Context, n, p, Mtls)),
        AccessPolicies = s.List("accessPolicies", (n, p) => Item(s.Context, n, p, AccessPolicy)),
        RequestAuthentications = s.List("requestAuthentications", (n, p) => Item(s.Context, n, p, RequestAuthentication)),
        ExternalServices = s.List("externalServices", (n, p) => Item(s.Context, n, p, ExternalService)),
        Outbound = s.List("outbound", (n, p) => Item(s.Context, n, p, Outbound)),
        Telemetry = s.List("telemetry", (n, p) => Item(s.Context, n, p, Telemetry)),
        Gateways = s.List("gateways", (n, p) => Item(s.Context, n, p, Gateway)),
        GatewayRoutes = s.List("gatewayRoutes", (n, p) => Item(s.Context, n, p, GatewayRoute)),
        GatewayTlsRoutes = s.List("gatewayTlsRoutes", (n, p) => Item(s.Context, n, p, GatewayTlsRoute)),
        GatewayTcpRoutes = s.List("gatewayTcpRoutes", (n, p) => Item(s.Context, n, p, GatewayTcpRoute)),
    };

    private static Gateway Gateway(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Workloads = m.StringMap("workloads"),
        ClassName = m.String("className"),
        Listeners = m.List("listeners", (n, p) => Item(m.Context, n, p, Listener)),
    };

    private static GatewayListener Listener(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Port = m.RequiredInt("port"),
        Protocol = m.RequiredEnum<ListenerProtocol>("protocol"),
        Hosts = m.List("hosts", m.Context.String),
        Tls = m.Object("tls", t => new GatewayTls
        {
            Mode = t.Enum<GatewayTlsMode>("mode") ?? GatewayTlsMode.Terminate,
            CredentialName = t.String("credentialName"),
            Files = t.Object("files", f => new CertificateFiles
            {
                CertificateChain = f.RequiredString("certificateChain"),
                PrivateKey = f.RequiredString("privateKey"),
                CaCertificates = f.String("caCertificates"),
            }),
            SubjectAltNames = t.List("subjectAltNames", t.Context.String),
        }),
        HttpsRedirect = m.Bool("httpsRedirect") ?? false,
    };

    private static GatewayRoute GatewayRoute(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Gateways = m.List("gateways", (n, p) => Item(m.Context, n, p, GatewayRef)),
        Hostnames = m.List("hostnames", m.Context.String),
        Rules = m.List("rules", (n, p) => Item(m.Context, n, p, Rule)),
    };

    private static GatewayRef GatewayRef(MapView g) => new()
    {
        Name = g.RequiredString("name"),
        Namespace = g.RequiredString("namespace"),
        Listener = g.String("listener"),
    };

    private static GatewayTlsRoute GatewayTlsRoute(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Gateways = m.List("gateways", (n, p) => Item(m.Context, n, p, GatewayRef)),
        Hostnames = m.List("hostnames", m.Context.String),
        Backends = m.List("backends", (n, p) => Item(m.Context, n, p, Backend)),
    };

    private static GatewayTcpRoute GatewayTcpRoute(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Gateways = m.List("gateways", (n, p) => Item(m.Context, n, p, GatewayRef)),
        Backends = m.List("backends", (n, p) => Item(m.Context, n, p, Backend)),
    };

    /// <summary>Reads one mapping item of a list; a non-mapping item is reported and yields null (the model is dropped anyway).</summary>
    private static T Item<T>(ReadContext c, YamlNode node, string path, Func<MapView, T> read) =>
        c.Map(node, path) is { } map ? MapView.Finished(map, read) : default!;

    private static MeshService Service(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Selector = m.StringMap("selector"),
        Ports = m.List("ports", (n, p) => Item(m.Context, n, p, Port)),
        Subsets = m.Take("subsets") is { } subsets ? Subsets(m.Context, subsets, m.PathOf("subsets")) : default,
    };

    private static EquatableArray<Subset> Subsets(ReadContext c, YamlNode node, string path) =>
        [.. c.Entries(node, path).Select(e => new Subset { Name = e.Key, Labels = c.StringMap(e.Value, e.Path) })];

    private static ServicePort Port(MapView m) => new()
    {
        Name = m.String("name"),
        Port = m.RequiredInt("port"),
        Protocol = m.RequiredEnum<Protocol>("protocol"),
        TargetPort = m.Take("targetPort") is { } target ? TargetPort(m.Context, target, m.PathOf("targetPort")) : null,
    };

    /// <summary>A target port: an integer, or a container port name (a string).</summary>
    private static TargetPort TargetPort(ReadContext c, YamlNode node, string path) =>
        node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.Int
            ? Model.TargetPort.Of(c.Int(node, path))
            : Model.TargetPort.Named(c.String(node, path));

    private static HttpRoute Route(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Host = m.RequiredService("host"),
        Rules = m.List("rules", (n, p) => Item(m.Context, n, p, Rule)),
    };

    private static HttpRouteRule Rule(MapView m) => new()
    {
        Matches = m.List("matches", (n, p) => Item(m.Context, n, p, Match)),
        Backends = m.List("backends", (n, p) => Item(m.Context, n, p, Backend)),
        Timeout = m.Duration("timeout"),
        Retry = m.Object("retry", Retry),
        Fault = m.Object("fault", f => new FaultInjection { Delay = f.Object("delay", Delay), Abort = f.Object("abort", Abort) }),
        Mirror = m.Object("mirror", Mirror),
        Rewrite = m.Object("rewrite", Rewrite),
        Redirect = m.Object("redirect", Redirect),
        RequestHeaders = m.Object("requestHeaders", Headers),
        ResponseHeaders = m.Object("responseHeaders", Headers),
        Cors = m.Object("cors", Cors),
    };

    private static HttpMatch Match(MapView m) => new()
    {
        Path = m.Object("path", PathMatch),
        Headers = m.List("headers", (n, p) => Item(m.Context, n, p, ValueMatch)),
        QueryParams = m.List("queryParams", (n, p) => Item(m.Context, n, p, ValueMatch)),
        Method = m.String("method"),
        SourceLabels = m.StringMap("sourceLabels"),
        SourceNamespace = m.String("sourceNamespace"),
        Port = m.Int("port"),
    };

    private static PathMatch PathMatch(MapView m)
    {
        var form = m.OneOf("A path match", required: true, "exact", "prefix", "regex");
        var kind = form switch { "prefix" => PathMatchKind.Prefix, "regex" => PathMatchKind.Regex, _ => PathMatchKind.Exact };
        return new PathMatch(kind, form is null ? string.Empty : m.String(form) ?? string.Empty);
    }

    private static ValueMatch ValueMatch(MapView m)
    {
        var name = m.RequiredString("name");
        var form = m.OneOf("A header or query match", required: true, "exact", "prefix", "regex", "present", "absent");
        switch (form)
        {
            case "present" or "absent":
                m.Context.True(m.Take(form)!, m.PathOf(form));
                return new ValueMatch(name, form == "present" ? ValueMatchKind.Present : ValueMatchKind.Absent);
            case null:
                return new ValueMatch(name, ValueMatchKind.Exact, string.Empty);
            default:
                var kind = form switch { "prefix" => ValueMatchKind.Prefix, "regex" => ValueMatchKind.Regex, _ => ValueMatchKind.Exact };
                return new ValueMatch(name, kind, m.String(form));
        }
    }

    private static WeightedBackend Backend(MapView m) => new()
    {
        Service = m.RequiredService("service"),
        Subset = m.String("subset"),
        Port = m.Int("port"),
        Weight = m.Int("weight") ?? 1,
    };

    private static RetryPolicy Retry(MapView m) => new()
    {
        Attempts = m.RequiredInt("attempts"),
        PerTryTimeout = m.Duration("perTryTimeout"),
        On = m.List("on", m.Context.Enum<RetryCondition>),
        StatusCodes = m.List("statusCodes", m.Context.Int),
        Backoff = m.Object("backoff", b => new RetryBackoff { BaseInterval = b.RequiredDuration("baseInterval"), MaxInterval = b.Duration("maxInterval") }),
    };

    private static FaultDelay Delay(MapView m) => new()
    {
        Percentage = m.Decimal("percentage") ?? 100m,
        Duration = m.RequiredDuration("duration"),
    };

    private static FaultAbort Abort(MapView m) => new()
    {
        Percentage = m.Decimal("percentage") ?? 100m,
        HttpStatus = m.RequiredInt("httpStatus"),
    };

    private static Mirror Mirror(MapView m) => new()
    {
        Service = m.RequiredService("service"),
        Subset = m.String("subset"),
        Port = m.Int("port"),
        Percentage = m.Decimal("percentage") ?? 100m,
    };

    private static Rewrite Rewrite(MapView m)
    {
        var form = m.OneOf("A rewrite", required: false, "pathPrefix", "fullPath");
        return new Rewrite
        {
            PathPrefix = form == "pathPrefix" ? m.String(form) : null,
            FullPath = form == "fullPath" ? m.String(form) : null,
            Authority = m.String("authority"),
        };
    }

    private static Redirect Redirect(MapView m)
    {
        var form = m.OneOf("A redirect", required: false, "path", "pathPrefix");
        return new Redirect
        {
            Scheme = m.String("scheme"),
            Host = m.String("host"),
            Port = m.Int("port"),
            Path = form == "path" ? m.String(form) : null,
            PathPrefix = form == "pathPrefix" ? m.String(form) : null,
            StatusCode = m.Int("statusCode") ?? 301,
        };
    }

    private static HeaderModifier Headers(MapView m) => new()
    {
        Set = m.StringMap("set"),
        Add = m.StringMap("add"),
        Remove = m.List("remove", m.Context.String),
    };

    private static CorsPolicy Cors(MapView m) => new()
    {
        AllowOrigins = m.List("allowOrigins", m.Context.String),
        AllowMethods = m.List("allowMethods", m.Context.String),
        AllowHeaders = m.List("allowHeaders", m.Context.String),
        ExposeHeaders = m.List("exposeHeaders", m.Context.String),
        MaxAge = m.Duration("maxAge"),
        AllowCredentials = m.Bool("allowCredentials"),
    };

    private static TcpRoute TcpRoute(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Host = m.RequiredService("host"),
        Port = m.Int("port"),
        Backends = m.List("backends", (n, p) => Item(m.Context, n, p, Backend)),
    };

    private static PolicyTarget Target(MapView m) => new()
    {
        Service = m.RequiredService("service"),
        Subset = m.String("subset"),
        Port = m.Int("port"),
    };

    private static DestinationPolicy DestinationPolicy(MapView m) => new()
    {
        Target = m.RequiredObject("target", Target, PlaceholderTarget),
        LoadBalancer = m.Object("loadBalancer", LoadBalancer),
        ConnectionPool = m.Object("connectionPool", p => new ConnectionPool
        {
            MaxConnections = p.Int("maxConnections"),
            MaxPendingRequests = p.Int("maxPendingRequests"),
            MaxRequests = p.Int("maxRequests"),
            MaxRequestsPerConnection = p.Int("maxRequestsPerConnection"),
            MaxRetries = p.Int("maxRetries"),
            ConnectTimeout = p.Duration("connectTimeout"),
            IdleTimeout = p.Duration("idleTimeout"),
            MaxConcurrentStreams = p.Int("maxConcurrentStreams"),
            Http2Upgrade = p.Enum<Http2Upgrade>("http2Upgrade"),
        }),
        OutlierDetection = m.Object("outlierDetection", o => new OutlierDetection
        {
            Consecutive5xx = o.Int("consecutive5xx"),
            ConsecutiveGatewayErrors = o.Int("consecutiveGatewayErrors"),
            Interval = o.Duration("interval"),
            BaseEjectionTime = o.Duration("baseEjectionTime"),
            MaxEjectionPercent = o.Int("maxEjectionPercent"),
        }),
        Tls = m.Object("tls", ClientTls),
        RateLimit = m.Object("rateLimit", RateLimit),
    };

    private static LocalRateLimit RateLimit(MapView m) => new()
    {
        Requests = m.Int("requests"),
        Interval = m.Duration("interval"),
        Burst = m.Int("burst"),
        Status = m.Int("status"),
        Routes = m.List("routes", (n, p) => Item(m.Context, n, p, r => new RouteRateLimit
        {
            Path = r.RequiredObject("path", PathMatch, PlaceholderPath),
            Requests = r.RequiredInt("requests"),
            Interval = r.Duration("interval"),
            Burst = r.Int("burst"),
        })),
    };

    private static ClientTls ClientTls(MapView m) => new()
    {
        Mode = m.RequiredEnum<ClientTlsMode>("mode"),
        Sni = m.String("sni"),
        SubjectAltNames = m.List("subjectAltNames", m.Context.String),
        CaCertificates = m.String("caCertificates"),
        CredentialName = m.String("credentialName"),
        InsecureSkipVerify = m.Bool("insecureSkipVerify") ?? false,
    };

    private static LoadBalancer LoadBalancer(MapView m)
    {
        var present = m.Has("locality") || m.Has("warmup");
        var form = m.OneOf("A load balancer", required: !present, "roundRobin", "leastRequest", "random", "consistentHash");
        LoadBalancer lb;
        switch (form)
        {
            case "consistentHash":
                var hash = m.Object("consistentHash", ConsistentHash) ?? Model.ConsistentHash.SourceIp;
                lb = Model.LoadBalancer.HashOn(hash);
                break;
            case null:
                lb = present ? Model.LoadBalancer.MeshDefault : Model.LoadBalancer.RoundRobin;
                break;
            default:
                var node = m.Take(form)!;
                if (m.Context.Map(node, m.PathOf(form)) is { } empty) empty.Finish();
                lb = form switch
                {
                    "leastRequest" => Model.LoadBalancer.LeastRequest,
                    "random" => Model.LoadBalancer.Random,
                    _ => Model.LoadBalancer.RoundRobin,
                };
                break;
        }
        var locality = m.Object("locality", Locality);
        var warmup = m.Object("warmup", w => new Warmup
        {
            Duration = w.RequiredDuration("duration"),
            MinimumPercent = w.Decimal("minimumPercent"),
            Aggression = w.Decimal("aggression"),
        });
        return locality is null && warmup is null ? lb : lb with { Locality = locality, Warmup = warmup };
    }

    private static LocalityLoadBalancing Locality(MapView m) => new()
    {
        Enabled = m.Bool("enabled"),
        Distribute = m.List("distribute", (n, p) => Item(m.Context, n, p, d => new LocalityDistribution
        {
            From = d.RequiredString("from"),
            To = d.Take("to") is { } to ? [.. d.Context.Entries(to, d.PathOf("to")).Select(e => new KeyValuePair<string, int>(e.Key, d.Context.Int(e.Value, e.Path)))] : default,
        })),
        Failover = m.List("failover", (n, p) => Item(m.Context, n, p, f => new LocalityFailover { From = f.RequiredString("from"), To = f.RequiredString("to") })),
        FailoverPriority = m.List("failoverPriority", m.Context.String),
    };

    private static ConsistentHash ConsistentHash(MapView m)
    {
        var form = m.OneOf("A consistent hash", required: true, "header", "cookie", "sourceIp", "queryParameter");
        var ring = m.OneOf("A hash table", required: false, "ringHash", "maglev");
        ConsistentHash hash;
        switch (form)
        {
            case "sourceIp":
                m.Context.True(m.Take(form)!, m.PathOf(form));
                hash = Model.ConsistentHash.SourceIp;
                break;
            case null:
                hash = Model.ConsistentHash.SourceIp;
                break;
            case "cookie":
                hash = Cookie(m.Context, m.Take(form)!, m.PathOf(form));
                break;
            default:
                var name = m.String(form) ?? string.Empty;
                hash = new ConsistentHash(form == "queryParameter" ? HashKey.QueryParameter : HashKey.Header, name);
                break;
        }
        return ring switch
        {
            "ringHash" => hash with { Ring = m.Object("ringHash", r => new HashRing(HashRingKind.RingHash, r.Size("minimumRingSize"))) },
            "maglev" => hash with { Ring = m.Object("maglev", r => new HashRing(HashRingKind.Maglev, r.Size("tableSize"))) },
            _ => hash,
        };
    }

    /// <summary>A cookie hash key: the cookie's name, or <c>{ name, ttl?, path? }</c> when the proxy sets the cookie.</summary>
    private static ConsistentHash Cookie(ReadContext context, YamlNode node, string path)
    {
        if (node.Kind != YamlNodeKind.Mapping) return Model.ConsistentHash.Cookie(context.String(node, path));
        return context.Map(node, path) is { } c
            ? MapView.Finished(c, c => new ConsistentHash(HashKey.Cookie, c.RequiredString("name")) { CookieTtl = c.Duration("ttl"), CookiePath = c.String("path") })
            : Model.ConsistentHash.Cookie(string.Empty);
    }

    private static MtlsPolicy Mtls(MapView m) => new()
    {
        Scope = m.RequiredObject("scope", Scope, PlaceholderScope),
        Mode = m.RequiredEnum<MtlsMode>("mode"),
    };

    private static MtlsScope Scope(MapView m)
    {
        var form = m.OneOf("An mTLS scope", required: true, "mesh", "namespace");
        if (form == "mesh")
        {
            m.Context.True(m.Take("mesh")!, m.PathOf("mesh"));
            foreach (var narrower in (string[])["workload", "port"])
            {
                if (m.Take(narrower) is { } node)
                {
                    m.Context.Error(DiagnosticCodes.ConflictingForms, m.PathOf(narrower), node, $"'{narrower}' narrows a namespace scope; it cannot be combined with mesh: true.");
                }
            }
            return MtlsScope.Mesh;
        }
        return new MtlsScope
        {
            Namespace = form is null ? null : m.String("namespace"),
            Workload = m.StringMap("workload"),
            Port = m.Int("port"),
        };
    }

    private static AccessPolicy AccessPolicy(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Target = m.Object("target", Target),
        Action = m.RequiredEnum<AccessAction>("action"),
        Rules = m.List("rules", (n, p) => Item(m.Context, n, p, r => new AccessRule
        {
            From = r.Object("from", AccessSource),
            To = r.Object("to", AccessOperation),
            When = r.List("when", (c, cp) => Item(r.Context, c, cp, w => new AccessCondition
            {
                Key = w.Require("key") is { } key ? w.Context.ConditionKey(key, w.PathOf("key")) : default,
                Values = w.List("values", w.Context.Text),
                NotValues = w.List("notValues", w.Context.Text),
            })),
        })),
    };

    private static RequestAuthentication RequestAuthentication(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Target = m.Object("target", Target),
        Gateway = m.String("gateway"),
        JwtRules = m.List("jwtRules", (n, p) => Item(m.Context, n, p, r => new JwtRule
        {
            Issuer = r.RequiredString("issuer"),
            Audiences = r.List("audiences", r.Context.String),
            JwksUri = r.String("jwksUri"),
            Jwks = r.String("jwks"),
            JwksTimeout = r.Duration("jwksTimeout"),
            FromHeaders = r.List("fromHeaders", (h, hp) => Item(r.Context, h, hp, x => new JwtHeader(x.RequiredString("name"), x.String("prefix")))),
            FromParams = r.List("fromParams", r.Context.String),
            FromCookies = r.List("fromCookies", r.Context.String),
            ForwardOriginalToken = r.Bool("forwardOriginalToken") ?? false,
            OutputClaimToHeaders = r.List("outputClaimToHeaders", (h, hp) => Item(r.Context, h, hp, x => new JwtClaimHeader(x.RequiredString("header"), x.RequiredString("claim")))),
            OutputPayloadToHeader = r.String("outputPayloadToHeader"),
        })),
    };

    private static AccessSource AccessSource(MapView f) => new()
    {
        ServiceAccounts = f.List("serviceAccounts", f.Context.ServiceAccount),
        Services = f.List("services", f.Context.Service),
        Namespaces = f.List("namespaces", f.Context.String),
        IpBlocks = f.List("ipBlocks", f.Context.String),
        Unauthenticated = f.Bool("unauthenticated") ?? false,
        Authenticated = f.Bool("authenticated") ?? false,
        Identities = f.List("identities", f.Context.String),
        RequestPrincipals = f.List("requestPrincipals", f.Context.String),
        RemoteIpBlocks = f.List("remoteIpBlocks", f.Context.String),
        Not = f.Object("not", AccessSource),
    };

    private static AccessOperation AccessOperation(MapView t) => new()
    {
        Ports = t.List("ports", t.Context.Int),
        Methods = t.List("methods", t.Context.String),
        Paths = t.List("paths", t.Context.String),
        Hosts = t.List("hosts", t.Context.String),
        Not = t.Object("not", AccessOperation),
    };

    private static ExternalService ExternalService(MapView m) => new()
    {
        Name = m.RequiredString("name"),
        Namespace = m.RequiredString("namespace"),
        Hosts = m.List("hosts", m.Context.String),
        Ports = m.List("ports", (n, p) => Item(m.Context, n, p, Port)),
        Resolution = m.Enum<Resolution>("resolution") ?? Resolution.Dns,
        Addresses = m.List("addresses", m.Context.String),
        Endpoints = m.List("endpoints", (n, p) => Item(m.Context, n, p, ExternalEndpoint)),
        Subsets = m.Take("subsets") is { } subsets ? Subsets(m.Context, subsets, m.PathOf("subsets")) : default,
    };

    private static OutboundPolicy Outbound(MapView m) => new()
    {
        Namespace = m.String("namespace"),
        Mode = m.Enum<OutboundMode>("mode") ?? OutboundMode.AllowAny,
        Hosts = m.List("hosts", m.Context.String),
    };

    private static TelemetryPolicy Telemetry(MapView m) => new()
    {
        Namespace = m.String("namespace"),
        Workload = m.StringMap("workload"),
        AccessLogging = m.Bool("accessLogging"),
        Tracing = m.Object("tracing", t => new TracingSettings
        {
            SamplingPercentage = t.Decimal("samplingPercentage"),
            CustomTags = t.List("customTags", (n, p) => Item(t.Context, n, p, TracingTag)),
        }),
    };

    private static TracingTag TracingTag(MapView m)
    {
        var form = m.OneOf("A tracing tag", required: true, "literal", "header", "environment");
        return new TracingTag
        {
            Name = m.RequiredString("name"),
            Source = form switch { "header" => TracingTagSource.Header, "environment" => TracingTagSource.Environment, _ => TracingTagSource.Literal },
            Value = form is null ? string.Empty : m.String(form) ?? string.Empty,
            Default = m.String("default"),
        };
    }

    private static ExternalEndpoint ExternalEndpoint(MapView m) => new()
    {
        Address = m.RequiredString("address"),
        Ports = m.Take("ports") is { } ports ? [.. m.Context.Entries(ports, m.PathOf("ports")).Select(e => new KeyValuePair<string, int>(e.Key, m.Context.Int(e.Value, e.Path)))] : default,
        Labels = m.StringMap("labels"),
        ServiceAccount = m.String("serviceAccount"),
    };
}
