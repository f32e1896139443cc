using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Abstractions.Tests.Translation;

public class TranslationResultTests
{
    private static readonly Diagnostic Warning = Diagnostic.Warning(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].fault", "no faults here");

    [Fact]
    public void NonStrict_KeepsResources_AndWarnings()
    {
        var result = TranslationResult.Create(["resource"], [Warning], options: null);
        Assert.False(result.HasErrors);
        Assert.Single(result.Resources);
        Assert.Equal(DiagnosticSeverity.Warning, result.Diagnostics[0].Severity);
    }

    [Fact]
    public void Strict_TurnsWarningsIntoErrors_AndReturnsNoResources()
    {
        var result = TranslationResult.Create(["resource"], [Warning], new TranslationOptions { Strict = true });
        Assert.True(result.HasErrors);
        Assert.Empty(result.Resources);
        Assert.Equal(DiagnosticSeverity.Error, result.Diagnostics[0].Severity);
    }

    [Fact]
    public void Strict_LeavesInfoAlone()
    {
        var info = Diagnostic.Info(DiagnosticCodes.LegacyForm, "$", "legacy");
        var result = TranslationResult.Create(["resource"], [info], new TranslationOptions { Strict = true });
        Assert.False(result.HasErrors);
        Assert.Single(result.Resources);
    }

    [Fact]
    public void Import_DropsTheModel_OnErrors()
    {
        var config = new MeshConfig { Name = "m" };
        Assert.Same(config, ImportResult.Create(config, [Warning], null).Config);
        Assert.Null(ImportResult.Create(config, [Warning], new ImportOptions { Strict = true }).Config);
        Assert.Equal("imported", new ImportOptions().ModelName);
    }

    [Fact]
    public void Diagnostic_PrintsSeverityCodePathMessage_AndLocation()
    {
        var located = Warning with { Location = new SourceLocation("m.yaml", 12, 7) };
        Assert.Equal("warning MESH2101 $.spec.routes[0].rules[0].fault: no faults here", Warning.ToString());
        Assert.Equal("warning MESH2101 $.spec.routes[0].rules[0].fault: no faults here (m.yaml:12:7)", located.ToString());
    }
}
