using Mesh.Collections;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Testing;

/// <summary>
/// Which <see cref="MeshFeature"/>s a model uses, and a model restricted to a set of features — so a provider's
/// round-trip test can draw generated models that only use what the provider supports.
/// </summary>
public static class MeshFeatureUsage
{
    private static readonly RetryCondition[] GrpcConditions =
        [RetryCondition.Cancelled, RetryCondition.DeadlineExceeded, RetryCondition.Internal, RetryCondition.ResourceExhausted, RetryCondition.Unavailable];

    /// <summary>The features <paramref name="config"/> uses.</summary>
    /// <param name="config">The model.</param>
    /// <returns>The set of features used.</returns>
    public static IReadOnlySet<MeshFeature> Used(MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var used = new HashSet<MeshFeature>();
        void Use(bool condition, MeshFeature feature)
        {
            if (condition) used.Add(feature);
        }

        foreach (var rule in config.Routes.SelectMany(r => r.Rules))
        {
            foreach (var match in rule.Matches)
            {
                Use(match.Path?.Kind == PathMatchKind.Exact, MeshFeature.PathExact);
                Use(match.Path?.Kind == PathMatchKind.Prefix, MeshFeature.PathPrefix);
                Use(match.Path?.Kind == PathMatchKind.Regex, MeshFeature.PathRegex);
                foreach (var header in match.Headers) used.Add(HeaderFeature(header.Kind));
                foreach (var query in match.QueryParams) used.Add(QueryFeature(query.Kind));
                Use(match.Method is not null, MeshFeature.MethodMatch);
                Use(!match.SourceLabels.IsEmpty, MeshFeature.SourceLabelsMatch);
                Use(match.SourceNamespace is not null, MeshFeature.SourceNamespaceMatch);
                Use(match.Port is not null, MeshFeature.PortMatch);
            }
            Use(rule.Backends.Count > 1, MeshFeature.WeightedSplit);
            Backends(rule.Backends, used);
            Use(rule.Timeout is not null, MeshFeature.Timeout);
            if (rule.Retry is { } retry)
            {
                used.Add(MeshFeature.RetryAttempts);
                Use(retry.PerTryTimeout is not null, MeshFeature.RetryPerTryTimeout);
                Use(retry.On.Any(c => IsHttp(c)), MeshFeature.RetryOnHttp);
                Use(retry.On.Any(c => GrpcConditions.Contains(c)), MeshFeature.RetryOnGrpc);
                Use(retry.On.Contains(RetryCondition.RetriableStatusCodes) || !retry.StatusCodes.IsEmpty, MeshFeature.RetryStatusCodes);
                Use(retry.Backoff is not null, MeshFeature.RetryBackoff);
            }
            Use(rule.Fault?.Delay is not null, MeshFeature.FaultDelay);
            Use(rule.Fault?.Abort is not null, MeshFeature.FaultAbort);
            Use(rule.Mirror is not null, MeshFeature.Mirror);
            Use(rule.Mirror is { Percentage: not 100m }, MeshFeature.MirrorPercentage);
            Use(rule.Rewrite?.PathPrefix is not null, MeshFeature.RewritePathPrefix);
            Use(rule.Rewrite?.FullPath is not null, MeshFeature.RewriteFullPath);
            Use(rule.Rewrite?.Authority is not null, MeshFeature.RewriteAuthority);
            Use(rule.Redirect is not null, MeshFeature.Redirect);
            Use(rule.RequestHeaders is not null, MeshFeature.RequestHeaders);
            Use(rule.ResponseHeaders is not null, MeshFeature.ResponseHeaders);
            Use(rule.Cors is not null, MeshFeature.Cors);
        }
        foreach (var tcp in config.TcpRoutes)
        {
            used.Add(MeshFeature.TcpSplit);
            Backends(tcp.Backends, used);
        }
        foreach (var policy in config.DestinationPolicies)
        {
            Use(policy.Target.Subset is not null, MeshFeature.SubsetPolicy);
            Use(policy.Target.Port is not null, MeshFeature.PortPolicy);
            if (policy.Tls is { } tls)
            {
                used.Add(TlsModeFeature(tls.Mode));
                Use(tls.Sni is not null, MeshFeature.TlsSni);
                Use(!tls.SubjectAltNames.IsEmpty, MeshFeature.TlsSubjectAltNames);
                Use(tls.CaCertificates is not null, MeshFeature.TlsCaCertificates);
                Use(tls.CredentialName is not null, MeshFeature.TlsCredentialName);
                Use(tls.InsecureSkipVerify, MeshFeature.TlsInsecureSkipVerify);
            }
            if (policy.RateLimit is { } limit)
            {
                Use(limit.Requests is not null, MeshFeature.RateLimit);
                Use(limit.Interval is { } i && i != LocalRateLimit.DefaultInterval || limit.Routes.Any(r => r.Interval is { } ri && ri != LocalRateLimit.DefaultInterval), MeshFeature.RateLimitInterval);
                Use(limit.Burst is { } b && b != limit.Requests || limit.Routes.Any(r => r.Burst is { } rb && rb != r.Requests), MeshFeature.RateLimitBurst);
                Use(limit.Status is { } st && st != LocalRateLimit.DefaultStatus, MeshFeature.RateLimitStatus);
                Use(!limit.Routes.IsEmpty, MeshFeature.RateLimitRoutes);
            }
            if (policy.LoadBalancer is { } lb)
            {
                if (lb.Algorithm != LoadBalancerAlgorithm.Default) used.Add(LoadBalancerFeature(lb));
                Use(lb.ConsistentHash is { CookieTtl: not null } or { CookiePath: not null }, MeshFeature.HashCookieAttributes);
                Use(lb.ConsistentHash?.Ring?.Kind == HashRingKind.RingHash, MeshFeature.HashRingHash);
                Use(lb.ConsistentHash?.Ring?.Kind == HashRingKind.Maglev, MeshFeature.HashMaglev);
                Use(lb.Locality?.Enabled is not null, MeshFeature.LocalityEnabled);
                Use(lb.Locality?.Distribute.IsEmpty == false, MeshFeature.LocalityDistribute);
                Use(lb.Locality?.Failover.IsEmpty == false, MeshFeature.LocalityFailover);
                Use(lb.Locality?.FailoverPriority.IsEmpty == false, MeshFeature.LocalityFailoverPriority);
                Use(lb.Warmup is not null, MeshFeature.Warmup);
            }
            if (policy.ConnectionPool is { } pool)
            {
                Use(pool.MaxConnections is not null, MeshFeature.MaxConnections);
                Use(pool.MaxPendingRequests is not null, MeshFeature.MaxPendingRequests);
                Use(pool.MaxRequests is not null, MeshFeature.MaxRequests);
                Use(pool.MaxRequestsPerConnection is not null, MeshFeature.MaxRequestsPerConnection);
                Use(pool.MaxRetries is not null, MeshFeature.MaxRetries);
                Use(pool.ConnectTimeout is not null, MeshFeature.ConnectTimeout);
                Use(pool.IdleTimeout is not null, MeshFeature.IdleTimeout);
                Use(pool.MaxConcurrentStreams is not null, MeshFeature.MaxConcurrentStreams);
                Use(pool.Http2Upgrade is not null, MeshFeature.Http2Upgrade);
            }
            if (policy.OutlierDetection is { } outlier)
            {
                Use(outlier.Consecutive5xx is not null, MeshFeature.OutlierConsecutive5xx);
                Use(outlier.ConsecutiveGatewayErrors is not null, MeshFeature.OutlierConsecutiveGatewayErrors);
                Use(outlier.Interval is not null, MeshFeature.OutlierInterval);
                Use(outlier.BaseEjectionTime is not null, MeshFeature.OutlierBaseEjectionTime);
                Use(outlier.MaxEjectionPercent is not null, MeshFeature.OutlierMaxEjectionPercent);
            }
        }
        foreach (var mtls in config.Mtls)
        {
            used.Add(MtlsModeFeature(mtls.Mode));
            used.Add(MtlsScopeFeature(mtls.Scope.Kind));
        }
        foreach (var access in config.AccessPolicies)
        {
            used.Add(ActionFeature(access.Action));
            Use(access.Target?.Subset is not null, MeshFeature.AccessSubsetTarget);
            foreach (var rule in access.Rules)
            {
                Use(rule.From is { ServiceAccounts.IsEmpty: false }, MeshFeature.AccessFromServiceAccounts);
                Use(rule.From is { Services.IsEmpty: false } || rule.From?.Not is { Services.IsEmpty: false }, MeshFeature.AccessFromServices);
                Use(rule.From is { Namespaces.IsEmpty: false }, MeshFeature.AccessFromNamespaces);
                Use(rule.From is { IpBlocks.IsEmpty: false }, MeshFeature.AccessFromIpBlocks);
                Use(rule.From is { Unauthenticated: true }, MeshFeature.AccessFromUnauthenticated);
                Use(rule.To is { Ports.IsEmpty: false }, MeshFeature.AccessToPorts);
                Use(rule.To is { Methods.IsEmpty: false }, MeshFeature.AccessToMethods);
                Use(rule.To is { Paths.IsEmpty: false }, MeshFeature.AccessToPaths);
                Use(rule.From is { Authenticated: true }, MeshFeature.AccessFromAuthenticated);
                Use(rule.From is { Identities.IsEmpty: false }, MeshFeature.AccessFromIdentities);
                Use(rule.From is { RequestPrincipals.IsEmpty: false }, MeshFeature.AccessFromRequestPrincipals);
                Use(rule.From is { RemoteIpBlocks.IsEmpty: false }, MeshFeature.AccessFromRemoteIpBlocks);
                Use(rule.From?.Not is not null, MeshFeature.AccessFromExcluded);
                Use(rule.To is { Hosts.IsEmpty: false }, MeshFeature.AccessToHosts);
                Use(rule.To?.Not is not null, MeshFeature.AccessToExcluded);
                foreach (var condition in rule.When) used.Add(AccessRuleFit.FeatureOf(condition.Key));
            }
        }
        foreach (var authentication in config.RequestAuthentications)
        {
            Use(!authentication.JwtRules.IsEmpty, MeshFeature.JwtRules);
            Use(authentication.Gateway is not null, MeshFeature.JwtGateway);
            Use(authentication.JwtRules.Any(TokenLocations), MeshFeature.JwtTokenLocations);
            Use(authentication.JwtRules.Any(Outputs), MeshFeature.JwtOutputs);
        }
        foreach (var external in config.ExternalServices)
        {
            Use(!external.Hosts.IsEmpty, MeshFeature.ExternalHosts);
            used.Add(ResolutionFeature(external.Resolution));
            Use(!external.Addresses.IsEmpty, MeshFeature.ExternalAddresses);
            Use(!external.Endpoints.IsEmpty, MeshFeature.ExternalEndpoints);
            Use(external.Endpoints.Any(e => e.ServiceAccount is not null), MeshFeature.ExternalEndpointIdentity);
            Use(!external.Subsets.IsEmpty, MeshFeature.ExternalSubsets);
        }
        var externals = config.ExternalServices.Select(e => new ServiceRef(e.Name, e.Namespace)).Except(config.Services.Select(x => x.Reference)).ToHashSet();
        Use(config.Routes.Any(r => externals.Contains(r.Host)), MeshFeature.ExternalRoutes);
        foreach (var outbound in config.Outbound)
        {
            Use(outbound.Mode == OutboundMode.RegistryOnly, MeshFeature.OutboundRegistryOnly);
            Use(outbound.Namespace is not null, MeshFeature.OutboundNamespace);
            Use(!outbound.Hosts.IsEmpty, MeshFeature.OutboundHosts);
        }
        foreach (var telemetry in config.Telemetry)
        {
            Use(telemetry.AccessLogging is not null, MeshFeature.AccessLogging);
            Use(telemetry.Tracing?.SamplingPercentage is not null, MeshFeature.TracingSampling);
            Use(telemetry.Tracing is { CustomTags.IsEmpty: false }, MeshFeature.TracingCustomTags);
            Use(!telemetry.Workload.IsEmpty, MeshFeature.TelemetryWorkload);
        }
        foreach (var listener in config.Gateways.SelectMany(g => g.Listeners))
        {
            Use(listener.Protocol is ListenerProtocol.Http or ListenerProtocol.Https, MeshFeature.GatewayHttp);
            Use(listener.Tls?.Mode == GatewayTlsMode.Terminate, MeshFeature.GatewayTlsTerminate);
            Use(listener.Tls?.Mode == GatewayTlsMode.Mutual, MeshFeature.GatewayTlsMutual);
            Use(listener.Tls?.Mode == GatewayTlsMode.Passthrough || listener.Protocol == ListenerProtocol.Tcp, MeshFeature.GatewayPassthrough);
            Use(listener.Tls?.Files is not null, MeshFeature.GatewayCertificateFiles);
            Use(listener.HttpsRedirect, MeshFeature.GatewayHttpsRedirect);
        }
        foreach (var route in config.GatewayRoutes)
        {
            used.Add(MeshFeature.GatewayRoutes);
            Use(route.Gateways.Any(g => g.Listener is not null), MeshFeature.GatewayRouteListener);
        }
        foreach (var route in config.GatewayTlsRoutes)
        {
            used.Add(MeshFeature.GatewayTlsRoutes);
            Use(route.Gateways.Any(g => g.Listener is not null), MeshFeature.GatewayRouteListener);
        }
        foreach (var route in config.GatewayTcpRoutes)
        {
            used.Add(MeshFeature.GatewayTcpRoutes);
            Use(route.Gateways.Any(g => g.Listener is not null), MeshFeature.GatewayRouteListener);
        }
        return used;
    }

    /// <summary>
    /// <paramref name="config"/> without the features <paramref name="supported"/> rejects: optional parts are cleared,
    /// and parts that cannot stand without the feature (a redirect rule, a subset-targeted policy, an mTLS policy of an
    /// unsupported scope or mode) are dropped. The result stays a valid model and uses only supported features.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="supported">Whether a feature may be used.</param>
    /// <returns>The restricted model.</returns>
    public static MeshConfig Restrict(MeshConfig config, Func<MeshFeature, bool> supported)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(supported);
        var s = supported;
        var restricted = config with
        {
            Routes = [.. config.Routes
                .Select(r => r with { Rules = [.. r.Rules.Where(rule => rule.Redirect is null || s(MeshFeature.Redirect)).Select(rule => Rule(rule, s))] })
                .Where(r => !r.Rules.IsEmpty)],
            TcpRoutes = s(MeshFeature.TcpSplit) ? [.. config.TcpRoutes.Select(t => t with { Backends = Backends(t.Backends, s, MeshFeature.TcpSplit) })] : default,
            DestinationPolicies = [.. config.DestinationPolicies
                .Where(p => (p.Target.Subset is null || s(MeshFeature.SubsetPolicy)) && (p.Target.Port is null || s(MeshFeature.PortPolicy)))
                .Select(p => p with
                {
                    LoadBalancer = Balancer(p.LoadBalancer, s),
                    ConnectionPool = Pool(p.ConnectionPool, s),
                    OutlierDetection = Outlier(p.OutlierDetection, s),
                    Tls = Tls(p.Tls, s),
                    RateLimit = RateLimit(p.RateLimit, s),
                })],
            Mtls = [.. config.Mtls.Where(m => s(MtlsModeFeature(m.Mode)) && s(MtlsScopeFeature(m.Scope.Kind)))],
            AccessPolicies = [.. config.AccessPolicies
                .Where(a => s(ActionFeature(a.Action)) && (a.Target?.Subset is null || s(MeshFeature.AccessSubsetTarget)))
                .Select(a => a with { Rules = [.. a.Rules.Select(r => AccessRule(r, s)).Distinct()] })],
            ExternalServices = [.. config.ExternalServices.Where(e =>
                (e.Hosts.IsEmpty || s(MeshFeature.ExternalHosts)) && s(ResolutionFeature(e.Resolution)) && (e.Addresses.IsEmpty || s(MeshFeature.ExternalAddresses)))
                .Select(e => e with
                {
                    Endpoints = !s(MeshFeature.ExternalEndpoints) ? default
                        : s(MeshFeature.ExternalEndpointIdentity) ? e.Endpoints
                        : [.. e.Endpoints.Select(p => p with { ServiceAccount = null })],
                    Subsets = s(MeshFeature.ExternalSubsets) ? e.Subsets : default,
                })],
            Outbound = [.. config.Outbound
                .Where(o => (o.Namespace is null || s(MeshFeature.OutboundNamespace)) && (o.Mode == OutboundMode.AllowAny || s(MeshFeature.OutboundRegistryOnly)))
                .Select(o => s(MeshFeature.OutboundHosts) ? o : o with { Hosts = default })],
            Telemetry = [.. config.Telemetry
                .Where(t => t.Workload.IsEmpty || s(MeshFeature.TelemetryWorkload))
                .Select(t => t with
                {
                    AccessLogging = s(MeshFeature.AccessLogging) ? t.AccessLogging : null,
                    Tracing = t.Tracing is null ? null : t.Tracing with
                    {
                        SamplingPercentage = s(MeshFeature.TracingSampling) ? t.Tracing.SamplingPercentage : null,
                        CustomTags = s(MeshFeature.TracingCustomTags) ? t.Tracing.CustomTags : default,
                    },
                })],
            Gateways = [.. config.Gateways.Select(g => g with { Listeners = [.. g.Listeners.Where(l => Listener(l, s))] }).Where(g => !g.Listeners.IsEmpty)],
        };
        restricted = restricted with
        {
            RequestAuthentications = s(MeshFeature.JwtRules)
                ? [.. config.RequestAuthentications
                    .Where(r => r.Gateway is null || (s(MeshFeature.JwtGateway) && restricted.FindGateway(r.Gateway, r.Namespace) is not null))
                    .Select(r => r with
                    {
                        JwtRules = [.. r.JwtRules.Select(j => j with
                        {
                            FromHeaders = s(MeshFeature.JwtTokenLocations) ? j.FromHeaders : default,
                            FromParams = s(MeshFeature.JwtTokenLocations) ? j.FromParams : default,
                            FromCookies = s(MeshFeature.JwtTokenLocations) ? j.FromCookies : default,
                            ForwardOriginalToken = s(MeshFeature.JwtOutputs) && j.ForwardOriginalToken,
                            OutputClaimToHeaders = s(MeshFeature.JwtOutputs) ? j.OutputClaimToHeaders : default,
                            OutputPayloadToHeader = s(MeshFeature.JwtOutputs) ? j.OutputPayloadToHeader : null,
                        })],
                    })
                    .Where(r => !r.JwtRules.IsEmpty)]
                : default,
            GatewayRoutes = s(MeshFeature.GatewayRoutes)
                ? [.. config.GatewayRoutes
                    .Select(r => r with { Gateways = [.. r.Gateways.Where(g => (g.Listener is null || s(MeshFeature.GatewayRouteListener)) && Attachable(restricted, g))], Rules = [.. r.Rules.Where(rule => rule.Redirect is null || s(MeshFeature.Redirect)).Select(rule => Rule(rule, s))] })
                    .Where(r => !r.Gateways.IsEmpty && !r.Rules.IsEmpty)]
                : default,
            GatewayTlsRoutes = s(MeshFeature.GatewayTlsRoutes)
                ? [.. config.GatewayTlsRoutes
                    .Select(r => r with { Gateways = [.. r.Gateways.Where(g => (g.Listener is null || s(MeshFeature.GatewayRouteListener)) && Attachable(restricted, g, ListenerProtocol.Tls))] })
                    .Where(r => !r.Gateways.IsEmpty)]
                : default,
            GatewayTcpRoutes = s(MeshFeature.GatewayTcpRoutes)
                ? [.. config.GatewayTcpRoutes
                    .Select(r => r with { Gateways = [.. r.Gateways.Where(g => (g.Listener is null || s(MeshFeature.GatewayRouteListener)) && Attachable(restricted, g, ListenerProtocol.Tcp))] })
                    .Where(r => !r.Gateways.IsEmpty)]
                : default,
        };
        return External(restricted, config, s);
    }

    private static bool TokenLocations(JwtRule rule) => !rule.FromHeaders.IsEmpty || !rule.FromParams.IsEmpty || !rule.FromCookies.IsEmpty;

    private static bool Outputs(JwtRule rule) => rule.ForwardOriginalToken || !rule.OutputClaimToHeaders.IsEmpty || rule.OutputPayloadToHeader is not null;

    /// <summary>Whether a listener uses only supported gateway features.</summary>
    private static bool Listener(GatewayListener l, Func<MeshFeature, bool> s) =>
        (l.Protocol is not (ListenerProtocol.Http or ListenerProtocol.Https) || s(MeshFeature.GatewayHttp))
        && (l.Tls?.Mode != GatewayTlsMode.Terminate || s(MeshFeature.GatewayTlsTerminate))
        && (l.Tls?.Mode != GatewayTlsMode.Mutual || s(MeshFeature.GatewayTlsMutual))
        && ((l.Tls?.Mode != GatewayTlsMode.Passthrough && l.Protocol != ListenerProtocol.Tcp) || s(MeshFeature.GatewayPassthrough))
        && (l.Tls?.Files is null || s(MeshFeature.GatewayCertificateFiles))
        && (!l.HttpsRedirect || s(MeshFeature.GatewayHttpsRedirect));

    /// <summary>Whether a gateway TLS or TCP route can still attach to <paramref name="g"/> in the restricted model.</summary>
    private static bool Attachable(MeshConfig restricted, GatewayRef g, ListenerProtocol protocol) =>
        restricted.FindGateway(g.Name, g.Namespace) is { } gateway && gateway.Listeners.Any(l => l.Protocol == protocol && (g.Listener is null || l.Name == g.Listener));

    /// <summary>Whether a gateway route can still attach to <paramref name="g"/> in the restricted model.</summary>
    private static bool Attachable(MeshConfig restricted, GatewayRef g) =>
        restricted.FindGateway(g.Name, g.Namespace) is { } gateway
        && (g.Listener is null
            ? gateway.Listeners.Any(l => l.Protocol is ListenerProtocol.Http or ListenerProtocol.Https)
            : gateway.Listeners.Any(l => l.Name == g.Listener && l.Protocol is ListenerProtocol.Http or ListenerProtocol.Https));

    /// <summary>
    /// Drops what refers to external services the provider cannot keep: routes on them without <see cref="MeshFeature.ExternalRoutes"/>,
    /// references to subsets they lost, and references to external services that were dropped.
    /// </summary>
    private static MeshConfig External(MeshConfig restricted, MeshConfig original, Func<MeshFeature, bool> s)
    {
        var kept = restricted.ExternalServices.ToDictionary(e => new ServiceRef(e.Name, e.Namespace));
        // A name that is also a mesh service's refers to the mesh service (as in validation and the translators).
        var all = original.ExternalServices.Select(e => new ServiceRef(e.Name, e.Namespace)).Except(original.Services.Select(x => x.Reference)).ToHashSet();
        bool Fine(ServiceRef service, string? subset) =>
            !all.Contains(service) || (kept.TryGetValue(service, out var e) && (subset is null || e.Subsets.Any(x => x.Name == subset)));
        return restricted with
        {
            Routes = [.. restricted.Routes
                .Where(r => !all.Contains(r.Host) || (s(MeshFeature.ExternalRoutes) && kept.ContainsKey(r.Host)))
                .Select(r => r with { Rules = [.. r.Rules.Where(rule => rule.Backends.All(b => Fine(b.Service, b.Subset))).Select(rule => rule.Mirror is { } m && !Fine(m.Service, m.Subset) ? rule with { Mirror = null } : rule)] })
                .Where(r => !r.Rules.IsEmpty)],
            TcpRoutes = [.. restricted.TcpRoutes.Where(t => Fine(t.Host, null) && t.Backends.All(b => Fine(b.Service, b.Subset)))],
            DestinationPolicies = [.. restricted.DestinationPolicies.Where(p => Fine(p.Target.Service, p.Target.Subset))],
        };
    }

    private static HttpRouteRule Rule(HttpRouteRule rule, Func<MeshFeature, bool> s)
    {
        var retry = rule.Retry is { } r && s(MeshFeature.RetryAttempts) ? Retry(r, s) : null;
        var fault = rule.Fault is { } f ? new FaultInjection { Delay = s(MeshFeature.FaultDelay) ? f.Delay : null, Abort = s(MeshFeature.FaultAbort) ? f.Abort : null } : null;
        var rewrite = rule.Rewrite is { } w ? new Rewrite
        {
            PathPrefix = s(MeshFeature.RewritePathPrefix) ? w.PathPrefix : null,
            FullPath = s(MeshFeature.RewriteFullPath) ? w.FullPath : null,
            Authority = s(MeshFeature.RewriteAuthority) ? w.Authority : null,
        } : null;
        var matches = rule.Matches.Select(m => Match(m, s)).ToList();
        return rule with
        {
            // A match emptied by the restriction would match everything; it is dropped rather than widened.
            Matches = [.. matches.Where(m => m is not null).Distinct()!],
            Backends = Backends(rule.Backends, s, MeshFeature.WeightedSplit),
            Timeout = s(MeshFeature.Timeout) ? rule.Timeout : null,
            Retry = retry,
            Fault = fault is { Delay: null, Abort: null } ? null : fault,
            Mirror = rule.Mirror is { } m && s(MeshFeature.Mirror)
                ? m with
                {
                    Subset = s(MeshFeature.BackendSubset) ? m.Subset : null,
                    Port = s(MeshFeature.BackendPort) ? m.Port : null,
                    Percentage = s(MeshFeature.MirrorPercentage) ? m.Percentage : 100m,
                }
                : null,
            Rewrite = rewrite is { PathPrefix: null, FullPath: null, Authority: null } ? null : rewrite,
            RequestHeaders = s(MeshFeature.RequestHeaders) ? rule.RequestHeaders : null,
            ResponseHeaders = s(MeshFeature.ResponseHeaders) ? rule.ResponseHeaders : null,
            Cors = s(MeshFeature.Cors) ? rule.Cors : null,
        };
    }

    private static HttpMatch? Match(HttpMatch match, Func<MeshFeature, bool> s)
    {
        var restricted = match with
        {
            Path = match.Path is { } p && s(p.Kind switch { PathMatchKind.Exact => MeshFeature.PathExact, PathMatchKind.Prefix => MeshFeature.PathPrefix, _ => MeshFeature.PathRegex }) ? p : null,
            Headers = [.. match.Headers.Where(h => s(HeaderFeature(h.Kind)))],
            QueryParams = [.. match.QueryParams.Where(q => s(QueryFeature(q.Kind)))],
            Method = s(MeshFeature.MethodMatch) ? match.Method : null,
            SourceLabels = s(MeshFeature.SourceLabelsMatch) ? match.SourceLabels : default,
            SourceNamespace = s(MeshFeature.SourceNamespaceMatch) ? match.SourceNamespace : null,
            Port = s(MeshFeature.PortMatch) ? match.Port : null,
        };
        return IsEmpty(restricted) && !IsEmpty(match) ? null : restricted;
    }

    private static bool IsEmpty(HttpMatch m) =>
        m.Path is null && m.Headers.IsEmpty && m.QueryParams.IsEmpty && m.Method is null
        && m.SourceLabels.IsEmpty && m.SourceNamespace is null && m.Port is null;

    private static RetryPolicy Retry(RetryPolicy retry, Func<MeshFeature, bool> s) => retry with
    {
        PerTryTimeout = s(MeshFeature.RetryPerTryTimeout) ? retry.PerTryTimeout : null,
        On = [.. retry.On.Where(c => c == RetryCondition.RetriableStatusCodes ? s(MeshFeature.RetryStatusCodes)
            : GrpcConditions.Contains(c) ? s(MeshFeature.RetryOnGrpc) : s(MeshFeature.RetryOnHttp))],
        StatusCodes = s(MeshFeature.RetryStatusCodes) ? retry.StatusCodes : default,
        Backoff = s(MeshFeature.RetryBackoff) ? retry.Backoff : null,
    };

    private static EquatableArray<WeightedBackend> Backends(EquatableArray<WeightedBackend> backends, Func<MeshFeature, bool> s, MeshFeature split)
    {
        var kept = backends
            .Select(b => b with { Subset = s(MeshFeature.BackendSubset) ? b.Subset : null, Port = s(MeshFeature.BackendPort) ? b.Port : null })
            .DistinctBy(b => (b.Service, b.Subset, b.Port))
            .ToList();
        var weighted = backends.Count <= 1 || s(split);
        if (!weighted || kept.Count == 1)
        {
            // Without a weighted split a single backend takes all the traffic.
            kept = kept.Take(1).Select(b => b with { Weight = Math.Max(b.Weight, 1) }).ToList();
        }
        else if (kept.Count > 0 && kept.All(b => b.Weight == 0))
        {
            kept[0] = kept[0] with { Weight = 1 };
        }
        return [.. kept];
    }

    /// <summary>The load balancer the provider supports: none when it lacks the algorithm; else the algorithm with the supported hash table, cookie attributes, locality settings and warm-up (nothing left on the default algorithm is none).</summary>
    private static LoadBalancer? Balancer(LoadBalancer? lb, Func<MeshFeature, bool> s)
    {
        if (lb is null || (lb.Algorithm != LoadBalancerAlgorithm.Default && !s(LoadBalancerFeature(lb)))) return null;
        var hash = lb.ConsistentHash is not { } h ? null : h with
        {
            CookieTtl = s(MeshFeature.HashCookieAttributes) ? h.CookieTtl : null,
            CookiePath = s(MeshFeature.HashCookieAttributes) ? h.CookiePath : null,
            Ring = h.Ring is { } r && s(r.Kind == HashRingKind.Maglev ? MeshFeature.HashMaglev : MeshFeature.HashRingHash) ? r : null,
        };
        var locality = lb.Locality is not { } l ? null : new LocalityLoadBalancing
        {
            Enabled = s(MeshFeature.LocalityEnabled) ? l.Enabled : null,
            Distribute = s(MeshFeature.LocalityDistribute) ? l.Distribute : default,
            Failover = s(MeshFeature.LocalityFailover) ? l.Failover : default,
            FailoverPriority = s(MeshFeature.LocalityFailoverPriority) ? l.FailoverPriority : default,
        };
        if (locality == new LocalityLoadBalancing()) locality = null;
        var warmup = s(MeshFeature.Warmup) ? lb.Warmup : null;
        if (lb.Algorithm == LoadBalancerAlgorithm.Default && locality is null && warmup is null) return null;
        return lb with { ConsistentHash = hash, Locality = locality, Warmup = warmup };
    }

    private static ConnectionPool? Pool(ConnectionPool? pool, Func<MeshFeature, bool> s)
    {
        if (pool is null) return null;
        var restricted = new ConnectionPool
        {
            MaxConnections = s(MeshFeature.MaxConnections) ? pool.MaxConnections : null,
            MaxPendingRequests = s(MeshFeature.MaxPendingRequests) ? pool.MaxPendingRequests : null,
            MaxRequests = s(MeshFeature.MaxRequests) ? pool.MaxRequests : null,
            MaxRequestsPerConnection = s(MeshFeature.MaxRequestsPerConnection) ? pool.MaxRequestsPerConnection : null,
            MaxRetries = s(MeshFeature.MaxRetries) ? pool.MaxRetries : null,
            ConnectTimeout = s(MeshFeature.ConnectTimeout) ? pool.ConnectTimeout : null,
            IdleTimeout = s(MeshFeature.IdleTimeout) ? pool.IdleTimeout : null,
            MaxConcurrentStreams = s(MeshFeature.MaxConcurrentStreams) ? pool.MaxConcurrentStreams : null,
            Http2Upgrade = s(MeshFeature.Http2Upgrade) ? pool.Http2Upgrade : null,
        };
        return restricted == pool ? pool : restricted == new ConnectionPool() ? null : restricted;
    }

    /// <summary>The TLS settings the provider supports: none when it lacks the mode; else the mode with the supported fields (dropping a field must keep the settings valid).</summary>
    /// <summary>The rate limit without what is unsupported: the interval, burst and status made defaults, routes or the workload's limit dropped.</summary>
    private static LocalRateLimit? RateLimit(LocalRateLimit? limit, Func<MeshFeature, bool> s)
    {
        if (limit is null) return null;
        var interval = s(MeshFeature.RateLimitInterval);
        var burst = s(MeshFeature.RateLimitBurst);
        var restricted = limit with
        {
            Requests = s(MeshFeature.RateLimit) ? limit.Requests : null,
            Interval = interval ? limit.Interval : null,
            Burst = burst ? limit.Burst : null,
            Status = s(MeshFeature.RateLimitStatus) ? limit.Status : null,
            Routes = s(MeshFeature.RateLimitRoutes) ? [.. limit.Routes.Select(r => r with { Interval = interval ? r.Interval : null, Burst = burst ? r.Burst : null })] : default,
        };
        if (restricted.Requests is null) restricted = restricted with { Interval = null, Burst = null };
        return restricted.Requests is null && restricted.Routes.IsEmpty ? null : restricted;
    }

    private static ClientTls? Tls(ClientTls? tls, Func<MeshFeature, bool> s)
    {
        if (tls is null || !s(TlsModeFeature(tls.Mode))) return null;
        var restricted = tls with
        {
            Sni = s(MeshFeature.TlsSni) ? tls.Sni : null,
            SubjectAltNames = s(MeshFeature.TlsSubjectAltNames) ? tls.SubjectAltNames : default,
            CaCertificates = s(MeshFeature.TlsCaCertificates) ? tls.CaCertificates : null,
            CredentialName = s(MeshFeature.TlsCredentialName) ? tls.CredentialName : null,
            InsecureSkipVerify = s(MeshFeature.TlsInsecureSkipVerify) && tls.InsecureSkipVerify,
        };
        return restricted.Mode == ClientTlsMode.Mutual && restricted.CredentialName is null ? null : restricted;
    }

    /// <summary>The feature of a client TLS mode.</summary>
    public static MeshFeature TlsModeFeature(ClientTlsMode mode) => mode switch
    {
        ClientTlsMode.Disable => MeshFeature.TlsDisable,
        ClientTlsMode.Mutual => MeshFeature.TlsMutual,
        ClientTlsMode.Mesh => MeshFeature.TlsMesh,
        _ => MeshFeature.TlsSimple,
    };

    private static OutlierDetection? Outlier(OutlierDetection? outlier, Func<MeshFeature, bool> s)
    {
        if (outlier is null) return null;
        var restricted = new OutlierDetection
        {
            Consecutive5xx = s(MeshFeature.OutlierConsecutive5xx) ? outlier.Consecutive5xx : null,
            ConsecutiveGatewayErrors = s(MeshFeature.OutlierConsecutiveGatewayErrors) ? outlier.ConsecutiveGatewayErrors : null,
            Interval = s(MeshFeature.OutlierInterval) ? outlier.Interval : null,
            BaseEjectionTime = s(MeshFeature.OutlierBaseEjectionTime) ? outlier.BaseEjectionTime : null,
            MaxEjectionPercent = s(MeshFeature.OutlierMaxEjectionPercent) ? outlier.MaxEjectionPercent : null,
        };
        return restricted == outlier ? outlier : restricted == new OutlierDetection() ? null : restricted;
    }

    private static MeshFeature ActionFeature(AccessAction action) => action switch
    {
        AccessAction.Allow => MeshFeature.AccessAllow,
        AccessAction.Deny => MeshFeature.AccessDeny,
        _ => MeshFeature.AccessAudit,
    };

    private static AccessRule AccessRule(AccessRule rule, Func<MeshFeature, bool> s)
    {
        static AccessSource? Source(AccessSource? f, Func<MeshFeature, bool> s) => f is null ? null : new AccessSource
        {
            ServiceAccounts = s(MeshFeature.AccessFromServiceAccounts) ? f.ServiceAccounts : default,
            Services = s(MeshFeature.AccessFromServices) ? f.Services : default,
            Namespaces = s(MeshFeature.AccessFromNamespaces) ? f.Namespaces : default,
            IpBlocks = s(MeshFeature.AccessFromIpBlocks) ? f.IpBlocks : default,
            Unauthenticated = s(MeshFeature.AccessFromUnauthenticated) && f.Unauthenticated,
            Authenticated = s(MeshFeature.AccessFromAuthenticated) && f.Authenticated,
            Identities = s(MeshFeature.AccessFromIdentities) ? f.Identities : default,
            RequestPrincipals = s(MeshFeature.AccessFromRequestPrincipals) ? f.RequestPrincipals : default,
            RemoteIpBlocks = s(MeshFeature.AccessFromRemoteIpBlocks) ? f.RemoteIpBlocks : default,
        };
        static AccessOperation? Operation(AccessOperation? t, Func<MeshFeature, bool> s) => t is null ? null : new AccessOperation
        {
            Ports = s(MeshFeature.AccessToPorts) ? t.Ports : default,
            Methods = s(MeshFeature.AccessToMethods) ? t.Methods : default,
            Paths = s(MeshFeature.AccessToPaths) ? t.Paths : default,
            Hosts = s(MeshFeature.AccessToHosts) ? t.Hosts : default,
        };
        var source = Source(rule.From, s);
        if (source is not null && s(MeshFeature.AccessFromExcluded) && Source(rule.From!.Not, s) is { HasAlternatives: true } excluded) source = source with { Not = excluded };
        var to = Operation(rule.To, s);
        if (to is not null && s(MeshFeature.AccessToExcluded) && Operation(rule.To!.Not, s) is { IsAnything: false } excludedOps) to = to with { Not = excludedOps };
        return new AccessRule { From = source, To = to, When = [.. rule.When.Where(c => s(AccessRuleFit.FeatureOf(c.Key)))] };
    }

    private static bool IsHttp(RetryCondition condition) => condition != RetryCondition.RetriableStatusCodes && !GrpcConditions.Contains(condition);

    private static void Backends(EquatableArray<WeightedBackend> backends, HashSet<MeshFeature> used)
    {
        if (backends.Any(b => b.Subset is not null)) used.Add(MeshFeature.BackendSubset);
        if (backends.Any(b => b.Port is not null)) used.Add(MeshFeature.BackendPort);
    }

    private static MeshFeature HeaderFeature(ValueMatchKind kind) => kind switch
    {
        ValueMatchKind.Exact => MeshFeature.HeaderExact,
        ValueMatchKind.Prefix => MeshFeature.HeaderPrefix,
        ValueMatchKind.Regex => MeshFeature.HeaderRegex,
        ValueMatchKind.Present => MeshFeature.HeaderPresent,
        _ => MeshFeature.HeaderAbsent,
    };

    private static MeshFeature QueryFeature(ValueMatchKind kind) => kind switch
    {
        ValueMatchKind.Exact => MeshFeature.QueryExact,
        ValueMatchKind.Prefix => MeshFeature.QueryPrefix,
        ValueMatchKind.Regex => MeshFeature.QueryRegex,
        ValueMatchKind.Present => MeshFeature.QueryPresent,
        _ => MeshFeature.QueryAbsent,
    };

    private static MeshFeature LoadBalancerFeature(LoadBalancer lb) => lb.Algorithm switch
    {
        LoadBalancerAlgorithm.RoundRobin => MeshFeature.LbRoundRobin,
        LoadBalancerAlgorithm.LeastRequest => MeshFeature.LbLeastRequest,
        LoadBalancerAlgorithm.Random => MeshFeature.LbRandom,
        _ => (lb.ConsistentHash?.Key ?? HashKey.SourceIp) switch
        {
            HashKey.Header => MeshFeature.HashHeader,
            HashKey.Cookie => MeshFeature.HashCookie,
            HashKey.QueryParameter => MeshFeature.HashQueryParameter,
            _ => MeshFeature.HashSourceIp,
        },
    };

    private static MeshFeature MtlsModeFeature(MtlsMode mode) => mode switch
    {
        MtlsMode.Strict => MeshFeature.MtlsStrict,
        MtlsMode.Permissive => MeshFeature.MtlsPermissive,
        _ => MeshFeature.MtlsDisabled,
    };

    private static MeshFeature MtlsScopeFeature(MtlsScopeKind kind) => kind switch
    {
        MtlsScopeKind.Mesh => MeshFeature.MtlsScopeMesh,
        MtlsScopeKind.Namespace => MeshFeature.MtlsScopeNamespace,
        MtlsScopeKind.Workload => MeshFeature.MtlsScopeWorkload,
        _ => MeshFeature.MtlsScopePort,
    };

    private static MeshFeature ResolutionFeature(Resolution resolution) => resolution switch
    {
        Resolution.Dns => MeshFeature.ExternalResolutionDns,
        Resolution.Static => MeshFeature.ExternalResolutionStatic,
        _ => MeshFeature.ExternalResolutionNone,
    };
}
