using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.Xds.Server.Tests.Interop;

/// <summary>
/// <c>XdsClient/client.js</c>: gRPC's own xDS client (<c>@grpc/grpc-js-xds</c>) in a node process, bootstrapped to our
/// server on loopback, answering one JSON line per command. Killed on dispose.
/// </summary>
internal sealed class NodeXdsClient : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _dir;
    private readonly List<string> _stderr = [];

    private NodeXdsClient(Process process, string dir)
    {
        _process = process;
        _dir = dir;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data); };
        process.BeginErrorReadLine();
    }

    public static string ClientFolder => Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "tests", "Mesh.Xds.Server.Tests", "XdsClient");

    /// <summary>Why the client cannot run here (no node on PATH), or null.</summary>
    public static string? Unavailable()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (node is null || !node.WaitForExit(TimeSpan.FromSeconds(30)) || node.ExitCode != 0) return "`node --version` failed";
            return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node (Node.js) is not on PATH; install Node.js and run `npm ci` in tests/Mesh.Xds.Server.Tests/XdsClient to run the gRPC xDS interop tests";
        }
    }

    public static async Task<NodeXdsClient> StartAsync(Uri server, string nodeId, string target)
    {
        Assert.True(Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@grpc", "grpc-js-xds")),
            $"@grpc/grpc-js-xds is not installed: run `npm ci` in {ClientFolder} (.ci/run does).");
        var dir = Directory.CreateTempSubdirectory("mesh-xds-node-").FullName;
        var bootstrap = Path.Combine(dir, "bootstrap.json");
        await File.WriteAllTextAsync(bootstrap, new JsonObject
        {
            ["xds_servers"] = new JsonArray(new JsonObject
            {
                ["server_uri"] = $"{server.Host}:{server.Port}",
                ["channel_creds"] = new JsonArray(new JsonObject { ["type"] = "insecure" }),
                ["server_features"] = new JsonArray("xds_v3"),
            }),
            ["node"] = new JsonObject { ["id"] = nodeId, ["locality"] = new JsonObject() },
        }.ToJsonString());
        var proto = Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "tests", "Mesh.Xds.Server.Tests", "Protos", "echo.proto");
        var start = new ProcessStartInfo("node", ["client.js", proto, "xds:///" + target])
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GRPC_XDS_BOOTSTRAP"] = bootstrap;
        var client = new NodeXdsClient(Process.Start(start)!, dir);
        var ready = await client.ReadLineAsync();
        Assert.True(ready["ready"]?.GetValue<bool>() == true, "client.js did not start: " + ready.ToJsonString() + client.Errors());
        return client;
    }

    /// <summary>Runs <paramref name="count"/> RPCs and returns how many each backend served and how many failed with each status.</summary>
    public async Task<(Dictionary<string, int> Backends, Dictionary<string, int> Errors)> CallsAsync(int count, Dictionary<string, string>? headers = null, int delayMs = 0, int deadlineMs = 10000)
    {
        var command = new JsonObject { ["cmd"] = "calls", ["count"] = count, ["delayMs"] = delayMs, ["deadlineMs"] = deadlineMs, ["headers"] = JsonSerializer.SerializeToNode(headers ?? []) };
        await _process.StandardInput.WriteLineAsync(command.ToJsonString());
        await _process.StandardInput.FlushAsync();
        var answer = await ReadLineAsync();
        Assert.True(answer["ok"]?.GetValue<bool>() == true, "client.js failed: " + answer.ToJsonString() + Errors());
        return (Counts(answer["backends"]), Counts(answer["errors"]));
    }

    private static Dictionary<string, int> Counts(JsonNode? node) =>
        node is JsonObject o ? o.ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()) : [];

    private async Task<JsonNode> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"client.js did not answer within {Limit}." + Errors());
        }
        Assert.True(line is not null, "client.js exited." + Errors());
        return JsonNode.Parse(line!)!;
    }

    public string Errors()
    {
        lock (_stderr) return _stderr.Count == 0 ? string.Empty : "\nstderr:\n" + string.Join('\n', _stderr.TakeLast(40));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("{\"cmd\":\"exit\"}");
                await _process.StandardInput.FlushAsync();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
