using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Kubernetes.Tests.Translation;

/// <summary>The translator shell and the typed import a provider gets from the kit, through a one-kind test provider.</summary>
public sealed class KubernetesTranslatorTests
{
    private readonly TestTranslator _translator = new(new TestOptions { DefaultNamespace = "apps" });

    private ImportResult Import(string yaml) => _translator.ImportYaml(yaml, "in.yaml");

    [Fact]
    public void AKnownKind_IsTyped_AndTakesTheDefaultNamespace()
    {
        var result = Import("apiVersion: test.mesh/v1\nkind: Widget\nmetadata: { name: w }\nspec: { size: 2 }\n");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var service = Assert.Single(result.Config!.Services);
        Assert.Equal(("w", "apps"), (service.Name, service.Namespace));
    }

    [Fact]
    public void AFieldTheClassDoesNotHold_IsReportedAtItsPath_WithItsPosition()
    {
        var result = Import("apiVersion: test.mesh/v1\nkind: Widget\nmetadata: { name: w }\nspec:\n  size: 2\n  colour: red\n");
        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);
        Assert.Equal(("in.yaml#0 $.spec.colour", DiagnosticSeverity.Warning, 6), (d.Path, d.Severity, d.Location!.Line));
        Assert.Equal(TestTranslator.Name, d.Provider);
    }

    [Fact]
    public void AV1List_IsReadAsItsItems_WithDiagnosticsInsideTheList()
    {
        var result = Import("apiVersion: v1\nkind: List\nmetadata: { resourceVersion: \"\" }\nitems:\n- apiVersion: test.mesh/v1\n  kind: Widget\n  metadata: { name: a }\n  spec: { size: 1 }\n- apiVersion: test.mesh/v1\n  kind: Widget\n  metadata: { name: b }\n  spec:\n    size: 2\n    colour: red\n- apiVersion: test.mesh/v1\n  kind: Gadget\n  metadata: { name: c }\n");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["a", "b"], result.Config!.Services.Select(s => s.Name));
        var colour = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);
        Assert.Equal(("in.yaml#0 $.items[1].spec.colour", 14), (colour.Path, colour.Location!.Line));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Path == "in.yaml#0 $.items[2].kind");
    }

    [Fact]
    public void AnOutOfScopeField_IsReportedAsSuch()
    {
        var result = Import("apiVersion: test.mesh/v1\nkind: Widget\nmetadata: { name: w }\nspec: { size: 2, gateways: [g] }\n");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Path == "in.yaml#0 $.spec.gateways" && d.Message == "gateways are out of scope");
    }

    [Fact]
    public void AWrongType_IsAnInvalidResource_AndNoModel()
    {
        var result = Import("apiVersion: test.mesh/v1\nkind: Widget\nmetadata: { name: w }\nspec: { size: big }\n");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidResource && d.Path == "in.yaml#0 $.spec.size");
        Assert.Null(result.Config);
    }

    [Fact]
    public void VersionsAndKinds_AreTold_Apart()
    {
        var older = Import("apiVersion: test.mesh/v1beta1\nkind: Widget\nmetadata: { name: w }\n");
        Assert.Contains(older.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "in.yaml#0 $.apiVersion");
        Assert.False(older.HasErrors);

        var unserved = Import("apiVersion: test.mesh/v2\nkind: Widget\nmetadata: { name: w }\n");
        Assert.Contains(unserved.Diagnostics, d => d.Code == DiagnosticCodes.InvalidResource && d.Path == "in.yaml#0 $.apiVersion" && d.Message.Contains("test.mesh/v1", StringComparison.Ordinal));

        var outOfScope = Import("apiVersion: test.mesh/v1\nkind: Gadget\nmetadata: { name: g }\n");
        Assert.Contains(outOfScope.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Message.Contains("gadgets", StringComparison.Ordinal));

        var unknown = Import("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\n");
        Assert.Contains(unknown.Diagnostics, d => d.Code == DiagnosticCodes.UnknownResourceKind && d.Message.Contains("a test resource", StringComparison.Ordinal));
    }

    [Fact]
    public void ANamelessResource_IsInvalid()
    {
        var result = Import("apiVersion: test.mesh/v1\nkind: Widget\nmetadata: { namespace: x }\n");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidResource && d.Path == "in.yaml#0 $.metadata.name");
        Assert.Null(result.Config);
    }

    [Fact]
    public void ACoreService_IsRead_WithItsPortsAndSelector_AndOtherSpecFieldsReported()
    {
        var result = Import("""
            apiVersion: v1
            kind: Service
            metadata: { name: reviews, namespace: bookinfo, labels: { app: reviews } }
            spec:
              selector: { app: reviews }
              clusterIP: 10.0.0.1
              ports:
              - { name: http, port: 9080, targetPort: http-web, appProtocol: http }
              - { name: grpc, port: 9090, targetPort: 50051 }
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.spec.clusterIP" && d.Code == DiagnosticCodes.FieldNotImported);
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.metadata.labels" && d.Severity == DiagnosticSeverity.Info);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("ports", StringComparison.Ordinal) || d.Path.Contains("selector", StringComparison.Ordinal));
    }

    [Fact]
    public void ACoreService_IsWrittenAsKubectlTakesIt()
    {
        var service = new CoreService
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "reviews", NamespaceProperty = "bookinfo" },
            Spec = new CoreServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = "reviews" },
                Ports = [new CoreServicePort { Name = "http", Port = 9080, TargetPort = "http-web", AppProtocol = "http" }, new CoreServicePort { Port = 9090, TargetPort = 50051 }],
            },
        };
        var yaml = _translator.WriteYaml([service]);
        Assert.Equal("""
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              namespace: bookinfo
            spec:
              ports:
              - name: http
                port: 9080
                targetPort: http-web
                appProtocol: http
              - port: 9090
                targetPort: 50051
              selector:
                app: reviews

            """.ReplaceLineEndings("\n"), yaml);
        var back = Import(yaml);
        Assert.DoesNotContain(back.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Translate_AppliesStrict_AndTagsDiagnosticsWithTheProvider()
    {
        var model = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "a", Namespace = "n", Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } }] }],
        };
        var lenient = _translator.Translate(model);
        Assert.Single(lenient.Resources);
        Assert.Equal((TestTranslator.Name, DiagnosticCodes.Unsupported, DiagnosticSeverity.Warning), (lenient.Diagnostics[0].Provider!.Value, lenient.Diagnostics[0].Code, lenient.Diagnostics[0].Severity));
        var strict = _translator.Translate(model, new TranslationOptions { Strict = true });
        Assert.Empty(strict.Resources);
        Assert.True(strict.HasErrors);
    }

    [Fact]
    public void TypedObjects_AreImported_NamedByKindNamespaceAndName()
    {
        var result = _translator.Import([new Widget { Metadata = new k8s.Models.V1ObjectMeta { Name = "w" } }, "not a resource"]);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownResourceKind && d.Path == "String $");
        Assert.Equal("apps", Assert.Single(result.Config!.Services).Namespace);
    }
}
