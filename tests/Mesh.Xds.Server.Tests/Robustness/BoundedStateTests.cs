using Grpc.Core;
using Mesh.Model;
using Mesh.Xds.Server.Tests.Load;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Robustness;

/// <summary>
/// What one client can make the server hold stays bounded: the names it subscribes to (<see cref="XdsServerOptions.MaxResourceNamesPerType"/>),
/// the unknown type URLs it asks for, and the response bodies its changing subscriptions make the server build. The
/// memory checks compare the managed heap (after a full collection) before and after a client's requests; they run alone
/// (the load collection) so that no other test's allocations are counted.
/// </summary>
[Collection(nameof(LoadCollection))]
public sealed class BoundedStateTests
{
    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>A mesh of <paramref name="services"/> services with <paramref name="addresses"/> endpoints each (large EDS resources).</summary>
    internal static XdsSnapshot Wide(int services, int addresses, int generation = 0)
    {
        var model = new MeshConfig
        {
            Name = "wide",
            Services = [.. Enumerable.Range(0, services).Select(i => new MeshService { Name = $"svc-{i}", Namespace = "wide", Ports = [new ServicePort { Port = 8080, Protocol = Mesh.Model.Protocol.Grpc }] })],
        };
        var endpoints = new EndpointSnapshot
        {
            Services =
            [
                .. Enumerable.Range(0, services).Select(i => new ServiceEndpoints
                {
                    Service = new ServiceRef($"svc-{i}", "wide"),
                    Port = 8080,
                    Addresses = [.. Enumerable.Range(0, addresses).Select(a => new EndpointAddress { Address = $"10.{i % 250}.{a % 250}.{1 + generation % 250}", Port = 9000 + a })],
                }),
            ],
        };
        var built = new XdsEncoder().Build(model, endpoints, XdsProxy.ProxylessGrpc("wide", "wide"));
        return built.Snapshot ?? throw new InvalidOperationException(string.Join("; ", built.Diagnostics));
    }

    [Fact]
    public void Defaults_AllowAHundredThousandNamesPerType_AndTheLimitIsValidated()
    {
        Assert.Equal(100_000, new XdsServerOptions().MaxResourceNamesPerType);
        var error = Assert.Throws<ArgumentException>(() => new XdsSnapshotCache(new XdsServerOptions { MaxResourceNamesPerType = 0 }));
        Assert.Contains("MaxResourceNamesPerType", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DistinctUnknownTypeUrls_AreNotAllRemembered(bool delta)
    {
        const int Requests = 300;
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        var channel = host.Channel();
        await using var sotw = Ads.Sotw(channel);
        await using var incremental = Ads.Delta(channel);
        // The stream is open and has answered once before the heap is measured.
        if (delta)
        {
            await incremental.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster));
            await incremental.NextAsync();
        }
        else
        {
            await sotw.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
            await sotw.NextAsync();
        }
        var before = Heap();

        // 300 distinct type URLs of 32,000 characters: 19 MB of strings if the stream kept them all.
        for (var i = 0; i < Requests; i++)
        {
            var typeUrl = "type.googleapis.com/junk." + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(32_000, 'x');
            if (delta) await incremental.SendAsync(Ads.DeltaRequest(typeUrl));
            else await sotw.SendAsync(Ads.Request(typeUrl));
        }
        // A barrier: the route configuration is answered after every request above was handled.
        if (delta) await incremental.SendAsync(Ads.DeltaRequest(XdsTypeUrls.RouteConfiguration, subscribe: [GreeterMesh.Target]));
        else await sotw.SendAsync(Ads.Request(XdsTypeUrls.RouteConfiguration, names: GreeterMesh.Target));
        var barrier = delta ? (await incremental.NextAsync()).TypeUrl : (await sotw.NextAsync()).TypeUrl;
        Assert.Equal(XdsTypeUrls.RouteConfiguration, barrier);

        var grown = Heap() - before;
        Assert.True(grown < 6 * 1024 * 1024, $"the heap grew by {grown / 1048576.0:F1} MB after {Requests} distinct unknown type URLs");
    }

    [Fact]
    public async Task ChangingNamedSubscriptions_DoNotMakeTheSnapshotKeepEveryBodyBuilt()
    {
        const int Requests = 600;
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = Wide(services: 40, addresses: 60);
        host.Cache.SetSnapshot("node-1", snapshot);
        var names = snapshot.LoadAssignments.Select(r => r.Name).ToArray();
        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, names: names));
        var last = await stream.NextAsync();
        var before = Heap();

        // Each request names another half of the load assignments (with the last nonce, so it is handled): each answer is
        // a body of its own, about 40 KB. Kept for the snapshot's lifetime, 600 of them would be 24 MB.
        var random = new Random(42);
        for (var i = 0; i < Requests; i++)
        {
            var subset = names.Where(_ => random.Next(2) == 0).ToArray();
            await stream.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, version: last.VersionInfo, nonce: last.Nonce, names: subset));
            last = await stream.NextAsync();
            Assert.Equal(subset.Length, last.Resources.Count);
        }

        var grown = Heap() - before;
        Assert.True(grown < 8 * 1024 * 1024, $"the heap grew by {grown / 1048576.0:F1} MB after {Requests} different selections of one snapshot");
    }

    [Fact]
    public async Task SotwRequest_NamingMoreThanTheLimit_EndsTheStreamWithResourceExhausted_AndOthersGoOn()
    {
        var logs = new LogCapture();
        await using var host = await XdsServerHost.StartAsync(o => o.MaxResourceNamesPerType = 1_000, logs: logs);
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, names: [.. snapshot.LoadAssignments.Select(r => r.Name), .. Enumerable.Range(0, 1_000).Select(i => $"junk-{i}")]));

        Assert.Equal(StatusCode.ResourceExhausted, await stream.EndAsync());
        Assert.Contains(logs.Of(8), e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("MaxResourceNamesPerType", StringComparison.Ordinal));
        await using var other = Ads.Sotw(host.Channel());
        await other.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, names: [.. snapshot.LoadAssignments.Select(r => r.Name)]));
        Assert.Equal(snapshot.LoadAssignments.Count, (await other.NextAsync()).Resources.Count);
    }

    [Fact]
    public async Task DeltaSubscriptions_AddingUpToMoreThanTheLimit_EndTheStreamWithResourceExhausted()
    {
        var logs = new LogCapture();
        await using var host = await XdsServerHost.StartAsync(o => o.MaxResourceNamesPerType = 1_000, logs: logs);
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        await using var stream = Ads.Delta(host.Channel());
        var real = snapshot.LoadAssignments.Select(r => r.Name).ToArray();

        // 600 names, then 600 more: each request is under the limit, the subscriptions together are not.
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, subscribe: [.. real, .. Enumerable.Range(0, 600 - real.Length).Select(i => $"a-{i}")]));
        Assert.Equal(real.Length, (await stream.NextAsync()).Resources.Count);
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, subscribe: Enumerable.Range(0, 600).Select(i => $"b-{i}")));

        Assert.Equal(StatusCode.ResourceExhausted, await stream.EndAsync());
        Assert.Single(logs.Of(8));
        Assert.Equal(0, host.Cache.StreamCount);
    }

    [Fact]
    public async Task DeltaInitialVersions_OverTheLimit_EndTheStreamWithResourceExhausted()
    {
        await using var host = await XdsServerHost.StartAsync(o => o.MaxResourceNamesPerType = 1_000);
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Delta(host.Channel());

        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, initial: Enumerable.Range(0, 1_001).ToDictionary(i => $"junk-{i}", _ => "zz")));

        Assert.Equal(StatusCode.ResourceExhausted, await stream.EndAsync());
    }

    [Fact]
    public async Task AtTheDefaultLimit_AHundredThousandNames_AreServed_AndOneMoreIsNot()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        var real = snapshot.LoadAssignments.Select(r => r.Name).ToArray();
        string[] names = [.. real, .. Enumerable.Range(0, 100_000 - real.Length).Select(i => $"n{i}")];

        await using (var stream = Ads.Sotw(host.Channel()))
        {
            await stream.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, names: names));
            Assert.Equal(real.Length, (await stream.NextAsync()).Resources.Count);
        }
        await using (var stream = Ads.Delta(host.Channel()))
        {
            await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, subscribe: names));
            Assert.Equal(real.Length, (await stream.NextAsync()).Resources.Count);
        }
        await using (var stream = Ads.Sotw(host.Channel()))
        {
            await stream.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, names: [.. names, "one-more"]));
            Assert.Equal(StatusCode.ResourceExhausted, await stream.EndAsync());
        }
    }

    [Fact]
    public async Task ClientThatNeverReads_MakesTheServerHoldNoBacklog_WhileAnotherGetsEveryChange()
    {
        const int Changes = 200;
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "mesh");
        var snapshot = Wide(services: 40, addresses: 60);
        host.Cache.SetSnapshot("mesh", snapshot);
        var names = snapshot.LoadAssignments.Select(r => r.Name).ToArray();
        await using var good = Ads.Sotw(host.Channel());
        await good.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, "good", names: names));
        await good.SendAsync(Ads.Ack(await good.NextAsync(), "good", names));
        // A client that asks once and then neither reads nor ACKs: each change is a 60 KB response it does not take.
        var client = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(host.Channel());
        using var deaf = client.StreamAggregatedResources(cancellationToken: TestContext.Current.CancellationToken);
        await deaf.RequestStream.WriteAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, "deaf", names: names), TestContext.Current.CancellationToken);
        using (var attach = new CancellationTokenSource(AdsStreamClient<DiscoveryRequest, DiscoveryResponse>.Limit))
        {
            while (host.Cache.StreamCount < 2) await Task.Delay(20, attach.Token);
        }
        var before = Heap();

        XdsSnapshot latest = snapshot;
        for (var i = 1; i <= Changes; i++)
        {
            latest = Wide(services: 40, addresses: 60, generation: i);
            host.Cache.SetSnapshot("mesh", latest);
        }
        byte[][] expected = [.. latest.LoadAssignments.Select(r => r.Payload.ToArray())];
        static bool Carries(DiscoveryResponse response, byte[][] payloads) =>
            response.Resources.Select(r => r.Value.ToByteArray()).SequenceEqual(payloads, EqualityComparer<byte[]>.Create((a, b) => a!.AsSpan().SequenceEqual(b), a => a.Length));

        // The good client reaches the latest change.
        DiscoveryResponse last;
        do
        {
            last = await good.NextAsync();
            await good.SendAsync(Ads.Ack(last, "good", names));
        }
        while (!Carries(last, expected));
        // 200 responses queued for the deaf client would keep 200 snapshots alive (about 30 MB); the server keeps the latest.
        var grown = Heap() - before;
        Assert.True(grown < 8 * 1024 * 1024, $"the heap grew by {grown / 1048576.0:F1} MB while a client did not read {Changes} changes");

        // When it reads at last, it skips to the latest instead of being sent every version.
        var received = 0;
        using var timeout = new CancellationTokenSource(AdsStreamClient<DiscoveryRequest, DiscoveryResponse>.Limit);
        while (await deaf.ResponseStream.MoveNext(timeout.Token))
        {
            received++;
            if (Carries(deaf.ResponseStream.Current, expected)) break;
        }
        Assert.True(Carries(deaf.ResponseStream.Current, expected));
        Assert.True(received < Changes / 10, $"the deaf client was sent {received} responses for {Changes} changes");
    }
}
