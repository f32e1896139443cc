using Mesh.Builders;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using IstioRequestAuthentication = Mesh.Providers.Istio.Resources.RequestAuthentication;

namespace Mesh.Providers.Istio.Tests.Export;

/// <summary>Request authentication ↔ RequestAuthentication: selectors of services and gateways, every JWT rule field, and what is reported on import.</summary>
public sealed class RequestAuthenticationTests
{
    private static readonly IstioTranslator Translator = new();

    private static MeshBuilder Base() => MeshBuilder.Create("t")
        .Service("reviews.bookinfo", s => s.Port(9080, Protocol.Http))
        .Gateway("public", "bookinfo", g => g.Workloads(new Dictionary<string, string> { ["istio"] = "ingressgateway" }).Http("http", 80));

    [Fact]
    public void EveryRuleField_IsWritten_AndReadBack()
    {
        var config = Base()
            .RequestAuthentication("reviews-jwt", "bookinfo", a => a.ForService("reviews")
                .Issuer("https://accounts.example.com", j => j.JwksUri("https://accounts.example.com/keys", TimeSpan.FromSeconds(3)).Audiences("reviews")
                    .FromHeader("x-jwt", "Bearer ").FromParam("token").FromCookie("session").ForwardOriginalToken().ClaimToHeader("sub", "x-user").PayloadToHeader("x-jwt-payload"))
                .Issuer("partner.example", j => j.Jwks("""{"keys":[]}""")))
            .RequestAuthentication("edge-jwt", "bookinfo", a => a.ForGateway("public").Issuer("https://accounts.example.com"))
            .Build();
        var result = Translator.Translate(config);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var written = result.Resources.OfType<IstioRequestAuthentication>().ToDictionary(r => r.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews" }, written["reviews-jwt"].Spec.Selector!.MatchLabels);
        Assert.Equal(new Dictionary<string, string> { ["istio"] = "ingressgateway" }, written["edge-jwt"].Spec.Selector!.MatchLabels);
        var rule = written["reviews-jwt"].Spec.JwtRules![0];
        Assert.Equal(("https://accounts.example.com", "https://accounts.example.com/keys", "3s"), (rule.Issuer, rule.JwksUri, rule.Timeout));
        Assert.Equal(["reviews"], rule.Audiences);
        Assert.Equal(("x-jwt", "Bearer "), (rule.FromHeaders![0].Name, rule.FromHeaders[0].Prefix));
        Assert.Equal(["token"], rule.FromParams);
        Assert.Equal(["session"], rule.FromCookies);
        Assert.True(rule.ForwardOriginalToken);
        Assert.Equal(("x-user", "sub"), (rule.OutputClaimToHeaders![0].Header, rule.OutputClaimToHeaders[0].Claim));
        Assert.Equal("x-jwt-payload", rule.OutputPayloadToHeader);
        Assert.Equal("""{"keys":[]}""", written["reviews-jwt"].Spec.JwtRules![1].Jwks);

        var yaml = Translator.WriteYaml(result.Resources);
        var back = Translator.ImportYaml(yaml, "ra.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal(config.Normalize().RequestAuthentications, back.Config!.RequestAuthentications);
    }

    [Fact]
    public void AGatewayWithoutWorkloads_CannotBeSelected_AndIsReported()
    {
        var config = MeshBuilder.Create("t")
            .Gateway("public", "edge", g => g.ClassName("istio").Http("http", 80))
            .RequestAuthentication("edge-jwt", "edge", a => a.ForGateway("public").Issuer("https://accounts.example.com"))
            .Build();
        var result = Translator.Translate(config);
        Assert.Empty(result.Resources.OfType<IstioRequestAuthentication>());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.requestAuthentications[0].gateway");
    }

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: { name: reviews, namespace: bookinfo }
        spec:
          selector: { app: reviews }
          ports: [{ name: http, port: 9080 }]
        ---
        """;

    [Fact]
    public void Import_ReadsTheOlderJwksSpelling_AndReportsWhatTheModelLacks()
    {
        var yaml = Service + "\n" + """
            apiVersion: security.istio.io/v1beta1
            kind: RequestAuthentication
            metadata: { name: jwt, namespace: bookinfo }
            spec:
              selector: { matchLabels: { app: reviews } }
              jwtRules:
              - issuer: https://accounts.example.com
                jwks_uri: https://accounts.example.com/keys
                spaceDelimitedClaims: [scope]
              - issuer: https://both.example.com
                jwksUri: https://both.example.com/keys
                jwks: '{"keys":[]}'
              - issuer: https://accounts.example.com
                jwks: '{"keys":[]}'
              - jwksUri: https://no-issuer.example.com/keys
            """;
        var result = Translator.ImportYaml(yaml, "ra.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var read = Assert.Single(result.Config!.RequestAuthentications);
        Assert.Equal(new PolicyTarget { Service = new ServiceRef("reviews", "bookinfo") }, read.Target);
        var rule = Assert.Single(read.JwtRules);
        Assert.Equal("https://accounts.example.com/keys", rule.JwksUri);
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("$.spec.jwtRules[0].spaceDelimitedClaims", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("$.spec.jwtRules[1]", StringComparison.Ordinal) && d.Message.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("$.spec.jwtRules[2].issuer", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("$.spec.jwtRules[3]", StringComparison.Ordinal) && d.Message.Contains("issuer", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_OfAPolicyAttachedByTargetRef_IsReported_NotApplied()
    {
        var yaml = """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: { name: jwt, namespace: edge }
            spec:
              targetRef: { group: gateway.networking.k8s.io, kind: Gateway, name: public }
              jwtRules: [{ issuer: https://accounts.example.com }]
            """;
        var result = Translator.ImportYaml(yaml, "ra.yaml");
        Assert.Empty(result.Config!.RequestAuthentications);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.EndsWith("$.spec.targetRef", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_OfAGatewaysWorkloads_NamesTheGateway()
    {
        var yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: { name: public, namespace: edge }
            spec:
              selector: { istio: ingressgateway }
              servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
            ---
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: { name: jwt, namespace: edge }
            spec:
              selector: { matchLabels: { istio: ingressgateway } }
              jwtRules: [{ issuer: https://accounts.example.com, jwksUri: https://accounts.example.com/keys }]
            """;
        var result = Translator.ImportYaml(yaml, "ra.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var read = Assert.Single(result.Config!.RequestAuthentications);
        Assert.Equal(("public", null), (read.Gateway, read.Target));
    }
}
