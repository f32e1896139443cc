using Mesh.Diagnostics;
using Mesh.Providers.Conformance.Support;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Tests.Conformance;

/// <summary>
/// Every file of the upstream Istio corpus imports into a model that validates: what the model cannot hold (a Unix socket
/// address, an unserved retry condition, …) is reported at its path and left out, never imported to fail validation
/// (MESH2209). (The corpus suite may take this assertion centrally later.)
/// </summary>
public sealed class CorpusModelTests
{
    private static readonly IstioTranslator Translator = new();

    public static TheoryData<string> Files()
    {
        var folder = ConformancePaths.Conformance is { } root ? Path.Combine(root, "examples", "istio") : null;
        if (folder is null || !Directory.Exists(folder)) return ["(corpus absent)"];
        return [.. Directory.GetFiles(folder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_ImportsIntoAValidModel(string file)
    {
        var path = Path.Combine(ConformancePaths.Require(Path.Combine("examples", "istio")), file);
        if (!File.Exists(path)) Assert.Skip($"{file} is not in the corpus.");

        var result = Translator.ImportYaml(File.ReadAllText(path), file);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.ImportedModelInvalid);
        Assert.NotNull(result.Config);
        var problems = MeshValidator.Validate(result.Config).Where(d => d.IsError).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void AUnixSocketAddressOfAServiceEntry_IsReportedAtItsPath_AndNotImported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: { name: local-socket, namespace: shop }
            spec:
              hosts: [local.example]
              addresses: [10.0.0.7, "unix:///var/run/x.sock"]
              ports: [{ number: 80, name: http, protocol: HTTP }]
              resolution: NONE
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: { name: static-socket, namespace: shop }
            spec:
              hosts: [static.example]
              ports: [{ number: 80, name: http, protocol: HTTP }]
              resolution: STATIC
              endpoints: [{ address: 192.0.2.1 }, { address: "unix:///var/run/y.sock" }]
            """, "se.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["10.0.0.7"], result.Config!.ExternalServices.Single(e => e.Name == "local-socket").Addresses);
        Assert.Equal(["192.0.2.1"], result.Config.ExternalServices.Single(e => e.Name == "static-socket").Addresses);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "se.yaml#0 $.spec.addresses[1]" && d.Message.Contains("Unix domain socket", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "se.yaml#1 $.spec.endpoints[1].address");
    }
}
