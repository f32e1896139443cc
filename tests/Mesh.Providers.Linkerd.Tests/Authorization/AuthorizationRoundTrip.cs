using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Tests.Generators;

namespace Mesh.Providers.Linkerd.Tests.Authorization;

/// <summary>Access policies within Linkerd's capabilities survive translate → YAML → import unchanged (300 cases).</summary>
public sealed class AuthorizationRoundTrip
{
    private static readonly LinkerdTranslator Translator = new();

    [Fact]
    public void AccessPolicies_WithinCapabilities_RoundTripThroughYaml() =>
        AuthorizationModels.Config.Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model, back.Config);
        }, iter: 300);

    [Fact]
    public void AccessPolicies_TranslateDeterministically() =>
        AuthorizationModels.Config.Sample(model =>
            Assert.Equal(Translator.WriteYaml(Translator.Translate(model).Resources), Translator.WriteYaml(Translator.Translate(model).Resources)), iter: 100);
}
