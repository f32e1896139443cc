using Mesh.Model;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans the <c>jwt_authn</c> filter of a sidecar or a gateway proxy from the request authentications that apply to it (its
/// namespace's; a sidecar's service's or subset's, a gateway's own), and a STRICT_DNS cluster with TLS per JWKS host. A rule without a key set
/// (Istio discovers it from the issuer) cannot be encoded: it is reported, and tokens of its issuer are then rejected.
/// </summary>
internal static class JwtPlanner
{
    /// <summary>Istio's default JWKS fetch timeout.</summary>
    private static readonly TimeSpan DefaultFetchTimeout = TimeSpan.FromSeconds(5);

    public static (JwtPlan? Plan, ClusterPlan[] Clusters) Plan(PlanContext context)
    {
        var providers = new List<JwtProviderPlan>();
        var clusters = new SortedDictionary<string, ClusterPlan>(StringComparer.Ordinal);
        var policies = context.Config.RequestAuthentications;
        var order = Enumerable.Range(0, policies.Count)
            .OrderBy(i => policies[i].Namespace, StringComparer.Ordinal)
            .ThenBy(i => policies[i].Name, StringComparer.Ordinal);
        foreach (var i in order)
        {
            var policy = policies[i];
            if (!AppliesToProxy(context, policy)) continue;
            for (var r = 0; r < policy.JwtRules.Count; r++)
            {
                var rule = policy.JwtRules[r];
                var path = $"$.spec.requestAuthentications[{i}].jwtRules[{r}]";
                string? cluster = null;
                if (rule.JwksUri is { } jwksUri && Uri.TryCreate(jwksUri, UriKind.Absolute, out var uri))
                {
                    var tls = uri.Scheme == Uri.UriSchemeHttps;
                    cluster = ResourceNames.JwksCluster(uri.IdnHost, uri.Port);
                    clusters.TryAdd(cluster, new ClusterPlan(cluster, new ServiceRef(uri.IdnHost, "jwks"), uri.Port, Protocol.Http, null, [], context.Options.DefaultConnectTimeout, LbPolicy.RoundRobin, null, null,
                        tls ? new UpstreamTlsPlan(ClientTlsMode.Simple, uri.IdnHost, default, CaFile: context.Options.SystemCaFile) : null,
                        Discovery: DiscoveryType.StrictDns, Inline: [new InlineEndpoint(uri.IdnHost, uri.Port)]));
                }
                else if (rule.Jwks is null)
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, path, $"Issuer '{rule.Issuer}' has no key set: a mesh discovers it from the issuer's OpenID configuration, which an encoder without network access cannot. The provider is not encoded, so tokens of this issuer are rejected; give jwksUri or jwks.");
                    continue;
                }
                providers.Add(new JwtProviderPlan(ResourceNames.JwtProvider(policy, r), rule, cluster, rule.JwksTimeout ?? DefaultFetchTimeout));
            }
        }
        return (providers.Count == 0 ? null : new JwtPlan([.. providers]), [.. clusters.Values]);
    }

    /// <summary>
    /// Whether a request authentication applies to this proxy: same namespace, and no target (every workload of the namespace,
    /// a gateway's proxies among them); for a sidecar its own service, or a subset of it whose labels the workload carries;
    /// for a gateway proxy, its gateway.
    /// </summary>
    public static bool AppliesToProxy(PlanContext context, RequestAuthentication policy)
    {
        var proxy = context.Proxy;
        if (proxy.Kind == XdsProxyKind.Gateway)
        {
            return string.Equals(policy.Namespace, proxy.Namespace, StringComparison.Ordinal)
                && (policy.Gateway is null ? policy.Target is null : string.Equals(policy.Gateway, proxy.GatewayName, StringComparison.Ordinal));
        }
        if (proxy.Kind != XdsProxyKind.Sidecar || proxy.Service is not { } own || policy.Gateway is not null) return false;
        if (!string.Equals(policy.Namespace, own.Namespace, StringComparison.Ordinal)) return false;
        if (policy.Target is null) return true;
        if (policy.Target.Service != own) return false;
        if (policy.Target.Subset is not { } subsetName) return true;
        var subset = context.FindService(own)?.FindSubset(subsetName);
        return subset is not null && subset.Labels.All(l => proxy.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));
    }
}
