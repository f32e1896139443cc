namespace Mesh.Testing;

/// <summary>Shared test helpers live here.</summary>
public static class TestPaths
{
    /// <summary>The repository root, found by walking up to <c>Mesh.Sdk.sln</c>.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mesh.Sdk.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Mesh.Sdk.sln not found above the test binaries.");
        }
    }
}
