using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Kubernetes.Tests.Export;

public sealed class ExportContextTests
{
    private static readonly MeshConfig Model = new()
    {
        Name = "m",
        Services = [new MeshService { Name = "a", Namespace = "n", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }] }, new MeshService { Name = "a", Namespace = "n" }],
    };

    [Fact]
    public void EachMethod_RaisesOneCode_WithOneSeverity()
    {
        var ctx = new ExportContext(ProviderName.Istio, Model);
        ctx.Unsupported("$.a", "x");
        ctx.Approximated("$.b", "x");
        ctx.Rounded("$.c", "x");
        ctx.Note("$.d", "x");
        Assert.Equal(
            [(DiagnosticCodes.Unsupported, DiagnosticSeverity.Warning), (DiagnosticCodes.Approximated, DiagnosticSeverity.Warning), (DiagnosticCodes.WeightsRounded, DiagnosticSeverity.Warning), (DiagnosticCodes.TranslationNote, DiagnosticSeverity.Info)],
            ctx.Diagnostics.Select(d => (d.Code, d.Severity)));
        Assert.All(ctx.Diagnostics, d => Assert.Equal(ProviderName.Istio, d.Provider));
    }

    [Fact]
    public void FindService_TakesTheFirstDefinition_AndNullForAnUndeclaredOne()
    {
        var ctx = new ExportContext(ProviderName.Istio, Model);
        Assert.Same(Model.Services[0], ctx.FindService(new ServiceRef("a", "n")));
        Assert.Null(ctx.FindService(new ServiceRef("b", "n")));
    }

    [Fact]
    public void Message_IsFormattedOncePerTemplateAndArgument()
    {
        var ctx = new ExportContext(ProviderName.Istio, Model);
        var first = ctx.Message("subset '{0}' is not written", "v1");
        Assert.Equal("subset 'v1' is not written", first);
        Assert.Same(first, ctx.Message("subset '{0}' is not written", "v1"));
        Assert.NotSame(first, ctx.Message("subset '{0}' is not written", "v2"));
    }
}
