using Mesh.Model;

namespace Mesh.Xds.Tests.Endpoints;

public sealed class EndpointsYamlTests
{
    [Fact]
    public void Read_TheDocumentedForm()
    {
        const string yaml = """
            endpoints:
              - service: reviews.bookinfo
                port: 9080
                addresses:
                  - { address: 127.0.0.11, labels: { version: v1 }, locality: { region: r1, zone: z1 }, weight: 1 }
                  - { address: 127.0.0.12, port: 50062, labels: { version: v2 }, health: draining }
                  - { address: "fd00::1", locality: { region: r2, zone: z2, subZone: s2 } }
            """;
        var result = EndpointsYaml.Read(yaml);
        Assert.Empty(result.Diagnostics);
        var entry = Assert.Single(result.Snapshot!.Services);
        Assert.Equal(new ServiceRef("reviews", "bookinfo"), entry.Service);
        Assert.Equal(9080, entry.Port);
        Assert.Equal("v1", entry.Addresses[0].Labels["version"]);
        Assert.Equal(new EndpointLocality("r1", "z1"), entry.Addresses[0].Locality);
        Assert.Null(entry.Addresses[0].Port);
        Assert.Equal(50062, entry.Addresses[1].Port);
        Assert.Equal(EndpointHealth.Draining, entry.Addresses[1].Health);
        Assert.Equal(EndpointHealth.Healthy, entry.Addresses[2].Health);
        Assert.Equal(1, entry.Addresses[2].Weight);
        Assert.Equal(new EndpointLocality("r2", "z2", "s2"), entry.Addresses[2].Locality);
    }

    [Fact]
    public void EmptyFile_IsAnEmptySnapshot()
    {
        var result = EndpointsYaml.Read("");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Snapshot!.Services);
    }

    [Fact]
    public void MalformedYaml_IsASyntaxDiagnosticWithLocation()
    {
        var result = EndpointsYaml.Read("endpoints:\n  - service: [unclosed\n", "eps.yaml");
        Assert.Null(result.Snapshot);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(XdsDiagnosticCodes.Syntax, diagnostic.Code);
        Assert.Equal("eps.yaml", diagnostic.Location!.File);
    }

    [Fact]
    public void BadValues_AreDiagnosticsWithPathsAndLineColumn()
    {
        const string yaml = """
            endpoints:
              - service: reviews.bookinfo
                port: 70000
                addresses:
                  - { address: 10.0.0.1 }
                  - { address: not-an-ip, weight: 0 }
                  - { address: 10.0.0.3, port: x, health: sick, colour: blue }
              - service: reviews
                port: 80
              - port: 80
              - just text
            """;
        var result = EndpointsYaml.Read(yaml, "eps.yaml");
        Assert.Null(result.Snapshot);
        var byPath = result.Diagnostics.ToDictionary(d => d.Path, d => d);
        Assert.Equal(XdsDiagnosticCodes.PortOutOfRange, byPath["$.endpoints[0].port"].Code);
        Assert.Equal(3, byPath["$.endpoints[0].port"].Location!.Line);
        Assert.Equal(XdsDiagnosticCodes.InvalidAddress, byPath["$.endpoints[0].addresses[1].address"].Code);
        Assert.Equal(6, byPath["$.endpoints[0].addresses[1].address"].Location!.Line);
        Assert.Equal(XdsDiagnosticCodes.InvalidValue, byPath["$.endpoints[0].addresses[1].weight"].Code);
        Assert.Equal(XdsDiagnosticCodes.WrongType, byPath["$.endpoints[0].addresses[2].port"].Code);
        Assert.Equal(XdsDiagnosticCodes.InvalidValue, byPath["$.endpoints[0].addresses[2].health"].Code);
        Assert.Equal(XdsDiagnosticCodes.UnknownKey, byPath["$.endpoints[0].addresses[2].colour"].Code);
        Assert.Equal(XdsDiagnosticCodes.WrongType, byPath["$.endpoints[1].service"].Code);
        Assert.Equal(XdsDiagnosticCodes.MissingRequired, byPath["$.endpoints[2].service"].Code);
        Assert.Equal(XdsDiagnosticCodes.WrongType, byPath["$.endpoints[3]"].Code);
        Assert.All(result.Diagnostics, d => Assert.Equal("eps.yaml", d.Location!.File));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0")]
    [InlineData("example.com")]
    [InlineData("fe80::1%eth0")]
    public void NonLiteralAddresses_AreRejected(string address)
    {
        var result = EndpointsYaml.Read($"endpoints:\n  - service: a.b\n    port: 80\n    addresses:\n      - address: \"{address}\"\n");
        Assert.Equal(XdsDiagnosticCodes.InvalidAddress, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("endpoints:\n  - service: a.b\n    service: c.d\n    port: 80\n")]
    [InlineData("x: &a [*a]\n")]
    [InlineData("endpoints: !!binary AAAA\n")]
    [InlineData("endpoints:\n  - service: a.b\n    port: 99999999999999999999\n")]
    [InlineData("endpoints:\n  - { service: a.b, port: 80, addresses: [ { address: 10.0.0.1, labels: [a] } ] }\n")]
    [InlineData("endpoints:\n  - { service: a.b, port: 80, addresses: [ { address: 10.0.0.1, locality: zone } ] }\n")]
    [InlineData("---\nendpoints: []\n---\nendpoints: []\n")]
    [InlineData("\t\"unterminated")]
    [InlineData("endpoints:\n  - service: *undefined\n")]
    public void HostileInput_IsDiagnosed_NeverThrown(string yaml)
    {
        var result = EndpointsYaml.Read(yaml);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("$", d.Path));
    }

    [Fact]
    public void DuplicateAddress_IsReported()
    {
        var result = EndpointsYaml.Read("endpoints:\n  - service: a.b\n    port: 80\n    addresses:\n      - address: 10.0.0.1\n      - address: 10.0.0.1\n");
        Assert.Equal(XdsDiagnosticCodes.DuplicateEndpoint, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void WrongTopLevelShapes_AreDiagnostics()
    {
        Assert.Equal(XdsDiagnosticCodes.WrongType, Assert.Single(EndpointsYaml.Read("- a\n- b\n").Diagnostics).Code);
        Assert.Equal(XdsDiagnosticCodes.WrongType, Assert.Single(EndpointsYaml.Read("endpoints: 3\n").Diagnostics).Code);
        Assert.Equal(XdsDiagnosticCodes.UnknownKey, Assert.Single(EndpointsYaml.Read("endpoint: []\n").Diagnostics).Code);
    }

    [Fact]
    public void UnknownServiceInTheFile_IsReportedByTheEncoderWithTheFileLocation()
    {
        var read = EndpointsYaml.Read("endpoints:\n  - service: ghost.x\n    port: 80\n", "eps.yaml");
        var result = new XdsEncoder().Build(Samples.Bookinfo(), read.Snapshot!, Samples.Sidecar);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.UnknownService);
        Assert.Equal("$.endpoints[0].service", diagnostic.Path);
        Assert.Equal(new Mesh.Diagnostics.SourceLocation("eps.yaml", 2, 5), diagnostic.Location);
    }
}
