using Mesh.Diagnostics;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>Every upstream App Mesh example imports without errors into a model that validates.</summary>
public sealed class CorpusImportTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (ConformancePaths.Conformance is { } root && Directory.Exists(Path.Combine(root, "examples", "appmesh")))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, "examples", "appmesh"), "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        }
        else
        {
            data.Add("(conformance corpus absent)");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_ImportsIntoAValidModel(string file)
    {
        var path = ConformancePaths.Require(Path.Combine("examples", "appmesh", file));
        var yaml = File.ReadAllText(path);
        var result = new AppMeshTranslator().ImportYaml(yaml, file);
        var documents = yaml.Split("\n---", StringSplitOptions.RemoveEmptyEntries).Count(d => d.Contains("kind:", StringComparison.Ordinal));
        output.WriteLine($"{file}: {documents} resources; {result.Config?.Services.Count} services, {result.Config?.Routes.Sum(r => r.Rules.Count)} rules in {result.Config?.Routes.Count} routes, {result.Config?.TcpRoutes.Count} tcp routes, {result.Config?.ExternalServices.Count} external, {result.Config?.DestinationPolicies.Count} destination policies, {result.Config?.Mtls.Count} mtls");
        foreach (var group in result.Diagnostics.GroupBy(d => $"{d.Code} {d.Severity}").OrderBy(g => g.Key, StringComparer.Ordinal)) output.WriteLine($"  {group.Key}: {group.Count()}");
        foreach (var d in result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info)) output.WriteLine($"    {d}");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        Assert.NotNull(result.Config);
        var problems = MeshValidator.Validate(result.Config).Where(d => d.IsError).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
