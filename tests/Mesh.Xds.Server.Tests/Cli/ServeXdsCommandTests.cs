using Mesh.Cli;
using Mesh.Cli.Commands;
using Mesh.Cli.Composition;
using Mesh.Cli.Output;
using Mesh.Translation;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Xds.Server.Tests.Cli;

/// <summary><c>mesh serve-xds</c>: serves the files' configuration, pushes a change to a file, keeps serving through a broken one.</summary>
public sealed class ServeXdsCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-serve-xds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Model(int v1, int v2) => $$"""
        kind: Mesh
        metadata: { name: greeter }
        spec:
          services:
            - name: greeter
              namespace: grpc
              ports: [{ name: grpc, port: 50051, protocol: grpc }]
              subsets: { v1: { version: v1 }, v2: { version: v2 } }
          routes:
            - name: greeter
              namespace: grpc
              host: greeter.grpc
              rules:
                - backends:
                    - { service: greeter.grpc, subset: v1, weight: {{v1}} }
                    - { service: greeter.grpc, subset: v2, weight: {{v2}} }
        """;

    private const string Endpoints = """
        endpoints:
          - service: greeter.grpc
            port: 50051
            addresses:
              - { address: 127.0.0.1, port: 7001, labels: { version: v1 } }
              - { address: 127.0.0.1, port: 7002, labels: { version: v2 } }
        """;

    private static async Task UntilAsync(Func<bool> condition, Func<string> what)
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            while (!condition()) await Task.Delay(25, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("Timed out waiting: " + what());
        }
    }

    [Fact]
    public async Task ServesTheFiles_PushesAChangedFile_AndKeepsTheLastGoodConfigurationThroughABrokenOne()
    {
        var model = Path.Combine(_dir, "greeter.mesh.yaml");
        var endpoints = Path.Combine(_dir, "greeter.endpoints.yaml");
        await File.WriteAllTextAsync(model, Model(80, 20), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(endpoints, Endpoints, TestContext.Current.CancellationToken);
        using var services = CliServices.Build();
        var stdoutText = new StringWriter();
        var stderrText = new StringWriter();
        var stdout = TextWriter.Synchronized(stdoutText);
        var stderr = TextWriter.Synchronized(stderrText);
        string Out() { lock (stdout) return stdoutText.ToString(); }
        string Err() { lock (stderr) return stderrText.ToString(); }
        var context = new CliContext(stdout, stderr, services.GetRequiredService<ITranslatorRegistry>());
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => ServeXdsCommand.RunAsync(new ServeXdsCommand.Options(model, endpoints, "127.0.0.1", 0, OutputFormat.Text), context, listening.SetResult, stop.Token), TestContext.Current.CancellationToken);
        try
        {
            var address = await listening.Task.WaitAsync(Limit, TestContext.Current.CancellationToken);
            Assert.Contains($"serving xDS (ADS: state of the world and delta) on 127.0.0.1:{address.Port}", Out(), StringComparison.Ordinal);
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(address);
            await using var stream = Ads.Sotw(channel);

            // A gRPC client (by its user agent) asks for its route configuration: the proxyless form, for the xds:/// target.
            var request = Ads.Request(XdsTypeUrls.RouteConfiguration, "grpc-client-1", names: GreeterMesh.Target);
            request.Node.UserAgentName = "gRPC Node";
            await stream.SendAsync(request);
            var first = await stream.NextAsync();
            Assert.Equal(GreeterMesh.Target, Assert.Single(first.Resources).Value.ToStringUtf8()[2..(2 + GreeterMesh.Target.Length)]);
            await stream.SendAsync(Ads.Ack(first, "grpc-client-1", GreeterMesh.Target));

            // Changing the split in the file pushes a new route configuration.
            await File.WriteAllTextAsync(model, Model(20, 80), TestContext.Current.CancellationToken);
            var pushed = await stream.NextAsync();
            Assert.Equal(XdsTypeUrls.RouteConfiguration, pushed.TypeUrl);
            Assert.NotEqual(first.VersionInfo, pushed.VersionInfo);
            await UntilAsync(() => Out().Contains("reloaded", StringComparison.Ordinal), () => Out());

            // A broken file is reported and changes nothing for the client.
            await File.WriteAllTextAsync(model, "kind: Mesh\nspec: { services: [ { name: 42 } ] }\n", TestContext.Current.CancellationToken);
            await UntilAsync(() => Err().Contains("keep the last good configuration", StringComparison.Ordinal), () => Err());
            await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster, "grpc-client-1"));
            Assert.Equal(XdsTypeUrls.Cluster, (await stream.NextAsync()).TypeUrl);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(ExitCodes.Ok, await serving.WaitAsync(Limit, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task InvalidAddress_IsAUsageError()
    {
        using var services = CliServices.Build();
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr, services.GetRequiredService<ITranslatorRegistry>());

        var code = await ServeXdsCommand.RunAsync(new ServeXdsCommand.Options("m.yaml", "e.yaml", "not-an-ip", 0, OutputFormat.Text), context, null, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not an IP address", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelWithErrors_IsReported_AndNothingIsServed()
    {
        var model = Path.Combine(_dir, "bad.mesh.yaml");
        var endpoints = Path.Combine(_dir, "e.yaml");
        await File.WriteAllTextAsync(model, "kind: Mesh\nspec: { services: [ { name: 42 } ] }\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(endpoints, Endpoints, TestContext.Current.CancellationToken);
        using var services = CliServices.Build();
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr, services.GetRequiredService<ITranslatorRegistry>());

        var code = await ServeXdsCommand.RunAsync(new ServeXdsCommand.Options(model, endpoints, "127.0.0.1", 0, OutputFormat.Text), context, null, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Errors, code);
        Assert.Contains("error", stderr.ToString(), StringComparison.Ordinal);
    }
}
