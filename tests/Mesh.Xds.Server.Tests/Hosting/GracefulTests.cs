using Grpc.Core;
using Mesh.Model;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Hosting;

/// <summary>Disconnects, shutdown, malformed input and slow clients end streams with a status, never the server.</summary>
public sealed class GracefulTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task ServerShutdown_EndsOpenStreamsWithUnavailable_WithoutWaitingForTheClients()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        await stream.NextAsync();

        var stopping = host.StopAsync();
        var status = await stream.EndAsync();

        await stopping.WaitAsync(Limit, TestContext.Current.CancellationToken);
        Assert.Equal(StatusCode.Unavailable, status);
    }

    [Fact]
    public async Task ClientDisconnect_ClosesTheStreamOnTheServer()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        await stream.NextAsync();
        Assert.Equal(1, host.Cache.StreamCount);

        await stream.DisposeAsync();

        await UntilAsync(() => host.Cache.StreamCount == 0);
        // The group's snapshot is kept for the next stream.
        Assert.True(host.Cache.TryGetSnapshot("node-1", out _));
    }

    [Fact]
    public async Task MalformedRequestBytes_AreAnsweredWithAStatus_AndTheServerGoesOn()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        var raw = new Method<byte[], byte[]>(MethodType.DuplexStreaming, "envoy.service.discovery.v3.AggregatedDiscoveryService", "StreamAggregatedResources",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        var invoker = host.Channel().CreateCallInvoker();
        using (var call = invoker.AsyncDuplexStreamingCall(raw, null, new CallOptions(deadline: DateTime.UtcNow.Add(Limit))))
        {
            // A length-delimited field whose length runs past the end of the message.
            await call.RequestStream.WriteAsync([0x22, 0x7f, 0x01], TestContext.Current.CancellationToken);
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
            Assert.NotEqual(StatusCode.OK, error.StatusCode);
            Assert.NotEqual(StatusCode.DeadlineExceeded, error.StatusCode);
        }

        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        Assert.Equal(XdsTypeUrls.Cluster, (await stream.NextAsync()).TypeUrl);
    }

    [Fact]
    public async Task SlowClient_SkipsToTheLatestSnapshot_InsteadOfQueueingEveryVersion()
    {
        const int Changes = 30;
        await using var host = await XdsServerHost.StartAsync();
        // Large CDS responses (about a thousand clusters) so that a client that does not read stops the server's writes.
        host.Cache.SetSnapshot("node-1", Big(0));
        var client = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(host.Channel());
        using var call = client.StreamAggregatedResources(cancellationToken: TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(Ads.Request(XdsTypeUrls.Cluster), TestContext.Current.CancellationToken);

        XdsSnapshot last = null!;
        for (var i = 1; i <= Changes; i++)
        {
            last = Big(i);
            host.Cache.SetSnapshot("node-1", last);
        }

        var latest = last.Clusters.Version.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        var received = 0;
        using var timeout = new CancellationTokenSource(Limit);
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            received++;
            if (call.ResponseStream.Current.VersionInfo == latest) break;
        }
        Assert.Equal(latest, call.ResponseStream.Current.VersionInfo);
        Assert.True(received < Changes, $"received {received} responses for {Changes} changes: versions were queued, not skipped");
    }

    private static XdsSnapshot Big(int variant)
    {
        var services = Enumerable.Range(0, 1000 + variant).Select(i => new MeshService
        {
            Name = $"svc-{i}", Namespace = "grpc",
            Ports = [new ServicePort { Port = 8080, Protocol = Mesh.Model.Protocol.Grpc }],
        });
        var model = new MeshConfig { Name = "big", Services = [.. services] };
        var built = new XdsEncoder().Build(model, EndpointSnapshot.Empty, GreeterMesh.Proxy());
        return built.Snapshot ?? throw new InvalidOperationException(string.Join("; ", built.Diagnostics));
    }

    [Fact]
    public async Task InvalidOptions_FailWhenTheCacheIsCreated()
    {
        var error = Assert.Throws<ArgumentException>(() => new XdsSnapshotCache(new XdsServerOptions { RequestQueueCapacity = 0 }));
        Assert.Contains("RequestQueueCapacity", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
