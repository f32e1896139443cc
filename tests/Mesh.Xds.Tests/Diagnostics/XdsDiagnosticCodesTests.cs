using System.Reflection;
using Mesh.Diagnostics;
using Mesh.Testing;

namespace Mesh.Xds.Tests.Diagnostics;

public class XdsDiagnosticCodesTests
{
    private static IEnumerable<(string Name, DiagnosticCode Code)> All() =>
        typeof(XdsDiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => (f.Name, (DiagnosticCode)f.GetValue(null)!));

    [Fact]
    public void Codes_AreInTheXdsRange_AndUnique()
    {
        var codes = All().Select(c => c.Code.Value).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^MESH40[0-9]{2}$", c));
    }

    [Fact]
    public void ReadingCodes_AreTheSharedOnes_NotRedeclared()
    {
        // The endpoints file reports syntax, wrong types, unknown and missing keys with DiagnosticCodes (MESH10xx).
        string[] reading = [nameof(DiagnosticCodes.Syntax), nameof(DiagnosticCodes.WrongType), nameof(DiagnosticCodes.UnknownKey), nameof(DiagnosticCodes.MissingRequired), nameof(DiagnosticCodes.LimitExceeded)];
        Assert.DoesNotContain(All(), c => reading.Contains(c.Name));
        Assert.DoesNotContain(All(), c => c.Code.Value is "MESH4001" or "MESH4002" or "MESH4003" or "MESH4004");
    }

    [Fact]
    public void EveryCode_IsDocumented_AndEveryDocumentedXdsCodeIsDeclared()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics.md"));
        Assert.All(All(), c => Assert.Contains($"| {c.Code} | {c.Name} |", page, StringComparison.Ordinal));
        var documented = System.Text.RegularExpressions.Regex.Matches(page, @"^\| (MESH40[0-9]{2}) \|", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(All().Select(c => c.Code.Value).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCode_HasAProducer()
    {
        // Model rules are MeshValidator's (MESH20xx): a code here is raised by the encoder or the endpoints reader.
        var root = Path.Combine(TestPaths.RepoRoot, "src", "Mesh.Xds");
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "XdsDiagnosticCodes.cs")
            .Select(File.ReadAllText)
            .ToList();
        Assert.All(All(), c => Assert.True(sources.Any(s => s.Contains($"XdsDiagnosticCodes.{c.Name},", StringComparison.Ordinal)), $"{c.Code} {c.Name} is raised nowhere in src/Mesh.Xds"));
    }
}
