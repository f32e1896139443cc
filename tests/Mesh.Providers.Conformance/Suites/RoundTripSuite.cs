using Mesh.Providers.Conformance.Support;
using CsCheck;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Testing;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>For generated valid models within the provider's capabilities, <c>Import(Translate(m)) == m.Normalize()</c>, through typed objects and through YAML text.</summary>
public abstract class RoundTripSuite : ConformanceSuite
{
    /// <summary>Generated valid models that use only what the provider expresses exactly.</summary>
    protected abstract Gen<MeshConfig> ModelsWithinCapabilities { get; }

    /// <summary>The number of generated cases per property.</summary>
    /// <value>Defaults to 300.</value>
    protected virtual long Iterations => Soak.Scale(300);

    /// <summary>The property through typed resources.</summary>
    [Fact]
    public void ImportOfTranslate_IsTheNormalForm_Typed() =>
        ModelsWithinCapabilities.Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.False(translated.HasErrors, string.Join("\n", translated.Diagnostics));
            var back = Translator.Import(translated.Resources);
            Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
            AssertSame(model.Normalize(), back.Config!);
        }, iter: Iterations);

    /// <summary>The property through the YAML text <c>kubectl apply</c> would get.</summary>
    [Fact]
    public void ImportOfTranslate_IsTheNormalForm_Yaml() =>
        ModelsWithinCapabilities.Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.False(translated.HasErrors, string.Join("\n", translated.Diagnostics));
            var yaml = Translator.WriteYaml(translated.Resources);
            var back = Translator.ImportYaml(yaml, "roundtrip.yaml");
            Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= Mesh.Diagnostics.DiagnosticSeverity.Warning);
            AssertSame(model.Normalize(), back.Config!);
        }, iter: Iterations);

    /// <summary>
    /// Writers on any generated valid model, beyond the provider's capabilities too, with free text (giant strings, Unicode,
    /// control characters, YAML indicators) in header values (<see cref="MeshGenerators.WithFreeText"/>): translating and
    /// writing never throw, and what is written imports again without an error, as typed objects and as YAML text.
    /// </summary>
    [Fact]
    public void AnyModel_WithFreeText_IsWrittenAsYamlThatImportsWithoutErrors() =>
        MeshGenerators.WithFreeText(MeshGenerators.Config).Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.False(translated.HasErrors, string.Join("\n", translated.Diagnostics.Where(d => d.IsError)));
            var typed = Translator.Import(translated.Resources);
            Assert.False(typed.HasErrors, "typed: " + string.Join("\n", typed.Diagnostics.Where(d => d.IsError)));
            var yaml = Translator.WriteYaml(translated.Resources);
            var back = Translator.ImportYaml(yaml, "written.yaml");
            Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics.Where(d => d.IsError)));
            Assert.Equal(typed.Config, back.Config);
        }, iter: Iterations / 6);

    /// <summary>Every object written is labelled as Mesh SDK's (<c>app.kubernetes.io/managed-by: mesh-sdk</c>), and reading it back does not report that label.</summary>
    [Fact]
    public void EveryWrittenObject_IsLabelledManagedByMeshSdk() =>
        ModelsWithinCapabilities.Sample(model =>
        {
            var translated = Translator.Translate(model);
            var documents = Translator.WriteYaml(translated.Resources).Split("\n---\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(translated.Resources.Count, documents.Length);
            Assert.All(documents, d => Assert.Contains("\n    app.kubernetes.io/managed-by: mesh-sdk\n", d, StringComparison.Ordinal));
            var back = Translator.Import(translated.Resources);
            Assert.DoesNotContain(back.Diagnostics, d => d.Message.Contains("app.kubernetes.io/managed-by", StringComparison.Ordinal));
        }, iter: Iterations / 10);

    /// <summary>
    /// Every object written names the model objects it came from (<c>mesh-sdk.io/source</c>), each one an object of the model,
    /// for models within the provider's capabilities and for any valid model (what the provider cannot express is reported,
    /// what it writes still names its source); reading the objects back does not report the annotation.
    /// </summary>
    [Fact]
    public void EveryWrittenObject_NamesTheModelObjectsItCameFrom() =>
        Gen.OneOf(ModelsWithinCapabilities, MeshGenerators.Config).Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.False(translated.HasErrors, string.Join("\n", translated.Diagnostics));
            var names = ModelObjectNames.All(model).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var resource in translated.Resources)
            {
                var sources = Ownership.SourcesOf(resource);
                var meta = ((k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>)resource).Metadata;
                var what = $"{resource.GetType().Name} {meta.NamespaceProperty}/{meta.Name}";
                Assert.True(sources.Count > 0, $"{what} names no model object it came from.");
                Assert.All(sources, s => Assert.True(names.Contains(s), $"{what} names {s}, which is not an object of the model: {string.Join(", ", names)}"));
            }
            var back = Translator.Import(translated.Resources);
            Assert.DoesNotContain(back.Diagnostics, d => d.Path.Contains(Ownership.SourceAnnotation, StringComparison.Ordinal)
                || (d.Path.EndsWith("$.metadata.annotations", StringComparison.Ordinal) && d.Message.Contains("metadata other than name and namespace", StringComparison.Ordinal)));
        }, iter: Iterations / 3);

    /// <summary>Same model, same bytes.</summary>
    [Fact]
    public void Translate_IsDeterministic() =>
        ModelsWithinCapabilities.Sample(model =>
        {
            var first = Translator.WriteYaml(Translator.Translate(model).Resources);
            var second = Translator.WriteYaml(Translator.Translate(model with { }).Resources);
            Assert.Equal(first, second);
        }, iter: Iterations / 3);

    private static void AssertSame(MeshConfig expected, MeshConfig actual)
    {
        if (expected == actual) return;
        var parts = new (string Name, object A, object B)[]
        {
            ("services", expected.Services, actual.Services),
            ("routes", expected.Routes, actual.Routes),
            ("tcpRoutes", expected.TcpRoutes, actual.TcpRoutes),
            ("destinationPolicies", expected.DestinationPolicies, actual.DestinationPolicies),
            ("mtls", expected.Mtls, actual.Mtls),
            ("accessPolicies", expected.AccessPolicies, actual.AccessPolicies),
            ("requestAuthentications", expected.RequestAuthentications, actual.RequestAuthentications),
            ("externalServices", expected.ExternalServices, actual.ExternalServices),
            ("outbound", expected.Outbound, actual.Outbound),
            ("telemetry", expected.Telemetry, actual.Telemetry),
            ("gateways", expected.Gateways, actual.Gateways),
            ("gatewayRoutes", expected.GatewayRoutes, actual.GatewayRoutes),
            ("gatewayTlsRoutes", expected.GatewayTlsRoutes, actual.GatewayTlsRoutes),
            ("gatewayTcpRoutes", expected.GatewayTcpRoutes, actual.GatewayTcpRoutes),
            ("name", expected.Name, actual.Name),
        };
        var differing = parts.Where(p => !Equals(p.A, p.B)).Select(p => $"{p.Name}:\n  expected {p.A}\n  actual   {p.B}");
        Assert.Fail("Round trip changed the model:\n" + string.Join("\n", differing));
    }
}
