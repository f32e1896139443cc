using System.Xml.Linq;
using Mesh.Cli.Composition;
using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Cli.Tests;

/// <summary>Package metadata follows what exists: each provider package is tagged with its own provider and says it translates; the tool's tags name every provider it ships.</summary>
public sealed class PackageMetadataTests
{
    private static XElement Project(string name) =>
        XElement.Load(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "src", name, $"{name}.csproj"));

    private static string Property(XElement project, string property) =>
        project.Descendants(property).Select(e => e.Value).FirstOrDefault() ?? string.Empty;

    [Fact]
    public void EveryProviderPackage_IsTaggedWithItsProvider_AndDescribesItsTranslator()
    {
        using var services = CliServices.Build();
        var registry = services.GetRequiredService<ITranslatorRegistry>();
        var packages = Directory.GetDirectories(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "src"), "Mesh.Providers.*").Select(Path.GetFileName).ToList();
        Assert.Equal(registry.Providers.Count, packages.Count);
        foreach (var provider in registry.Providers)
        {
            var assembly = registry.Get(provider).GetType().Assembly.GetName().Name!;
            Assert.Contains(assembly, packages);
            var project = Project(assembly);
            var tags = Property(project, "PackageTags").Split(';');
            Assert.Contains("$(PackageTags)", tags);
            Assert.Contains(provider.Value, tags);
            Assert.Contains("translator", Property(project, "Description"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheTool_IsTaggedWithEveryProviderItShips()
    {
        using var services = CliServices.Build();
        var tags = Property(Project("Mesh.Cli"), "PackageTags").Split(';');
        foreach (var provider in services.GetRequiredService<ITranslatorRegistry>().Providers)
        {
            // The provider's name, or its hyphenated form (appmesh is tagged app-mesh).
            Assert.True(tags.Contains(provider.Value) || tags.Contains(provider.Value.Replace("mesh", "-mesh", StringComparison.Ordinal)), $"Mesh.Cli is not tagged {provider}");
        }
    }

    [Fact]
    public void EveryProvider_HasAGuidePage_ThatLinksItsCapabilities_AndIsLinkedFromTheReadme()
    {
        using var services = CliServices.Build();
        var readme = File.ReadAllText(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "README.md"));
        foreach (var provider in services.GetRequiredService<ITranslatorRegistry>().Providers)
        {
            var page = Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "docs", "providers", $"{provider}.md");
            Assert.True(File.Exists(page), $"docs/providers/{provider}.md is missing");
            Assert.Contains($"(../capabilities.md#{provider}-approximations-and-gaps)", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.Contains($"(docs/providers/{provider}.md)", readme, StringComparison.Ordinal);
        }
    }
}
