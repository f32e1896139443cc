using System.Reflection;
using System.Text.RegularExpressions;
using Mesh.Diagnostics;
using Mesh.Testing;

namespace Mesh.Compliance.Tests;

/// <summary>The MESH50xx codes: in their range, unique, documented in both pages, each raised somewhere.</summary>
public sealed class ComplianceDiagnosticCodesTests
{
    private static IEnumerable<(string Name, DiagnosticCode Code)> All() =>
        typeof(ComplianceDiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => (f.Name, (DiagnosticCode)f.GetValue(null)!));

    [Fact]
    public void Codes_AreInTheComplianceRange_AndUnique()
    {
        var codes = All().Select(c => c.Code.Value).ToList();
        Assert.Equal(6, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^MESH50[0-9]{2}$", c));
    }

    [Theory]
    [InlineData("diagnostics.md")]
    [InlineData("compliance.md")]
    public void EveryCode_IsDocumented_AndEveryDocumentedComplianceCodeIsDeclared(string page)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", page));
        Assert.All(All(), c => Assert.Contains($"| {c.Code} | {c.Name} |", text, StringComparison.Ordinal));
        var documented = Regex.Matches(text, @"^\| (MESH50[0-9]{2}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(All().Select(c => c.Code.Value).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCode_HasAProducer_AndATest()
    {
        var src = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src", "Mesh.Compliance"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "ComplianceDiagnosticCodes.cs")
            .Select(File.ReadAllText).ToList();
        var tests = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "Mesh.Compliance.Tests", "RulesDocumentTests.cs"));
        foreach (var (name, code) in All())
        {
            Assert.True(src.Any(s => s.Contains($"ComplianceDiagnosticCodes.{name}", StringComparison.Ordinal)), $"{code} {name} is raised nowhere");
            Assert.Contains($"ComplianceDiagnosticCodes.{name}", tests, StringComparison.Ordinal);
        }
    }
}
