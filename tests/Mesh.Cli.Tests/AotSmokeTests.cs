using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mesh.Cli.Tests;

/// <summary>
/// Trim and AOT honesty: <c>tests/Mesh.AotSmoke</c> (every provider registered through DI, a code-first and the sample model
/// translated to each provider and read back, xDS JSON) is published with <c>PublishAot=true</c>; the publish must report no
/// trim or AOT warning (IL2xxx, IL3xxx), and the native binary must print the same bytes as <c>dotnet run</c> of the same app
/// — the failure this guards against is a trimmed app that wrote <c>spec: {}</c> without a word. One publish per run
/// (about two minutes); skipped, saying why, when the native toolchain (the platform linker) is missing.
/// </summary>
public sealed partial class AotSmokeTests : IDisposable
{
    private static readonly string Root = Mesh.Testing.TestPaths.RepoRoot;
    private static readonly string Project = Path.Combine(Root, "tests", "Mesh.AotSmoke", "Mesh.AotSmoke.csproj");
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-aot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"\bwarning (IL[23]\d{3})\b")]
    private static partial Regex TrimOrAotWarning();

    [GeneratedRegex(@"(?i)platform linker|linker .*not found|'(clang|gcc|ld|lld)' .*not found|cannot find -l|NETSDK1(094|183|203)")]
    private static partial Regex MissingToolchain();

    private static (int ExitCode, string Output, string Errors) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {arguments} did not finish within {Limit}.");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    [Fact]
    public void TheSmokeApp_PublishedNativeAot_HasNoTrimWarnings_AndPrintsWhatDotnetRunPrints()
    {
        // The publish builds into artifacts/aot-smoke, apart from the repository's own bin/obj (its restore and Release build with
        // PublishAot would otherwise make the next ordinary build start over). The native step is incremental: without its
        // intermediate folder it runs again, so its warnings are seen every time.
        var artifacts = Path.Combine(Root, "artifacts", "aot-smoke");
        if (Directory.Exists(artifacts))
        {
            foreach (var folder in Directory.GetDirectories(artifacts, "native", SearchOption.AllDirectories)) Directory.Delete(folder, recursive: true);
        }
        var published = Path.Combine(_dir, "publish");
        var publish = Run("dotnet", $"publish \"{Project}\" -c Release -p:PublishAot=true --artifacts-path \"{artifacts}\" -o \"{published}\"");
        var publishLog = publish.Output + publish.Errors;
        if (publish.ExitCode != 0 && MissingToolchain().IsMatch(publishLog))
        {
            Assert.Skip($"The native AOT toolchain is missing (dotnet publish -p:PublishAot=true: {MissingToolchain().Match(publishLog).Value}); install clang/the platform linker to run this test.");
        }
        Assert.True(publish.ExitCode == 0, publishLog);
        var warnings = TrimOrAotWarning().Matches(publishLog).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(warnings.Count == 0, $"the AOT publish reported trim/AOT warnings ({string.Join(", ", warnings)}):\n{publishLog}");

        var binary = Path.Combine(published, OperatingSystem.IsWindows() ? "Mesh.AotSmoke.exe" : "Mesh.AotSmoke");
        Assert.True(File.Exists(binary), $"no native binary at {binary}");
        var native = Run(binary, string.Empty);
        Assert.True(native.ExitCode == 0, native.Output + native.Errors);
        // Debug: the libraries are built already (Mesh.Cli references them all), and the Release ones stay as the publish left them.
        var jit = Run("dotnet", $"run --project \"{Project}\"");
        Assert.True(jit.ExitCode == 0, jit.Output + jit.Errors);

        Assert.True(native.Output == jit.Output, $"the native binary printed {native.Output.Length} characters, dotnet run {jit.Output.Length}; first difference at {FirstDifference(native.Output, jit.Output)}:\n{Around(native.Output, FirstDifference(native.Output, jit.Output))}");
        Assert.True(native.Output.Length > 100_000, $"only {native.Output.Length} characters printed");
        Assert.DoesNotContain("spec: {}", native.Output, StringComparison.Ordinal);
        foreach (var kind in new[] { "VirtualService", "DestinationRule", "HTTPRoute", "Server", "VirtualNode", "TrafficSplit", "ServiceRouter", "Service" })
        {
            Assert.Contains($"\nkind: {kind}\n", native.Output, StringComparison.Ordinal);
        }
        Assert.Matches(@"kind: VirtualService\nmetadata:\n(  .*\n)+spec:\n  \w+", native.Output);
        Assert.Contains("\"@type\": \"type.googleapis.com/envoy.config.listener.v3.Listener\"", native.Output, StringComparison.Ordinal);
        Assert.Contains("# bookinfo -> istio -> model\n", native.Output, StringComparison.Ordinal);
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 200)];
}
