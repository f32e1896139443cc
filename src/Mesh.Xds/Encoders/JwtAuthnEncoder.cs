using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes the <c>jwt_authn</c> HTTP filter: a provider per JWT rule (issuer, audiences, remote JWKS through its cluster or
/// the inline key set, token locations, forwarding, claims and payload to headers, the payload in dynamic metadata for RBAC)
/// and one rule for every path requiring any provider's token or none.
/// </summary>
internal static class JwtAuthnEncoder
{
    public static void Write<TSink>(ref TSink s, JwtPlan jwt) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(HttpConnectionManagerFields.HttpFilters);
        s.String(HttpFilterFields.Name, JwtPlan.FilterName);
        Fields.BeginAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.JwtAuthn);
        foreach (var provider in jwt.Providers)
        {
            s.Begin(JwtAuthenticationFields.Providers);
            s.StringAlways(MapEntryFields.Key, provider.Name);
            s.Begin(MapEntryFields.Value);
            Provider(ref s, provider);
            s.End();
            s.End();
        }
        s.Begin(JwtAuthenticationFields.Rules);
        s.Begin(RequirementRuleFields.Match);
        s.StringAlways(RouteMatchFields.Prefix, "/");
        s.End();
        s.Begin(RequirementRuleFields.Requires);
        s.Begin(JwtRequirementFields.RequiresAny);
        foreach (var provider in jwt.Providers)
        {
            s.Begin(JwtRequirementOrListFields.Requirements);
            s.String(JwtRequirementFields.ProviderName, provider.Name);
            s.End();
        }
        s.Begin(JwtRequirementOrListFields.Requirements);
        s.Begin(JwtRequirementFields.AllowMissing);
        s.End();
        s.End();
        s.End();
        s.End();
        s.End();
        Fields.EndAny(ref s);
        s.End();
    }

    private static void Provider<TSink>(ref TSink s, JwtProviderPlan provider) where TSink : IProtoSink, allows ref struct
    {
        var rule = provider.Rule;
        s.String(JwtProviderFields.Issuer, rule.Issuer);
        foreach (var audience in rule.Audiences) s.StringAlways(JwtProviderFields.Audiences, audience);
        if (provider.JwksCluster is { } cluster)
        {
            s.Begin(JwtProviderFields.RemoteJwks);
            s.Begin(RemoteJwksFields.HttpUri);
            s.String(HttpUriFields.Uri, rule.JwksUri);
            s.String(HttpUriFields.Cluster, cluster);
            Fields.Duration(ref s, HttpUriFields.Timeout, provider.FetchTimeout);
            s.End();
            s.End();
        }
        else
        {
            s.Begin(JwtProviderFields.LocalJwks);
            s.String(DataSourceFields.InlineString, rule.Jwks);
            s.End();
        }
        if (rule.ForwardOriginalToken) s.Bool(JwtProviderFields.Forward, true);
        foreach (var header in rule.FromHeaders)
        {
            s.Begin(JwtProviderFields.FromHeaders);
            s.String(JwtHeaderFields.Name, header.Name);
            s.String(JwtHeaderFields.ValuePrefix, header.Prefix);
            s.End();
        }
        foreach (var param in rule.FromParams) s.StringAlways(JwtProviderFields.FromParams, param);
        s.String(JwtProviderFields.ForwardPayloadHeader, rule.OutputPayloadToHeader);
        s.String(JwtProviderFields.PayloadInMetadata, JwtPlan.PayloadKey);
        foreach (var cookie in rule.FromCookies) s.StringAlways(JwtProviderFields.FromCookies, cookie);
        foreach (var claim in rule.OutputClaimToHeaders)
        {
            s.Begin(JwtProviderFields.ClaimToHeaders);
            s.String(JwtClaimToHeaderFields.HeaderName, claim.Header);
            s.String(JwtClaimToHeaderFields.ClaimName, claim.Claim);
            s.End();
        }
    }
}
