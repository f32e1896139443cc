using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Providers.Istio;
using Mesh.Serialization;
using Mesh.Translation;

namespace Mesh.Cli.Tests;

/// <summary>Objects Mesh SDK writes carry <c>app.kubernetes.io/managed-by: mesh-sdk</c>; imports tell them from hand-written ones, and can read them alone.</summary>
public sealed class OwnershipTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-owned-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string HandWritten = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: legacy, namespace: bookinfo }
        spec:
          hosts: [legacy.bookinfo.svc.cluster.local]
          http: [{ route: [{ destination: { host: legacy.bookinfo.svc.cluster.local } }] }]
        """;

    private static string Ours()
    {
        var istio = new IstioTranslator();
        var model = MeshYaml.Read(File.ReadAllText(CliRunner.Sample("bookinfo.mesh.yaml"))).Config!;
        return istio.WriteYaml(istio.Translate(model).Resources);
    }

    [Fact]
    public void OwnOutput_ReadsBackWithoutANoteAboutTheLabel()
    {
        var back = new IstioTranslator().ImportYaml(Ours(), "ours.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.DoesNotContain(back.Diagnostics, d => d.Path.Contains("$.metadata.labels", StringComparison.Ordinal));
        Assert.DoesNotContain(back.Diagnostics, d => d.Message.Contains("not written by Mesh SDK", StringComparison.Ordinal));
    }

    [Fact]
    public void AMixedInput_NamesTheHandWrittenObjects_AndManagedOnlyLeavesThemOut()
    {
        var istio = new IstioTranslator();
        SourceText[] input = [new("ours.yaml", Ours()), new("legacy.yaml", HandWritten)];

        var all = istio.ImportYaml(input);
        var note = Assert.Single(all.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Message.Contains("not written by Mesh SDK", StringComparison.Ordinal));
        Assert.Contains("legacy.yaml#0", note.Message, StringComparison.Ordinal);
        Assert.Contains(all.Config!.Routes, r => r.Name == "legacy");

        var managed = istio.ImportYaml(input, new ImportOptions { ManagedOnly = true });
        Assert.DoesNotContain(managed.Config!.Routes, r => r.Name == "legacy");
        Assert.Contains(managed.Diagnostics, d => d.Message.Contains("are not read (managed objects only): legacy.yaml#0", StringComparison.Ordinal));
        Assert.True(Ownership.IsManaged(Assert.IsAssignableFrom<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>>(istio.Translate(managed.Config!).Resources[0])));
    }

    [Fact]
    public void Diff_ManagedOnly_IgnoresHandWrittenObjectsOfTheLiveSide()
    {
        var live = Path.Combine(_dir, "live.yaml");
        File.WriteAllText(live, Ours() + "---\n" + HandWritten);
        var sample = CliRunner.Sample("bookinfo.mesh.yaml");
        Assert.Equal(3, CliRunner.Invoke("diff", sample, live, "--from", "istio").ExitCode);
        var run = CliRunner.Invoke("diff", sample, live, "--from", "istio", "--managed-only");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }
}
