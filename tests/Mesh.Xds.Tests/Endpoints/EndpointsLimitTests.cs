using System.Diagnostics;
using System.Text;
using Mesh.Diagnostics;
using Mesh.Serialization;

namespace Mesh.Xds.Tests.Endpoints;

/// <summary>
/// Hostile endpoints files: each must end as one located reading error, with no exception and no snapshot. Each test
/// prints what reading cost (time, bytes allocated by the reading thread, the managed heap's peak growth during the
/// read, the process's peak working set); nothing asserts on those figures. The heap and working-set figures are
/// process-wide, so they are clean only when a test runs alone (<c>--filter-method</c>).
/// </summary>
public sealed class EndpointsLimitTests
{
    [Fact]
    public void AnAliasBomb_IsRefusedAtItsFirstAlias()
    {
        var yaml = AliasBomb();
        var result = Measured("alias bomb (9 levels x 10 aliases)", yaml, options: null);
        AssertOneLocatedError(result, DiagnosticCodes.LimitExceeded, line: 2, column: 10);
    }

    [Fact]
    public void AnAliasBomb_WithAliasesAllowed_StopsAtMaxNodes()
    {
        var yaml = AliasBomb();
        var result = Measured("alias bomb, aliases allowed", yaml, MeshReaderOptions.Default with { AllowAliases = true });
        var diagnostic = AssertOneLocatedError(result, DiagnosticCodes.LimitExceeded);
        Assert.Contains("MaxNodes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]", "")]
    [InlineData("{a: ", "}", "1")]
    public void DeepNesting_StopsAtMaxDepth(string open, string close, string leaf)
    {
        const int depth = 20_000;
        var yaml = "endpoints: " + string.Concat(Enumerable.Repeat(open, depth)) + leaf + string.Concat(Enumerable.Repeat(close, depth)) + "\n";
        var result = Measured($"{depth}-deep nesting of {open.Trim()}{close}", yaml, options: null);
        // The root mapping is the first level; the collection that would be level 65 starts at column 12 + 63 opens.
        AssertOneLocatedError(result, DiagnosticCodes.LimitExceeded, line: 1, column: 12 + (open.Length * (MeshReaderOptions.Default.MaxDepth - 1)));
    }

    [Fact]
    public void FiftyMegabytes_StopAtMaxBytes()
    {
        const string entry = "  - { service: a.b, port: 80, addresses: [ { address: 10.0.0.1 } ] }\n";
        var builder = new StringBuilder((50 * 1024 * 1024) + entry.Length).Append("endpoints:\n");
        while (builder.Length < 50 * 1024 * 1024) builder.Append(entry);
        var result = Measured("50 MB document", builder.ToString(), options: null);
        AssertOneLocatedError(result, DiagnosticCodes.LimitExceeded, line: 1, column: 1);
    }

    [Fact]
    public void AMillionNodes_StopAtMaxNodes()
    {
        const int zeros = 1_000_000;
        var yaml = "endpoints: [" + string.Join(", ", Enumerable.Repeat("0", zeros)) + "]\n";
        var result = Measured("1,000,000 small nodes", yaml, options: null);
        // Nodes: the root mapping, its key, the sequence, then the zeros; the one past MaxNodes is a zero.
        var zero = MeshReaderOptions.Default.MaxNodes + 1 - 3;
        AssertOneLocatedError(result, DiagnosticCodes.LimitExceeded, line: 1, column: 13 + (3 * (zero - 1)));
    }

    /// <summary>The "billion laughs" shape: each of 9 levels names the previous one 10 times (10^9 nodes once expanded).</summary>
    private static string AliasBomb()
    {
        var builder = new StringBuilder("l0: &l0 [").AppendJoin(", ", Enumerable.Repeat("lol", 10)).Append("]\n");
        for (var level = 1; level < 9; level++)
        {
            builder.Append($"l{level}: &l{level} [").AppendJoin(", ", Enumerable.Repeat($"*l{level - 1}", 10)).Append("]\n");
        }
        return builder.Append("endpoints: *l8\n").ToString();
    }

    private static Diagnostic AssertOneLocatedError(EndpointsReadResult result, DiagnosticCode code, int? line = null, int? column = null)
    {
        Assert.Null(result.Snapshot);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.IsError);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal("$", diagnostic.Path);
        Assert.Equal("hostile.yaml", diagnostic.Location?.File);
        Assert.True(diagnostic.Location is { Line: >= 1, Column: >= 1 }, $"no line and column: {diagnostic.Location}");
        if (line is not null) Assert.Equal(line, diagnostic.Location!.Line);
        if (column is not null) Assert.Equal(column, diagnostic.Location!.Column);
        return diagnostic;
    }

    /// <summary>Reads <paramref name="yaml"/> once warmed up and prints the cost; a sampling thread records the managed heap's peak.</summary>
    private static EndpointsReadResult Measured(string name, string yaml, MeshReaderOptions? options)
    {
        // Warm up the reader, so the figures are reading, not JIT compilation.
        EndpointsYaml.Read("endpoints: [{ service: a.b, port: 80, addresses: [{ address: 10.0.0.1 }] }, [[]], *x]\n", "warm-up.yaml", options);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var heapPeak = heapBefore;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
            }
            while (!done.Wait(1));
        }) { IsBackground = true };
        sampler.Start();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = EndpointsYaml.Read(yaml, "hostile.yaml", options);
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        done.Set();
        sampler.Join();
        heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
        using var process = Process.GetCurrentProcess();
        var first = result.Diagnostics.Count > 0 ? result.Diagnostics[0] : null;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{name}: input {System.Text.Encoding.UTF8.GetByteCount(yaml):N0} bytes; {clock.Elapsed.TotalMilliseconds:N1} ms; " +
            $"allocated {allocated:N0} bytes; managed heap peak +{heapPeak - heapBefore:N0} bytes; " +
            $"process peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB; " +
            $"{first?.Severity} {first?.Code} {first?.Path} ({first?.Location}): {first?.Message}");
        return result;
    }
}
