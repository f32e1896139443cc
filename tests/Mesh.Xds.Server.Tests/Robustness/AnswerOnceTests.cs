using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Robustness;

/// <summary>
/// Regressions the request fuzzer found: an ACK or a NACK answers one response, once. A NACK (or ACK) that answers no
/// response, or repeats one already answered, raises no event, no NACK log and no <c>mesh.xds.server.nacks</c> count —
/// a client could otherwise inflate them at will.
/// </summary>
public sealed class AnswerOnceTests
{
    [Fact]
    public async Task Sotw_ErrorDetailOnTheFirstRequestOfAType_IsNotANack()
    {
        await using var host = await XdsServerHost.StartAsync();
        using var metrics = new MetricsCapture(host);
        var events = new EventLog(host.Cache);
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());

        var request = Ads.Request(XdsTypeUrls.Cluster, nonce: "from-another-replica");
        request.ErrorDetail = new Protocol.Status { Code = 3, Message = "nothing was sent yet" };
        await stream.SendAsync(request);

        Assert.Equal(XdsTypeUrls.Cluster, (await stream.NextAsync()).TypeUrl);
        Assert.Empty(events.Events);
        Assert.Equal(0, metrics.Sum(XdsServerTelemetry.Nacks));
    }

    [Fact]
    public async Task Sotw_TheSameNackTwice_IsOneEvent()
    {
        await using var host = await XdsServerHost.StartAsync();
        using var metrics = new MetricsCapture(host);
        var events = new EventLog(host.Cache);
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        var response = await stream.NextAsync();

        await stream.SendAsync(Ads.Nack(response, keptVersion: "", "bad cluster"));
        await stream.SendAsync(Ads.Nack(response, keptVersion: "", "bad cluster"));
        await stream.SendAsync(Ads.Ack(response));
        // A barrier: the route configuration is answered after the three requests above were handled.
        await stream.SendAsync(Ads.Request(XdsTypeUrls.RouteConfiguration, names: GreeterMesh.Target));
        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await stream.NextAsync()).TypeUrl);

        Assert.Single(events.Events);
        Assert.IsType<XdsNackEventArgs>(events.Events[0]);
        Assert.Equal(1, metrics.Sum(XdsServerTelemetry.Nacks));
    }

    [Fact]
    public async Task Delta_TheSameAckTwice_IsOneEvent()
    {
        await using var host = await XdsServerHost.StartAsync();
        var events = new EventLog(host.Cache);
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Delta(host.Channel());
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster));
        var response = await stream.NextAsync();

        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, nonce: response.Nonce));
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, nonce: response.Nonce));
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.RouteConfiguration, subscribe: [GreeterMesh.Target]));
        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await stream.NextAsync()).TypeUrl);

        Assert.IsType<XdsAckEventArgs>(Assert.Single(events.Events));
    }
}
