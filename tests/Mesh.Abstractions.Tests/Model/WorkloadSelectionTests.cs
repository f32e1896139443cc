using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Model;

/// <summary>A service's selector and target ports: read, written, defaulted by normalisation and validated.</summary>
public class WorkloadSelectionTests
{
    private const string Yaml = """
        kind: Mesh
        metadata: { name: m }
        spec:
          services:
            - name: reviews
              namespace: bookinfo
              selector: { app.kubernetes.io/name: reviews, tier: backend }
              ports:
                - { port: 9080, protocol: http, targetPort: http-web }
                - { port: 9090, protocol: grpc, targetPort: 19090 }
                - { port: 9091, protocol: tcp }
              subsets:
                v2: { version: v2 }
        """;

    [Fact]
    public void SelectorAndTargetPorts_AreRead_AndWrittenBack()
    {
        var config = MeshYaml.Read(Yaml, "m.yaml").Config!;
        var service = Assert.Single(config.Services);
        Assert.Equal("reviews", service.Selector["app.kubernetes.io/name"]);
        Assert.Equal("backend", service.Selector["tier"]);
        Assert.Equal(TargetPort.Named("http-web"), service.Ports[0].TargetPort);
        Assert.Equal(TargetPort.Of(19090), service.Ports[1].TargetPort);
        Assert.Null(service.Ports[2].TargetPort);

        var again = MeshYaml.Read(MeshYaml.Write(config), "again.yaml");
        Assert.Empty(again.Diagnostics);
        Assert.Equal(config, again.Config);
    }

    [Fact]
    public void Normalize_MakesTheDefaultSelectorAndTargetPortExplicit()
    {
        var service = new MeshService { Name = "ratings", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] };
        var normal = new MeshConfig { Name = "m", Services = [service] }.Normalize().Services[0];
        Assert.Equal(MeshService.DefaultSelector("ratings"), normal.Selector);
        Assert.Equal(TargetPort.Of(9080), normal.Ports[0].TargetPort);
    }

    [Fact]
    public void WorkloadLabels_AreTheSelectorWithTheSubsetLabelsOnTop()
    {
        var service = MeshYaml.Read(Yaml, "m.yaml").Config!.Services[0] with { Subsets = [new Subset { Name = "v2", Labels = new([new("version", "v2"), new("tier", "canary")]) }] };
        var labels = service.WorkloadLabels("v2")!.Value;
        Assert.Equal(["app.kubernetes.io/name", "tier", "version"], labels.Keys);
        Assert.Equal("canary", labels["tier"]);
        Assert.Equal(service.Selector, service.WorkloadLabels(null));
        Assert.Null(service.WorkloadLabels("v9"));
    }

    [Theory]
    [InlineData("selector: { \"bad key!\": x }", "$.spec.services[0].selector")]
    [InlineData("selector: { app: \"not valid\" }", "$.spec.services[0].selector")]
    [InlineData("subsets: { v1: { version: \"-v1\" } }", "$.spec.services[0].subsets.v1")]
    [InlineData("ports: [{ port: 80, protocol: http, targetPort: Not_A_Name }]", "$.spec.services[0].ports[0].targetPort")]
    [InlineData("ports: [{ port: 80, protocol: http, targetPort: 70000 }]", "$.spec.services[0].ports[0].targetPort")]
    public void InvalidLabelsAndTargetPorts_AreErrorsAtTheirPath(string line, string path)
    {
        var yaml = $"kind: Mesh\nmetadata: {{ name: m }}\nspec:\n  services:\n    - name: a\n      namespace: b\n      {line}\n";
        var read = MeshYaml.Read(yaml, "m.yaml");
        Assert.Empty(read.Diagnostics);
        var errors = MeshValidator.Validate(read.Config!).Where(d => d.IsError).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.True(error.Code == DiagnosticCodes.InvalidName || error.Code == DiagnosticCodes.PortOutOfRange, error.ToString());
    }

    [Theory]
    [InlineData("http", true)]
    [InlineData("http-web-8080", true)]
    [InlineData("8080", false)]
    [InlineData("a--b", false)]
    [InlineData("-http", false)]
    [InlineData("very-long-port-name", false)]
    public void PortNames_FollowIanaServiceNameSyntax(string name, bool valid) => Assert.Equal(valid, KubernetesNames.IsPortName(name));

    [Theory]
    [InlineData("app", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("example.com/", false)]
    [InlineData("/name", false)]
    [InlineData("Upper_Case.ok", true)]
    [InlineData("bad key", false)]
    public void LabelKeys_FollowKubernetesSyntax(string key, bool valid) => Assert.Equal(valid, KubernetesNames.IsLabelKey(key));
}
