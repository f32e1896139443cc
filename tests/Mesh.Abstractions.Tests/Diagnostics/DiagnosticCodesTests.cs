using System.Reflection;
using Mesh.Diagnostics;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Diagnostics;

public class DiagnosticCodesTests
{
    private static IEnumerable<(string Name, DiagnosticCode Code)> All() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => (f.Name, (DiagnosticCode)f.GetValue(null)!));

    [Fact]
    public void Codes_AreUnique_AndWellFormed()
    {
        var codes = All().Select(c => c.Code.Value).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^MESH[0-9]{4}$", c));
    }

    [Fact]
    public void EveryCode_IsDocumented()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics.md"));
        Assert.All(All(), c => Assert.Contains($"| {c.Code} | {c.Name} |", page, StringComparison.Ordinal));
    }
}
