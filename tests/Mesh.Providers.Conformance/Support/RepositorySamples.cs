using Mesh.Model;
using Xunit;

namespace Mesh.Providers.Conformance.Support;

/// <summary>The repository's <c>samples/*.mesh.yaml</c> (the models the README translates), read with the model's YAML reader.</summary>
public static class RepositorySamples
{
    /// <summary>Every <c>samples/*.mesh.yaml</c>, in file-name order; none when the binaries are not inside a checkout.</summary>
    public static IEnumerable<MeshConfig> MeshYaml()
    {
        var folder = ConformancePaths.RepoRoot is { } root ? Path.Combine(root, "samples") : null;
        if (folder is null || !Directory.Exists(folder)) yield break;
        foreach (var file in Directory.GetFiles(folder, "*.mesh.yaml").Order(StringComparer.Ordinal))
        {
            var read = Mesh.Serialization.MeshYaml.Read(File.ReadAllText(file), Path.GetFileName(file));
            Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
            yield return read.Config!;
        }
    }
}
