using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Service.Discovery.V3;
using Envoy.Type.Matcher.V3;
using Envoy.Type.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mesh.Model;
using FaultAbort = Envoy.Extensions.Filters.Http.Fault.V3.FaultAbort;
using OutlierDetection = Envoy.Config.Cluster.V3.OutlierDetection;
using RetryPolicy = Envoy.Config.Route.V3.RetryPolicy;
using Mesh.Xds.Planning;
using CommonFault = Envoy.Extensions.Filters.Common.Fault.V3;
using UpstreamHttp = Envoy.Extensions.Upstreams.Http.V3;

namespace Mesh.Xds.Tests.Oracle;

/// <summary>
/// The same resources built the ordinary way: Google.Protobuf message objects generated from the oracle protos,
/// filled from the plan. The expected projection in property tests, and the baseline in benchmarks.
/// </summary>
internal static class ObjectModelEncoder
{
    public static IEnumerable<IMessage> Build(XdsPlan plan, EndpointIndex endpoints, XdsResourceType type) => type switch
    {
        XdsResourceType.Listener => plan.Listeners.Select(l => Listener(l, plan.Options)),
        XdsResourceType.RouteConfiguration => plan.RouteConfigs.Select(RouteConfiguration),
        XdsResourceType.Cluster => Enumerable.Range(0, plan.CdsCount).Select(i => Cluster(plan.CdsCluster(i), plan.Options)),
        _ => plan.Clusters.Select(c => LoadAssignment(c, endpoints.Get(c.Service, c.Port).Endpoints)),
    };

    /// <summary>A whole DiscoveryResponse built from objects and serialized with <c>ToByteArray</c>.</summary>
    public static byte[] DiscoveryResponse(XdsPlan plan, EndpointIndex endpoints, XdsResourceType type, string? nonce)
    {
        var response = new DiscoveryResponse { TypeUrl = XdsTypeUrls.Of(type), Nonce = nonce ?? string.Empty };
        foreach (var resource in Build(plan, endpoints, type)) response.Resources.Add(Any.Pack(resource));
        response.VersionInfo = "0000000000000000";
        return response.ToByteArray();
    }

    private static ConfigSource Ads() => new() { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 };

    private static Duration? Dur(TimeSpan? value) => value is { } v ? Duration.FromTimeSpan(v < TimeSpan.Zero ? TimeSpan.Zero : v) : null;

    private static uint? U(int? value) => value is { } v ? (uint)Math.Max(0, v) : null;

    private static FractionalPercent Percent(decimal percentage)
    {
        var clamped = Math.Clamp(percentage, 0m, 100m);
        return decimal.Truncate(clamped) == clamped
            ? new FractionalPercent { Numerator = (uint)clamped }
            : new FractionalPercent { Numerator = (uint)decimal.Round(clamped * 10_000m), Denominator = FractionalPercent.Types.DenominatorType.Million };
    }

    public static Cluster Cluster(ClusterPlan c, XdsEncoderOptions options)
    {
        if (c.Inbound)
        {
            var local = new ClusterLoadAssignment { ClusterName = c.Name };
            var group = new LocalityLbEndpoints { Locality = new Locality(), LoadBalancingWeight = 1 };
            group.LbEndpoints.Add(new LbEndpoint { Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = "127.0.0.1", PortValue = (uint)c.Port } } } });
            local.Endpoints.Add(group);
            return new Cluster { Name = c.Name, ConnectTimeout = Dur(c.ConnectTimeout), LoadAssignment = local };
        }
        var cluster = new Cluster
        {
            Name = c.Name,
            Type = (Envoy.Config.Cluster.V3.Cluster.Types.DiscoveryType)c.Discovery,
            EdsClusterConfig = c.Discovery == Mesh.Xds.EnvoyApi.DiscoveryType.Eds ? new Envoy.Config.Cluster.V3.Cluster.Types.EdsClusterConfig { EdsConfig = Ads(), ServiceName = c.Name } : null,
            ConnectTimeout = Dur(c.ConnectTimeout),
            LbPolicy = (Envoy.Config.Cluster.V3.Cluster.Types.LbPolicy)c.LbPolicy,
        };
        if (c.Inline is { } inline)
        {
            cluster.LoadAssignment = new ClusterLoadAssignment { ClusterName = c.Name };
            if (inline.Length > 0)
            {
                var group = new LocalityLbEndpoints();
                group.LbEndpoints.AddRange(inline.Select(e => new LbEndpoint { Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = e.Address, PortValue = (uint)e.Port } } } }));
                cluster.LoadAssignment.Endpoints.Add(group);
            }
        }
        if (c.Pool is { } pool && (pool.MaxConnections ?? pool.MaxPendingRequests ?? pool.MaxRequests ?? pool.MaxRetries) is not null)
        {
            cluster.CircuitBreakers = new CircuitBreakers();
            cluster.CircuitBreakers.Thresholds.Add(new CircuitBreakers.Types.Thresholds
            {
                MaxConnections = U(pool.MaxConnections),
                MaxPendingRequests = U(pool.MaxPendingRequests),
                MaxRequests = U(pool.MaxRequests),
                MaxRetries = U(pool.MaxRetries),
            });
        }
        if (c.Outlier is { } o)
        {
            cluster.OutlierDetection = new OutlierDetection
            {
                Consecutive5Xx = U(o.Consecutive5xx),
                Interval = Dur(o.Interval),
                BaseEjectionTime = Dur(o.BaseEjectionTime),
                MaxEjectionPercent = U(o.MaxEjectionPercent),
                ConsecutiveGatewayFailure = U(o.ConsecutiveGatewayErrors),
                EnforcingConsecutiveGatewayFailure = o.ConsecutiveGatewayErrors is null ? null : 100u,
            };
        }
        if (c.Tls is { } tls)
        {
            var common = new CommonTlsContext();
            if (tls.Mode == ClientTlsMode.Mesh)
            {
                var validation = new CertificateValidationContext();
                validation.MatchTypedSubjectAltNames.AddRange(tls.SubjectAltNames.Select(San));
                common.CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
                {
                    DefaultValidationContext = validation,
                    ValidationContextSdsSecretConfig = new SdsSecretConfig { Name = options.RootCaSecretName, SdsConfig = Ads() },
                };
                common.AlpnProtocols.Add("istio");
                common.TlsCertificateSdsSecretConfigs.Add(new SdsSecretConfig { Name = options.CertificateSecretName, SdsConfig = Ads() });
            }
            else
            {
                if (tls.CertificateSecret is { } certificate) common.TlsCertificateSdsSecretConfigs.Add(new SdsSecretConfig { Name = certificate, SdsConfig = Ads() });
                var validation = new CertificateValidationContext();
                validation.MatchTypedSubjectAltNames.AddRange(tls.SubjectAltNames.Select(San));
                if (tls.CaSecret is { } caSecret)
                {
                    common.CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
                    {
                        DefaultValidationContext = validation,
                        ValidationContextSdsSecretConfig = new SdsSecretConfig { Name = caSecret, SdsConfig = Ads() },
                    };
                }
                else if (tls.CaFile is { } caFile)
                {
                    validation.TrustedCa = new DataSource { Filename = caFile };
                    common.ValidationContext = validation;
                }
            }
            cluster.TransportSocket = new TransportSocket
            {
                Name = "envoy.transport_sockets.tls",
                TypedConfig = Any.Pack(new UpstreamTlsContext { CommonTlsContext = common, Sni = tls.Sni ?? "" }),
            };
        }
        if (c.Locality?.Distribution is not null)
        {
            cluster.CommonLbConfig = new Envoy.Config.Cluster.V3.Cluster.Types.CommonLbConfig { LocalityWeightedLbConfig = new() };
        }
        switch (c.LbPolicy)
        {
            case Mesh.Xds.EnvoyApi.LbPolicy.RingHash when c.Ring?.Size is { } ring:
                cluster.RingHashLbConfig = new Envoy.Config.Cluster.V3.Cluster.Types.RingHashLbConfig { MinimumRingSize = ring };
                break;
            case Mesh.Xds.EnvoyApi.LbPolicy.Maglev when c.Ring?.Size is { } table:
                cluster.MaglevLbConfig = new Envoy.Config.Cluster.V3.Cluster.Types.MaglevLbConfig { TableSize = table };
                break;
            case Mesh.Xds.EnvoyApi.LbPolicy.RoundRobin when c.Warmup is { } warmup:
                cluster.RoundRobinLbConfig = new Envoy.Config.Cluster.V3.Cluster.Types.RoundRobinLbConfig { SlowStartConfig = SlowStart(warmup) };
                break;
            case Mesh.Xds.EnvoyApi.LbPolicy.LeastRequest when c.Warmup is { } warmup:
                cluster.LeastRequestLbConfig = new Envoy.Config.Cluster.V3.Cluster.Types.LeastRequestLbConfig { SlowStartConfig = SlowStart(warmup) };
                break;
        }
        var http2 = c.Http2;
        if (http2 || c.Pool?.MaxRequestsPerConnection is not null || c.Pool?.IdleTimeout is not null)
        {
            var options2 = new UpstreamHttp.HttpProtocolOptions
            {
                ExplicitHttpConfig = http2
                    ? new UpstreamHttp.HttpProtocolOptions.Types.ExplicitHttpConfig { Http2ProtocolOptions = new Http2ProtocolOptions { MaxConcurrentStreams = U(c.Pool?.MaxConcurrentStreams) } }
                    : new UpstreamHttp.HttpProtocolOptions.Types.ExplicitHttpConfig { HttpProtocolOptions = new Http1ProtocolOptions() },
            };
            if (c.Pool?.MaxRequestsPerConnection is not null || c.Pool?.IdleTimeout is not null)
            {
                options2.CommonHttpProtocolOptions = new Envoy.Config.Core.V3.HttpProtocolOptions { MaxRequestsPerConnection = U(c.Pool.MaxRequestsPerConnection), IdleTimeout = Dur(c.Pool.IdleTimeout) };
            }
            cluster.TypedExtensionProtocolOptions.Add("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", Any.Pack(options2));
        }
        return cluster;
    }

    private static Envoy.Config.Cluster.V3.Cluster.Types.SlowStartConfig SlowStart(Warmup warmup) => new()
    {
        SlowStartWindow = Dur(warmup.Duration),
        Aggression = warmup.Aggression is { } a ? new RuntimeDouble { DefaultValue = (double)a, RuntimeKey = "mesh_sdk.slow_start.aggression" } : null,
        MinWeightPercent = warmup.MinimumPercent is { } m ? new Envoy.Type.V3.Percent { Value = (double)m } : null,
    };

    private static SubjectAltNameMatcher San(string name) => new()
    {
        SanType = name.Contains("://", StringComparison.Ordinal) ? SubjectAltNameMatcher.Types.SanType.Uri : SubjectAltNameMatcher.Types.SanType.Dns,
        Matcher = new StringMatcher { Exact = name },
    };

    public static ClusterLoadAssignment LoadAssignment(ClusterPlan c, EndpointAddress[] endpoints)
    {
        var assignment = new ClusterLoadAssignment { ClusterName = c.Name };
        var groups = endpoints.Where(e => Selected(c, e)).GroupBy(e => e.Locality ?? EndpointLocality.Unknown).ToList();
        // Locality-aware clusters, computed the long way: a distribution's target per locality, or Istio's proximity levels ranked.
        var plan = c.Locality;
        var targets = groups.ToDictionary(g => g.Key, g => plan?.Distribution is { } d ? d.To.Select((t, i) => (t.Key, i)).Where(t => PatternMatches(t.Key, g.Key)).Select(t => t.i).DefaultIfEmpty(-1).First() : 0);
        var levels = groups.ToDictionary(g => g.Key, g => plan is null ? 0 : Level(plan, g.Key));
        var ranks = levels.Values.Distinct().Order().ToList();
        foreach (var group in groups)
        {
            if (plan?.Distribution is not null && targets[group.Key] < 0) continue;
            var weight = plan?.Distribution is { } distribution
                ? Math.Max(1, distribution.To.ElementAt(targets[group.Key]).Value * 1000L / groups.Count(g => targets[g.Key] == targets[group.Key]))
                : Math.Min(group.Sum(e => (long)e.Weight), int.MaxValue);
            var locality = new LocalityLbEndpoints
            {
                Locality = new Locality { Region = group.Key.Region, Zone = group.Key.Zone ?? string.Empty, SubZone = group.Key.SubZone ?? string.Empty },
                LoadBalancingWeight = (uint)weight,
                Priority = plan is null || plan.Distribution is not null ? 0u : (uint)ranks.IndexOf(levels[group.Key]),
            };
            foreach (var e in group)
            {
                locality.LbEndpoints.Add(new LbEndpoint
                {
                    Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = e.Address, PortValue = (uint)(e.Port ?? c.Port) } } },
                    HealthStatus = (HealthStatus)e.Health,
                    LoadBalancingWeight = (uint)e.Weight,
                });
            }
            assignment.Endpoints.Add(locality);
        }
        return assignment;
    }

    private static int Level(LocalityPlan plan, EndpointLocality l) =>
        l.Region != plan.Client.Region ? (l.Region == plan.FailoverRegion ? 3 : 4)
        : (l.Zone ?? "") != (plan.Client.Zone ?? "") ? 2
        : (l.SubZone ?? "") != (plan.Client.SubZone ?? "") ? 1 : 0;

    private static bool PatternMatches(string pattern, EndpointLocality l)
    {
        var parts = pattern.Split('/');
        var actual = new[] { l.Region, l.Zone ?? "", l.SubZone ?? "" };
        return parts.Zip(actual).TakeWhile(p => p.First != "*").All(p => p.First == p.Second);
    }

    private static bool Selected(ClusterPlan c, EndpointAddress e) =>
        c.SubsetLabels.All(l => e.Labels.TryGetValue(l.Key, out var v) && v == l.Value);

    public static RouteConfiguration RouteConfiguration(RouteConfigPlan plan)
    {
        var config = new RouteConfiguration { Name = plan.Name };
        foreach (var host in plan.VirtualHosts)
        {
            var vhost = new VirtualHost { Name = host.Name };
            vhost.Domains.AddRange(host.Domains);
            vhost.Routes.AddRange(host.Routes.Select(Route));
            config.VirtualHosts.Add(vhost);
        }
        return config;
    }

    private static Route Route(RoutePlan r)
    {
        var route = new Route { Match = Match(r.Match), Name = r.Name };
        var rule = r.Rule;
        if (rule?.Redirect is { } redirect)
        {
            route.Redirect = new RedirectAction
            {
                HostRedirect = redirect.Host ?? string.Empty,
                PathRedirect = redirect.Path ?? string.Empty,
                ResponseCode = (RedirectAction.Types.RedirectResponseCode)r.RedirectCode,
                PrefixRewrite = redirect.PathPrefix ?? string.Empty,
                SchemeRedirect = redirect.Scheme ?? string.Empty,
                PortRedirect = (uint)(redirect.Port ?? 0),
            };
        }
        else if (r.DirectStatus > 0)
        {
            route.DirectResponse = new DirectResponseAction { Status = (uint)r.DirectStatus };
        }
        else
        {
            route.Route_ = Action(r);
        }
        foreach (var (k, v) in r.RequestSet) route.RequestHeadersToAdd.Add(Header(k, v, true));
        foreach (var (k, v) in r.RequestAdd) route.RequestHeadersToAdd.Add(Header(k, v, false));
        foreach (var (k, v) in r.ResponseSet) route.ResponseHeadersToAdd.Add(Header(k, v, true));
        foreach (var (k, v) in r.ResponseAdd) route.ResponseHeadersToAdd.Add(Header(k, v, false));
        if (rule?.ResponseHeaders is { } response) route.ResponseHeadersToRemove.AddRange(response.Remove);
        if (rule?.RequestHeaders is { } request) route.RequestHeadersToRemove.AddRange(request.Remove);
        if (rule?.Fault is { } fault && (fault.Delay is not null || fault.Abort is not null))
        {
            var httpFault = new HTTPFault();
            if (fault.Delay is { } delay) httpFault.Delay = new CommonFault.FaultDelay { FixedDelay = Dur(delay.Duration), Percentage = Percent(delay.Percentage) };
            if (fault.Abort is { } abort) httpFault.Abort = new FaultAbort { HttpStatus = (uint)Math.Max(0, abort.HttpStatus), Percentage = Percent(abort.Percentage) };
            route.TypedPerFilterConfig.Add("envoy.filters.http.fault", Any.Pack(httpFault));
        }
        if (r.RateLimit is { } limit) route.TypedPerFilterConfig.Add("envoy.filters.http.local_ratelimit", Any.Pack(RateLimit(limit)));
        return route;
    }

    private static HeaderValueOption Header(string key, string value, bool overwrite) => new()
    {
        Header = new HeaderValue { Key = key, Value = value },
        AppendAction = overwrite ? HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd : HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd,
    };

    private static RouteMatch Match(HttpMatch? m)
    {
        var match = new RouteMatch();
        switch (m?.Path)
        {
            case null: match.Prefix = "/"; break;
            case { Kind: PathMatchKind.Prefix } p: match.Prefix = p.Value; break;
            case { Kind: PathMatchKind.Exact } p: match.Path = p.Value; break;
            case { Kind: PathMatchKind.Regex, Value: null or "" }: match.Prefix = "/"; break;
            case { Kind: PathMatchKind.Regex } p: match.SafeRegex = new RegexMatcher { Regex = p.Value }; break;
        }
        if (m is null) return match;
        if (m.Method is { } method) match.Headers.Add(new HeaderMatcher { Name = ":method", StringMatch = new StringMatcher { Exact = method } });
        foreach (var h in m.Headers)
        {
            var header = new HeaderMatcher { Name = h.Name };
            if (h.Kind is ValueMatchKind.Present or ValueMatchKind.Absent || Mesh.Xds.Encoders.RouteConfigEncoder.MatchesAnyValue(h))
            {
                header.PresentMatch = true;
                header.InvertMatch = h.Kind == ValueMatchKind.Absent;
            }
            else
            {
                header.StringMatch = StringMatcher(h.Kind, h.Value ?? string.Empty);
            }
            match.Headers.Add(header);
        }
        foreach (var q in m.QueryParams)
        {
            if (q.Kind == ValueMatchKind.Absent) continue;
            var query = new QueryParameterMatcher { Name = q.Name };
            if (q.Kind == ValueMatchKind.Present || Mesh.Xds.Encoders.RouteConfigEncoder.MatchesAnyValue(q)) query.PresentMatch = true;
            else query.StringMatch = StringMatcher(q.Kind, q.Value ?? string.Empty);
            match.QueryParameters.Add(query);
        }
        return match;
    }

    private static StringMatcher StringMatcher(ValueMatchKind kind, string value) => kind switch
    {
        ValueMatchKind.Exact => new StringMatcher { Exact = value },
        ValueMatchKind.Prefix => new StringMatcher { Prefix = value },
        _ => new StringMatcher { SafeRegex = new RegexMatcher { Regex = value } },
    };

    private static RouteAction Action(RoutePlan r)
    {
        var rule = r.Rule;
        var action = new RouteAction();
        if (r.Backends.Length == 1)
        {
            action.Cluster = r.Backends[0].Cluster;
        }
        else if (r.Backends.Length > 1)
        {
            action.WeightedClusters = new WeightedCluster();
            foreach (var b in r.Backends) action.WeightedClusters.Clusters.Add(new WeightedCluster.Types.ClusterWeight { Name = b.Cluster, Weight = U(b.Weight) });
        }
        if (rule?.Rewrite is { } rewrite)
        {
            action.PrefixRewrite = rewrite.PathPrefix ?? string.Empty;
            if (!string.IsNullOrEmpty(rewrite.Authority)) action.HostRewriteLiteral = rewrite.Authority;
            if (rewrite.FullPath is { } full) action.RegexRewrite = new RegexMatchAndSubstitute { Pattern = new RegexMatcher { Regex = "^/.*$" }, Substitution = full };
        }
        action.Timeout = Dur(rule?.Timeout);
        if (r.TimeoutAsStreamDuration && rule?.Timeout is { } timeout) action.MaxStreamDuration = new RouteAction.Types.MaxStreamDuration { MaxStreamDuration_ = Dur(timeout) };
        if (rule?.Retry is { } retry)
        {
            action.RetryPolicy = new RetryPolicy { RetryOn = r.RetryOn ?? string.Empty, NumRetries = U(retry.Attempts), PerTryTimeout = Dur(retry.PerTryTimeout) };
            if (retry.On.AsSpan().Contains(RetryCondition.RetriableStatusCodes)) action.RetryPolicy.RetriableStatusCodes.AddRange(retry.StatusCodes.Select(c => (uint)c));
            if (retry.Backoff is { } backoff)
            {
                action.RetryPolicy.RetryBackOff = new RetryPolicy.Types.RetryBackOff { BaseInterval = Dur(backoff.BaseInterval), MaxInterval = Dur(backoff.MaxInterval) };
            }
        }
        if (r.HashOn is { } hash)
        {
            action.HashPolicy.Add(hash.Key switch
            {
                HashKey.Header => new RouteAction.Types.HashPolicy { Header = new RouteAction.Types.HashPolicy.Types.Header { HeaderName = hash.Name ?? string.Empty } },
                HashKey.Cookie => new RouteAction.Types.HashPolicy { Cookie = new RouteAction.Types.HashPolicy.Types.Cookie { Name = hash.Name ?? string.Empty, Ttl = Dur(hash.CookieTtl), Path = hash.CookiePath ?? string.Empty } },
                HashKey.SourceIp => new RouteAction.Types.HashPolicy { ConnectionProperties = new RouteAction.Types.HashPolicy.Types.ConnectionProperties { SourceIp = true } },
                _ => new RouteAction.Types.HashPolicy { QueryParameter = new RouteAction.Types.HashPolicy.Types.QueryParameter { Name = hash.Name ?? string.Empty } },
            });
        }
        if (r.MirrorCluster is { } mirror)
        {
            var policy = new RouteAction.Types.RequestMirrorPolicy { Cluster = mirror };
            if (rule!.Mirror!.Percentage < 100m) policy.RuntimeFraction = new RuntimeFractionalPercent { DefaultValue = Percent(rule.Mirror.Percentage) };
            action.RequestMirrorPolicies.Add(policy);
        }
        return action;
    }

    private static CommonTlsContext Common(XdsEncoderOptions options, bool alpn)
    {
        var common = new CommonTlsContext
        {
            CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
            {
                DefaultValidationContext = new CertificateValidationContext(),
                ValidationContextSdsSecretConfig = new SdsSecretConfig { Name = options.RootCaSecretName, SdsConfig = Ads() },
            },
        };
        if (alpn) common.AlpnProtocols.Add("istio");
        common.TlsCertificateSdsSecretConfigs.Add(new SdsSecretConfig { Name = options.CertificateSecretName, SdsConfig = Ads() });
        return common;
    }

    private static Listener Inbound(ListenerPlan l, InboundPlan inbound, XdsEncoderOptions options)
    {
        var listener = new Listener
        {
            Name = l.Name,
            Address = new Address { SocketAddress = new SocketAddress { Address = "0.0.0.0", PortValue = (uint)l.Port } },
            TrafficDirection = TrafficDirection.Inbound,
        };
        foreach (var port in inbound.Ports)
        {
            var manager = new HttpConnectionManager { StatPrefix = port.ClusterName, RouteConfig = RouteConfiguration(port.Routes) };
            if (inbound.Audit.Length > 0) manager.HttpFilters.Add(Rbac(inbound.Audit, Envoy.Config.Rbac.V3.RBAC.Types.Action.Log));
            if (inbound.HasDeny) manager.HttpFilters.Add(Rbac(inbound.Deny, Envoy.Config.Rbac.V3.RBAC.Types.Action.Deny));
            if (inbound.HasAllow) manager.HttpFilters.Add(Rbac(inbound.Allow, Envoy.Config.Rbac.V3.RBAC.Types.Action.Allow));
            if (port.RateLimited) manager.HttpFilters.Add(new HttpFilter { Name = "envoy.filters.http.local_ratelimit", TypedConfig = Any.Pack(RateLimit(port.RateLimit)) });
            manager.HttpFilters.Add(new HttpFilter { Name = "envoy.filters.http.router", TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Http.Router.V3.Router()) });
            Telemetry(manager, l.Telemetry);
            var chain = new FilterChain { FilterChainMatch = new FilterChainMatch { DestinationPort = (uint)port.Port }, Name = port.ClusterName };
            chain.Filters.Add(new Filter { Name = "envoy.filters.network.http_connection_manager", TypedConfig = Any.Pack(manager) });
            if (port.Tls)
            {
                chain.TransportSocket = new TransportSocket
                {
                    Name = "envoy.transport_sockets.tls",
                    TypedConfig = Any.Pack(new DownstreamTlsContext { CommonTlsContext = Common(options, alpn: false), RequireClientCertificate = true }),
                };
            }
            listener.FilterChains.Add(chain);
        }
        return listener;
    }

    private static Envoy.Extensions.Filters.Http.LocalRatelimit.V3.LocalRateLimit RateLimit(RateLimitPlan? plan)
    {
        var limit = new Envoy.Extensions.Filters.Http.LocalRatelimit.V3.LocalRateLimit { StatPrefix = "http_local_rate_limiter" };
        if (plan is null) return limit;
        limit.Status = new Envoy.Type.V3.HttpStatus { Code = (Envoy.Type.V3.StatusCode)plan.Status };
        limit.TokenBucket = new Envoy.Type.V3.TokenBucket { MaxTokens = (uint)plan.MaxTokens, TokensPerFill = (uint)plan.TokensPerFill, FillInterval = Dur(plan.FillInterval) };
        limit.FilterEnabled = new RuntimeFractionalPercent { DefaultValue = new Envoy.Type.V3.FractionalPercent { Numerator = 100 } };
        limit.FilterEnforced = new RuntimeFractionalPercent { DefaultValue = new Envoy.Type.V3.FractionalPercent { Numerator = 100 } };
        return limit;
    }

    private static HttpFilter Rbac(RbacPolicyPlan[] policies, Envoy.Config.Rbac.V3.RBAC.Types.Action action)
    {
        var rules = new Envoy.Config.Rbac.V3.RBAC { Action = action };
        foreach (var p in policies)
        {
            var policy = new Envoy.Config.Rbac.V3.Policy();
            policy.Permissions.Add(Permission(p.Permission));
            policy.Principals.Add(Principal(p.Principal));
            rules.Policies.Add(p.Name, policy);
        }
        return new HttpFilter { Name = "envoy.filters.http.rbac", TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Http.Rbac.V3.RBAC { Rules = rules }) };
    }

    private static StringMatcher Matcher(StringMatch m) => m.Field switch
    {
        1 => new StringMatcher { Exact = m.Value },
        2 => new StringMatcher { Prefix = m.Value },
        3 => new StringMatcher { Suffix = m.Value },
        _ => new StringMatcher { SafeRegex = new RegexMatcher { Regex = m.Value } },
    };

    private static Envoy.Config.Rbac.V3.Permission Permission(RbacPermission p)
    {
        Envoy.Config.Rbac.V3.Permission.Types.Set Set(RbacPermission[] rules)
        {
            var set = new Envoy.Config.Rbac.V3.Permission.Types.Set();
            set.Rules.AddRange(rules.Select(Permission));
            return set;
        }
        return p switch
        {
            RbacPermission.And and => new() { AndRules = Set(and.Rules) },
            RbacPermission.Or or => new() { OrRules = Set(or.Rules) },
            RbacPermission.Not not => new() { NotRule = Permission(not.Rule) },
            RbacPermission.Header h => new() { Header = h.Match is { } m ? new HeaderMatcher { Name = h.Name, StringMatch = Matcher(m) } : new HeaderMatcher { Name = h.Name, PresentMatch = true } },
            RbacPermission.DestinationPort port => new() { DestinationPort = (uint)port.Port },
            RbacPermission.DestinationIp ip => new() { DestinationIp = new CidrRange { AddressPrefix = ip.Address, PrefixLen = (uint)ip.Length } },
            RbacPermission.UrlPath path => new() { UrlPath = new PathMatcher { Path = Matcher(path.Match) } },
            RbacPermission.ServerName name => new() { RequestedServerName = Matcher(name.Match) },
            _ => new() { Any = true },
        };
    }

    private static Envoy.Config.Rbac.V3.Principal Principal(RbacPrincipal p)
    {
        Envoy.Config.Rbac.V3.Principal.Types.Set Set(RbacPrincipal[] ids)
        {
            var set = new Envoy.Config.Rbac.V3.Principal.Types.Set();
            set.Ids.AddRange(ids.Select(Principal));
            return set;
        }
        return p switch
        {
            RbacPrincipal.And and => new() { AndIds = Set(and.Ids) },
            RbacPrincipal.Or or => new() { OrIds = Set(or.Ids) },
            RbacPrincipal.Not not => new() { NotId = Principal(not.Id) },
            RbacPrincipal.Authenticated a => new() { Authenticated = a.Name is { } name ? new Envoy.Config.Rbac.V3.Principal.Types.Authenticated { PrincipalName = Matcher(name) } : new Envoy.Config.Rbac.V3.Principal.Types.Authenticated() },
            RbacPrincipal.DirectRemoteIp ip => new() { DirectRemoteIp = new CidrRange { AddressPrefix = ip.Address, PrefixLen = (uint)ip.Length } },
            RbacPrincipal.RemoteIp ip => new() { RemoteIp = new CidrRange { AddressPrefix = ip.Address, PrefixLen = (uint)ip.Length } },
            _ => new() { Any = true },
        };
    }

    public static Listener Listener(ListenerPlan l, XdsEncoderOptions options)
    {
        if (l.Inbound is { } inbound) return Inbound(l, inbound, options);
        var manager = new HttpConnectionManager
        {
            StatPrefix = l.StatPrefix,
            Rds = new Rds { ConfigSource = Ads(), RouteConfigName = l.RouteConfigName },
        };
        if (l.Fault) manager.HttpFilters.Add(new HttpFilter { Name = "envoy.filters.http.fault", TypedConfig = Any.Pack(new HTTPFault()) });
        manager.HttpFilters.Add(new HttpFilter { Name = "envoy.filters.http.router", TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Http.Router.V3.Router()) });
        Telemetry(manager, l.Telemetry);
        if (l.ApiListener)
        {
            return new Listener { Name = l.Name, ApiListener = new ApiListener { ApiListener_ = Any.Pack(manager) } };
        }
        var listener = new Listener
        {
            Name = l.Name,
            Address = new Address { SocketAddress = new SocketAddress { Address = "0.0.0.0", PortValue = (uint)l.Port } },
            TrafficDirection = TrafficDirection.Outbound,
        };
        if (l.Tcp is { } tcp) listener.FilterChains.AddRange(tcp.Chains.Select(c => TcpChain(c, l.Telemetry)));
        if (l.Tcp?.Default is { } fallback)
        {
            listener.FilterChains.Add(TcpChain(fallback, l.Telemetry));
        }
        else
        {
            var chain = new FilterChain();
            chain.Filters.Add(new Filter { Name = "envoy.filters.network.http_connection_manager", TypedConfig = Any.Pack(manager) });
            listener.FilterChains.Add(chain);
        }
        if (l.Tcp is { } filters)
        {
            listener.ListenerFilters.Add(new ListenerFilter { Name = "envoy.filters.listener.original_dst", TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Listener.OriginalDst.V3.OriginalDst()) });
            if (filters.TlsInspector)
            {
                listener.ListenerFilters.Add(new ListenerFilter { Name = "envoy.filters.listener.tls_inspector", TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Listener.TlsInspector.V3.TlsInspector()) });
                listener.ContinueOnListenerFiltersTimeout = true;
            }
        }
        return listener;
    }

    /// <summary>A layer-4 chain of a sidecar's outbound port: destination blocks and server names, then a tcp_proxy to one cluster or several by weight.</summary>
    private static FilterChain TcpChain(TcpChainPlan c, TelemetryPlan? telemetry)
    {
        var proxy = new Envoy.Extensions.Filters.Network.TcpProxy.V3.TcpProxy { StatPrefix = c.StatPrefix };
        if (telemetry?.AccessLog == true)
        {
            proxy.AccessLog.Add(new Envoy.Config.Accesslog.V3.AccessLog
            {
                Name = "envoy.access_loggers.file",
                TypedConfig = Any.Pack(new Envoy.Extensions.AccessLoggers.File.V3.FileAccessLog { Path = "/dev/stdout" }),
            });
        }
        if (c.Backends.Length == 1)
        {
            proxy.Cluster = c.Backends[0].Cluster;
        }
        else
        {
            proxy.WeightedClusters = new Envoy.Extensions.Filters.Network.TcpProxy.V3.TcpProxy.Types.WeightedCluster();
            proxy.WeightedClusters.Clusters.AddRange(c.Backends.Select(b => new Envoy.Extensions.Filters.Network.TcpProxy.V3.TcpProxy.Types.WeightedCluster.Types.ClusterWeight { Name = b.Cluster, Weight = (uint)b.Weight }));
        }
        var chain = new FilterChain { Name = c.Name };
        if (c.ServerNames.Length > 0 || c.PrefixRanges.Length > 0)
        {
            chain.FilterChainMatch = new FilterChainMatch();
            chain.FilterChainMatch.ServerNames.AddRange(c.ServerNames);
            chain.FilterChainMatch.PrefixRanges.AddRange(c.PrefixRanges.Select(p => new CidrRange { AddressPrefix = p.Address, PrefixLen = (uint)p.Length }));
        }
        chain.Filters.Add(new Filter { Name = "envoy.filters.network.tcp_proxy", TypedConfig = Any.Pack(proxy) });
        return chain;
    }

    /// <summary>The connection manager's tracing and access log, built independently of the encoder from the plan.</summary>
    private static void Telemetry(HttpConnectionManager manager, TelemetryPlan? telemetry)
    {
        if (telemetry is null) return;
        if (telemetry.Tracing)
        {
            manager.Tracing = new HttpConnectionManager.Types.Tracing();
            if (telemetry.Sampling is { } sampling) manager.Tracing.RandomSampling = new Envoy.Type.V3.Percent { Value = (double)sampling };
            foreach (var tag in telemetry.Tags)
            {
                var custom = new Envoy.Type.Tracing.V3.CustomTag { Tag = tag.Name };
                switch (tag.Source)
                {
                    case Mesh.Model.TracingTagSource.Header:
                        custom.RequestHeader = new Envoy.Type.Tracing.V3.CustomTag.Types.Header { Name = tag.Value, DefaultValue = tag.Default ?? "" };
                        break;
                    case Mesh.Model.TracingTagSource.Environment:
                        custom.Environment = new Envoy.Type.Tracing.V3.CustomTag.Types.Environment { Name = tag.Value, DefaultValue = tag.Default ?? "" };
                        break;
                    default:
                        custom.Literal = new Envoy.Type.Tracing.V3.CustomTag.Types.Literal { Value = tag.Value };
                        break;
                }
                manager.Tracing.CustomTags.Add(custom);
            }
        }
        if (telemetry.AccessLog)
        {
            manager.AccessLog.Add(new Envoy.Config.Accesslog.V3.AccessLog
            {
                Name = "envoy.access_loggers.file",
                TypedConfig = Any.Pack(new Envoy.Extensions.AccessLoggers.File.V3.FileAccessLog { Path = "/dev/stdout" }),
            });
        }
    }
}
