using Mesh.Model;
using Mesh.Providers.Conformance.Support;

namespace Mesh.Providers.Linkerd.Tests.Conformance;

/// <summary>The model diff the corpus fixed point uses: paths into the first model, list items matched by what identifies them.</summary>
public sealed class ModelDiffTests
{
    private static MeshConfig Model(params ServicePort[] ports) => new MeshConfig
    {
        Name = "m",
        Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [.. ports] }],
    }.Normalize();

    private static readonly ServicePort Http80 = new() { Port = 80, Protocol = Protocol.Http };
    private static readonly ServicePort Admin = new() { Name = "admin", Port = 90, Protocol = Protocol.Http };
    private static readonly ServicePort Tcp100 = new() { Port = 100, Protocol = Protocol.Tcp };

    [Fact]
    public void EqualModels_HaveNoDifference() => Assert.Empty(ModelDiff.Paths(Model(Http80, Admin), Model(Http80, Admin)));

    [Fact]
    public void AMissingPort_IsItsOwnPath_NotAShiftOfTheLaterOnes() =>
        Assert.Equal(["$.spec.services[0].ports[1]"], ModelDiff.Paths(Model(Http80, Admin, Tcp100), Model(Http80, Tcp100)));

    [Fact]
    public void AChangedField_IsTheFieldsPath() =>
        Assert.Equal(["$.spec.services[0].ports[1].name"], ModelDiff.Paths(Model(Http80, Admin), Model(Http80, Admin with { Name = null })));

    [Fact]
    public void AnItemOnlyTheSecondHas_IsTheListsPath() =>
        Assert.Equal(["$.spec.services[0].ports"], ModelDiff.Paths(Model(Http80), Model(Http80, Tcp100)));

    [Fact]
    public void AServiceMissingAltogether_IsTheServicesPath() =>
        Assert.Equal(["$.spec.services[0]"], ModelDiff.Paths(Model(Http80), new MeshConfig { Name = "m" }));
}
