using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mesh.Diagnostics;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Tests.Yaml;

/// <summary>
/// What importing a large manifest stream costs, bounded (managed bytes allocated on the importing thread, a multiple of the
/// input's size, not a timing): a 2 MB stream of VirtualServices and DestinationRules, and a 50 MB stream, which the
/// manifest reader's MaxBytes (16 MiB) refuses before parsing it. Figures are in docs/robustness.md.
/// </summary>
public class LargeManifestTests
{
    private const long MiB = 1024 * 1024;

    /// <summary>About <paramref name="bytes"/> of manifests: for each service a VirtualService splitting 90/10 between two subsets and the DestinationRule defining them.</summary>
    private static string Manifests(long bytes, out int services)
    {
        var text = new StringBuilder((int)Math.Min(int.MaxValue, bytes + 1024));
        services = 0;
        while (text.Length < bytes)
        {
            var name = "service-" + services.ToString("D7", CultureInfo.InvariantCulture);
            var ns = "team-" + (services % 100).ToString("D3", CultureInfo.InvariantCulture);
            text.Append("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
                .Append("\nspec:\n  hosts:\n  - ").Append(name).Append("\n  http:\n  - route:\n    - destination:\n        host: ").Append(name)
                .Append("\n        subset: v1\n      weight: 90\n    - destination:\n        host: ").Append(name).Append("\n        subset: v2\n      weight: 10\n---\n")
                .Append("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
                .Append("\nspec:\n  host: ").Append(name).Append("\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n  - name: v2\n    labels:\n      version: v2\n---\n");
            services++;
        }
        return text.ToString();
    }

    private static long Allocated(Action read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        read();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Report(string what, long bytes, long allocated, Stopwatch clock)
    {
        using var process = Process.GetCurrentProcess();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{what}: {bytes / (double)MiB:F1} MiB input, {allocated / (double)MiB:F0} MiB allocated ({allocated / (double)bytes:F1}x), {clock.ElapsedMilliseconds} ms, process peak working set {process.PeakWorkingSet64 / MiB} MiB");
    }

    [Fact]
    public void TwoMegabyteStream_ImportsInMemoryBoundedByItsSize()
    {
        var yaml = Manifests(2 * MiB, out var services);
        var bytes = Encoding.UTF8.GetByteCount(yaml);
        ImportResult? result = null;
        var clock = Stopwatch.StartNew();
        var allocated = Allocated(() => result = new IstioTranslator().ImportYaml(yaml, "large.yaml"));
        clock.Stop();
        Report($"Istio stream of {services} VirtualServices and DestinationRules", bytes, allocated, clock);
        Assert.False(result!.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(3)));
        Assert.Equal(services, result.Config!.Routes.Count);
        // Measured: 175x (349 MiB for 2 MiB) on .NET 10: the YAML tree, the JSON tree, the typed objects and the model.
        Assert.True(allocated < 256L * bytes, $"{allocated / MiB} MiB allocated importing {bytes / MiB} MiB");
    }

    [Fact]
    public void FiftyMegabyteStream_IsRefusedBeforeItIsParsed()
    {
        var yaml = Manifests(50 * MiB, out _);
        var bytes = Encoding.UTF8.GetByteCount(yaml);
        ImportResult? result = null;
        var clock = Stopwatch.StartNew();
        var allocated = Allocated(() => result = new IstioTranslator().ImportYaml(yaml, "large.yaml"));
        clock.Stop();
        Report("50 MB Istio stream, default limits", bytes, allocated, clock);
        var d = Assert.Single(result!.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.LimitExceeded, d.Code);
        Assert.Contains("MaxBytes", d.Message, StringComparison.Ordinal);
        Assert.Null(result.Config);
        // Refused from the text's length: nothing is parsed.
        Assert.True(allocated < 256 * 1024, $"{allocated} bytes allocated");
    }
}
