using System.Xml.Linq;
using Mesh.Testing;

namespace Mesh.Kubernetes.Tests.Architecture;

/// <summary>
/// The layering of the shipped packages: a provider builds on Mesh.Abstractions, Mesh.Kubernetes (and the public Gateway API
/// base) and third-party packages only; no package sees another's internals or compiles another's sources.
/// </summary>
public sealed class ProviderDependencyTests
{
    private static readonly string[] AllowedForProviders = ["Mesh.Abstractions", "Mesh.Kubernetes", "Mesh.Providers.GatewayApi"];

    private static IEnumerable<(string Name, XDocument Project)> SourceProjects() =>
        Directory.GetDirectories(Path.Combine(TestPaths.RepoRoot, "src"))
            .Select(dir => (Dir: dir, File: Path.Combine(dir, Path.GetFileName(dir) + ".csproj")))
            .Where(p => File.Exists(p.File))
            .Select(p => (Path.GetFileName(p.Dir), XDocument.Load(p.File)));

    private static IEnumerable<string> Items(XDocument project, string item) =>
        project.Descendants(item).Select(e => (string?)e.Attribute("Include") ?? string.Empty);

    [Fact]
    public void EveryProvider_ReferencesOnlyTheAbstractionsTheKitAndTheGatewayApiBase()
    {
        var providers = SourceProjects().Where(p => p.Name.StartsWith("Mesh.Providers.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(providers);
        foreach (var (name, project) in providers)
        {
            var references = Items(project, "ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Replace('\\', '/'))).ToList();
            Assert.Contains("Mesh.Kubernetes", references);
            var others = references.Where(r => !AllowedForProviders.Contains(r) || r == name).ToList();
            Assert.True(others.Count == 0, $"{name} references {string.Join(", ", others)}");
        }
    }

    [Fact]
    public void NoPackage_OpensItsInternalsToAnotherPackage()
    {
        var packages = SourceProjects().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, project) in SourceProjects())
        {
            var friends = Items(project, "InternalsVisibleTo").Where(packages.Contains).ToList();
            Assert.True(friends.Count == 0, $"{name} opens its internals to {string.Join(", ", friends)}");
            Assert.All(Items(project, "InternalsVisibleTo"), friend => Assert.True(friend.EndsWith(".Tests", StringComparison.Ordinal) || friend == "Mesh.Benchmarks", $"{name}: {friend}"));
        }
    }

    [Fact]
    public void NoPackage_CompilesSourcesFromOutsideItsFolder()
    {
        foreach (var (name, project) in SourceProjects())
        {
            var linked = Items(project, "Compile").Where(c => c.StartsWith("..", StringComparison.Ordinal)).ToList();
            Assert.True(linked.Count == 0, $"{name} compiles {string.Join(", ", linked)}");
        }
        Assert.False(Directory.Exists(Path.Combine(TestPaths.RepoRoot, "src", "Shared")), "src/Shared is gone: shared code lives in a package");
    }

    [Fact]
    public void NoPackage_PinsAnotherToAnExactVersion()
    {
        foreach (var (name, project) in SourceProjects())
        {
            Assert.DoesNotContain(project.Descendants("Target"), t => ((string?)t.Attribute("Name") ?? string.Empty).Contains("Pin", StringComparison.Ordinal));
        }
    }
}
