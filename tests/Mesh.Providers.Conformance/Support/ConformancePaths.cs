using Xunit;

namespace Mesh.Providers.Conformance.Support;

/// <summary>Finds the repository root (the folder holding <c>Mesh.Sdk.sln</c>) and the shared conformance corpus beside it.</summary>
public static class ConformancePaths
{
    /// <summary>The repository root, or null when the binaries are not inside a checkout.</summary>
    public static string? RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mesh.Sdk.sln"))) dir = dir.Parent;
            return dir?.FullName;
        }
    }

    /// <summary><c>../shared/conformance</c> relative to the repository root, or null when it is absent.</summary>
    public static string? Conformance
    {
        get
        {
            if (RepoRoot is not { } root) return null;
            var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>The conformance folder; skips the running test with a clear message when it is absent.</summary>
    public static string RequireConformance() =>
        Conformance ?? throw SkipException("../shared/conformance (upstream CRD schemas and example manifests) is not present next to the repository; conformance checks need it.");

    /// <summary>A file or folder under the conformance folder; skips when it is absent.</summary>
    /// <param name="relative">The path relative to <c>../shared/conformance</c>.</param>
    public static string Require(string relative)
    {
        var path = Path.Combine(RequireConformance(), relative);
        if (!File.Exists(path) && !Directory.Exists(path)) throw SkipException($"{relative} is not present in ../shared/conformance.");
        return path;
    }

    private static InvalidOperationException SkipException(string message)
    {
        Assert.Skip(message);
        return new InvalidOperationException(message);
    }
}
