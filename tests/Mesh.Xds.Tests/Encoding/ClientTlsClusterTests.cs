using Envoy.Config.Cluster.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>A destination policy's client TLS and per-port settings on the clusters they govern, decoded with the oracle types.</summary>
public sealed class ClientTlsClusterTests
{
    private const string Ratings = "outbound|9080||ratings.bookinfo.svc.cluster.local";

    private static MeshConfig WithPolicy(DestinationPolicy policy, bool strictMtls = false)
    {
        var config = Bookinfo(strictMtls);
        return config with { DestinationPolicies = [.. config.DestinationPolicies, policy] };
    }

    private static DestinationPolicy RatingsTls(ClientTls tls, int? port = null) =>
        new() { Target = new PolicyTarget { Service = new ServiceRef("ratings", "bookinfo"), Port = port }, Tls = tls };

    private static UpstreamTlsContext Tls(Cluster cluster)
    {
        Assert.Equal("envoy.transport_sockets.tls", cluster.TransportSocket.Name);
        return cluster.TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>();
    }

    [Fact]
    public void Simple_VerifiesWithTheCaFile_AndTheNames_AndSendsTheSni()
    {
        var tls = Tls(Single<Cluster>(Build(WithPolicy(RatingsTls(new ClientTls
        {
            Sni = "ratings.example.com",
            CaCertificates = "/etc/certs/ca.pem",
            SubjectAltNames = ["ratings.example.com", "spiffe://example.com/ns/bookinfo/sa/ratings"],
        }))), XdsResourceType.Cluster, Ratings));
        Assert.Equal("ratings.example.com", tls.Sni);
        Assert.Empty(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs);
        Assert.Empty(tls.CommonTlsContext.AlpnProtocols);
        var validation = tls.CommonTlsContext.ValidationContext;
        Assert.Equal("/etc/certs/ca.pem", validation.TrustedCa.Filename);
        Assert.Equal(
            [(SubjectAltNameMatcher.Types.SanType.Dns, "ratings.example.com"), (SubjectAltNameMatcher.Types.SanType.Uri, "spiffe://example.com/ns/bookinfo/sa/ratings")],
            validation.MatchTypedSubjectAltNames.Select(m => (m.SanType, m.Matcher.Exact)));
    }

    [Fact]
    public void Simple_WithoutCa_VerifiesWithTheSystemRoots()
    {
        var result = new XdsEncoder(new XdsEncoderOptions { SystemCaFile = "/etc/pki/tls/certs/ca-bundle.crt" }).Build(WithPolicy(RatingsTls(new ClientTls())), SampleEndpoints(), Sidecar);
        Assert.False(result.HasErrors);
        var tls = Tls(Single<Cluster>(result.Snapshot!, XdsResourceType.Cluster, Ratings));
        Assert.Equal("/etc/pki/tls/certs/ca-bundle.crt", tls.CommonTlsContext.ValidationContext.TrustedCa.Filename);
        Assert.Equal("", tls.Sni);
    }

    [Fact]
    public void Mutual_SendsTheCredentialOverSds_AndVerifiesWithItsCaSecret()
    {
        var tls = Tls(Single<Cluster>(Build(WithPolicy(RatingsTls(new ClientTls { Mode = ClientTlsMode.Mutual, CredentialName = "ratings-client", SubjectAltNames = ["ratings.example.com"] }))), XdsResourceType.Cluster, Ratings));
        var certificate = Assert.Single(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs);
        Assert.Equal("ratings-client", certificate.Name);
        Assert.NotNull(certificate.SdsConfig.Ads);
        var combined = tls.CommonTlsContext.CombinedValidationContext;
        Assert.Equal("ratings-client-cacert", combined.ValidationContextSdsSecretConfig.Name);
        Assert.Equal("ratings.example.com", Assert.Single(combined.DefaultValidationContext.MatchTypedSubjectAltNames).Matcher.Exact);
        Assert.Null(tls.CommonTlsContext.ValidationContext);
    }

    [Fact]
    public void InsecureSkipVerify_HasNoValidationContext()
    {
        var tls = Tls(Single<Cluster>(Build(WithPolicy(RatingsTls(new ClientTls { InsecureSkipVerify = true, CredentialName = "c" }))), XdsResourceType.Cluster, Ratings));
        Assert.Null(tls.CommonTlsContext.ValidationContext);
        Assert.Null(tls.CommonTlsContext.CombinedValidationContext);
    }

    [Fact]
    public void Disable_TurnsTheMeshMtlsOffForTheDestination_AndMesh_TurnsItOn()
    {
        Assert.Null(Single<Cluster>(Build(WithPolicy(RatingsTls(new ClientTls { Mode = ClientTlsMode.Disable }), strictMtls: true)), XdsResourceType.Cluster, Ratings).TransportSocket);
        var tls = Tls(Single<Cluster>(Build(WithPolicy(RatingsTls(new ClientTls { Mode = ClientTlsMode.Mesh, SubjectAltNames = ["spiffe://cluster.local/ns/bookinfo/sa/ratings"] }))), XdsResourceType.Cluster, Ratings));
        Assert.Equal(["istio"], tls.CommonTlsContext.AlpnProtocols);
        Assert.Equal("outbound_.9080_._.ratings.bookinfo.svc.cluster.local", tls.Sni);
        Assert.Equal("ROOTCA", tls.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
        Assert.Equal("spiffe://cluster.local/ns/bookinfo/sa/ratings", Assert.Single(tls.CommonTlsContext.CombinedValidationContext.DefaultValidationContext.MatchTypedSubjectAltNames).Matcher.Exact);
    }

    [Fact]
    public void APortPolicy_GovernsThatPortsClusters_AndOverridesThePortlessPolicyPartByPart()
    {
        var config = Bookinfo(false);
        var ratings = new ServiceRef("ratings", "bookinfo");
        config = config with
        {
            DestinationPolicies =
            [
                .. config.DestinationPolicies,
                new DestinationPolicy { Target = new PolicyTarget { Service = ratings }, LoadBalancer = LoadBalancer.LeastRequest, OutlierDetection = new Model.OutlierDetection { Consecutive5xx = 7 } },
                new DestinationPolicy { Target = new PolicyTarget { Service = ratings, Port = 9080 }, LoadBalancer = LoadBalancer.Random },
                new DestinationPolicy { Target = new PolicyTarget { Service = ratings, Port = 9999 }, LoadBalancer = LoadBalancer.RoundRobin },
            ],
            Services = [.. config.Services.Select(s => s.Reference == ratings ? s with { Ports = [.. s.Ports, new ServicePort { Port = 9999, Protocol = Protocol.Http }] } : s)],
        };
        var snapshot = Build(config);
        var on9080 = Single<Cluster>(snapshot, XdsResourceType.Cluster, Ratings);
        Assert.Equal(Cluster.Types.LbPolicy.Random, on9080.LbPolicy);
        Assert.Equal(7u, on9080.OutlierDetection.Consecutive5Xx);
        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|9999||ratings.bookinfo.svc.cluster.local").LbPolicy);
    }
}
