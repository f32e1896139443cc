using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;

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
        Assert.Equal(DiagnosticCodes.Syntax, diagnostic.Code);
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
        Assert.Equal(DiagnosticCodes.WrongType, byPath["$.endpoints[0].addresses[2].port"].Code);
        Assert.Equal(XdsDiagnosticCodes.InvalidValue, byPath["$.endpoints[0].addresses[2].health"].Code);
        Assert.Equal(DiagnosticCodes.UnknownKey, byPath["$.endpoints[0].addresses[2].colour"].Code);
        Assert.Equal(DiagnosticCodes.WrongType, byPath["$.endpoints[1].service"].Code);
        Assert.Equal(DiagnosticCodes.MissingRequired, byPath["$.endpoints[2].service"].Code);
        Assert.Equal(DiagnosticCodes.WrongType, byPath["$.endpoints[3]"].Code);
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
        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(EndpointsYaml.Read("- a\n- b\n").Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(EndpointsYaml.Read("endpoints: 3\n").Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.UnknownKey, Assert.Single(EndpointsYaml.Read("endpoint: []\n").Diagnostics).Code);
    }

    [Theory]
    [InlineData("{ service: a.b, port: \"80\" }", "$.endpoints[0].port")]
    [InlineData("{ service: a.b, port: 80.0 }", "$.endpoints[0].port")]
    [InlineData("{ service: a.b, port: true }", "$.endpoints[0].port")]
    [InlineData("{ service: a.b, port: ~ }", "$.endpoints[0].port")]
    [InlineData("{ service: 1.5, port: 80 }", "$.endpoints[0].service")]
    [InlineData("{ service: a.b, port: 80, addresses: [{ address: 1 }] }", "$.endpoints[0].addresses[0].address")]
    [InlineData("{ service: a.b, port: 80, addresses: [{ address: 10.0.0.1, weight: \"5\" }] }", "$.endpoints[0].addresses[0].weight")]
    [InlineData("{ service: a.b, port: 80, addresses: [{ address: 10.0.0.1, weight: x }] }", "$.endpoints[0].addresses[0].weight")]
    [InlineData("{ service: a.b, port: 80, addresses: [{ address: 10.0.0.1, health: true }] }", "$.endpoints[0].addresses[0].health")]
    [InlineData("{ service: a.b, port: 80, addresses: [{ address: 10.0.0.1, labels: { version: 1 } }] }", "$.endpoints[0].addresses[0].labels.version")]
    [InlineData("{ service: a.b, port: 80, addresses: [{ address: 10.0.0.1, labels: { version: } }] }", "$.endpoints[0].addresses[0].labels.version")]
    [InlineData("{ service: a.b, port: 80, addresses: [{ address: 10.0.0.1, locality: { region: r1, zone: ~ } }] }", "$.endpoints[0].addresses[0].locality.zone")]
    public void PlainScalars_AreTypedByTheCoreSchema_AsInMeshModels(string entry, string path)
    {
        var result = EndpointsYaml.Read($"endpoints:\n  - {entry}\n");
        Assert.Null(result.Snapshot);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal(path, diagnostic.Path);
    }

    [Fact]
    public void ALabelName_MustBeAScalar()
    {
        var result = EndpointsYaml.Read("endpoints:\n  - { service: a.b, port: 80, addresses: [{ address: 10.0.0.1, labels: { [k]: v } }] }\n", "eps.yaml");
        Assert.Null(result.Snapshot);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal("$.endpoints[0].addresses[0].labels", diagnostic.Path);
        Assert.Equal(new SourceLocation("eps.yaml", 2, 74), diagnostic.Location);
    }

    [Fact]
    public void QuotedStrings_AndCoreSchemaIntegers_AreRead()
    {
        var result = EndpointsYaml.Read("endpoints:\n  - { service: \"a.b\", port: +80, addresses: [{ address: \"10.0.0.1\", port: 0081, weight: 2, health: \"draining\", labels: { version: \"1\" }, locality: { region: \"1\" } }] }\n");
        Assert.Empty(result.Diagnostics);
        var entry = Assert.Single(result.Snapshot!.Services);
        Assert.Equal(80, entry.Port);
        var address = Assert.Single(entry.Addresses);
        Assert.Equal(81, address.Port);
        Assert.Equal(2, address.Weight);
        Assert.Equal(EndpointHealth.Draining, address.Health);
        Assert.Equal("1", address.Labels["version"]);
        Assert.Equal(new EndpointLocality("1"), address.Locality);
    }

    [Theory]
    [InlineData("+80")]
    [InlineData("080")]
    [InlineData("\"80\"")]
    [InlineData("'80'")]
    [InlineData("!!str 80")]
    [InlineData("80.0")]
    [InlineData("8e1")]
    [InlineData("0x50")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("eighty")]
    public void APort_IsANumber_ExactlyWhenTheModelReaderTakesIt(string value)
    {
        var model = MeshYaml.Read($"kind: Mesh\nmetadata: {{ name: m }}\nspec:\n  services:\n    - {{ name: a, namespace: b, ports: [{{ name: http, port: {value}, protocol: http }}] }}\n");
        var endpoints = EndpointsYaml.Read($"endpoints:\n  - {{ service: a.b, port: {value} }}\n");
        Assert.Equal(model.Diagnostics.Count == 0, endpoints.Diagnostics.Count == 0);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("1.5")]
    [InlineData(".nan")]
    [InlineData("0o17")]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("1_000")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("''")]
    public void ALabelValue_IsAString_ExactlyWhenTheModelReaderTakesIt(string value)
    {
        var model = MeshYaml.Read($"kind: Mesh\nmetadata: {{ name: m }}\nspec:\n  services:\n    - {{ name: a, namespace: b, ports: [{{ name: http, port: 80, protocol: http }}], subsets: {{ v1: {{ version: {value} }} }} }}\n");
        var endpoints = EndpointsYaml.Read($"endpoints:\n  - {{ service: a.b, port: 80, addresses: [{{ address: 10.0.0.1, labels: {{ version: {value} }} }}] }}\n");
        Assert.Equal(model.Diagnostics.Count == 0, endpoints.Diagnostics.Count == 0);
    }

    [Theory]
    [InlineData("~\n")]
    [InlineData("null\n")]
    [InlineData("---\n")]
    [InlineData("# nothing yet\n")]
    public void ANullDocument_IsAnEmptySnapshot(string yaml)
    {
        var result = EndpointsYaml.Read(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Snapshot!.Services);
    }

    [Fact]
    public void ASecondDocument_IsASyntaxError_EvenAfterAnEmptyFirstOne()
    {
        var result = EndpointsYaml.Read("---\n---\nendpoints: []\n", "eps.yaml");
        Assert.Null(result.Snapshot);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Syntax, diagnostic.Code);
        Assert.Equal(new SourceLocation("eps.yaml", 3, 1), diagnostic.Location);
    }

    [Fact]
    public void ARepeatedKey_IsASyntaxError_AtTheRepeat()
    {
        var result = EndpointsYaml.Read("endpoints:\n  - service: a.b\n    service: c.d\n    port: 80\n", "eps.yaml");
        Assert.Null(result.Snapshot);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Syntax, diagnostic.Code);
        Assert.Equal("$", diagnostic.Path);
        Assert.Equal(new SourceLocation("eps.yaml", 3, 5), diagnostic.Location);
    }

    [Fact]
    public void Aliases_AreRefused_UnlessTheOptionsAllowThem()
    {
        const string yaml = "endpoints:\n  - &entry { service: a.b, port: 80 }\n  - *entry\n";
        var refused = EndpointsYaml.Read(yaml, "eps.yaml");
        Assert.Null(refused.Snapshot);
        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, diagnostic.Code);
        Assert.Equal(new SourceLocation("eps.yaml", 3, 5), diagnostic.Location);

        var allowed = EndpointsYaml.Read(yaml, "eps.yaml", MeshReaderOptions.Default with { AllowAliases = true });
        Assert.Empty(allowed.Diagnostics);
        Assert.Equal(2, allowed.Snapshot!.Services.Count);
    }

    [Fact]
    public void TheOptions_BoundSizeNodesAndDiagnostics()
    {
        const string yaml = "endpoints:\n  - just\n  - some\n  - text\n  - here\n";
        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(EndpointsYaml.Read(yaml, null, new MeshReaderOptions { MaxBytes = 16 }).Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(EndpointsYaml.Read(yaml, null, new MeshReaderOptions { MaxNodes = 5 }).Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(EndpointsYaml.Read("endpoints: [[[]]]\n", null, new MeshReaderOptions { MaxDepth = 3 }).Diagnostics).Code);
        var capped = EndpointsYaml.Read(yaml, null, new MeshReaderOptions { MaxDiagnostics = 2 });
        Assert.Equal([DiagnosticCodes.WrongType, DiagnosticCodes.WrongType, DiagnosticCodes.LimitExceeded], capped.Diagnostics.Select(d => d.Code));
        Assert.Null(capped.Snapshot);
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
