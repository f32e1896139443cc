using System.Text.Json;
using Mesh.Cli.Composition;
using Mesh.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-cli-").FullName;
    private readonly ServiceProvider _withFake;

    public CommandTests()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddTranslator<FakeTranslator>();
        _withFake = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _withFake.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Broken()
    {
        var text = File.ReadAllText(CliRunner.Sample("bookinfo.mesh.yaml"))
            .Replace("{ service: reviews.bookinfo, subset: v2, weight: 100 }", "{ service: reviewz.bookinfo, subset: v2, weight: -5 }", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "broken.mesh.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Validate_TheSample_Succeeds()
    {
        var run = CliRunner.Invoke("validate", CliRunner.Sample("bookinfo.mesh.yaml"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("valid: bookinfo (4 services, 2 HTTP routes, 1 TCP routes", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Validate_ABrokenCopy_ExitsOne_WithPathsAndLocations()
    {
        var run = CliRunner.Invoke("validate", Broken());
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("error MESH2001 $.spec.routes[0].rules[0].backends[0].service: ", StringComparison.Ordinal) && l.Contains("broken.mesh.yaml:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("error MESH2005 $.spec.routes[0].rules[0].backends[0].weight: ", StringComparison.Ordinal));
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Validate_JsonFormat_IsMachineReadable()
    {
        var run = CliRunner.Invoke("validate", Broken(), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stderr);
        var first = doc.RootElement.EnumerateArray().First(e => e.GetProperty("code").GetString() == "MESH2001");
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("$.spec.routes[0].rules[0].backends[0].service", first.GetProperty("path").GetString());
        Assert.True(first.GetProperty("line").GetInt32() > 1);
    }

    [Fact]
    public void Validate_MalformedYaml_ExitsOne_WithLineAndColumn()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, "kind: Mesh\nmetadata: { name: x\nspec: {}\n");
        var run = CliRunner.Invoke("validate", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH1001", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsAUsageError() =>
        Assert.Equal(2, CliRunner.Invoke("validate", Path.Combine(_dir, "nope.yaml")).ExitCode);

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    [InlineData("translate", "m.yaml")]
    [InlineData("validate", "m.yaml", "--format", "xml")]
    public void BadArguments_AreUsageErrors(params string[] args)
    {
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ToAnUnknownProvider_NamesTheKnownOnes()
    {
        var run = CliRunner.Invoke(_withFake, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "consul");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown provider 'consul', known: fake", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_WritesResults_AndReportsWhatTheProviderCannotExpress()
    {
        var output = Path.Combine(_dir, "out.yaml");
        var run = CliRunner.Invoke(_withFake, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "fake", "-o", output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("- productpage\n- reviews\n- ratings\n- mongodb\n", File.ReadAllText(output));
        Assert.Contains("warning MESH2101 $.spec.routes[0].rules[0].fault: fake meshes never fail", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ToGatewayApi_WritesGatewaysOfTheClassGiven_AndReportsThemWithoutOne()
    {
        var model = Path.Combine(_dir, "edge.mesh.yaml");
        File.WriteAllText(model, """
            kind: Mesh
            metadata: { name: edge }
            spec:
              services:
                - { name: web, namespace: shop, selector: { app: web }, ports: [{ port: 80, protocol: http }] }
              gateways:
                - name: public
                  namespace: shop
                  listeners: [{ name: http, port: 80, protocol: http, hosts: [shop.example.com] }]
              gatewayRoutes:
                - name: shop
                  namespace: shop
                  gateways: [{ name: public, namespace: shop }]
                  rules: [{ backends: [{ service: web.shop, port: 80 }] }]
            """);
        var without = CliRunner.Invoke("translate", model, "--to", "gateway-api");
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("warning MESH2101 $.spec.gateways[0]:", without.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: Gateway\n", without.Stdout, StringComparison.Ordinal);
        var with = CliRunner.Invoke("translate", model, "--to", "gateway-api", "--gateway-class", "envoy-gateway");
        Assert.True(with.ExitCode == 0, with.Stderr);
        Assert.Contains("gatewayClassName: envoy-gateway", with.Stdout, StringComparison.Ordinal);
        Assert.Contains("kind: Gateway\n", with.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("MESH2101", with.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_IntoADirectory_NamesTheFileAfterModelAndProvider()
    {
        var run = CliRunner.Invoke(_withFake, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "fake", "-o", _dir);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir, "bookinfo.fake.yaml")));
    }

    [Fact]
    public void Translate_ToAFileInAMissingDirectory_CreatesTheDirectory()
    {
        var output = Path.Combine(_dir, "new", "deeper", "out.yaml");
        var run = CliRunner.Invoke(_withFake, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "fake", "-o", output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Translate_ToAPathThatCannotBeWritten_IsAOneLineUsageError()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "");
        var run = CliRunner.Invoke(_withFake, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "fake", "-o", Path.Combine(file, "out.yaml"));
        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("a-file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("translate", "json")]
    [InlineData("translate", "YAML")]
    [InlineData("import", "json")]
    [InlineData("capabilities", "markdown")]
    public void Output_NamedLikeAFormat_IsAUsageError_ThatSuggestsFormat(string command, string word)
    {
        var args = command switch
        {
            "translate" => new[] { "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "istio", "-o", word },
            "import" => ["import", CliRunner.Sample("bookinfo.mesh.yaml"), "--from", "istio", "-o", word],
            _ => ["capabilities", "-o", word],
        };
        var cwd = Directory.GetCurrentDirectory();
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--format {word.ToLowerInvariant()}", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cwd, word)), "nothing is written");
    }

    [Fact]
    public void Translate_FromStdin_ToStdout_WithDash()
    {
        var yaml = File.ReadAllText(CliRunner.Sample("bookinfo.mesh.yaml"));
        var run = CliRunner.InvokeWithStdin(yaml, "translate", "-", "--to", "istio", "-o", "-");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("kind: VirtualService", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FromStdin_LocatesDiagnosticsInStdin()
    {
        var run = CliRunner.InvokeWithStdin("kind: Mesh\nmetadata: { name: x }\nspec:\n  services:\n  - name: Bad_Name\n    namespace: ns\n", "validate", "-");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stdin:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_StdinNamedTwice_IsAUsageError()
    {
        var run = CliRunner.InvokeWithStdin("", "import", "-", "-", "--from", "istio");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("more than once", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_Strict_FailsAndWritesNothing()
    {
        var output = Path.Combine(_dir, "strict.yaml");
        var run = CliRunner.Invoke(_withFake, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "fake", "--strict", "-o", output);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH2101", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Translate_AnInvalidModel_ExitsOne_BeforeTranslating()
    {
        var run = CliRunner.Invoke(_withFake, "translate", Broken(), "--to", "fake");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Import_WritesMeshYaml_AndReportsDroppedFields()
    {
        var manifest = Path.Combine(_dir, "in.yaml");
        File.WriteAllText(manifest, "alpha\nbeta\n");
        var run = CliRunner.Invoke(_withFake, "import", manifest, "--from", "fake");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("kind: Mesh", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("name: alpha", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning MESH2201 in.yaml#0 $.spec.gateways", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_ImportsTranslates_AndPrintsALossReport()
    {
        var manifest = Path.Combine(_dir, "in.yaml");
        File.WriteAllText(manifest, "alpha\n");
        var run = CliRunner.Invoke(_withFake, "migrate", manifest, "--from", "fake", "--to", "fake");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("- alpha\n", run.Stdout);
        Assert.Contains("loss report: 1 input field(s) or resource(s) of fake not carried over; 0 feature(s) fake cannot express; 0 approximated.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Capabilities_Json_ListsEveryFeature()
    {
        var run = CliRunner.Invoke(_withFake, "capabilities", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var fake = doc.RootElement.GetProperty("fake");
        Assert.Equal(Mesh.Translation.MeshFeature.All.Count, fake.EnumerateObject().Count());
        Assert.Equal("unsupported", fake.GetProperty("http.fault.delay").GetProperty("support").GetString());
    }

    [Fact]
    public void Capabilities_UnknownProvider_IsAUsageError() =>
        Assert.Equal(2, CliRunner.Invoke(_withFake, "capabilities", "--provider", "nope").ExitCode);

    [Fact]
    public void CapabilitiesPage_IsUpToDate()
    {
        using var services = CliServices.Build();
        var run = CliRunner.Invoke(services, "capabilities", "--format", "markdown");
        Assert.Equal(0, run.ExitCode);
        var page = Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "docs", "capabilities.md");
        if (Environment.GetEnvironmentVariable("MESH_REGENERATE_DOCS") == "1") File.WriteAllText(page, run.Stdout);
        Assert.True(
            File.Exists(page) && File.ReadAllText(page) == run.Stdout,
            "docs/capabilities.md is stale: run `dotnet run --project src/Mesh.Cli -- capabilities --format markdown -o docs/capabilities.md` (or set MESH_REGENERATE_DOCS=1 and rerun the tests).");
    }
}

/// <summary><c>mesh migrate</c> with the real providers: behaviour is checked, leaf Services carry subsets to meshes that route to Services.</summary>
public sealed class MigrateBehaviourTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-migrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The reviews Service as <c>kubectl get svc reviews -o yaml</c> gives it (trimmed), which the Istio files route through.</summary>
    private const string ReviewsService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: reviews
          namespace: default
          labels: { app: reviews, service: reviews }
        spec:
          selector: { app: reviews }
          ports:
          - name: http
            port: 9080
            targetPort: 9080
            protocol: TCP
            appProtocol: http
        """;

    private static string Example(string provider, string file)
    {
        var root = Mesh.Testing.TestPaths.RepoRoot;
        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "examples", provider, file));
        if (!File.Exists(path)) Assert.Skip("../shared/conformance (upstream example manifests) is not present next to the repository.");
        return path;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("linkerd")]
    [InlineData("gateway-api")]
    public void BookinfoCanary_ToAMeshOfServices_WritesLeafServicesWithPorts_AndKeepsThe8020Split(string target)
    {
        var run = CliRunner.Invoke(
            "migrate",
            Example("istio", "istio__bookinfo_networking_destination-rule-all.yaml"),
            Example("istio", "istio__bookinfo_networking_virtual-service-reviews-80-20.yaml"),
            Write("reviews-svc.yaml", ReviewsService),
            "--from", "istio", "--to", target);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("behaviour: all 1 rule(s) send the same traffic to the same workloads", run.Stderr, StringComparison.Ordinal);
        var documents = run.Stdout.Split("\n---\n");
        foreach (var version in new[] { "v1", "v2" })
        {
            var leaf = Assert.Single(documents, d => d.StartsWith("apiVersion: v1\nkind: Service\n", StringComparison.Ordinal) && d.Contains($"name: reviews-{version}\n", StringComparison.Ordinal));
            Assert.Contains($"version: {version}", leaf, StringComparison.Ordinal);
            Assert.Contains("app: reviews", leaf, StringComparison.Ordinal);
            Assert.Contains("port: 9080", leaf, StringComparison.Ordinal);
        }
        var route = Assert.Single(documents, d => d.Contains("kind: HTTPRoute", StringComparison.Ordinal));
        Assert.Matches("name: reviews-v1\\s+(namespace: default\\s+)?port: 9080\\s+weight: 80", route.Replace("kind: Service\n", "", StringComparison.Ordinal));
        Assert.Matches("name: reviews-v2\\s+(namespace: default\\s+)?port: 9080\\s+weight: 20", route.Replace("kind: Service\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void LinkerdTrafficShifting_ToIstio_BecomesSubsetsOfOneService()
    {
        var manifest = Write("shift.yaml", """
            apiVersion: v1
            kind: Service
            metadata: { name: podinfo, namespace: test }
            spec: { selector: { app: podinfo }, ports: [{ name: http, port: 9898 }] }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: podinfo-v1, namespace: test }
            spec: { selector: { app: podinfo, version: v1 }, ports: [{ name: http, port: 9898 }] }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: podinfo-v2, namespace: test }
            spec: { selector: { app: podinfo, version: v2 }, ports: [{ name: http, port: 9898 }] }
            ---
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: podinfo, namespace: test }
            spec:
              parentRefs: [{ name: podinfo, kind: Service, group: core, port: 9898 }]
              rules:
              - backendRefs:
                - { name: podinfo-v1, port: 9898, weight: 90 }
                - { name: podinfo-v2, port: 9898, weight: 10 }
            """);
        var run = CliRunner.Invoke("migrate", manifest, "--from", "linkerd", "--to", "istio");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("behaviour: all 1 rule(s) send the same traffic to the same workloads on istio.", run.Stderr, StringComparison.Ordinal);
        var rule = Assert.Single(run.Stdout.Split("\n---\n"), d => d.Contains("kind: DestinationRule", StringComparison.Ordinal));
        Assert.Matches("name: v1\\s+labels:\\s+version: v1", rule);
        Assert.Matches("name: v2\\s+labels:\\s+version: v2", rule);
        var route = Assert.Single(run.Stdout.Split("\n---\n"), d => d.Contains("kind: VirtualService", StringComparison.Ordinal));
        Assert.Matches("subset: v1\\s+(port:\\s+number: 9898\\s+)?weight: 90", route);
        Assert.Matches("subset: v2\\s+(port:\\s+number: 9898\\s+)?weight: 10", route);
    }

    [Fact]
    public void RuleTheTargetCannotExpress_IsABehaviourChange_AnErrorUnlessAllowLoss()
    {
        var manifest = Write("vs.yaml", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews, namespace: default }
            spec:
              hosts: [reviews]
              http:
              - match:
                - withoutHeaders: { x-canary: {} }
                route:
                - destination: { host: reviews, port: { number: 9080 } }
            """);
        var service = Write("svc.yaml", ReviewsService);
        var run = CliRunner.Invoke("migrate", manifest, service, "--from", "istio", "--to", "gateway-api");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH2105", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("change their traffic on gateway-api", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);

        var allowed = CliRunner.Invoke("migrate", manifest, service, "--from", "istio", "--to", "gateway-api", "--allow-loss");
        Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        Assert.Contains("warning MESH2105", allowed.Stderr, StringComparison.Ordinal);
        Assert.Contains("kind: HTTPRoute", allowed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceWithTargetPortAndAppProtocol_KeepsBothThroughAMigration()
    {
        var manifest = Write("in.yaml", """
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              selector: { app.kubernetes.io/name: web }
              ports:
              - { name: http, port: 80, targetPort: http-web, appProtocol: kubernetes.io/h2c }
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: web, namespace: shop }
            spec:
              hosts: [web]
              http:
              - route:
                - destination: { host: web, port: { number: 80 } }
            """);
        var run = CliRunner.Invoke("migrate", manifest, "--from", "istio", "--to", "linkerd", "--services", "all");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var back = CliRunner.Invoke("import", Write("out.yaml", run.Stdout), "--from", "linkerd");
        Assert.True(back.ExitCode == 0, back.Stderr);
        Assert.Contains("targetPort: http-web", back.Stdout, StringComparison.Ordinal);
        Assert.Contains("protocol: http2", back.Stdout, StringComparison.Ordinal);
        Assert.Contains("app.kubernetes.io/name: web", back.Stdout, StringComparison.Ordinal);
    }
}
