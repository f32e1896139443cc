using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;
using Microsoft.Extensions.Logging;

namespace Mesh.Xds.Server.Tests.Robustness;

/// <summary>
/// Clients that misbehave — go away mid-stream, never ACK, send bytes that are not a request or break gRPC's framing —
/// end their own stream and nothing else: the other clients keep being served, the open-stream count and the
/// <c>mesh.xds.server.streams</c> metric come back to what is really open, and the server logs each stream's end and why.
/// </summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            while (!condition()) await Task.Delay(20, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Not within {Limit}: {what}");
        }
    }

    private static double OpenStreams(MetricsCapture metrics) => metrics.Sum(XdsServerTelemetry.Streams);

    /// <summary>A client that behaves: CDS wildcard, ACKed.</summary>
    private static async Task<(AdsStreamClient<DiscoveryRequest, DiscoveryResponse> Stream, DiscoveryResponse Cds)> WellBehavedAsync(XdsServerHost host, string nodeId = "good")
    {
        var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster, nodeId));
        var cds = await stream.NextAsync();
        await stream.SendAsync(Ads.Ack(cds, nodeId));
        return (stream, cds);
    }

    private static void NoErrorsLogged(LogCapture logs) =>
        Assert.True(logs.Entries.All(e => e.Level < LogLevel.Error), string.Join("\n", logs.Entries.Where(e => e.Level >= LogLevel.Error)));

    [Fact]
    public async Task ClientsThatGoAwayRightAfterARequest_LeaveNoStreamBehind_AndEachEndIsLogged()
    {
        var logs = new LogCapture();
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "mesh", logs: logs);
        using var metrics = new MetricsCapture(host);
        host.Cache.SetSnapshot("mesh", GreeterMesh.Snapshot());
        var (good, _) = await WellBehavedAsync(host);
        await using var _good = good;

        // Twenty clients, state of the world and delta, go away at once after a request, after its response, or after two requests.
        for (var i = 0; i < 20; i++)
        {
            var node = $"gone-{i}";
            if (i % 2 == 0)
            {
                var stream = Ads.Sotw(host.Channel());
                await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster, node));
                if (i % 3 == 1) await stream.NextAsync();
                if (i % 3 == 2) await stream.SendAsync(Ads.Request(XdsTypeUrls.Listener, node));
                await stream.DisposeAsync();
            }
            else
            {
                var stream = Ads.Delta(host.Channel());
                await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, node));
                if (i % 3 == 1) await stream.NextAsync();
                if (i % 3 == 2) await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Listener, node));
                await stream.DisposeAsync();
            }
        }

        await UntilAsync(() => host.Cache.StreamCount == 1 && OpenStreams(metrics) == 1, "only the well-behaved stream left open");
        // Every stream the server ran was logged when it ended, a client's disappearance as such.
        var opened = metrics.Values(XdsServerTelemetry.Streams).Count(v => v > 0);
        await UntilAsync(() => logs.Of(2).Count == opened - 1, "a closing log for every stream but the open one");
        Assert.All(logs.Of(2), e => Assert.Contains("went away", e.Message, StringComparison.Ordinal));
        NoErrorsLogged(logs);

        // The well-behaved client is still served.
        var next = GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false));
        host.Cache.SetSnapshot("mesh", next);
        Assert.Equal(next.Clusters.Version.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), (await good.NextAsync()).VersionInfo);
    }

    [Fact]
    public async Task ClientThatGoesAwayWhileAResponseIsWritten_LeavesNoStreamBehind()
    {
        var logs = new LogCapture();
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "mesh", logs: logs);
        using var metrics = new MetricsCapture(host);
        var wide = BoundedStateTests.Wide(services: 200, addresses: 20);
        host.Cache.SetSnapshot("mesh", wide);
        var (good, _) = await WellBehavedAsync(host);
        await using var _good = good;

        // The load assignments (about 400 KB) are more than HTTP/2 lets the server send to a client that does not read:
        // the server's write of the response waits for the client when the client goes away.
        var names = wide.LoadAssignments.Select(r => r.Name).ToArray();
        var call = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(host.Channel());
        using var cancel = new CancellationTokenSource();
        var raw = call.StreamAggregatedResources(cancellationToken: cancel.Token);
        await raw.RequestStream.WriteAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, "stuck", names: names), TestContext.Current.CancellationToken);
        await UntilAsync(() => host.Cache.StreamCount == 2, "the stuck client's stream attached");
        await cancel.CancelAsync();
        raw.Dispose();

        await UntilAsync(() => host.Cache.StreamCount == 1 && OpenStreams(metrics) == 1, "the stuck stream closed");
        await UntilAsync(() => logs.Of(2).Any(e => e.Message.Contains("'stuck'", StringComparison.Ordinal)), "the stuck stream's end logged");
        Assert.Contains("went away", logs.Of(2).Single(e => e.Message.Contains("'stuck'", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        NoErrorsLogged(logs);
        var next = BoundedStateTests.Wide(services: 201, addresses: 20);
        host.Cache.SetSnapshot("mesh", next);
        Assert.Equal(next.Clusters.Version.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), (await good.NextAsync()).VersionInfo);
    }

    [Fact]
    public async Task ClientThatNeverAcks_IsPushedTheLatest_AndOthersGetEveryChange()
    {
        const int Changes = 200;
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "mesh");
        var events = new EventLog(host.Cache);
        host.Cache.SetSnapshot("mesh", BoundedStateTests.Wide(services: 10, addresses: 1));
        var (good, first) = await WellBehavedAsync(host);
        await using var _good = good;
        await using var silent = Ads.Sotw(host.Channel());
        await silent.SendAsync(Ads.Request(XdsTypeUrls.Cluster, "silent"));
        await silent.NextAsync();

        var versions = new List<string>();
        for (var i = 1; i <= Changes; i++)
        {
            // Every change adds a service, so every change is a new CDS version.
            var snapshot = BoundedStateTests.Wide(services: 10 + i, addresses: 1);
            host.Cache.SetSnapshot("mesh", snapshot);
            versions.Add(snapshot.Clusters.Version.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        }
        var latest = versions[^1];

        // The silent client reads but never ACKs: it is sent versions (skipping some is allowed) up to the latest.
        var seen = new List<string>();
        while (seen.Count == 0 || seen[^1] != latest) seen.Add((await silent.NextAsync()).VersionInfo);
        Assert.True(seen.Count <= Changes, $"{seen.Count} responses for {Changes} changes");
        // The well-behaved one ACKs what it gets and reaches the latest too.
        var last = first;
        while (last.VersionInfo != latest)
        {
            last = await good.NextAsync();
            await good.SendAsync(Ads.Ack(last, "good"));
        }
        await events.WaitAsync<XdsAckEventArgs>(a => a.Node.Id == "good" && a.Version == latest, "the good client's ACK of the latest");
        Assert.DoesNotContain(events.Events, e => e is XdsAckEventArgs { Node.Id: "silent" });
        Assert.Equal(2, host.Cache.StreamCount);
    }

    [Fact]
    public async Task GarbageBytes_EndThatStreamWithInvalidArgument_AndAreLogged()
    {
        var logs = new LogCapture();
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "mesh", logs: logs);
        using var metrics = new MetricsCapture(host);
        host.Cache.SetSnapshot("mesh", GreeterMesh.Snapshot());
        var (good, _) = await WellBehavedAsync(host);
        await using var _good = good;

        // A valid first request, then bytes that are not a DiscoveryRequest (a field with wire type 7, which does not exist).
        await using (var raw = RawAds.Open(host.Channel()))
        {
            await raw.SendAsync(Google.Protobuf.MessageExtensions.ToByteArray(Ads.Request(XdsTypeUrls.Cluster, "garbage")));
            await raw.NextAsync();
            await raw.SendAsync([0x0f, 0xff, 0xff, 0xff]);
            Assert.Equal(StatusCode.InvalidArgument, await raw.EndAsync());
        }

        await UntilAsync(() => host.Cache.StreamCount == 1 && OpenStreams(metrics) == 1, "the garbage stream closed");
        Assert.Single(logs.Of(5));
        Assert.Contains("InvalidArgument", Assert.Single(logs.Of(2)).Message, StringComparison.Ordinal);
        NoErrorsLogged(logs);
        await good.SendAsync(Ads.Request(XdsTypeUrls.Listener, "good"));
        Assert.Equal(XdsTypeUrls.Listener, (await good.NextAsync()).TypeUrl);
    }

    /// <summary>gRPC's own statuses for a broken frame: <c>INTERNAL</c> (13), or <c>RESOURCE_EXHAUSTED</c> (8) for a message over the size limit.</summary>
    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 3, 1, 2, 3 }, "a compressed message without grpc-encoding", 13)]
    [InlineData(new byte[] { 0, 0x7f, 0xff, 0xff, 0xff, 1, 2, 3 }, "a length prefix of 2 GB", 8)]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 }, "a message cut short by the end of the stream", 13)]
    [InlineData(new byte[] { 0, 0 }, "a cut length prefix", 13)]
    public async Task BrokenGrpcFraming_EndsThatStreamWithGrpcsStatus_AndTheServerGoesOn(byte[] body, string what, int expected)
    {
        var logs = new LogCapture();
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "mesh", logs: logs);
        host.Cache.SetSnapshot("mesh", GreeterMesh.Snapshot());
        var (good, _) = await WellBehavedAsync(host);
        await using var _good = good;

        using var http = new HttpClient(new SocketsHttpHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, "/envoy.service.discovery.v3.AggregatedDiscoveryService/StreamAggregatedResources"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var timeout = new CancellationTokenSource(Limit);
        using var response = await http.SendAsync(request, timeout.Token);
        await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.Single()
            : response.Headers.TryGetValues("grpc-status", out var h) ? h.Single()
            : $"none (HTTP {(int)response.StatusCode}; headers {response.Headers}; trailers {response.TrailingHeaders})";

        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: grpc-status {status}");
        Assert.True(int.TryParse(status, out var code) && code == expected, $"{what}: grpc-status {status}, not {expected}");
        await UntilAsync(() => host.Cache.StreamCount == 1, "the broken stream closed");
        NoErrorsLogged(logs);
        await good.SendAsync(Ads.Request(XdsTypeUrls.Listener, "good"));
        Assert.Equal(XdsTypeUrls.Listener, (await good.NextAsync()).TypeUrl);
    }
}
