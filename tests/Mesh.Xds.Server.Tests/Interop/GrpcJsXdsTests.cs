using Mesh.Model;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Interop;

/// <summary>
/// gRPC's own xDS client (<c>@grpc/grpc-js-xds</c>, in node) against our server on loopback, resolving
/// <c>xds:///greeter.grpc.svc.cluster.local:50051</c> and calling two loopback backends (v1 and v2). Skipped, saying why,
/// only when <c>node</c> is missing.
/// </summary>
public sealed class GrpcJsXdsTests
{
    private const string NodeId = "grpc-node-1";
    private const int Calls = 400;
    private const double Tolerance = 0.08;

    private static double Share(Dictionary<string, int> backends, string name) => backends.GetValueOrDefault(name) / (double)backends.Values.Sum();

    private static XdsSnapshot Snapshot(MeshConfig model, EndpointSnapshot endpoints) =>
        new XdsEncoder().Build(model, endpoints, XdsProxy.ProxylessGrpc(NodeId, GreeterMesh.Namespace)).Snapshot!;

    [Fact]
    public async Task GrpcXdsClient_FollowsSplitsTimeoutsAndHeaderRoutes_AndItsNackIsReported()
    {
        if (NodeXdsClient.Unavailable() is { } why) Assert.Skip(why);
        await using var v1 = await EchoBackend.StartAsync("v1");
        await using var v2 = await EchoBackend.StartAsync("v2");
        await using var host = await XdsServerHost.StartAsync();
        var events = new EventLog(host.Cache);
        var endpoints = GreeterMesh.Endpoints(v1.Port, v2.Port);
        host.Cache.SetSnapshot(NodeId, Snapshot(GreeterMesh.Model(80, 20), endpoints));
        await using var client = await NodeXdsClient.StartAsync(host.Address, NodeId, GreeterMesh.Target);

        // 80/20 split; the client has ACKed all four types (the RPCs need every one of them).
        var (backends, errors) = await client.CallsAsync(Calls);
        Assert.True(errors.Count == 0, "RPCs failed: " + string.Join(", ", errors) + client.Errors());
        Assert.InRange(Share(backends, "v1"), 0.8 - Tolerance, 0.8 + Tolerance);
        foreach (var type in Enum.GetValues<XdsResourceType>())
        {
            await events.WaitAsync<XdsAckEventArgs>(a => a.Type == type && a.Node.Id == NodeId && !a.Delta, $"ACK of {type}");
        }

        // The split changes to 20/80: RDS is pushed, the client ACKs it, and the distribution follows.
        var flipped = Snapshot(GreeterMesh.Model(20, 80), endpoints);
        var before = events.Count;
        host.Cache.SetSnapshot(NodeId, flipped);
        await events.WaitAsync<XdsAckEventArgs>(a => a.Type == XdsResourceType.RouteConfiguration, "ACK of the new routes", before);
        (backends, errors) = await client.CallsAsync(Calls);
        Assert.Empty(errors);
        Assert.InRange(Share(backends, "v1"), 0.2 - Tolerance, 0.2 + Tolerance);

        // The header-match route sends everything to v2; a slow call succeeds while the route has no timeout.
        var canary = new Dictionary<string, string> { ["x-canary"] = "yes" };
        (backends, errors) = await client.CallsAsync(50, canary);
        Assert.Equal(new Dictionary<string, int> { ["v2"] = 50 }, backends);
        (backends, errors) = await client.CallsAsync(8, canary, delayMs: 1500);
        Assert.Equal(new Dictionary<string, int> { ["v2"] = 8 }, backends);

        // A 500 ms timeout on that route: the same slow calls now fail with DEADLINE_EXCEEDED; fast ones still pass.
        var timed = Snapshot(GreeterMesh.Model(20, 80, canaryTimeout: TimeSpan.FromMilliseconds(500)), endpoints);
        before = events.Count;
        host.Cache.SetSnapshot(NodeId, timed);
        await events.WaitAsync<XdsAckEventArgs>(a => a.Type == XdsResourceType.RouteConfiguration, "ACK of the route timeout", before);
        (backends, errors) = await client.CallsAsync(8, canary, delayMs: 1500);
        Assert.Equal(new Dictionary<string, int> { ["DEADLINE_EXCEEDED"] = 8 }, errors);
        (backends, errors) = await client.CallsAsync(8, canary);
        Assert.Equal(new Dictionary<string, int> { ["v2"] = 8 }, backends);

        // A cluster gRPC cannot use (LEAST_REQUEST, as encoded for an Envoy sidecar) is NACKed and reported.
        var leastRequest = GreeterMesh.Model(20, 80) with
        {
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = GreeterMesh.Greeter }, LoadBalancer = LoadBalancer.LeastRequest }],
        };
        var invalid = new XdsEncoder().Build(leastRequest, endpoints, XdsProxy.Sidecar(NodeId, GreeterMesh.Namespace)).Snapshot!;
        host.Cache.SetSnapshot(NodeId, invalid);
        var nack = await events.WaitAsync<XdsNackEventArgs>(n => n.Type == XdsResourceType.Cluster, "NACK of the invalid cluster");
        Assert.Equal(NodeId, nack.Node.Id);
        // gRPC subscribes to clusters by name, so versions are those of the named selection; it keeps the one it last ACKed.
        var lastCds = events.Events.OfType<XdsAckEventArgs>().Last(a => a.Type == XdsResourceType.Cluster);
        Assert.Equal(lastCds.Version, nack.KeptVersion);
        Assert.NotEqual(nack.KeptVersion, nack.RejectedVersion);
        Assert.Contains("lb_policy", nack.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }
}
