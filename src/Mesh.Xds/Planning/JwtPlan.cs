using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// The <c>jwt_authn</c> filter of a workload: one provider per JWT rule of the request authentications that apply to it, and
/// one requirement for every request — any provider's token, or none (Istio's semantics: a missing token passes without a
/// request principal, an invalid one is rejected with 401).
/// </summary>
internal sealed record JwtPlan(JwtProviderPlan[] Providers)
{
    /// <summary>The key the verified payload is stored under in the filter's dynamic metadata, where RBAC reads it.</summary>
    public const string PayloadKey = "payload";

    /// <summary>The filter's name, which is also its dynamic metadata namespace.</summary>
    public const string FilterName = "envoy.filters.http.jwt_authn";

    /// <summary>The issuers verified, for request principals.</summary>
    public string[] Issuers { get; } = [.. Providers.Select(p => p.Rule.Issuer).Distinct(StringComparer.Ordinal)];
}

/// <summary>One JWT provider: the rule, and for a JWKS URI the cluster it is fetched through and the fetch timeout.</summary>
internal sealed record JwtProviderPlan(string Name, JwtRule Rule, string? JwksCluster, TimeSpan FetchTimeout);
