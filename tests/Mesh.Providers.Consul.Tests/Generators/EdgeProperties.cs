using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.Consul.Tests.Conformance;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Generators;

/// <summary>The round trip of gateways within Consul's capabilities (<see cref="EdgeModels"/>), and the strict schema of what is written for them.</summary>
public sealed class EdgeProperties
{
    private static readonly ConsulTranslator Translator = new(new ConsulOptions { ServiceOutput = ServiceOutput.All });

    /// <summary>The number of generated models each property checks.</summary>
    internal const int Iterations = 300;

    [Fact]
    public void Gateways_WithinConsulsCapabilities_RoundTripExactly_ThroughYaml()
    {
        var checkedModels = 0;
        EdgeModels.Any.Sample(model =>
        {
            var result = Translator.Translate(model);
            // Nothing reported but the note on Consul's ingress (and, for a class other than the default, nothing more).
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Path.StartsWith("$.spec.gateway", StringComparison.Ordinal));
            var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "consul.yaml");
            Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
            var expected = EdgeModels.ToConsul(model).Normalize();
            Assert.Equal(expected.Gateways, back.Config!.Gateways);
            Assert.Equal(expected.GatewayRoutes, back.Config.GatewayRoutes);
            Assert.Equal(expected.GatewayTcpRoutes, back.Config.GatewayTcpRoutes);
            Interlocked.Increment(ref checkedModels);
        }, iter: Iterations);
        Assert.Equal(Iterations, checkedModels);
    }

    [Fact]
    public void Gateways_WithinConsulsCapabilities_ValidateStrictlyAgainstTheGatewayApiCrds()
    {
        var schemas = new CrdSchemaSet([.. ConsulCrds.GatewayApi.Select(ConformancePaths.Require)]);
        EdgeModels.Any.Sample(model =>
        {
            var written = YamlJson.Documents(Translator.WriteYaml(Translator.Translate(model).Resources))
                .Where(r => r["apiVersion"]!.GetValue<string>().StartsWith("gateway.networking.k8s.io/", StringComparison.Ordinal)).ToList();
            Assert.Contains(written, r => r["kind"]!.GetValue<string>() == "Gateway");
            Assert.Contains(written, r => r["kind"]!.GetValue<string>() == "ReferenceGrant");
            foreach (var resource in written)
            {
                Assert.True(schemas.Knows(resource), $"{resource["apiVersion"]} {resource["kind"]} is not served by the CRDs.");
                var problems = schemas.Validate(resource);
                Assert.True(problems.Count == 0, $"{resource["kind"]}/{resource["metadata"]?["name"]}: {string.Join("\n", problems)}");
            }
        }, iter: 100);
    }

    [Fact]
    public void AnyGeneratedModel_WritesGatewaysWhoseRoutesBindToListenersTheyCanUse_AndImportsValid()
    {
        // Every model feature: what Consul cannot express is left out and reported, never written into an invalid binding.
        // Enterprise: the generated models span namespaces, which Community Edition folds (reported, and invalid on import elsewhere).
        var enterprise = new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All, Edition = ConsulEdition.Enterprise });
        ConsulModels.Any.Sample(model =>
        {
            var result = enterprise.Translate(model);
            var back = enterprise.ImportYaml(enterprise.WriteYaml(result.Resources), "consul.yaml");
            Assert.DoesNotContain(back.Diagnostics, d => d.IsError && d.Path.StartsWith("$.spec.gateway", StringComparison.Ordinal));
            Assert.Empty(back.Config!.GatewayTlsRoutes);
            Assert.All(back.Config.Gateways.SelectMany(g => g.Listeners), l => Assert.True(l.Protocol != ListenerProtocol.Tls && l.Tls?.Mode is null or GatewayTlsMode.Terminate && !l.HttpsRedirect));
            Assert.All(back.Config.GatewayTcpRoutes, r => Assert.Single(r.Backends));
        }, iter: 200);
    }
}
