using CsCheck;
using Mesh.Diagnostics;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>Bad input — malformed YAML, wrong types, unknown enum values, missing required fields, unknown versions — gives diagnostics with paths; nothing throws and no partial model is returned.</summary>
public abstract class BadInputSuite : ConformanceSuite
{
    /// <summary>Provider-specific malformed documents: at least a wrong type, an unknown enum value, a missing required field and an unknown apiVersion.</summary>
    protected abstract IEnumerable<BadInputCase> Cases { get; }

    /// <summary>A valid document of the provider, used as the seed of random mutations.</summary>
    protected abstract string ValidDocument { get; }

    /// <summary>Each case yields a diagnostic at its path and no model.</summary>
    [Fact]
    public void EachCase_IsReportedAtItsPath()
    {
        var failures = new List<string>();
        foreach (var c in Cases)
        {
            var result = Translator.ImportYaml(c.Yaml, "bad.yaml");
            if (!result.Diagnostics.Any(d => d.Path == "bad.yaml#0 " + c.ExpectedPath))
            {
                failures.Add($"{c.Name}: no diagnostic at {c.ExpectedPath}; got {string.Join(" | ", result.Diagnostics)}");
            }
            else if (result.HasErrors && result.Config is not null)
            {
                failures.Add($"{c.Name}: a model was returned despite errors");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Malformed YAML is a syntax diagnostic, not an exception.</summary>
    [Fact]
    public void MalformedYaml_IsASyntaxDiagnostic()
    {
        var result = Translator.ImportYaml("apiVersion: [unclosed\nkind: {", "broken.yaml");
        Assert.True(result.HasErrors);
        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Syntax && d.Path.StartsWith("broken.yaml#", StringComparison.Ordinal));
    }

    /// <summary>An unrelated kind is reported and skipped.</summary>
    [Fact]
    public void UnrelatedKind_IsReportedAndSkipped()
    {
        var result = Translator.ImportYaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: {}\n", "other.yaml");
        Assert.False(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownResourceKind && d.Path == "other.yaml#0 $.kind");
    }

    /// <summary>A document that is not a mapping is reported.</summary>
    [Fact]
    public void NonMappingDocument_IsReported()
    {
        var result = Translator.ImportYaml("- just\n- a list\n", "list.yaml");
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Path == "list.yaml#0 $");
    }

    /// <summary>Random text never throws.</summary>
    [Fact]
    public void RandomText_NeverThrows() =>
        Gen.String.Sample(text => { _ = Translator.ImportYaml(text, "random.yaml"); }, iter: 500);

    /// <summary>Random mutations of a valid document (a scalar replaced by a list, map, number, bool or odd string) never throw.</summary>
    [Fact]
    public void MutatedDocuments_NeverThrow()
    {
        var lines = ValidDocument.Split('\n');
        var replacements = new[] { "[1, 2]", "{a: b}", "42", "-1", "true", "\"\"", "~", "1.5", "'x: y'", "9999999999999" };
        Gen.Select(Gen.Int[0, lines.Length - 1], Gen.Int[0, replacements.Length - 1]).Sample((line, r) =>
        {
            var mutated = (string[])lines.Clone();
            var colon = mutated[line].IndexOf(": ", StringComparison.Ordinal);
            mutated[line] = colon > 0 ? mutated[line][..(colon + 2)] + replacements[r] : mutated[line] + " " + replacements[r];
            var result = Translator.ImportYaml(string.Join('\n', mutated), "mutated.yaml");
            Assert.True(!result.HasErrors || result.Config is null);
        }, iter: 400);
    }
}
