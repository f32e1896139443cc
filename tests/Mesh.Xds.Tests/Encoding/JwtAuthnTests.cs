using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using JwtAuthentication = Envoy.Extensions.Filters.Http.JwtAuthn.V3.JwtAuthentication;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Mesh.Collections;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;
using RbacConfig = Envoy.Config.Rbac.V3;
using RbacFilter = Envoy.Extensions.Filters.Http.Rbac.V3;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>Request authentication as the <c>jwt_authn</c> filter, and request principals and token conditions as RBAC metadata matchers, read back through the oracle protos.</summary>
public sealed class JwtAuthnTests
{
    private static readonly XdsProxy ReviewsV1 = XdsProxy.Sidecar("reviews-v1", "bookinfo", Reviews, new EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v1" }));

    private static readonly JwtRule Accounts = new()
    {
        Issuer = "https://accounts.example.com",
        Audiences = ["reviews", "mobile"],
        JwksUri = "https://keys.example.com:8443/jwks.json",
        JwksTimeout = TimeSpan.FromSeconds(2),
        FromHeaders = [new JwtHeader("x-jwt", "Bearer ")],
        FromParams = ["token"],
        FromCookies = ["session"],
        ForwardOriginalToken = true,
        OutputClaimToHeaders = [new JwtClaimHeader("x-user", "sub")],
        OutputPayloadToHeader = "x-jwt-payload",
    };

    private static readonly JwtRule Partner = new() { Issuer = "partner.example", Jwks = """{"keys":[]}""" };

    private static RequestAuthentication Authentication(params JwtRule[] rules) =>
        new() { Name = "jwt", Namespace = "bookinfo", Target = new PolicyTarget { Service = Reviews }, JwtRules = [.. rules] };

    private static (HttpConnectionManager Hcm, XdsBuildResult Result) Inbound(MeshConfig config, XdsProxy? proxy = null)
    {
        var result = new XdsEncoder().Build(config, SampleEndpoints(), proxy ?? ReviewsV1);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "virtualInbound");
        return (Assert.Single(listener.FilterChains).Filters[0].TypedConfig.Unpack<HttpConnectionManager>(), result);
    }

    [Fact]
    public void JwtRules_AreProviders_OfOneFilterBeforeRbac_RequiringAnyTokenOrNone()
    {
        var config = Bookinfo() with
        {
            RequestAuthentications = [Authentication(Accounts, Partner)],
            AccessPolicies = [new AccessPolicy { Name = "p", Namespace = "bookinfo", Target = new PolicyTarget { Service = Reviews }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { RequestPrincipals = ["*"] } }] }],
        };
        var (hcm, result) = Inbound(config);
        Assert.Equal(["envoy.filters.http.jwt_authn", "envoy.filters.http.rbac", "envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication", hcm.HttpFilters[0].TypedConfig.TypeUrl);
        var jwt = hcm.HttpFilters[0].TypedConfig.Unpack<JwtAuthentication>();
        Assert.Equal(["bookinfo/jwt/0", "bookinfo/jwt/1"], jwt.Providers.Keys.Order(StringComparer.Ordinal));

        var accounts = jwt.Providers["bookinfo/jwt/0"];
        Assert.Equal("https://accounts.example.com", accounts.Issuer);
        Assert.Equal(["reviews", "mobile"], accounts.Audiences);
        Assert.Equal("https://keys.example.com:8443/jwks.json", accounts.RemoteJwks.HttpUri.Uri);
        Assert.Equal("jwks|keys.example.com|8443", accounts.RemoteJwks.HttpUri.Cluster);
        Assert.Equal(2, accounts.RemoteJwks.HttpUri.Timeout.Seconds);
        Assert.True(accounts.Forward);
        Assert.Equal("x-jwt", Assert.Single(accounts.FromHeaders).Name);
        Assert.Equal("Bearer ", accounts.FromHeaders[0].ValuePrefix);
        Assert.Equal(["token"], accounts.FromParams);
        Assert.Equal(["session"], accounts.FromCookies);
        Assert.Equal("x-jwt-payload", accounts.ForwardPayloadHeader);
        Assert.Equal("payload", accounts.PayloadInMetadata);
        Assert.Equal(("x-user", "sub"), (accounts.ClaimToHeaders[0].HeaderName, accounts.ClaimToHeaders[0].ClaimName));

        var partner = jwt.Providers["bookinfo/jwt/1"];
        Assert.Equal("""{"keys":[]}""", partner.LocalJwks.InlineString);
        Assert.Null(partner.RemoteJwks);

        var rule = Assert.Single(jwt.Rules);
        Assert.Equal("/", rule.Match.Prefix);
        var any = rule.Requires.RequiresAny.Requirements;
        Assert.Equal(["bookinfo/jwt/0", "bookinfo/jwt/1", ""], any.Select(r => r.ProviderName));
        Assert.NotNull(any[2].AllowMissing);

        // The JWKS host is reached through a STRICT_DNS cluster with TLS.
        var cluster = Single<Cluster>(result.Snapshot!, XdsResourceType.Cluster, "jwks|keys.example.com|8443");
        Assert.Equal(Cluster.Types.DiscoveryType.StrictDns, cluster.Type);
        Assert.Equal("envoy.transport_sockets.tls", cluster.TransportSocket.Name);
    }

    [Fact]
    public void RequestPrincipals_AreIssuerAndSubjectClaims_OfTheIssuersTheWorkloadVerifies()
    {
        var config = Bookinfo() with
        {
            RequestAuthentications = [Authentication(Accounts, Partner)],
            AccessPolicies =
            [
                new AccessPolicy
                {
                    Name = "p",
                    Namespace = "bookinfo",
                    Target = new PolicyTarget { Service = Reviews },
                    Action = AccessAction.Allow,
                    Rules = [new AccessRule { From = new AccessSource { RequestPrincipals = ["https://accounts.example.com/alice", "https://accounts.example.com/*", "*@example.com", "other.example/*"] } }],
                },
            ],
        };
        var (hcm, _) = Inbound(config);
        var rbac = hcm.HttpFilters.Single(f => f.Name == "envoy.filters.http.rbac").TypedConfig.Unpack<RbacFilter.RBAC>().Rules;
        var alternatives = Assert.Single(rbac.Policies["bookinfo/p/0"].Principals).OrIds.Ids;

        // ISSUER/SUBJECT exact: iss and sub exact.
        var alice = alternatives[0].AndIds.Ids;
        AssertClaim(alice[0], "iss", exact: "https://accounts.example.com");
        AssertClaim(alice[1], "sub", exact: "alice");
        // ISSUER/*: the issuer, any subject.
        var anyone = alternatives[1].AndIds.Ids;
        AssertClaim(anyone[0], "iss", exact: "https://accounts.example.com");
        Assert.True(anyone[1].Metadata.Value.PresentMatch);
        // *SUFFIX (no '/'): a subject suffix, for each issuer.
        var suffixed = alternatives[2].OrIds.Ids;
        Assert.Equal(2, suffixed.Count);
        Assert.Equal("@example.com", suffixed[0].AndIds.Ids[1].Metadata.Value.StringMatch.Suffix);
        AssertClaim(suffixed[1].AndIds.Ids[0], "iss", exact: "partner.example");
        // An issuer the workload does not verify carries no principal: nothing matches.
        Assert.True(alternatives[3].NotId.Any);
    }

    [Fact]
    public void TokenConditions_AreClaimsAsStringsOrLists_AndNegatedValuesANotId()
    {
        var config = Bookinfo() with
        {
            RequestAuthentications = [Authentication(Accounts)],
            AccessPolicies =
            [
                new AccessPolicy
                {
                    Name = "p",
                    Namespace = "bookinfo",
                    Target = new PolicyTarget { Service = Reviews },
                    Action = AccessAction.Deny,
                    Rules =
                    [
                        new AccessRule
                        {
                            When =
                            [
                                new AccessCondition { Key = AccessConditionKey.Claim("realm", "role"), Values = ["admin*"] },
                                new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RequestAudiences), NotValues = ["reviews"] },
                                new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RequestPresenter), Values = ["*"] },
                            ],
                        },
                    ],
                },
            ],
        };
        var (hcm, _) = Inbound(config);
        var rbac = hcm.HttpFilters.Single(f => f.Name == "envoy.filters.http.rbac").TypedConfig.Unpack<RbacFilter.RBAC>().Rules;
        var parts = Assert.Single(rbac.Policies["bookinfo/p/0"].Principals).AndIds.Ids;
        var role = parts[0].OrIds.Ids[0].OrIds.Ids;
        Assert.Equal(["payload", "realm", "role"], role[0].Metadata.Path.Select(p => p.Key));
        Assert.Equal("envoy.filters.http.jwt_authn", role[0].Metadata.Filter);
        Assert.Equal("admin", role[0].Metadata.Value.StringMatch.Prefix);
        Assert.Equal("admin", role[1].Metadata.Value.ListMatch.OneOf.StringMatch.Prefix);
        var audiences = parts[1].NotId.OrIds.Ids[0].OrIds.Ids;
        Assert.Equal(["payload", "aud"], audiences[0].Metadata.Path.Select(p => p.Key));
        Assert.Equal("reviews", audiences[1].Metadata.Value.ListMatch.OneOf.StringMatch.Exact);
        var presenter = parts[2].OrIds.Ids[0];
        Assert.Equal(["payload", "azp"], presenter.Metadata.Path.Select(p => p.Key));
        Assert.True(presenter.Metadata.Value.PresentMatch);
    }

    [Fact]
    public void RequestAuthentication_OfAnotherWorkload_IsNotEncoded_AndARuleWithoutKeysIsReported()
    {
        var otherSubset = Authentication(Accounts) with { Target = new PolicyTarget { Service = Reviews, Subset = "v2" } };
        var (hcm, _) = Inbound(Bookinfo() with { RequestAuthentications = [otherSubset] });
        Assert.DoesNotContain(hcm.HttpFilters, f => f.Name == "envoy.filters.http.jwt_authn");

        var discovered = new JwtRule { Issuer = "https://login.example.org" };
        var (withoutKeys, result) = Inbound(Bookinfo() with { RequestAuthentications = [Authentication(discovered, Partner)] });
        var jwt = withoutKeys.HttpFilters[0].TypedConfig.Unpack<JwtAuthentication>();
        Assert.Equal(["bookinfo/jwt/1"], jwt.Providers.Keys);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.requestAuthentications[0].jwtRules[0]");
        Assert.Contains("tokens of this issuer are rejected", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GatewayRequestAuthentication_IsOnEveryConnectionManagerOfTheGateway_AndNoPartOfASidecar()
    {
        var ingress = XdsProxy.Gateway("ingress-1", "edge", "public", new EquatableMap<string>(new Dictionary<string, string> { ["istio"] = "ingressgateway" }));
        var config = GatewayTests.WithGateway() with
        {
            RequestAuthentications = [new RequestAuthentication { Name = "edge-jwt", Namespace = "edge", Gateway = "public", JwtRules = [Accounts] }],
        };
        var result = new XdsEncoder().Build(config, SampleEndpoints(), ingress);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var managers = result.Snapshot![XdsResourceType.Listener]
            .Select(r => Listener.Parser.ParseFrom(r.Payload.Span))
            .SelectMany(l => l.FilterChains)
            .Select(c => c.Filters[0])
            .Where(f => f.Name == "envoy.filters.network.http_connection_manager")
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>())
            .ToList();
        Assert.NotEmpty(managers);
        Assert.All(managers, hcm => Assert.Equal("envoy.filters.http.jwt_authn", hcm.HttpFilters[0].Name));
        Assert.True(result.Snapshot![XdsResourceType.Cluster].TryGet("jwks|keys.example.com|8443", out _));

        // For a sidecar of the namespace, the gateway's policy is not part of its configuration, and not reported.
        var sidecar = new XdsEncoder().Build(config, SampleEndpoints(), XdsProxy.Sidecar("web", "edge"));
        Assert.DoesNotContain(sidecar.Diagnostics, d => d.Path.StartsWith("$.spec.requestAuthentications", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonRendering_NamesTheJwtFilterAndMetadataMatchers()
    {
        var config = Bookinfo() with
        {
            RequestAuthentications = [Authentication(Accounts)],
            AccessPolicies = [new AccessPolicy { Name = "p", Namespace = "bookinfo", Target = new PolicyTarget { Service = Reviews }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { RequestPrincipals = ["https://accounts.example.com/*"] } }] }],
        };
        var result = new XdsEncoder().Build(config, SampleEndpoints(), ReviewsV1);
        var json = XdsJson.Render(result.Snapshot!);
        foreach (var name in (string[])["\"providers\"", "\"remote_jwks\"", "\"http_uri\"", "\"from_headers\"", "\"value_prefix\"", "\"claim_to_headers\"", "\"payload_in_metadata\"", "\"requires_any\"", "\"allow_missing\"", "\"metadata\"", "\"present_match\"", "\"filter\": \"envoy.filters.http.jwt_authn\""])
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }
    }

    private static void AssertClaim(RbacConfig.Principal principal, string claim, string exact)
    {
        Assert.Equal(["payload", claim], principal.Metadata.Path.Select(p => p.Key));
        Assert.Equal(exact, principal.Metadata.Value.StringMatch.Exact);
    }
}
