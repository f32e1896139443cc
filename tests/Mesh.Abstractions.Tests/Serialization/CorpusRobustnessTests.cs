using Mesh.Diagnostics;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>
/// Real-world manifests (upstream CRDs and examples in ../shared/conformance) are not mesh documents, but reading
/// them must never throw: each gives diagnostics with a location, or a model.
/// </summary>
public class CorpusRobustnessTests
{
    private static string? CorpusRoot()
    {
        try
        {
            var root = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "conformance"));
            return Directory.Exists(root) ? root : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [Fact]
    public void EveryCorpusFile_ReadsWithoutThrowing_AndEveryDiagnosticIsLocated()
    {
        var root = CorpusRoot();
        if (root is null) Assert.Skip("The conformance corpus (../shared/conformance next to the repository) is not present.");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(root, file);
            using var stream = File.OpenRead(file);
            var result = MeshYaml.Read(stream, name);
            Assert.Equal(result.HasErrors, result.Config is null);
            Assert.All(result.Diagnostics, d => Assert.Equal(name, d.Location?.File));
            // None of these is a mesh document: even App Mesh's and Consul's own "kind: Mesh" carry apiVersion, an unknown key here.
            Assert.True(result.HasErrors, name);
        }
    }

    [Fact]
    public void ConsulMeshResource_IsRejected_ForItsApiVersionAndSpec()
    {
        var root = CorpusRoot();
        if (root is null) Assert.Skip("The conformance corpus (../shared/conformance next to the repository) is not present.");
        var file = Path.Combine(root, "examples", "consul", "k8s-mesh-allow-permissive-mtls.yaml");
        if (!File.Exists(file)) Assert.Skip("The Consul Mesh example is not in the corpus.");
        var text = File.ReadAllText(file);
        var result = MeshYaml.Read(text, "consul.yaml");
        var lines = text.Split('\n');
        var apiVersionLine = Array.FindIndex(lines, l => l.StartsWith("apiVersion:", StringComparison.Ordinal)) + 1;
        var specKeyLine = Array.FindIndex(lines, l => l.StartsWith("  allowEnablingPermissiveMutualTLS:", StringComparison.Ordinal)) + 1;
        Assert.Equal(
            [
                (DiagnosticCodes.UnknownKey, "$.spec.allowEnablingPermissiveMutualTLS", new SourceLocation("consul.yaml", specKeyLine, 3)),
                (DiagnosticCodes.UnknownKey, "$.apiVersion", new SourceLocation("consul.yaml", apiVersionLine, 1)),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Path, d.Location!)));
    }
}
