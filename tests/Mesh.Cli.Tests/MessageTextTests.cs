using System.Text.RegularExpressions;
using Mesh.Cli.Composition;
using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Cli.Tests;

/// <summary>
/// Messages are for people: no diagnostic the upstream corpus produces — imported by its provider, then the model translated
/// to every provider, as <c>mesh migrate</c> does — names a .NET type or prints a collection's <c>ToString()</c>.
/// </summary>
public sealed partial class MessageTextTests
{
    /// <summary>A namespace-qualified type (System.…, Mesh.Model.…), a generic arity (`1) or a collection's default text.</summary>
    [GeneratedRegex(@"\bSystem\.[A-Z]|\bMesh\.(Model|Providers|Kubernetes|Collections|Translation|Cli|Xds|Diagnostics|Serialization|Validation)\.|`\d|Collections\.Generic|\bk8s\.Models\.")]
    private static partial Regex TypeName();

    [Fact]
    public void NoDiagnosticOfTheCorpus_NamesADotNetType()
    {
        var examples = Path.GetFullPath(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "..", "shared", "conformance", "examples"));
        if (!Directory.Exists(examples)) Assert.Skip("../shared/conformance (upstream example manifests) is not present next to the repository.");
        using var services = CliServices.Build();
        var registry = services.GetRequiredService<ITranslatorRegistry>();
        var leaks = new List<string>();
        var scanned = 0;
        foreach (var provider in registry.Providers)
        {
            var folder = Path.Combine(examples, provider.Value);
            Assert.True(Directory.Exists(folder), $"no corpus folder for {provider}");
            var from = registry.Get(provider);
            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var imported = from.ImportYaml(File.ReadAllText(file), Path.GetFileName(file));
                var diagnostics = imported.Diagnostics.ToList();
                if (imported.Config is { } model)
                {
                    foreach (var to in registry.Providers) diagnostics.AddRange(registry.Get(to).Translate(model).Diagnostics);
                }
                foreach (var diagnostic in diagnostics)
                {
                    scanned++;
                    if (TypeName().IsMatch(diagnostic.Message)) leaks.Add($"{Path.GetFileName(file)} ({provider}): {diagnostic.Code} {diagnostic.Path}: {diagnostic.Message}");
                }
            }
        }
        Assert.True(scanned > 1000, $"only {scanned} diagnostics scanned");
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {scanned} messages name a .NET type:\n" + string.Join("\n", leaks.Distinct().Take(40)));
    }

    [Theory]
    [InlineData("validate", "m.yaml", "--format", "yaml")]
    [InlineData("capabilities", "--format", "xml")]
    [InlineData("translate", "m.yaml", "--to", "istio", "--services", "some")]
    public void BadOptionValues_NameTheAcceptedValues_NotATypeName(params string[] args)
    {
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(TypeName(), run.Stderr);
        Assert.DoesNotContain("expected type", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistypedCommand_IsSuggested()
    {
        var run = CliRunner.Invoke("tranlsate", "m.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Did you mean 'mesh translate'?", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistypedProvider_IsSuggested_AFarOneIsNot()
    {
        var near = CliRunner.Invoke("translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "istoi");
        Assert.Equal(2, near.ExitCode);
        Assert.Contains("did you mean 'istio'?", near.Stderr, StringComparison.Ordinal);
        var far = CliRunner.Invoke("translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "kuma");
        Assert.DoesNotContain("did you mean", far.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("istio", "istio", 0)]
    [InlineData("istoi", "istio", 1)]
    [InlineData("linkred", "linkerd", 1)]
    [InlineData("consl", "consul", 1)]
    [InlineData("", "osm", 3)]
    public void Distance_CountsEditsAndTranspositions(string a, string b, int expected) =>
        Assert.Equal(expected, Mesh.Cli.Output.Suggestions.Distance(a, b));

    [Fact]
    public void Colour_MarksOnlyTheSeverity_AndIsOffByDefault()
    {
        var warning = Mesh.Diagnostics.Diagnostic.Warning(Mesh.Diagnostics.DiagnosticCodes.Unsupported, "$.spec", "Not written.");
        Assert.Equal("\u001b[33mwarning\u001b[0m" + warning.ToString()["warning".Length..], Mesh.Cli.Output.DiagnosticWriter.Coloured(warning));
        var broken = Path.Combine(Path.GetTempPath(), $"mesh-colour-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, "kind: Mesh\nmetadata: { name: x }\nspec:\n  services:\n  - name: Bad_Name\n    namespace: ns\n");
        try
        {
            Assert.DoesNotContain("\u001b[", CliRunner.Invoke("validate", broken).Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
