using static Mesh.Providers.AppMesh.Tests.Import.ImportYaml;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>Malformed App Mesh input is reported as invalid, never thrown.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("kind: VirtualRouter\napiVersion: appmesh.k8s.aws/v1beta2\nmetadata: { name: r }\nspec: { routes: [null, { name: x }], listeners: [{ portMapping: { port: 0, protocol: quic } }] }")]
    [InlineData("kind: VirtualNode\napiVersion: appmesh.k8s.aws/v1beta2\nmetadata: { name: n }\nspec: { listeners: [{ portMapping: { port: 80, protocol: http }, tls: { mode: SOMETIMES } }], podSelector: { matchLabels: { app: n } } }")]
    [InlineData("kind: VirtualService\napiVersion: appmesh.k8s.aws/v1beta2\nmetadata: { name: s }\nspec: { provider: { virtualRouter: { virtualRouterRef: { } } } }")]
    [InlineData("kind: Mesh\napiVersion: appmesh.k8s.aws/v1beta2\nmetadata: { name: m }\nspec: { egressFilter: { type: SOMETIMES } }")]
    [InlineData("kind: VirtualNode\napiVersion: appmesh.k8s.aws/v1beta2\nmetadata: { name: n }\nspec: { listeners: [{ portMapping: { port: 80, protocol: http }, outlierDetection: { maxServerErrors: 0, interval: { value: -1, unit: s } } }] }")]
    public void MalformedResource_IsInvalid_NotThrown(string yaml)
    {
        var result = Read(yaml);
        Assert.True(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.StartsWith("x.yaml#0 $", d.Path, StringComparison.Ordinal));
    }
}
