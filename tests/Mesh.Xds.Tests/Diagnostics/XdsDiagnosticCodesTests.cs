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
    public void EveryCode_IsDocumented()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics.md"));
        Assert.All(All(), c => Assert.Contains($"| {c.Code} | {c.Name} |", page, StringComparison.Ordinal));
    }
}
