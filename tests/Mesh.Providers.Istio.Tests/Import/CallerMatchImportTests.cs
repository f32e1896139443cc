using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>An <c>HTTPMatchRequest</c>'s <c>sourceLabels</c>, <c>sourceNamespace</c> and <c>port</c>: imported as the match's caller and port conditions, written back the same.</summary>
public sealed class CallerMatchImportTests
{
    private static readonly IstioTranslator Translator = new();
    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    private const string Service = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - match:
            - sourceLabels:
                app: productpage
                version: v1
              sourceNamespace: shop
              port: 9080
              headers:
                end-user:
                  exact: jason
            route:
            - destination:
                host: reviews
                port:
                  number: 9080
          - route:
            - destination:
                host: reviews
                port:
                  number: 9080
        """;

    [Fact]
    public void Import_CallerAndPortConditions_BecomeConditionsOfTheMatch()
    {
        var result = Translator.ImportYaml(Service, "vs.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var config = result.Config!;
        Assert.DoesNotContain(MeshValidator.Validate(config), d => d.IsError);
        var match = Assert.Single(config.Routes.Single().Rules[0].Matches);
        Assert.Equal(new EquatableMap<string>(new Dictionary<string, string> { ["app"] = "productpage", ["version"] = "v1" }), match.SourceLabels);
        Assert.Equal("shop", match.SourceNamespace);
        Assert.Equal(9080, match.Port);
        Assert.Equal([9080], config.FindService(Reviews)!.Ports.Select(p => p.Port));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);
    }

    [Fact]
    public void Export_OfTheImport_WritesTheSameConditions()
    {
        var imported = Translator.ImportYaml(Service, "vs.yaml").Config!;
        var translated = Translator.Translate(imported);
        Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var yaml = Translator.WriteYaml(translated.Resources);
        Assert.Contains("sourceNamespace: shop", yaml, StringComparison.Ordinal);
        Assert.Contains("sourceLabels:", yaml, StringComparison.Ordinal);
        Assert.Equal(imported.Normalize(), Translator.ImportYaml(yaml, "back.yaml").Config);
    }
}
